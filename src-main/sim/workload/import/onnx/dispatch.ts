import { evaluateConstantNode } from './const-eval.ts';
import type { Conversion, Value } from './context.ts';
import { isStandardDomain, type OnnxNode } from './model.ts';
import { batchNormalization, clip, hardSigmoid, hardSwish, relu, sigmoid, softmax, tanh } from './ops-pointwise.ts';
import { add, concat, div, mul, sub } from './ops-merge.ts';
import { flatten, passThrough, reshape, shape, size, slice, split, squeeze, transpose, unsqueeze } from './ops-movement.ts';
import { gemm, matMul } from './ops-linear.ts';
import { averagePool, conv, globalAveragePool, globalMaxPool, maxPool, reduceMax, reduceMean } from './ops-window.ts';
import { NodeScope } from './scope.ts';
import { DATA_TYPE, makeTensor, UNKNOWN_TENSOR } from './tensor.ts';

// One node at a time, in data-flow order: a node reading a feature map goes to its operator's
// handler (or is refused: the workbench has no cost for it); a node reading constants only is
// evaluated at import time, or marked as not evaluable.

const FEATURE_OPS: Readonly<Record<string, (scope: NodeScope) => void>> = {
  Conv: conv,
  MaxPool: maxPool,
  AveragePool: averagePool,
  GlobalAveragePool: globalAveragePool,
  GlobalMaxPool: globalMaxPool,
  ReduceMean: reduceMean,
  ReduceMax: reduceMax,
  Gemm: gemm,
  MatMul: matMul,
  BatchNormalization: batchNormalization,
  Relu: relu,
  Sigmoid: sigmoid,
  Tanh: tanh,
  HardSigmoid: hardSigmoid,
  HardSwish: hardSwish,
  Clip: clip,
  Softmax: softmax,
  LogSoftmax: softmax,
  Add: add,
  Sub: sub,
  Div: div,
  Mul: mul,
  Concat: concat,
  Identity: passThrough,
  Dropout: passThrough,
  Cast: passThrough,
  CastLike: (scope) => castLike(scope),
  Flatten: flatten,
  Reshape: reshape,
  Transpose: transpose,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Split: split,
  Slice: slice,
  Shape: shape,
  Size: size,
};

function constantNode(scope: NodeScope, inputs: readonly (Value | undefined)[]): void {
  const tensors = inputs.map((v) => (v?.kind === 'constant' ? v.tensor : undefined));
  // Identity passes a parameter on as a parameter (PyTorch writes one per reuse of a shared weight).
  if (scope.node.opType === 'Identity' && inputs[0]?.kind === 'constant') return scope.setOutput(0, inputs[0]);
  const outputs = isStandardDomain(scope.node.domain) ? evaluateConstantNode(scope.node, tensors) : undefined;
  if (outputs) return outputs.forEach((t, i) => scope.setConstant(i, t));
  // Arithmetic on weights (a transposed or dequantised weight) leaves shapes unknown and is no
  // shape arithmetic; only a node whose inputs all have values counts as not evaluable.
  const inherited = inputs.find((v) => v?.kind === 'constant' && v.unevaluated !== undefined);
  const evaluable = inputs.every((v, i) => !scope.present(i) || (v?.kind === 'constant' && v.tensor.data !== undefined));
  const origin = inherited?.kind === 'constant' ? inherited.unevaluated : evaluable ? scope.label : undefined;
  if (origin === scope.label) scope.state.unevaluated.set(scope.label, false);
  scope.node.outputs.forEach((_, i) => scope.setConstant(i, UNKNOWN_TENSOR, origin));
}

/** CastLike takes only the element type of its second input: a constant cast like a feature map stays a constant. */
function castLike(scope: NodeScope): void {
  const source = scope.input(0);
  if (source?.kind === 'constant') return scope.setConstant(0, source.tensor.data ? makeTensor(DATA_TYPE.FLOAT, source.tensor.dims, source.tensor.data) : source.tensor);
  passThrough(scope);
}

export function convertNode(state: Conversion, node: OnnxNode, index: number): void {
  const scope = new NodeScope(state, node, index);
  const inputs = node.inputs.map((_, i) => scope.input(i));
  if (inputs.some((v) => v?.kind === 'failed')) return node.outputs.forEach((_, i) => scope.setOutput(i, { kind: 'failed' }));
  if (!inputs.some((v) => v?.kind === 'feature')) return constantNode(scope, inputs);
  const handler = isStandardDomain(node.domain) ? FEATURE_OPS[node.opType] : undefined;
  if (handler) {
    handler(scope);
    // Outputs a handler leaves alone (Dropout's mask, MaxPool's unread indices) are of no known shape.
    node.outputs.forEach((t, i) => t !== '' && !state.values.has(t) && scope.setConstant(i, UNKNOWN_TENSOR));
    return;
  }
  const op = isStandardDomain(node.domain) ? node.opType : `${node.opType} (domain ${node.domain})`;
  scope.fail(`${op} on a feature map cannot be costed by the workbench`);
}
