import type { Issue } from '../../../shared/result.ts';
import type { Layer } from '../../../shared/schemas/workload.ts';
import { parseYamlSubset, type YamlValue } from './yaml-subset.ts';
import type { ImportResult } from './neurosim-csv.ts';

// Timeloop / CiMLoop problem files: one layer per file, `problem: instance: {C, M, P, Q, R, S, N,
// Hstride, Wstride, ...}` (C in-channels, M out-channels, P x Q output, R x S kernel, N batch).
// Keys are read case-insensitively (HStride and Hstride both appear in published files). A folder
// of such files is one network, its layers in the natural order of the file names. Files give no
// padding and leave out pooling between layers, so each layer declares its own input size
// ((P - 1) * stride + R) and the network's MACs are exactly the files' C*M*P*Q*R*S.

export interface LayerFile {
  readonly fileName: string;
  readonly text: string;
}

function lowerKeys(value: YamlValue): Record<string, YamlValue> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
}

function findInstance(doc: YamlValue): Record<string, YamlValue> | undefined {
  const top = lowerKeys(doc);
  const problem = top?.problem !== undefined ? lowerKeys(top.problem) : top;
  return problem?.instance !== undefined ? lowerKeys(problem.instance) : undefined;
}

function dimension(instance: Record<string, YamlValue>, key: string, fallback: number | undefined, where: string, issues: Issue[]): number {
  const value = instance[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    issues.push({ path: `${where} problem.instance.${key.toUpperCase()}`, message: value === undefined ? 'is missing' : `must be a positive whole number (got ${JSON.stringify(value)})` });
    return 1;
  }
  return value;
}

function layerFromFile(file: LayerFile, index: number, previous: string | undefined, issues: Issue[]): Layer | undefined {
  const parsed = parseYamlSubset(file.text);
  if (!parsed.ok) {
    issues.push(...parsed.issues.map((i) => ({ path: `${file.fileName} ${i.path}`, message: i.message })));
    return undefined;
  }
  const instance = findInstance(parsed.value);
  if (!instance) {
    issues.push({ path: file.fileName, message: 'has no problem.instance mapping' });
    return undefined;
  }
  const before = issues.length;
  const d = (key: string, fallback?: number) => dimension(instance, key, fallback, file.fileName, issues);
  const [c, m, p, q, r, s] = [d('c'), d('m'), d('p'), d('q'), d('r'), d('s')];
  const hs = d('hstride', 1);
  const ws = d('wstride', 1);
  if (issues.length > before) return undefined;
  return {
    name: `layer${index + 1}`,
    kind: 'conv',
    inputs: previous ? [previous] : [],
    out: m,
    kernel: [r, s],
    stride: [hs, ws],
    padding: [0, 0],
    inputShape: [c, (p - 1) * hs + r, (q - 1) * ws + s],
  };
}

const naturalOrder = (a: LayerFile, b: LayerFile): number => a.fileName.localeCompare(b.fileName, undefined, { numeric: true });

export function parseTimeloopLayers(files: readonly LayerFile[], name: string): ImportResult {
  const issues: Issue[] = [];
  const layers: Layer[] = [];
  const sorted = [...files].sort(naturalOrder);
  let previous: string | undefined;
  sorted.forEach((file, i) => {
    const layer = layerFromFile(file, i, previous, issues);
    if (!layer) return;
    layers.push(layer, { name: `${layer.name}.relu`, kind: 'relu', inputs: [layer.name] });
    previous = `${layer.name}.relu`;
  });
  if (!issues.length && layers.length === 0) issues.push({ path: 'files', message: 'no layer files' });
  if (issues.length) return { ok: false, issues };
  const first = layers[0]!.inputShape!;
  const last = layers.at(-2)!;
  return {
    ok: true,
    network: { name, dataset: 'imported', input: { channels: first[0], height: first[1], width: first[2] }, classes: last.out!, source: `Timeloop problem files "${name}" (${sorted.map((f) => f.fileName).join(', ')})`, layers },
  };
}
