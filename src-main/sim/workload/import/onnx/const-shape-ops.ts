import { attrInt, attrInts } from './attributes.ts';
import { flattenDims, normalizeAxis, permutation, product, reshapeDims, sliceRanges, squeezeDims, unsqueezeDims, type Dims } from './dims.ts';
import type { OnnxNode } from './model.ts';
import { broadcastDims, broadcastSource, forEachCoord, makeTensor, MAX_CONSTANT_ELEMENTS, stridesOf, type ConstTensor } from './tensor.ts';

// Ops that move a constant's values without computing new ones: reshapes, transposes, gathers,
// slices, concatenations. Each gives the output's shape, and its values when the input has them.

export type ShapeOp = (node: OnnxNode, inputs: readonly (ConstTensor | undefined)[]) => ConstTensor | ConstTensor[] | undefined;

/** The values at `source(coords)` of `t` for every coordinate of `dims`. */
function rearrange(t: ConstTensor, dims: Dims, source: (coords: readonly number[]) => number): ConstTensor {
  if (!t.data || product(dims) > MAX_CONSTANT_ELEMENTS) return makeTensor(t.dtype, dims);
  const data: number[] = [];
  forEachCoord(dims, (c) => data.push(t.data![source(c)]!));
  return makeTensor(t.dtype, dims, data);
}

function withDims(t: ConstTensor, dims: number[] | string): ConstTensor | undefined {
  return typeof dims === 'string' ? undefined : makeTensor(t.dtype, dims, t.data);
}

/** Integer values of an optional input, or the attribute (older opsets); 'unknown' when given but not evaluable. */
export function listFrom(node: OnnxNode, input: ConstTensor | undefined, attribute: string): number[] | undefined | 'unknown' {
  if (input) return input.data ? [...input.data] : 'unknown';
  return attrInts(node, attribute);
}

const reshape: ShapeOp = (node, [t, shape]) => {
  if (!t?.dims || !shape?.data) return undefined;
  return withDims(t, reshapeDims(t.dims, shape.data, attrInt(node, 'allowzero', 0) === 1));
};

const squeeze: ShapeOp = (node, [t, axesInput]) => {
  const axes = listFrom(node, axesInput, 'axes');
  if (!t?.dims || axes === 'unknown') return undefined;
  return withDims(t, squeezeDims(t.dims, axes));
};

const unsqueeze: ShapeOp = (node, [t, axesInput]) => {
  const axes = listFrom(node, axesInput, 'axes');
  if (!t?.dims || axes === 'unknown' || axes === undefined) return undefined;
  return withDims(t, unsqueezeDims(t.dims, axes));
};

const transpose: ShapeOp = (node, [t]) => {
  if (!t?.dims) return undefined;
  const perm = permutation(t.dims.length, attrInts(node, 'perm'));
  if (typeof perm === 'string') return undefined;
  const strides = stridesOf(t.dims);
  return rearrange(t, perm.map((p) => t.dims![p]!), (c) => c.reduce((at, x, i) => at + x * strides[perm[i]!]!, 0));
};

const concat: ShapeOp = (node, inputs) => {
  const parts = inputs.filter((t): t is ConstTensor => t !== undefined);
  const first = parts[0];
  if (!first?.dims || parts.some((t) => t.dims?.length !== first.dims!.length)) return undefined;
  const axis = normalizeAxis(attrInt(node, 'axis', 0), first.dims.length);
  if (axis === undefined) return undefined;
  const dims = first.dims.map((d, i) => (i === axis ? parts.reduce((sum, t) => sum + t.dims![i]!, 0) : d));
  if (parts.some((t) => t.dims!.some((d, i) => i !== axis && d !== dims[i]))) return undefined;
  if (parts.some((t) => !t.data)) return makeTensor(first.dtype, dims);
  // Before the axis, each part's block is contiguous: outer blocks interleave the parts.
  const outer = product(dims.slice(0, axis));
  const data: number[] = [];
  for (let o = 0; o < outer; o += 1) {
    for (const t of parts) {
      const block = product(t.dims!.slice(axis));
      data.push(...t.data!.slice(o * block, (o + 1) * block));
    }
  }
  return makeTensor(first.dtype, dims, data);
};

const gather: ShapeOp = (node, [t, indices]) => {
  if (!t?.dims || !indices?.dims) return undefined;
  const axis = normalizeAxis(attrInt(node, 'axis', 0), t.dims.length);
  if (axis === undefined) return undefined;
  const dims = [...t.dims.slice(0, axis), ...indices.dims, ...t.dims.slice(axis + 1)];
  if (!indices.data) return makeTensor(t.dtype, dims);
  const size = t.dims[axis]!;
  const picked = indices.data.map((i) => (i < 0 ? i + size : i));
  if (picked.some((i) => i < 0 || i >= size)) return undefined;
  const strides = stridesOf(t.dims);
  const indexStrides = stridesOf(indices.dims);
  const k = indices.dims.length;
  return rearrange(t, dims, (c) => {
    const which = picked[c.slice(axis, axis + k).reduce((at, x, i) => at + x * indexStrides[i]!, 0)]!;
    const coords = [...c.slice(0, axis), which, ...c.slice(axis + k)];
    return coords.reduce((at, x, i) => at + x * strides[i]!, 0);
  });
};

const slice: ShapeOp = (node, [t, starts, ends, axes, steps]) => {
  if (!t?.dims) return undefined;
  const lists = [listFrom(node, starts, 'starts'), listFrom(node, ends, 'ends'), listFrom(node, axes, 'axes'), listFrom(node, steps, 'steps')];
  if (lists.includes('unknown') || lists[0] === undefined || lists[1] === undefined) return undefined;
  const [s, e, a, st] = lists as [number[], number[], number[] | undefined, number[] | undefined];
  const ranges = sliceRanges(t.dims, s, e, a, st);
  if (typeof ranges === 'string') return undefined;
  const strides = stridesOf(t.dims);
  return rearrange(t, ranges.map((r) => r.size), (c) => c.reduce((at, x, i) => at + (ranges[i]!.start + x * ranges[i]!.step) * strides[i]!, 0));
};

const expand: ShapeOp = (_node, [t, shape]) => {
  if (!t?.dims || !shape?.data) return undefined;
  const dims = broadcastDims([t.dims, shape.data]);
  return dims && rearrange(t, dims, broadcastSource(t.dims, dims.length));
};

const flatten: ShapeOp = (node, [t]) => (t?.dims ? withDims(t, flattenDims(t.dims, attrInt(node, 'axis', 1))) : undefined);

export const SHAPE_OPS: Readonly<Record<string, ShapeOp>> = {
  Reshape: reshape,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Transpose: transpose,
  Concat: concat,
  Gather: gather,
  Slice: slice,
  Expand: expand,
  Flatten: flatten,
};
