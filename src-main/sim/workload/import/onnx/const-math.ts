import { attrInt, attrInts } from './attributes.ts';
import { normalizeAxis, product } from './dims.ts';
import type { OnnxNode } from './model.ts';
import { broadcastDims, broadcastSource, DATA_TYPE, forEachCoord, isIntegral, makeTensor, MAX_CONSTANT_ELEMENTS, UNKNOWN_TENSOR, type ConstTensor } from './tensor.ts';

// Element-wise arithmetic, comparisons and reductions on small constants (the Equal/Where and
// Mul/Div steps of exported shape computations). Without values (weights) only the shape follows.

type Binary = (a: number, b: number, integral: boolean) => number;

const BINARY: Readonly<Record<string, Binary>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b, integral) => (integral ? Math.trunc(a / b) : a / b),
  Mod: (a, b, integral) => (integral ? a - b * Math.floor(a / b) : a % b),
  Pow: (a, b) => a ** b,
  Max: (a, b) => Math.max(a, b),
  Min: (a, b) => Math.min(a, b),
  Equal: (a, b) => Number(a === b),
  Less: (a, b) => Number(a < b),
  LessOrEqual: (a, b) => Number(a <= b),
  Greater: (a, b) => Number(a > b),
  GreaterOrEqual: (a, b) => Number(a >= b),
  And: (a, b) => Number(a !== 0 && b !== 0),
  Or: (a, b) => Number(a !== 0 || b !== 0),
  Xor: (a, b) => Number((a !== 0) !== (b !== 0)),
};
const BOOLEAN_RESULT = new Set(['Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual', 'And', 'Or', 'Xor', 'Not']);

const UNARY: Readonly<Record<string, (x: number) => number>> = {
  Neg: (x) => -x,
  Abs: Math.abs,
  Floor: Math.floor,
  Ceil: Math.ceil,
  Sqrt: Math.sqrt,
  Reciprocal: (x) => 1 / x,
  Sign: Math.sign,
  Not: (x) => Number(x === 0),
  Relu: (x) => Math.max(x, 0),
  Exp: Math.exp,
  Log: Math.log,
};

/** Unary and n-ary element-wise ops with broadcasting; the operands' type, bool for comparisons. */
export function elementwise(op: string, operands: readonly ConstTensor[]): ConstTensor | undefined {
  const unary = UNARY[op];
  const binary = BINARY[op];
  const where = op === 'Where';
  const arity = unary ? operands.length === 1 : where ? operands.length === 3 : operands.length >= 2 || ((op === 'Max' || op === 'Min') && operands.length === 1);
  if ((!unary && !binary && !where) || !arity) return undefined;
  const first = operands[where ? 1 : 0] ?? UNKNOWN_TENSOR;
  const dtype = BOOLEAN_RESULT.has(op) ? DATA_TYPE.BOOL : first.dtype;
  const allDims = operands.map((t) => t.dims);
  if (allDims.some((d) => d === undefined)) return makeTensor(dtype, undefined);
  const dims = broadcastDims(allDims as number[][]);
  if (!dims) return undefined;
  if (operands.some((t) => t.data === undefined) || product(dims) > MAX_CONSTANT_ELEMENTS) return makeTensor(dtype, dims);
  const sources = operands.map((t) => broadcastSource(t.dims!, dims.length));
  const value = (k: number, coords: readonly number[]) => operands[k]!.data![sources[k]!(coords)]!;
  const integral = isIntegral(first.dtype);
  const data: number[] = [];
  forEachCoord(dims, (c) => {
    if (unary) data.push(unary(value(0, c)));
    else if (where) data.push(value(0, c) !== 0 ? value(1, c) : value(2, c));
    else data.push(operands.slice(1).reduce((acc, _, k) => binary!(acc, value(k + 1, c), integral), value(0, c)));
  });
  if (integral && data.some((v) => !Number.isFinite(v))) return makeTensor(dtype, dims);
  return makeTensor(dtype, dims, data);
}

const REDUCE: Readonly<Record<string, (values: readonly number[]) => number>> = {
  ReduceSum: (v) => v.reduce((a, b) => a + b, 0),
  ReduceProd: (v) => v.reduce((a, b) => a * b, 1),
  ReduceMax: (v) => Math.max(...v),
  ReduceMin: (v) => Math.min(...v),
  ReduceMean: (v) => v.reduce((a, b) => a + b, 0) / v.length,
};

/** The axes a Reduce* node reduces over: the attribute (before opset 18) or the second input. */
export function reduceAxes(node: OnnxNode, axesInput: ConstTensor | undefined, rank: number): number[] | undefined | 'unknown' {
  const listed = axesInput ? axesInput.data : attrInts(node, 'axes');
  if (axesInput && listed === undefined) return 'unknown';
  if (listed === undefined || listed.length === 0) return attrInt(node, 'noop_with_empty_axes', 0) === 1 ? [] : Array.from({ length: rank }, (_, i) => i);
  const axes = listed.map((a) => normalizeAxis(a, rank));
  return axes.some((a) => a === undefined) ? undefined : [...new Set(axes as number[])].sort((a, b) => a - b);
}

export function reduce(node: OnnxNode, input: ConstTensor, axesInput: ConstTensor | undefined): ConstTensor | undefined {
  const fn = REDUCE[node.opType];
  if (!fn || !input.dims) return undefined;
  const axes = reduceAxes(node, axesInput, input.dims.length);
  if (axes === undefined || axes === 'unknown') return undefined;
  const keep = attrInt(node, 'keepdims', 1) === 1;
  const outDims = input.dims.flatMap((d, i) => (axes.includes(i) ? (keep ? [1] : []) : [d]));
  if (!input.data) return makeTensor(input.dtype, outDims);
  // Each output's first input in row-major order comes in the output's row-major order, so the
  // groups' insertion order is the output's.
  const groups = new Map<string, number[]>();
  let flat = 0;
  forEachCoord(input.dims, (c) => {
    const at = c.map((x, i) => (axes.includes(i) ? 0 : x)).join(',');
    const value = input.data![flat]!;
    flat += 1;
    const list = groups.get(at);
    if (list) list.push(value);
    else groups.set(at, [value]);
  });
  return makeTensor(input.dtype, outDims, [...groups.values()].map(fn));
}
