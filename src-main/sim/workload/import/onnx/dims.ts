// Shape arithmetic shared by feature maps (whose values are never known here) and the small
// constants evaluated at import time. ONNX's rules: negative axes count from the end, Reshape's 0
// copies a dimension and -1 takes what is left, Slice clamps its bounds to the dimension.

export type Dims = readonly number[];

export function formatDims(dims: Dims): string {
  return dims.length === 0 ? 'a scalar' : dims.join('x');
}

export function product(dims: Dims): number {
  return dims.reduce((p, d) => p * d, 1);
}

export function sameDims(a: Dims, b: Dims): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function normalizeAxis(axis: number, rank: number): number | undefined {
  const normal = axis < 0 ? axis + rank : axis;
  return Number.isInteger(normal) && normal >= 0 && normal < rank ? normal : undefined;
}

export function reshapeDims(input: Dims, target: Dims, allowZero: boolean): number[] | string {
  const out = target.map((d, i) => (d === 0 && !allowZero ? (input[i] ?? -2) : d));
  if (out.some((d) => !Number.isInteger(d) || d < -1)) return `cannot reshape ${formatDims(input)} to ${formatDims(target)}`;
  const free = out.filter((d) => d === -1).length;
  if (free > 1) return `its target shape ${formatDims(target)} has more than one -1`;
  const total = product(input);
  const known = product(out.filter((d) => d !== -1));
  if (free === 1) {
    if (known === 0 || total % known !== 0) return `cannot reshape ${formatDims(input)} (${total} elements) to ${formatDims(target)}`;
    return out.map((d) => (d === -1 ? total / known : d));
  }
  return known === total ? out : `cannot reshape ${formatDims(input)} (${total} elements) to ${formatDims(target)}`;
}

export function flattenDims(input: Dims, axis: number): number[] | string {
  const at = axis < 0 ? axis + input.length : axis;
  if (!Number.isInteger(at) || at < 0 || at > input.length) return `axis ${axis} is outside a ${input.length}-dimensional tensor`;
  return [product(input.slice(0, at)), product(input.slice(at))];
}

export function squeezeDims(input: Dims, axes: Dims | undefined): number[] | string {
  if (axes === undefined) return input.filter((d) => d !== 1);
  const drop = new Set<number>();
  for (const axis of axes) {
    const at = normalizeAxis(axis, input.length);
    if (at === undefined || input[at] !== 1) return `cannot squeeze axis ${axis} of ${formatDims(input)}`;
    drop.add(at);
  }
  return input.filter((_, i) => !drop.has(i));
}

export function unsqueezeDims(input: Dims, axes: Dims): number[] | string {
  const rank = input.length + axes.length;
  const at = axes.map((axis) => normalizeAxis(axis, rank));
  if (at.some((a) => a === undefined) || new Set(at).size !== at.length) return `cannot unsqueeze ${formatDims(input)} at axes ${axes.join(', ')}`;
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < rank; i += 1) out.push(at.includes(i) ? 1 : input[next++]!);
  return out;
}

/** The permutation itself, checked; ONNX's default reverses the axes. */
export function permutation(rank: number, perm: Dims | undefined): number[] | string {
  const order = perm ? [...perm] : Array.from({ length: rank }, (_, i) => rank - 1 - i);
  const valid = order.length === rank && order.every((p) => Number.isInteger(p) && p >= 0 && p < rank) && new Set(order).size === rank;
  return valid ? order : `perm ${order.join(', ')} is not a permutation of ${rank} axes`;
}

export interface AxisRange {
  readonly axis: number;
  readonly start: number;
  readonly step: number;
  readonly size: number;
}

function clampedRange(dim: number, startIn: number, endIn: number, step: number): { start: number; size: number } {
  const start = startIn < 0 ? startIn + dim : startIn;
  const end = endIn < 0 ? endIn + dim : endIn;
  const [first, last] = step > 0 ? [Math.min(Math.max(start, 0), dim), Math.min(Math.max(end, 0), dim)] : [Math.min(Math.max(start, 0), dim - 1), Math.min(Math.max(end, -1), dim - 1)];
  return { start: first, size: Math.max(0, Math.ceil((last - first) / step)) };
}

/** Slice's parameters resolved per axis (every axis, untouched ones whole). */
export function sliceRanges(input: Dims, starts: Dims, ends: Dims, axes: Dims | undefined, steps: Dims | undefined): AxisRange[] | string {
  const ranges: AxisRange[] = input.map((dim, axis) => ({ axis, start: 0, step: 1, size: dim }));
  if (starts.length !== ends.length) return `has ${starts.length} starts but ${ends.length} ends`;
  for (let i = 0; i < starts.length; i += 1) {
    const axis = normalizeAxis(axes?.[i] ?? i, input.length);
    const step = steps?.[i] ?? 1;
    if (axis === undefined) return `axis ${axes?.[i] ?? i} is outside a ${input.length}-dimensional tensor`;
    if (step === 0 || !Number.isInteger(step)) return 'has a step of 0';
    ranges[axis] = { axis, step, ...clampedRange(input[axis]!, starts[i]!, ends[i]!, step) };
  }
  return ranges;
}
