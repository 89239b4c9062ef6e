import { product, type Dims } from './dims.ts';

// The small tensors the importer evaluates at import time: shapes, indices, split sizes and clip
// bounds that exporters compute with Shape, Gather, Concat... chains. Weights keep their shape
// only: their values never matter to the costs.

/** ONNX TensorProto.DataType codes used here. */
export const DATA_TYPE = { FLOAT: 1, UINT8: 2, INT8: 3, UINT16: 4, INT16: 5, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, FLOAT16: 10, DOUBLE: 11, UINT32: 12, UINT64: 13, BFLOAT16: 16 } as const;

/**
 * Values are kept up to this many elements. Shape arithmetic needs a few dozen; a limit keeps a
 * ConstantOfShape or Range over a large shape from filling memory.
 */
export const MAX_CONSTANT_ELEMENTS = 4096;

export interface ConstTensor {
  readonly dtype: number;
  /** Undefined when the shape cannot be known at import. */
  readonly dims: Dims | undefined;
  /** Row-major values; undefined for weights, for tensors past MAX_CONSTANT_ELEMENTS and for what could not be evaluated. */
  readonly data: readonly number[] | undefined;
}

const INTEGRAL: ReadonlySet<number> = new Set([DATA_TYPE.UINT8, DATA_TYPE.INT8, DATA_TYPE.UINT16, DATA_TYPE.INT16, DATA_TYPE.INT32, DATA_TYPE.INT64, DATA_TYPE.UINT32, DATA_TYPE.UINT64, DATA_TYPE.BOOL]);

export function isIntegral(dtype: number): boolean {
  return INTEGRAL.has(dtype);
}

export function makeTensor(dtype: number, dims: Dims | undefined, data?: readonly number[]): ConstTensor {
  const keep = data !== undefined && dims !== undefined && data.length === product(dims) && data.length <= MAX_CONSTANT_ELEMENTS;
  return { dtype, dims, data: keep ? data : undefined };
}

export const UNKNOWN_TENSOR: ConstTensor = Object.freeze({ dtype: 0, dims: undefined, data: undefined });

export function stridesOf(dims: Dims): number[] {
  const strides = dims.map(() => 1);
  for (let i = dims.length - 2; i >= 0; i -= 1) strides[i] = strides[i + 1]! * dims[i + 1]!;
  return strides;
}

/** Calls `visit` with each coordinate of `dims` in row-major order. */
export function forEachCoord(dims: Dims, visit: (coords: readonly number[]) => void): void {
  const total = product(dims);
  const coords = dims.map(() => 0);
  for (let n = 0; n < total; n += 1) {
    visit(coords);
    for (let i = dims.length - 1; i >= 0; i -= 1) {
      coords[i]! += 1;
      if (coords[i]! < dims[i]!) break;
      coords[i] = 0;
    }
  }
}

/** Numpy's broadcasting: shapes aligned on the right, a 1 stretching to the other's size. */
export function broadcastDims(shapes: readonly Dims[]): number[] | undefined {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i += 1) {
    const sizes = shapes.map((s) => s[s.length - rank + i] ?? 1);
    const size = Math.max(...sizes);
    if (sizes.some((d) => d !== 1 && d !== size)) return undefined;
    out.push(sizes.includes(0) ? 0 : size);
  }
  return out;
}

/** The flat index into a tensor of `dims` that a broadcast output coordinate reads. */
export function broadcastSource(dims: Dims, outRank: number): (coords: readonly number[]) => number {
  const strides = stridesOf(dims);
  const offset = outRank - dims.length;
  return (coords) => dims.reduce((index, d, i) => index + (d === 1 ? 0 : coords[i + offset]! * strides[i]!), 0);
}
