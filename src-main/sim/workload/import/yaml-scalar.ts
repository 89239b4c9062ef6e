import { YamlError } from './yaml-lines.ts';

// Values written on one line: plain, single- and double-quoted scalars (YAML 1.2 core schema) and
// flow collections ({a: 1, b: [2, 3]}). Aliases, tags, block scalars and template expressions are
// not read; they become YamlUnsupported markers that say what and where, so a reader that needs
// that value reports it instead of misreading it, and a reader that does not is not stopped.

export class YamlUnsupported {
  readonly line: number;
  /** What was found, e.g. 'an alias (*problem_base)'. */
  readonly what: string;

  constructor(line: number, what: string) {
    this.line = line;
    this.what = what;
  }
}

export type YamlValue = string | number | boolean | null | YamlUnsupported | YamlValue[] | YamlMap;
export interface YamlMap {
  [key: string]: YamlValue;
}

const keyLines = new WeakMap<YamlMap, Map<string, number>>();

export function newMap(): YamlMap {
  return Object.create(null) as YamlMap;
}

/** Sets a key and remembers the line it was written on (for messages about its value). */
export function setKey(map: YamlMap, key: string, value: YamlValue, line: number): void {
  map[key] = value;
  let lines = keyLines.get(map);
  if (!lines) keyLines.set(map, (lines = new Map()));
  lines.set(key, line);
}

/** The line a key of a parsed mapping was written on. */
export function lineOfKey(map: YamlMap, key: string): number | undefined {
  return keyLines.get(map)?.get(key);
}

/** The YAML 1.2 core schema for an unquoted scalar. */
export function resolvePlain(text: string): string | number | boolean | null {
  if (/^(null|Null|NULL|~|)$/.test(text)) return null;
  if (/^(true|True|TRUE)$/.test(text)) return true;
  if (/^(false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0o[0-7]+$/.test(text)) return Number.parseInt(text.slice(2), 8);
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(text)) return Number.NaN;
  return text;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

interface Cursor {
  readonly text: string;
  pos: number;
  readonly line: number;
}

function quoted(cur: Cursor): string {
  const quote = cur.text[cur.pos]!;
  let out = '';
  for (let i = cur.pos + 1; i < cur.text.length; i += 1) {
    const ch = cur.text[i]!;
    if (quote === "'" && ch === "'" && cur.text[i + 1] === "'") {
      out += "'";
      i += 1;
    } else if (ch === quote) {
      cur.pos = i + 1;
      return out;
    } else if (quote === '"' && ch === '\\') {
      const next = cur.text[i + 1] ?? '';
      const unicode = /^u([0-9a-fA-F]{4})/.exec(cur.text.slice(i + 1));
      if (unicode) out += String.fromCharCode(Number.parseInt(unicode[1]!, 16));
      else if (ESCAPES[next] !== undefined) out += ESCAPES[next];
      else throw new YamlError(cur.line, `the escape "\\${next}" is not supported`);
      i += unicode ? 5 : 1;
    } else out += ch;
  }
  throw new YamlError(cur.line, `a ${quote === '"' ? 'double' : 'single'}-quoted string that does not close on its line`);
}

const skipSpaces = (cur: Cursor): void => {
  while (cur.text[cur.pos] === ' ') cur.pos += 1;
};

function flowPlain(cur: Cursor): YamlValue {
  const start = cur.pos;
  while (cur.pos < cur.text.length && !/[,\]}]/.test(cur.text[cur.pos]!) && !(cur.text[cur.pos] === ':' && /[\s,\]}]|^$/.test(cur.text[cur.pos + 1] ?? ''))) cur.pos += 1;
  const token = cur.text.slice(start, cur.pos).trim();
  if (token.startsWith('*')) return new YamlUnsupported(cur.line, `an alias (${token})`);
  if (/^[!&|>@`]/.test(token)) throw new YamlError(cur.line, `"${token}" (an anchor, tag, block scalar or reserved character) is not supported inside a flow collection`);
  return resolvePlain(token);
}

function flowValue(cur: Cursor): YamlValue {
  skipSpaces(cur);
  const ch = cur.text[cur.pos];
  if (ch === '[') return flowSequence(cur);
  if (ch === '{') return flowMapping(cur);
  if (ch === '"' || ch === "'") return quoted(cur);
  return flowPlain(cur);
}

function expectSeparator(cur: Cursor, close: string): boolean {
  skipSpaces(cur);
  const ch = cur.text[cur.pos];
  cur.pos += 1;
  if (ch === ',') return false;
  if (ch === close) return true;
  throw new YamlError(cur.line, ch === undefined ? `"${close}" is missing` : `expected "," or "${close}", found "${ch}"`);
}

function flowSequence(cur: Cursor): YamlValue[] {
  const out: YamlValue[] = [];
  cur.pos += 1;
  for (;;) {
    skipSpaces(cur);
    if (cur.text[cur.pos] === ']') {
      cur.pos += 1;
      return out;
    }
    out.push(flowValue(cur));
    if (expectSeparator(cur, ']')) return out;
  }
}

function flowMapping(cur: Cursor): YamlMap {
  const out = newMap();
  cur.pos += 1;
  for (;;) {
    skipSpaces(cur);
    if (cur.text[cur.pos] === '}') {
      cur.pos += 1;
      return out;
    }
    const key = cur.text[cur.pos] === '"' || cur.text[cur.pos] === "'" ? quoted(cur) : flowPlain(cur);
    if (typeof key !== 'string' && typeof key !== 'number') throw new YamlError(cur.line, 'a flow mapping key must be a plain or quoted scalar');
    const name = String(key);
    if (name in out) throw new YamlError(cur.line, `the key "${name}" appears twice`);
    skipSpaces(cur);
    const hasValue = cur.text[cur.pos] === ':';
    if (hasValue) cur.pos += 1;
    skipSpaces(cur);
    setKey(out, name, !hasValue || /^[,}]/.test(cur.text.slice(cur.pos)) ? null : flowValue(cur), cur.line);
    if (expectSeparator(cur, '}')) return out;
  }
}

/** A value written after "key:" or "- ", or alone on a line. */
export function parseInline(text: string, line: number): YamlValue {
  const value = text.trim();
  if (value.startsWith('*')) return new YamlUnsupported(line, `an alias (${value})`);
  if (value.startsWith('!')) return new YamlUnsupported(line, `a tag (${value.split(/\s/)[0]})`);
  if (/^[|>]/.test(value)) return new YamlUnsupported(line, 'a block scalar (| or >)');
  if (value.startsWith('{{')) return new YamlUnsupported(line, `a template expression (${value})`);
  if (/^[@`]/.test(value)) throw new YamlError(line, `"${value[0]}" is reserved in YAML and cannot start a value`);
  if (/^[[{"']/.test(value)) {
    const cur: Cursor = { text: value, pos: 0, line };
    const parsed = value.startsWith('[') || value.startsWith('{') ? flowValue(cur) : quoted(cur);
    if (cur.text.slice(cur.pos).trim() !== '') throw new YamlError(line, `unexpected "${cur.text.slice(cur.pos).trim()}" after the value`);
    return parsed;
  }
  if (/:(\s|$)/.test(value)) throw new YamlError(line, `the value "${value}" contains ": "; quote it, or put a nested mapping on its own lines`);
  return resolvePlain(value);
}
