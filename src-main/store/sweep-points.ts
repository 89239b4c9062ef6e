import type { SweepPointData } from '../shared/schemas/sweep.ts';

// Sweep points as the store keeps them: batches of BATCH_POINTS points, each batch one BLOB of
// little-endian float64, point after point: its index, its swept values (in the order of the
// sweep's axes), energy, latency, area and lifetime in days, NaN where a point has no figure
// (batches stored before lifetimes were evaluated end at area: their width tells). The reasons of failed
// points sit beside the BLOB as JSON by position in the batch. Float64 holds every number exactly,
// so a sweep reads back as it was evaluated, bit for bit.

export const BATCH_POINTS = 1000;

export interface StoredBatch {
  readonly batch: number;
  readonly pointCount: number;
  readonly figures: Buffer;
  readonly errors: string | null;
}

const FIGURES = ['energy_J', 'latency_s', 'area_m2', 'lifetime_days'] as const;
/** Figures of batches stored before lifetimes: energy, latency and area. */
const EARLIER_FIGURES = 3;

function stride(keys: readonly string[], figures: number = FIGURES.length): number {
  return 1 + keys.length + figures;
}

/** Host byte order: typed arrays use it, the stored bytes are always little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

function toBytes(floats: Float64Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
  const bytes = Buffer.alloc(floats.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  floats.forEach((f, i) => view.setFloat64(i * 8, f, true));
  return bytes;
}

function fromBytes(bytes: Buffer): Float64Array {
  const floats = new Float64Array(bytes.byteLength / 8);
  // A copy either way: SQLite's buffer need not be aligned for a Float64Array view.
  if (LITTLE_ENDIAN) new Uint8Array(floats.buffer).set(bytes);
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < floats.length; i += 1) floats[i] = view.getFloat64(i * 8, true);
  }
  return floats;
}

export function encodeBatch(batch: number, points: readonly SweepPointData[], keys: readonly string[]): StoredBatch {
  const width = stride(keys);
  const floats = new Float64Array(points.length * width);
  const errors: Record<number, string> = {};
  points.forEach((p, i) => {
    let at = i * width;
    floats[at++] = p.index;
    for (const key of keys) floats[at++] = p.values[key] ?? NaN;
    for (const figure of FIGURES) floats[at++] = p[figure] ?? NaN;
    if (p.error !== undefined) errors[i] = p.error;
  });
  return { batch, pointCount: points.length, figures: toBytes(floats), errors: Object.keys(errors).length ? JSON.stringify(errors) : null };
}

/** Splits points into the batches they are stored in. */
export function encodePoints(points: readonly SweepPointData[], keys: readonly string[]): StoredBatch[] {
  const batches: StoredBatch[] = [];
  for (let start = 0; start < points.length; start += BATCH_POINTS) batches.push(encodeBatch(batches.length, points.slice(start, start + BATCH_POINTS), keys));
  return batches;
}

function figure(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}

/** The points of one batch; `from` and `to` pick positions inside it (the whole batch by default). */
export function decodeBatch(stored: Omit<StoredBatch, 'batch'>, keys: readonly string[], from = 0, to = stored.pointCount): SweepPointData[] {
  const current = stored.figures.byteLength === stored.pointCount * stride(keys) * 8;
  const width = current ? stride(keys) : stride(keys, EARLIER_FIGURES);
  if (stored.figures.byteLength !== stored.pointCount * width * 8) throw new Error(`a stored batch of ${stored.pointCount} points has ${stored.figures.byteLength} bytes, not ${stored.pointCount * stride(keys) * 8}`);
  const floats = fromBytes(stored.figures);
  const errors = stored.errors === null ? {} : (JSON.parse(stored.errors) as Record<string, string>);
  const points: SweepPointData[] = [];
  for (let i = from; i < to; i += 1) {
    const at = i * width;
    const values: Record<string, number> = {};
    keys.forEach((key, k) => {
      const value = floats[at + 1 + k]!;
      if (!Number.isNaN(value)) values[key] = value;
    });
    const figures = at + 1 + keys.length;
    const point = {
      index: floats[at]!,
      values,
      energy_J: figure(floats[figures]!),
      latency_s: figure(floats[figures + 1]!),
      area_m2: figure(floats[figures + 2]!),
      // Absent, not null, on earlier batches: their lifetime was never evaluated.
      ...(current ? { lifetime_days: figure(floats[figures + 3]!) } : {}),
    };
    const error = errors[i];
    points.push(error === undefined ? point : { ...point, error });
  }
  return points;
}
