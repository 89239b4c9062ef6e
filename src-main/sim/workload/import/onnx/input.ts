import type { Issue } from '../../../../shared/result.ts';
import type { Shape } from '../../../../shared/schemas/workload.ts';
import type { OnnxGraph, OnnxNode, OnnxValueInfo } from './model.ts';
import { perImage } from './scope.ts';

// The network's data input and its full shape. Graph inputs that are not initializers are the data
// and, in files exported without weights (export_params=False), the weights. Those read where an
// operator takes weights are weights; of the rest, the first listed is the data (PyTorch lists the
// model's own inputs first). The shape comes from the file, with the shape the user gives filling
// symbolic dimensions; a symbolic batch alone is taken as 1, which no per-image figure depends on.

const WEIGHT_POSITIONS: Readonly<Record<string, readonly number[]>> = {
  Conv: [1, 2],
  ConvTranspose: [1, 2],
  BatchNormalization: [1, 2, 3, 4],
  Gemm: [1, 2],
  MatMul: [1],
  InstanceNormalization: [1, 2],
  LayerNormalization: [1, 2],
  PRelu: [1],
};

export interface DataInput {
  readonly name: string;
  /** Full shape, batch first. */
  readonly shape: readonly number[];
  readonly perImage: Shape;
  /** The other non-initializer graph inputs: weights given as inputs. */
  readonly weightInputs: readonly OnnxValueInfo[];
}

export type DataInputResult = { readonly ok: true; readonly input: DataInput; readonly notes: Issue[] } | { readonly ok: false; readonly issues: Issue[] };

function pickDataInput(graph: OnnxGraph, nodes: readonly OnnxNode[]): { data: OnnxValueInfo | undefined; others: OnnxValueInfo[]; unsure: OnnxValueInfo[] } {
  const weights = new Set<string>();
  for (const n of nodes) for (const i of WEIGHT_POSITIONS[n.opType] ?? []) if (n.inputs[i]) weights.add(n.inputs[i]!);
  const free = graph.inputs.filter((v) => !graph.initializers.has(v.name));
  const candidates = free.filter((v) => !weights.has(v.name));
  const data = candidates[0] ?? free[0];
  return { data, others: free.filter((v) => v !== data), unsure: candidates.slice(1) };
}

function unsureNote(data: OnnxValueInfo, unsure: readonly OnnxValueInfo[]): Issue[] {
  if (unsure.length === 0) return [];
  const listed = unsure.slice(0, 5).map((v) => `"${v.name}"`).join(', ');
  return [{ path: where(data.name), message: `assumption: this is the data input (listed first); ${unsure.length} other graph input${unsure.length > 1 ? 's' : ''} (${listed}${unsure.length > 5 ? ', ...' : ''}) ${unsure.length > 1 ? 'are' : 'is'} read as weights` }];
}

const where = (name: string) => `input "${name}"`;

function exampleShape(dims: readonly (number | string)[]): string {
  return dims.map((d, i) => (typeof d === 'number' ? d : i === 0 ? 1 : 224)).join('x');
}

function symbolicIssue(info: OnnxValueInfo, dims: readonly (number | string)[]): Issue {
  const open = dims.flatMap((d, i) => (typeof d === 'string' ? [`${i}${d ? ` (${d})` : ''}`] : []));
  const how = `give the full input shape, batch first, e.g. --input ${exampleShape(dims)} on the command line or in the input shape field of the import form`;
  return { path: where(info.name), message: `the file leaves dimension${open.length > 1 ? 's' : ''} ${open.join(', ')} of ${dims.length} symbolic: ${how}` };
}

function givenShape(info: OnnxValueInfo, given: readonly number[]): number[] | Issue {
  const bad = given.findIndex((d) => !Number.isSafeInteger(d) || d < 1);
  if (bad >= 0) return { path: 'input', message: `dimension ${bad} of the given input shape (${given[bad]}) is not a whole number of at least 1` };
  const dims = info.dims;
  if (!dims) return [...given];
  if (dims.length !== given.length) return { path: where(info.name), message: `the given input shape ${given.join('x')} has ${given.length} dimensions; the file's input has ${dims.length} (${dims.map((d) => d || '?').join('x')})` };
  const clash = dims.findIndex((d, i) => typeof d === 'number' && d !== given[i]);
  if (clash >= 0) return { path: where(info.name), message: `the given input shape ${given.join('x')} sets dimension ${clash} to ${given[clash]}, but the file fixes it at ${dims[clash]}` };
  return [...given];
}

function fileShape(info: OnnxValueInfo, notes: Issue[]): number[] | Issue {
  const dims = info.dims;
  if (!dims) return { path: where(info.name), message: 'the file gives no shape for the input: give the full input shape, batch first, e.g. --input 1x3x224x224 on the command line or in the input shape field of the import form' };
  const open = dims.flatMap((d, i) => (typeof d === 'string' ? [i] : []));
  if (open.length === 0) return dims as number[];
  if (open.length > 1 || open[0] !== 0 || dims.length < 2) return symbolicIssue(info, dims);
  notes.push({ path: where(info.name), message: `assumption: batch 1 for the symbolic batch dimension${dims[0] ? ` "${dims[0]}"` : ''} (per-image shapes and counts do not depend on it)` });
  return [1, ...(dims.slice(1) as number[])];
}

export function dataInput(graph: OnnxGraph, nodes: readonly OnnxNode[], given: readonly number[] | undefined): DataInputResult {
  const { data, others, unsure } = pickDataInput(graph, nodes);
  if (!data) return { ok: false, issues: [{ path: 'file', message: 'has no graph input (every input is an initializer): there is no data to feed the network' }] };
  const notes: Issue[] = unsureNote(data, unsure);
  const shape = given ? givenShape(data, given) : fileShape(data, notes);
  if (!Array.isArray(shape)) return { ok: false, issues: [shape] };
  const chw = perImage(shape);
  if (typeof chw === 'string') return { ok: false, issues: [{ path: where(data.name), message: `is ${chw}` }] };
  return { ok: true, input: { name: data.name, shape, perImage: chw, weightInputs: others }, notes };
}
