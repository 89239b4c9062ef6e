import type { Issue } from '../../../shared/result.ts';
import { scanLines, scanOutsideQuotes, YamlError, type TemplateLine, type YamlLine } from './yaml-lines.ts';
import { newMap, parseInline, setKey, YamlUnsupported, type YamlMap, type YamlValue } from './yaml-scalar.ts';

// The part of YAML that Timeloop and CiMLoop problem files use: block mappings and sequences by
// indentation (a sequence may sit at its key's indentation, items may nest: "- - - C"), flow
// collections, quoted and plain scalars, comments. Malformed text is an issue with its line;
// constructs outside the subset (aliases, tags, block scalars, multi-line plain scalars) become
// YamlUnsupported markers where they stand (see yaml-scalar.ts); anchors are dropped (the anchored
// value itself is read). Template lines ({{ ... }}) are returned apart, unexpanded.

export { lineOfKey, YamlUnsupported, type YamlMap, type YamlValue } from './yaml-scalar.ts';

export type YamlResult =
  | { readonly ok: true; readonly value: YamlValue; readonly templates: readonly TemplateLine[] }
  | { readonly ok: false; readonly issues: Issue[] };

interface Parsed {
  readonly value: YamlValue;
  readonly next: number;
}

const isItem = (text: string): boolean => text === '-' || text.startsWith('- ');

/** Splits "key: rest" at the first colon outside quotes that a space or the line end follows. */
function splitKey(text: string): [string, string] | undefined {
  if (/^[[{]/.test(text)) return undefined;
  let colon = -1;
  scanOutsideQuotes(text, (ch, i) => {
    if (ch === ':' && (i + 1 === text.length || text[i + 1] === ' ')) {
      colon = i;
      return true;
    }
  });
  if (colon < 0) return undefined;
  const rawKey = text.slice(0, colon).trim();
  const key = /^(["']).*\1$/.test(rawKey) ? rawKey.slice(1, -1) : rawKey;
  return [key, text.slice(colon + 1).trim()];
}

/** Skips the lines nested deeper than `indent` (the body of a construct that is not read). */
function skipDeeper(lines: readonly YamlLine[], i: number, indent: number): number {
  while (i < lines.length && lines[i]!.indent > indent) i += 1;
  return i;
}

/**
 * A value written inline on line i (`text`). Lines after it nested deeper than `parentIndent`
 * continue it: the body of an unsupported construct (skipped), or a plain scalar over several lines.
 */
function inlineValue(lines: readonly YamlLine[], i: number, text: string, parentIndent: number): Parsed {
  const line = lines[i]!;
  const value = parseInline(text, line.line);
  const next = skipDeeper(lines, i + 1, parentIndent);
  if (next === i + 1 || value instanceof YamlUnsupported) return { value, next };
  if (typeof value === 'string') return { value: new YamlUnsupported(line.line, 'a plain scalar over several lines'), next };
  throw new YamlError(lines[i + 1]!.line, 'unexpected indentation');
}

function valueAfterKey(lines: YamlLine[], i: number, indent: number, rest: string): Parsed {
  const unanchored = rest.replace(/^&\S+\s*/, '');
  if (unanchored !== '') return inlineValue(lines, i, unanchored, indent);
  const next = lines[i + 1];
  if (next && next.indent > indent) return block(lines, i + 1, indent);
  // A sequence may sit at its key's own indentation.
  if (next && next.indent === indent && isItem(next.text)) return sequence(lines, i + 1, indent);
  return { value: null, next: i + 1 };
}

function mapping(lines: YamlLine[], start: number, indent: number): Parsed {
  const out: YamlMap = newMap();
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent && !isItem(lines[i]!.text)) {
    const line = lines[i]!;
    if (/^[?:](\s|$)/.test(line.text)) throw new YamlError(line.line, 'complex keys ("? " and ": " lines) are not supported');
    const split = splitKey(line.text);
    if (!split) throw new YamlError(line.line, `expected "key: value", found "${line.text}"`);
    const [key, rest] = split;
    if (key in out) throw new YamlError(line.line, `the key "${key}" appears twice in this mapping`);
    const parsed = valueAfterKey(lines, i, indent, rest);
    setKey(out, key, parsed.value, line.line);
    i = parsed.next;
  }
  if (i < lines.length && lines[i]!.indent > indent) throw new YamlError(lines[i]!.line, 'unexpected indentation');
  return { value: out, next: i };
}

function sequence(lines: YamlLine[], start: number, indent: number): Parsed {
  const out: YamlValue[] = [];
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent && isItem(lines[i]!.text)) {
    const line = lines[i]!;
    const rest = line.text.slice(1).trimStart().replace(/^&\S+\s*/, '');
    let parsed: Parsed;
    if (rest === '') {
      const next = lines[i + 1];
      parsed = next && next.indent > indent ? block(lines, i + 1, indent) : { value: null, next: i + 1 };
    } else {
      // The item's content starts a node of its own at the column where it stands ("- a: 1" or "- - x").
      lines[i] = { indent: indent + line.text.length - rest.length, text: rest, line: line.line };
      parsed = block(lines, i, indent);
    }
    out.push(parsed.value);
    i = parsed.next;
  }
  return { value: out, next: i };
}

/** The node starting at line i, nested deeper than `parentIndent`. */
function block(lines: YamlLine[], i: number, parentIndent: number): Parsed {
  const line = lines[i]!;
  if (/^[?:](\s|$)/.test(line.text)) throw new YamlError(line.line, 'complex keys ("? " and ": " lines) are not supported');
  if (isItem(line.text)) return sequence(lines, i, line.indent);
  if (splitKey(line.text)) return mapping(lines, i, line.indent);
  return inlineValue(lines, i, line.text, parentIndent);
}

export function parseYamlSubset(text: string): YamlResult {
  try {
    const { lines, templates } = scanLines(text);
    if (lines.length === 0) return { ok: true, value: null, templates };
    const parsed = block(lines, 0, -1);
    if (parsed.next < lines.length) throw new YamlError(lines[parsed.next]!.line, `unexpected "${lines[parsed.next]!.text}" at this indentation`);
    return { ok: true, value: parsed.value, templates };
  } catch (error) {
    if (error instanceof YamlError) return { ok: false, issues: [{ path: `line ${error.line}`, message: error.message }] };
    throw error;
  }
}
