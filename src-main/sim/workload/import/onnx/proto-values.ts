import type { onnx } from 'onnx-proto';
import { product } from './dims.ts';
import { DATA_TYPE, makeTensor, MAX_CONSTANT_ELEMENTS, type ConstTensor } from './tensor.ts';

// Numbers out of decoded protobuf messages. protobufjs returns int64 fields as Long objects where
// the long package loads and as plain numbers where it does not (bundled builds), so both are read.
// Tensor values are read only for small tensors, from raw_data (little-endian, as ONNX stores it)
// or from the typed fields; raw_data is read in place through a DataView, never copied.

export function int64(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && value !== null && 'low' in value && 'high' in value) {
    const { low, high, unsigned } = value as { low: number; high: number; unsigned?: boolean };
    return (unsigned === true ? high >>> 0 : high) * 2 ** 32 + (low >>> 0);
  }
  return Number.NaN;
}

export function int64s(values: readonly unknown[] | null | undefined): number[] {
  return (values ?? []).map(int64);
}

function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function bfloatToFloat(bits: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setUint32(0, bits << 16);
  return view.getFloat32(0);
}

type RawReader = { readonly size: number; readonly read: (view: DataView, at: number) => number };

const RAW: Readonly<Record<number, RawReader>> = {
  [DATA_TYPE.FLOAT]: { size: 4, read: (v, at) => v.getFloat32(at, true) },
  [DATA_TYPE.UINT8]: { size: 1, read: (v, at) => v.getUint8(at) },
  [DATA_TYPE.INT8]: { size: 1, read: (v, at) => v.getInt8(at) },
  [DATA_TYPE.UINT16]: { size: 2, read: (v, at) => v.getUint16(at, true) },
  [DATA_TYPE.INT16]: { size: 2, read: (v, at) => v.getInt16(at, true) },
  [DATA_TYPE.INT32]: { size: 4, read: (v, at) => v.getInt32(at, true) },
  [DATA_TYPE.INT64]: { size: 8, read: (v, at) => Number(v.getBigInt64(at, true)) },
  [DATA_TYPE.BOOL]: { size: 1, read: (v, at) => (v.getUint8(at) === 0 ? 0 : 1) },
  [DATA_TYPE.FLOAT16]: { size: 2, read: (v, at) => halfToFloat(v.getUint16(at, true)) },
  [DATA_TYPE.DOUBLE]: { size: 8, read: (v, at) => v.getFloat64(at, true) },
  [DATA_TYPE.UINT32]: { size: 4, read: (v, at) => v.getUint32(at, true) },
  [DATA_TYPE.UINT64]: { size: 8, read: (v, at) => Number(v.getBigUint64(at, true)) },
  [DATA_TYPE.BFLOAT16]: { size: 2, read: (v, at) => bfloatToFloat(v.getUint16(at, true)) },
};

function rawValues(raw: Uint8Array, dtype: number, count: number): number[] | undefined {
  const reader = RAW[dtype];
  if (!reader || raw.byteLength !== count * reader.size) return undefined;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return Array.from({ length: count }, (_, i) => reader.read(view, i * reader.size));
}

/** ONNX keeps 8- and 16-bit values (and float16's bits) in int32_data. */
function typedValues(t: onnx.ITensorProto, dtype: number): number[] | undefined {
  switch (dtype) {
    case DATA_TYPE.FLOAT:
      return t.floatData ?? undefined;
    case DATA_TYPE.DOUBLE:
      return t.doubleData ?? undefined;
    case DATA_TYPE.INT64:
      return t.int64Data ? int64s(t.int64Data) : undefined;
    case DATA_TYPE.UINT32:
    case DATA_TYPE.UINT64:
      return t.uint64Data ? int64s(t.uint64Data) : undefined;
    case DATA_TYPE.FLOAT16:
      return t.int32Data?.map(halfToFloat);
    case DATA_TYPE.BFLOAT16:
      return t.int32Data?.map(bfloatToFloat);
    case DATA_TYPE.BOOL:
      return t.int32Data?.map((v) => (v === 0 ? 0 : 1));
    default:
      return t.int32Data ?? undefined;
  }
}

const EXTERNAL = 1;

/** A TensorProto as a ConstTensor: dims always, values when small and stored in the file. */
export function tensorFromProto(t: onnx.ITensorProto): ConstTensor {
  const dims = int64s(t.dims);
  const dtype = t.dataType ?? 0;
  const count = product(dims);
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) return makeTensor(dtype, undefined);
  if (count > MAX_CONSTANT_ELEMENTS || t.dataLocation === EXTERNAL) return makeTensor(dtype, dims);
  const raw = t.rawData && t.rawData.byteLength > 0 ? rawValues(t.rawData, dtype, count) : undefined;
  const values = raw ?? typedValues(t, dtype);
  return makeTensor(dtype, dims, values && values.length === count ? values : undefined);
}
