import type { Issue } from '../../../../shared/result.ts';
import { MAX_LAYERS, networkSchema, type Layer, type Network } from '../../../../shared/schemas/workload.ts';
import { inferShapes } from '../../shapes.ts';
import { capIssues, MAX_ISSUES, type ImportResult } from '../result.ts';
import type { Conversion, FeatureValue } from './context.ts';
import { dataInput } from './input.ts';
import type { OnnxModel, OnnxNode } from './model.ts';
import { LayerNames } from './naming.ts';
import { convertNode } from './dispatch.ts';
import { nodeOrder } from './order.ts';
import { makeTensor } from './tensor.ts';

// From a decoded graph to a workbench network: the data input's shape, every node in data-flow
// order, then the one output (the classifier) closed by its softmax loss.

export interface ConvertOptions {
  readonly input?: readonly number[];
}

function consumerCounts(nodes: readonly OnnxNode[], outputs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const count = (t: string) => t !== '' && counts.set(t, (counts.get(t) ?? 0) + 1);
  nodes.forEach((n) => n.inputs.forEach(count));
  outputs.forEach(count);
  return counts;
}

function fixedDims(dims: readonly (number | string)[] | undefined): number[] | undefined {
  return dims?.every((d) => typeof d === 'number') ? (dims as number[]) : undefined;
}

function startState(model: OnnxModel, nodes: readonly OnnxNode[], options: ConvertOptions): Conversion | Issue[] {
  const { graph } = model;
  const found = dataInput(graph, nodes, options.input);
  if (!found.ok) return found.issues;
  const { input } = found;
  const state: Conversion = {
    values: new Map(),
    layers: [],
    byName: new Map(),
    issues: [],
    notes: [...found.notes],
    consumers: consumerCounts(nodes, graph.outputs.map((o) => o.name)),
    names: new LayerNames(nodes),
    batch: input.shape[0]!,
    input: input.perImage,
    unevaluated: new Map(),
  };
  for (const [name, tensor] of graph.initializers) state.values.set(name, { kind: 'constant', tensor, parameter: true });
  for (const w of input.weightInputs) if (!state.values.has(w.name)) state.values.set(w.name, { kind: 'constant', tensor: makeTensor(0, fixedDims(w.dims)), parameter: true });
  state.values.set(input.name, { kind: 'feature', layer: undefined, shape: input.shape });
  return state;
}

/** The output's layer and its feature map, or the issue that stops the import. */
function networkOutput(model: OnnxModel, state: Conversion): { layer: string; value: FeatureValue } | Issue {
  const outputs = model.graph.outputs;
  if (outputs.length !== 1) {
    return { path: 'file', message: `has ${outputs.length} outputs (${outputs.map((o) => `"${o.name}"`).join(', ')}); the workbench trains networks with one output, the classifier` };
  }
  const name = outputs[0]!.name;
  const value = state.values.get(name);
  if (value?.kind === 'feature' && value.layer !== undefined) return { layer: value.layer, value };
  return { path: `output "${name}"`, message: value?.kind === 'feature' ? 'is the network input itself: the graph has no layer to cost' : 'is not computed from the network input by any layer the workbench can cost' };
}

function softmaxIssues(state: Conversion, outputLayer: string): Issue[] {
  return state.layers.flatMap((r) => (r.layer.kind === 'softmax' && r.layer.name !== outputLayer ? [{ path: r.label, message: 'a softmax inside the network (not its output) cannot be costed by the workbench; only the classifier ends in one' }] : []));
}

function closingLayers(state: Conversion, outputLayer: string): { layers: Layer[]; notes: Issue[] } {
  const layers = state.layers.map((r) => r.layer);
  if (state.byName.get(outputLayer)!.layer.kind === 'softmax') return { layers, notes: [] };
  const name = state.names.derived('softmax');
  const note = { path: 'file', message: `assumption: the graph ends at "${outputLayer}" without a softmax (exporters write the logits): a softmax cross-entropy loss follows it, as in training` };
  return { layers: [...layers, { name, kind: 'softmax', inputs: [outputLayer] }], notes: [note] };
}

