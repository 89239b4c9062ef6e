// Text from users' files and flags shown back to them: control characters (NUL, escape sequences,
// bidirectional overrides) are written as \u escapes so a hostile or broken file cannot drive the
// terminal, and long runs are cut with a note of how much was left out.

/** C0 and C1 controls, line and paragraph separators, and the bidirectional marks and overrides. */
function unprintable(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x200e || code === 0x200f || code === 0x2028 || code === 0x2029 || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeAll(text: string, oneLine: boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (!oneLine && (ch === '\n' || ch === '\t')) out += ch;
    else if (NAMED[ch] !== undefined) out += NAMED[ch];
    else out += unprintable(code) ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

/** One line, safe to print: controls escaped (newlines and tabs too when `oneLine`), at most `max` characters. */
export function printable(text: string, max = 600, oneLine = true): string {
  const escaped = escapeAll(text, oneLine);
  if (escaped.length <= max) return escaped;
  return `${escaped.slice(0, max)}... (${escaped.length - max} more characters)`;
}

/** True when bytes are not text: a NUL byte, or not valid UTF-8. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65_536);
  if (sample.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}
