// A cheap look at the first bytes: does this read as a protobuf ModelProto? The top-level fields
// are walked (each value skipped by its length, nothing decoded) until the graph field (7) shows
// up whole. Serialisers write fields in number order, so ir_version (1) comes first in files from
// PyTorch, onnx and onnxruntime; the first field must be one ModelProto defines, with its wire type.

const WIRE = { VARINT: 0, FIXED64: 1, BYTES: 2, FIXED32: 5 } as const;
/** ModelProto's fields (onnx.proto3) and their wire types. */
const MODEL_FIELDS: ReadonlyMap<number, number> = new Map([
  [1, WIRE.VARINT], // ir_version
  [2, WIRE.BYTES], // producer_name
  [3, WIRE.BYTES], // producer_version
  [4, WIRE.BYTES], // domain
  [5, WIRE.VARINT], // model_version
  [6, WIRE.BYTES], // doc_string
  [7, WIRE.BYTES], // graph
  [8, WIRE.BYTES], // opset_import
  [14, WIRE.BYTES], // metadata_props
  [20, WIRE.BYTES], // training_info
  [25, WIRE.BYTES], // functions
]);
const GRAPH_FIELD = 7;
const MAX_FIELDS = 1000;

/** A varint's value and end, or undefined when it runs past the end or beyond 2^53. */
function readVarint(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  let value = 0;
  for (let i = 0; i < 8 && at + i < bytes.length; i += 1) {
    const byte = bytes[at + i]!;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return { value, end: at + i + 1 };
  }
  return undefined;
}

function skipValue(bytes: Uint8Array, at: number, wire: number): number | undefined {
  if (wire === WIRE.VARINT) return readVarint(bytes, at)?.end;
  if (wire === WIRE.FIXED64) return at + 8;
  if (wire === WIRE.FIXED32) return at + 4;
  if (wire !== WIRE.BYTES) return undefined;
  const length = readVarint(bytes, at);
  return length && length.end + length.value;
}

export function looksLikeOnnx(bytes: Uint8Array): boolean {
  let at = 0;
  for (let n = 0; n < MAX_FIELDS && at < bytes.length; n += 1) {
    const tag = readVarint(bytes, at);
    if (!tag) return false;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    const expected = MODEL_FIELDS.get(field);
    if (field === 0 || (n === 0 && expected === undefined) || (expected !== undefined && expected !== wire)) return false;
    const end = skipValue(bytes, tag.end, wire);
    if (end === undefined || end > bytes.length) return false;
    if (field === GRAPH_FIELD) return true;
    at = end;
  }
  return false;
}
