import type { Issue } from '../../../shared/result.ts';

// The small part of YAML that Timeloop and CiMLoop problem files use: block mappings and
// sequences by indentation, one-line flow mappings and sequences, plain or quoted scalars and
// comments. Anything else (anchors, aliases, tags, multi-line scalars, tabs) is reported with its
// line number instead of being misread.

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };
export type YamlResult = { readonly ok: true; readonly value: YamlValue } | { readonly ok: false; readonly issues: Issue[] };

interface Line {
  readonly indent: number;
  readonly text: string;
  readonly no: number;
}

class YamlError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(raw[i - 1]!))) return raw.slice(0, i);
  }
  return raw;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const no = i + 1;
    if (/^\s*\t/.test(raw)) throw new YamlError(no, 'tabs are not allowed for indentation');
    const body = stripComment(raw).replace(/\s+$/, '');
    if (body.trim() === '' || body.trim() === '---' || body.trim() === '...') return;
    out.push({ indent: body.length - body.trimStart().length, text: body.trim(), no });
  });
  return out;
}

function splitTopLevel(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < inner.length; i += 1) {
    const ch = inner[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') depth += 1;
    else if (ch === '}' || ch === ']') depth -= 1;
    else if (ch === ',' && depth === 0) {
      parts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function keyValue(text: string, no: number): [string, string] | undefined {
  const match = /^("[^"]*"|'[^']*'|[^:'"{}[\]]+?)\s*:(?:\s+(.*))?$/.exec(text);
  if (!match) return undefined;
  const key = match[1]!.replace(/^["']|["']$/g, '');
  if (key.trim() === '') throw new YamlError(no, 'empty key');
  return [key.trim(), (match[2] ?? '').trim()];
}

function scalar(text: string, no: number): YamlValue {
  if (/^[&*!|>]/.test(text)) throw new YamlError(no, `"${text[0]}" (anchors, aliases, tags, block scalars) is not supported in problem files`);
  if (text.startsWith('{')) {
    if (!text.endsWith('}')) throw new YamlError(no, 'a flow mapping must close on the same line');
    const out: Record<string, YamlValue> = {};
    for (const part of splitTopLevel(text.slice(1, -1))) {
      const kv = keyValue(part, no);
      if (!kv) throw new YamlError(no, `"${part}" is not "key: value"`);
      out[kv[0]] = scalar(kv[1], no);
    }
    return out;
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new YamlError(no, 'a flow sequence must close on the same line');
    return splitTopLevel(text.slice(1, -1)).map((p) => scalar(p, no));
  }
  if (/^(["']).*\1$/.test(text)) return text.slice(1, -1);
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^(null|~)?$/i.test(text)) return null;
  return text;
}

function block(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const first = all[start]!;
  return first.text === '-' || first.text.startsWith('- ') ? sequence(all, start, indent) : mapping(all, start, indent);
}

function child(all: Line[], i: number, parentIndent: number): { value: YamlValue; next: number } {
  const next = all[i];
  if (next && next.indent > parentIndent) return block(all, i, next.indent);
  return { value: null, next: i };
}

function mapping(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const out: Record<string, YamlValue> = {};
  let i = start;
  while (i < all.length && all[i]!.indent === indent && !all[i]!.text.startsWith('- ')) {
    const line = all[i]!;
    const kv = keyValue(line.text, line.no);
    if (!kv) throw new YamlError(line.no, `expected "key: value", found "${line.text}"`);
    if (kv[1] !== '') {
      out[kv[0]] = scalar(kv[1], line.no);
      i += 1;
    } else {
      const nested = child(all, i + 1, indent);
      out[kv[0]] = nested.value;
      i = nested.next;
    }
  }
  if (i < all.length && all[i]!.indent > indent) throw new YamlError(all[i]!.no, 'unexpected indentation');
  return { value: out, next: i };
}

function sequence(all: Line[], start: number, indent: number): { value: YamlValue; next: number } {
  const out: YamlValue[] = [];
  let i = start;
  while (i < all.length && all[i]!.indent === indent && (all[i]!.text === '-' || all[i]!.text.startsWith('- '))) {
    const line = all[i]!;
    const rest = line.text.slice(1).trim();
    if (rest === '') {
      const nested = child(all, i + 1, indent);
      out.push(nested.value);
      i = nested.next;
    } else if (keyValue(rest, line.no) && !rest.startsWith('{')) {
      // "- key: value" starts a mapping whose keys sit two columns in.
      const inner = indent + (line.text.length - rest.length);
      const copy = [...all];
      copy[i] = { indent: inner, text: rest, no: line.no };
      const nested = mapping(copy, i, inner);
      out.push(nested.value);
      i = nested.next;
    } else {
      out.push(scalar(rest, line.no));
      i += 1;
    }
  }
  return { value: out, next: i };
}

export function parseYamlSubset(text: string): YamlResult {
  try {
    const all = lines(text);
    if (all.length === 0) return { ok: true, value: null };
    const { value, next } = block(all, 0, all[0]!.indent);
    if (next < all.length) throw new YamlError(all[next]!.no, `unexpected "${all[next]!.text}" at this indentation`);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof YamlError) return { ok: false, issues: [{ path: `line ${error.line}`, message: error.message }] };
    throw error;
  }
}
