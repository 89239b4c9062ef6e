import { isAlias, isMap, isScalar, isSeq, type Alias, type LineCounter, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { newMap, setKey, YamlError, YamlUnsupported, type YamlValue } from './yaml-values.ts';

// Turns the `yaml` library's node tree into plain data, keeping the line of every key. The tree is
// walked here rather than by the library's toJS() because toJS() forgets where each value stood.
// Aliases are expanded by this walk, so it also carries the guard against alias bombs that toJS()
// would apply with maxAliasCount: a budget of values made by expanding aliases, and a depth limit.

/** Problem files nest about 7 deep (shape.data_spaces[].projection[][][]); 64 is far beyond. */
export const MAX_DEPTH = 64;
/** Values that aliases may expand to in one file; problem files that use aliases expand to a few hundred. */
export const MAX_ALIAS_VALUES = 100_000;

export interface Walk {
  readonly text: string;
  readonly lines: LineCounter;
  /** Anchored nodes by name, in document order; an alias names the last one that ends before it. */
  readonly anchors: Map<string, Node[]>;
  aliasValuesLeft: number;
  /** The line of the alias being expanded (the one to fix when the expansion is too large). */
  aliasLine: number;
}

export function newWalk(text: string, lines: LineCounter): Walk {
  return { text, lines, anchors: new Map(), aliasValuesLeft: MAX_ALIAS_VALUES, aliasLine: 0 };
}

const lineOf = (walk: Walk, node: Node | null | undefined): number => walk.lines.linePos(node?.range?.[0] ?? 0).line;

/** A node and everything below it. `inAlias`: inside an alias's expansion, whose anchors are already known. */
export function plainValue(walk: Walk, node: Node | null | undefined, depth: number, inAlias: boolean): YamlValue {
  if (node === null || node === undefined) return null;
  if (inAlias && --walk.aliasValuesLeft < 0) {
    throw new YamlError(walk.aliasLine, `the aliases expand to more than ${MAX_ALIAS_VALUES.toLocaleString('en')} values; a problem file holds a few hundred`);
  }
  if (depth > MAX_DEPTH) throw new YamlError(lineOf(walk, node), `values nested more than ${MAX_DEPTH} levels deep`);
  if (isAlias(node)) return aliasValue(walk, node, depth, inAlias);
  const value = nodeValue(walk, node, depth, inAlias);
  if (!inAlias && node.anchor) {
    const named = walk.anchors.get(node.anchor);
    if (named) named.push(node);
    else walk.anchors.set(node.anchor, [node]);
  }
  return value;
}

function aliasValue(walk: Walk, alias: Alias, depth: number, inAlias: boolean): YamlValue {
  const at = alias.range?.[0] ?? 0;
  // Ending before the alias: an alias inside its own anchored node cannot loop.
  const target = walk.anchors.get(alias.source)?.findLast((node) => (node.range?.[1] ?? Infinity) <= at);
  if (!target) return new YamlUnsupported(lineOf(walk, alias), `an alias (*${alias.source}) to an anchor not in this file`);
  if (!inAlias) walk.aliasLine = lineOf(walk, alias);
  return plainValue(walk, target, depth, true);
}

function nodeValue(walk: Walk, node: Node, depth: number, inAlias: boolean): YamlValue {
  if (isScalar(node)) return scalarValue(walk, node);
  if (isSeq(node)) return node.items.map((item) => plainValue(walk, item as Node, depth + 1, inAlias));
  if (isMap(node)) return mapValue(walk, node, depth, inAlias);
  throw new YamlError(lineOf(walk, node), 'a value of a kind problem files do not use');
}

function scalarValue(walk: Walk, node: Scalar): YamlValue {
  // A local tag (!name) asks for a type only the writing program knows.
  if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) return new YamlUnsupported(lineOf(walk, node), `a tag (${node.tag})`);
  const value = node.value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// Jinja (`{{ name }}`) reads as YAML flow mappings nested twice; the file means a template.
function templateText(walk: Walk, node: YAMLMap): string | undefined {
  if (!node.flow || !node.range || !walk.text.startsWith('{{', node.range[0])) return undefined;
  return walk.text.slice(node.range[0], node.range[1]).trim();
}

function mapValue(walk: Walk, node: YAMLMap, depth: number, inAlias: boolean): YamlValue {
  const template = templateText(walk, node);
  if (template !== undefined) return new YamlUnsupported(lineOf(walk, node), `a template expression (${template})`);
  const out = newMap();
  for (const pair of node.items as Pair<Node | null, Node | null>[]) {
    const line = lineOf(walk, pair.key ?? pair.value);
    const key = keyName(walk, pair.key);
    // Checked here in linear time; the library's own check (uniqueKeys) is quadratic in the keys.
    if (key in out) throw new YamlError(line, `the key "${key}" appears twice in this mapping`);
    setKey(out, key, plainValue(walk, pair.value, depth + 1, inAlias), line);
  }
  return out;
}

function keyName(walk: Walk, key: Node | null): string {
  if (key === null) return '';
  if (isScalar(key)) return String(key.value);
  throw new YamlError(lineOf(walk, key), 'a key must be a plain or quoted value, not a collection or an alias');
}