function unusedNotes(state: Conversion): Issue[] {
  return [...state.unevaluated].flatMap(([label, needed]) =>
    needed ? [] : [{ path: label, message: 'shape arithmetic the importer cannot evaluate; no layer depends on its result, so the import does not' }],
  );
}

function foldedBatchNormNote(layers: readonly Layer[]): Issue[] {
  const convs = layers.filter((l) => l.kind === 'conv');
  if (convs.length === 0 || layers.some((l) => l.kind === 'batchnorm') || !convs.some((l) => l.kind === 'conv' && l.bias !== false)) return [];
  const message =
    'has no BatchNormalization node, so the network has no batch-norm layers; if the model has them, the exporter folded them into the convolutions (torch.onnx.export does in eval mode): export with training=torch.onnx.TrainingMode.PRESERVE to keep them';
  return [{ path: 'file', message }];
}

/** The schema's and the shape inference's verdict, each issue moved to the node that made the layer. */
function checked(network: Network, state: Conversion): Issue[] {
  const at = (path: readonly PropertyKey[], message: string): Issue => {
    const [top, index, ...field] = path;
    const record = top === 'layers' && typeof index === 'number' ? state.layers[index] : undefined;
    if (!record) return { path: path.length > 0 ? `network.${path.join('.')}` : 'network', message };
    return { path: record.label, message: field.length > 0 ? `${field.join('.')} ${message}` : message };
  };
  const parsed = networkSchema.safeParse(network);
  if (!parsed.success) return parsed.error.issues.map((i) => at(i.path, i.message));
  const shapes = inferShapes(parsed.data);
  if (shapes.ok) return [];
  return shapes.issues.map((i) => {
    const match = /^layers\[(\d+)\]/.exec(i.path);
    return match ? at(['layers', Number(match[1])], i.message) : i;
  });
}

/** Notes past MAX_ISSUES are counted, not listed. */
function capNotes(notes: readonly Issue[]): Issue[] {
  if (notes.length <= MAX_ISSUES) return [...notes];
  return [...notes.slice(0, MAX_ISSUES), { path: 'file', message: `${notes.length - MAX_ISSUES} more notes not listed` }];
}

function describe(model: OnnxModel, name: string): string {
  const producer = [model.producerName, model.producerVersion].filter((s) => s !== '').join(' ');
  const parts = [producer, model.opset === undefined ? '' : `opset ${model.opset}`].filter((s) => s !== '');
  return `ONNX file "${name}"${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

export function convertModel(model: OnnxModel, nodes: readonly OnnxNode[], name: string, options: ConvertOptions): ImportResult {
  const state = startState(model, nodes, options);
  if (Array.isArray(state)) return { ok: false, issues: state };
  const order = nodeOrder(nodes, new Set(state.values.keys()));
  if (!order.ok) return { ok: false, issues: capIssues(order.issues) };
  for (const i of order.order) convertNode(state, nodes[i]!, i);
  const output = networkOutput(model, state);
  // An output that a refused node made is already explained by that node's issue.
  if (!('path' in output)) state.issues.push(...softmaxIssues(state, output.layer));
  else if (state.issues.length === 0) state.issues.push(output);
  if (state.issues.length > 0 || 'path' in output) return { ok: false, issues: capIssues(state.issues) };
  if (state.layers.length + 1 > MAX_LAYERS) return { ok: false, issues: [{ path: 'file', message: `makes ${state.layers.length} layers; the workbench takes at most ${MAX_LAYERS}` }] };
  const closing = closingLayers(state, output.layer);
  const [, ...classShape] = output.value.shape;
  const network: Network = {
    name,
    dataset: 'imported',
    input: { channels: state.input[0], height: state.input[1], width: state.input[2] },
    classes: classShape.reduce((p, d) => p * d, 1),
    source: describe(model, name),
    layers: closing.layers,
  };
  const problems = checked(network, state);
  if (problems.length > 0) return { ok: false, issues: capIssues(problems) };
  return { ok: true, network, notes: capNotes([...state.notes, ...closing.notes, ...foldedBatchNormNote(network.layers), ...unusedNotes(state)]) };
}
