import { attrFloat, attrFloats, attrInt, attrInts, attrTensor, hasAttr } from './attributes.ts';
import { product } from './dims.ts';
import type { OnnxNode } from './model.ts';
import { elementwise, reduce } from './const-math.ts';
import { listFrom, SHAPE_OPS } from './const-shape-ops.ts';
import { DATA_TYPE, isIntegral, makeTensor, MAX_CONSTANT_ELEMENTS, type ConstTensor } from './tensor.ts';

// Nodes that read constants only: evaluated at import time, output by output. Undefined means the
// importer cannot evaluate the node (an op it does not know, or inputs without values); the
// caller decides whether that matters.

type Evaluate = (node: OnnxNode, inputs: readonly (ConstTensor | undefined)[]) => ConstTensor | ConstTensor[] | undefined;

function constant(node: OnnxNode): ConstTensor | undefined {
  const tensor = attrTensor(node, 'value');
  if (tensor) return tensor;
  if (hasAttr(node, 'value_int')) return makeTensor(DATA_TYPE.INT64, [], [attrInt(node, 'value_int', 0)]);
  const ints = attrInts(node, 'value_ints');
  if (ints) return makeTensor(DATA_TYPE.INT64, [ints.length], ints);
  const float = attrFloat(node, 'value_float');
  if (float !== undefined) return makeTensor(DATA_TYPE.FLOAT, [], [float]);
  const floats = attrFloats(node, 'value_floats');
  return floats ? makeTensor(DATA_TYPE.FLOAT, [floats.length], floats) : undefined;
}

/** Shape with its start and end attributes (opset 15), on a tensor whose dims are known. */
export function shapeOf(node: OnnxNode, dims: readonly number[]): ConstTensor {
  const rank = dims.length;
  const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + rank : i, 0), rank);
  const kept = dims.slice(clamp(attrInt(node, 'start', 0)), clamp(attrInt(node, 'end', rank)));
  return makeTensor(DATA_TYPE.INT64, [kept.length], kept);
}

function cast(t: ConstTensor | undefined, to: number): ConstTensor | undefined {
  if (!t) return undefined;
  const convert = to === DATA_TYPE.BOOL ? (v: number) => Number(v !== 0) : isIntegral(to) ? Math.trunc : (v: number) => v;
  return makeTensor(to, t.dims, t.data?.map(convert));
}

function range(_node: OnnxNode, [start, limit, delta]: readonly (ConstTensor | undefined)[]): ConstTensor | undefined {
  const [s, l, d] = [start?.data?.[0], limit?.data?.[0], delta?.data?.[0]];
  if (s === undefined || l === undefined || d === undefined || d === 0) return undefined;
  const count = Math.max(Math.ceil((l - s) / d), 0);
  if (!Number.isSafeInteger(count)) return undefined;
  const data = count <= MAX_CONSTANT_ELEMENTS ? Array.from({ length: count }, (_, i) => s + i * d) : undefined;
  return makeTensor(start!.dtype, [count], data);
}

function constantOfShape(node: OnnxNode, [shape]: readonly (ConstTensor | undefined)[]): ConstTensor | undefined {
  if (!shape?.data || shape.data.some((d) => !Number.isSafeInteger(d) || d < 0)) return undefined;
  const fill = attrTensor(node, 'value') ?? makeTensor(DATA_TYPE.FLOAT, [1], [0]);
  const count = product(shape.data);
  const value = fill.data?.[0];
  const data = value !== undefined && count <= MAX_CONSTANT_ELEMENTS ? new Array<number>(count).fill(value) : undefined;
  return makeTensor(fill.dtype, shape.data, data);
}

function split(node: OnnxNode, [t, sizesInput]: readonly (ConstTensor | undefined)[]): ConstTensor[] | undefined {
  if (!t?.dims) return undefined;
  const axis = attrInt(node, 'axis', 0);
  const at = axis < 0 ? axis + t.dims.length : axis;
  const sizes = splitSizes(node, listFrom(node, sizesInput, 'split'), t.dims[at]);
  if (!sizes) return undefined;
  const slice = SHAPE_OPS.Slice!;
  let start = 0;
  return sizes.map((size) => {
    const part = slice(node, [t, makeTensor(DATA_TYPE.INT64, [1], [start]), makeTensor(DATA_TYPE.INT64, [1], [start + size]), makeTensor(DATA_TYPE.INT64, [1], [at])]);
    start += size;
    return part as ConstTensor;
  });
}

/** Split's part sizes: listed (input or attribute), or equal parts as many as the outputs (the last smaller, opset 18). */
export function splitSizes(node: OnnxNode, listed: number[] | undefined | 'unknown', dim: number | undefined): number[] | undefined {
  if (listed === 'unknown' || dim === undefined) return undefined;
  if (listed && listed.length > 0) return listed.reduce((a, b) => a + b, 0) === dim ? listed : undefined;
  const parts = attrInt(node, 'num_outputs', node.outputs.length);
  if (parts < 1 || parts !== node.outputs.length) return undefined;
  const each = Math.ceil(dim / parts);
  return Array.from({ length: parts }, (_, i) => Math.max(Math.min(each, dim - i * each), 0));
}

const EVALUATE: Readonly<Record<string, Evaluate>> = {
  Constant: (node) => constant(node),
  Identity: (_node, [t]) => t,
  Dropout: (_node, [t]) => t,
  Cast: (node, [t]) => cast(t, attrInt(node, 'to', DATA_TYPE.FLOAT)),
  CastLike: (_node, [t, like]) => (like ? cast(t, like.dtype) : undefined),
  Shape: (node, [t]) => (t?.dims ? shapeOf(node, t.dims) : undefined),
  Size: (_node, [t]) => (t?.dims ? makeTensor(DATA_TYPE.INT64, [], [product(t.dims)]) : undefined),
  Range: range,
  ConstantOfShape: constantOfShape,
  Split: split,
};

/** The node's outputs, in order, or undefined when it cannot be evaluated. */
export function evaluateConstantNode(node: OnnxNode, inputs: readonly (ConstTensor | undefined)[]): ConstTensor[] | undefined {
  const evaluate = EVALUATE[node.opType] ?? SHAPE_OPS[node.opType];
  if (evaluate) {
    const result = evaluate(node, inputs);
    return result === undefined ? undefined : Array.isArray(result) ? result : [result];
  }
  const present = inputs.filter((t): t is ConstTensor => t !== undefined);
  const first = present[0];
  const result = node.opType.startsWith('Reduce') ? first && reduce(node, first, inputs[1]) : elementwise(node.opType, present);
  return result && [result];
}
