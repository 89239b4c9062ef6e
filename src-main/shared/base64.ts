// Binary files cross the contract as base64 text (JSON has no bytes). The check is strict, so a
// truncated or mangled upload is refused with the position of the damage instead of decoding to
// bytes that differ from the file; lenient decoders (Node's Buffer, atob) skip what they do not know.

// A regular-expression search runs in native code, faster than a loop over characters on a large
// file; V8 scans \w (exactly [A-Za-z0-9_] without the u flag) faster than the same set spelled out,
// so the one character it lets through, "_", is looked for apart (indexOf is a memchr).
const OUTSIDE_WORD = /[^\w+/]/;

function firstOutsideAlphabet(text: string): number {
  const other = text.search(OUTSIDE_WORD);
  const underscore = text.indexOf('_');
  if (other < 0 || underscore < 0) return Math.max(other, underscore);
  return Math.min(other, underscore);
}

/** Why `text` is not canonical base64 (the RFC 4648 alphabet, padded to groups of four), or undefined when it is. */
export function base64Problem(text: string): string | undefined {
  if (text.length % 4 !== 0) return `has ${text.length} characters; base64 comes in groups of 4 (the text is cut short or has extra characters)`;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const at = firstOutsideAlphabet(text.slice(0, text.length - padding));
  if (at < 0) return undefined;
  const found = text[at] === '=' ? '"=" (padding only ends the text)' : JSON.stringify(text[at]);
  return `is not base64: character ${at + 1} is ${found}, outside A-Z, a-z, 0-9, + and /`;
}

/** How many bytes canonical base64 text decodes to. */
export function base64DecodedBytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Base64 characters needed for `bytes` bytes. */
export function base64Chars(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}
