import type { Layer } from '../../../../shared/schemas/workload.ts';
import { attrInt } from './attributes.ts';
import type { ConstantValue, FeatureValue, LayerRecord } from './context.ts';
import { formatDims, normalizeAxis, product, sameDims } from './dims.ts';
import type { NodeScope } from './scope.ts';
import { broadcastDims } from './tensor.ts';

// Binary element-wise ops and Concat. Two feature maps make an add, mul or concat layer. A
// feature map and a constant: a constant added straight after a bias-free conv or fc is its bias
// (MatMul + Add is a linear layer); otherwise the constant's element-wise work is left out with a
// note. Mul(x, Sigmoid(x)) is SiLU and Mul(x, HardSigmoid(x)) hardswish: the gate's layer becomes it.

function merge(scope: NodeScope, kind: 'add' | 'mul' | 'concat', reads: readonly FeatureValue[]): void {
  scope.emit({ name: scope.name, kind } as Extract<Layer, { kind: typeof kind }>, reads, { rank: reads[0]!.shape.length });
}

/** A constant with one value per output channel of `record`, laid along its channel axis: a bias. */
function perChannel(c: ConstantValue, x: FeatureValue, record: LayerRecord): boolean {
  const dims = c.tensor.dims;
  if (!dims || dims.length > x.shape.length || product(dims) !== x.shape[record.channelAxis]) return false;
  const offset = x.shape.length - dims.length;
  return dims.every((d, j) => d === 1 || j + offset === record.channelAxis);
}

function foldBias(scope: NodeScope, x: FeatureValue, c: ConstantValue, xIndex: number): boolean {
  const record = x.layer === undefined ? undefined : scope.state.byName.get(x.layer);
  const layer = record?.layer;
  if (!record || (layer?.kind !== 'conv' && layer?.kind !== 'fc') || layer.bias !== false) return false;
  const tensor = scope.node.inputs[xIndex]!;
  if (record.outTensor !== tensor || scope.state.consumers.get(tensor) !== 1 || !perChannel(c, x, record)) return false;
  layer.bias = true;
  scope.setOutput(0, x);
  return true;
}

/** A feature map combined with a constant: passed on, the element-wise work not costed. */
function withConstant(scope: NodeScope, x: FeatureValue, c: ConstantValue, verb: string): void {
  const dims = c.tensor.dims;
  const grown = dims ? broadcastDims([x.shape, dims]) : x.shape;
  if (!grown || !sameDims(grown, x.shape)) return scope.fail(`${verb} a ${formatDims(x.shape)} feature map and a ${formatDims(dims ?? [])} constant into a larger tensor, which the workbench cannot cost`);
  scope.note(`assumption: it ${verb} a constant and a feature map, one operation per element, left out of the costs as small beside the layers around it (the next layer reads the feature map)`);
  scope.setOutput(0, x);
}

/** The two operands as (feature, constant, the feature's input index), or both features. */
function operands(scope: NodeScope): { features: [FeatureValue, FeatureValue] } | { x: FeatureValue; c: ConstantValue; xIndex: number } | undefined {
  const [a, b] = [scope.input(0), scope.input(1)];
  if (a?.kind === 'feature' && b?.kind === 'feature') return { features: [a, b] };
  if (a?.kind === 'feature' && b?.kind === 'constant') return { x: a, c: b, xIndex: 0 };
  if (b?.kind === 'feature' && a?.kind === 'constant') return { x: b, c: a, xIndex: 1 };
  scope.fail(`needs two operands, feature maps or constants`);
  return undefined;
}

export function add(scope: NodeScope): void {
  const found = operands(scope);
  if (!found) return;
  if ('features' in found) return merge(scope, 'add', found.features);
  if (!foldBias(scope, found.x, found.c, found.xIndex)) withConstant(scope, found.x, found.c, 'adds');
}

function constantOnly(verb: string, allowConstantFirst: boolean) {
  return (scope: NodeScope): void => {
    const found = operands(scope);
    if (!found) return;
    if ('features' in found) return scope.fail(`${verb} two feature maps, which the workbench cannot cost`);
    if (found.xIndex === 1 && !allowConstantFirst) return scope.fail(`${verb} a constant by a feature map, which the workbench cannot cost`);
    withConstant(scope, found.x, found.c, verb);
  };
}

export const sub = constantOnly('subtracts', true);
export const div = constantOnly('divides', false);

/** Mul(x, gate(x)) where the gate (Sigmoid, HardSigmoid) reads x and feeds only this Mul. */
function foldGate(scope: NodeScope, x: FeatureValue, gate: FeatureValue, gateIndex: number): boolean {
  const record = gate.layer === undefined ? undefined : scope.state.byName.get(gate.layer);
  const layer = record?.layer;
  if (!record || layer?.kind !== 'activation' || (layer.function !== 'sigmoid' && layer.function !== 'hardsigmoid')) return false;
  const gateTensor = scope.node.inputs[gateIndex]!;
  const xTensor = scope.node.inputs[1 - gateIndex]!;
  if (record.outTensor !== gateTensor || record.readTensor !== xTensor || scope.state.consumers.get(gateTensor) !== 1) return false;
  layer.function = layer.function === 'sigmoid' ? 'silu' : 'hardswish';
  scope.state.byName.delete(layer.name);
  layer.name = scope.name;
  scope.state.byName.set(layer.name, record);
  scope.setOutput(0, { kind: 'feature', layer: layer.name, shape: x.shape });
  return true;
}

export function mul(scope: NodeScope): void {
  const found = operands(scope);
  if (!found) return;
  if (!('features' in found)) return withConstant(scope, found.x, found.c, 'multiplies');
  const [a, b] = found.features;
  if (foldGate(scope, a, b, 1) || foldGate(scope, b, a, 0)) return;
  merge(scope, 'mul', [a, b]);
}

export function concat(scope: NodeScope): void {
  const values = scope.node.inputs.flatMap((_, i) => (scope.present(i) ? [scope.input(i)] : []));
  if (values.some((v) => v?.kind !== 'feature')) return scope.fail('concatenates a feature map with a constant, which the workbench cannot cost');
  const reads = values as FeatureValue[];
  const axis = normalizeAxis(attrInt(scope.node, 'axis', 1), reads[0]!.shape.length);
  if (axis !== 1) return scope.fail(`concatenates along axis ${attrInt(scope.node, 'axis', 1)} of ${formatDims(reads[0]!.shape)}: the workbench concatenates channels (axis 1) only`);
  if (reads.length === 1) return scope.setOutput(0, reads[0]!);
  merge(scope, 'concat', reads);
}
