// The plain data a YAML problem file becomes: scalars, arrays and null-prototype mappings that
// remember the line of each key, so a message about a value can point at the line to fix.

/** A value the importer cannot read (an alias to an anchor outside the file, a template). */
export class YamlUnsupported {
  readonly line: number;
  /** What was found, e.g. 'an alias (*problem_base) to an anchor not in this file'. */
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

/** Bad input at a line; parseYamlDocument turns it into an issue. */
export class YamlError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(message);
    this.name = 'YamlError';
    this.line = line;
  }
}

const keyLines = new WeakMap<YamlMap, Map<string, number>>();

// No prototype: a key named "__proto__" or "constructor" is data like any other.
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
