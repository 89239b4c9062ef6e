import { windowOutputSize } from '../../geometry.ts';
import { attrInt, attrInts, attrString } from './attributes.ts';
import type { NodeScope } from './scope.ts';

// Convolution and pooling windows from ONNX attributes: kernel, strides, dilations, pads and
// auto_pad. ONNX pads each side on its own; the workbench pads both sides alike, so each axis
// gets the one symmetric padding that gives ONNX's output size (pads 0 and 1 with stride 2 give
// the same size as 1 and 1), or, where none does, the nearest one with a note.

interface Axis {
  readonly size: number;
  readonly kernel: number;
  readonly stride: number;
  readonly dilation: number;
  readonly begin: number;
  readonly end: number;
}

export interface ResolvedWindow {
  readonly kernel: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
}

/** Output positions along one axis, as ONNX defines them (with PyTorch's ceil-mode rule). */
function onnxOutputSize(axis: Axis, autoPad: string, ceil: boolean): number {
  const { size, kernel, stride, dilation } = axis;
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') return Math.ceil(size / stride);
  const [begin, end] = autoPad === 'VALID' ? [0, 0] : [axis.begin, axis.end];
  const span = size + begin + end - dilation * (kernel - 1) - 1;
  if (span < 0) return 0;
  let steps = ceil ? Math.ceil(span / stride) : Math.floor(span / stride);
  if (ceil && steps * stride >= size + begin) steps -= 1;
  return steps + 1;
}

function totalPadding(axis: Axis, autoPad: string, out: number): number {
  if (autoPad === 'VALID') return 0;
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') return Math.max(0, (out - 1) * axis.stride + axis.dilation * (axis.kernel - 1) + 1 - axis.size);
  return axis.begin + axis.end;
}

function symmetricPadding(axis: Axis, autoPad: string, ceil: boolean, pool: boolean): { padding: number; out: number; made: number } {
  const out = onnxOutputSize(axis, autoPad, ceil);
  const total = totalPadding(axis, autoPad, out);
  const made = (p: number) => windowOutputSize(axis.size, { kernel: axis.kernel, stride: axis.stride, padding: p, dilation: axis.dilation, ceil });
  const allowed = (p: number) => !pool || 2 * p <= axis.kernel;
  // Past a window's span plus a stride, more padding only adds positions: the search stops there.
  const reach = Math.min(total, axis.dilation * axis.kernel + axis.stride);
  const candidates = [Math.floor(total / 2), Math.ceil(total / 2), ...Array.from({ length: reach + 1 }, (_, p) => p)];
  const padding = candidates.find((p) => allowed(p) && made(p) === out) ?? Math.floor(total / 2);
  return { padding, out, made: made(padding) };
}

function axisValues(scope: NodeScope, name: string, count: number, fallback: number): number[] | undefined {
  const values = attrInts(scope.node, name) ?? new Array<number>(count).fill(fallback);
  if (values.length === count && values.every((v) => Number.isInteger(v) && v >= (name === 'pads' ? 0 : 1))) return values;
  scope.fail(`its ${name} attribute (${values.join(', ')}) does not fit a ${count / (name === 'pads' ? 2 : 1)}-D window`);
  return undefined;
}

const pair = (values: readonly number[]): [number, number] => [values[0]!, values[1] ?? 1];

/**
 * The window of a Conv or pool over `sizes` (the input's spatial dimensions: one for 1-D, two for
 * 2-D); a 1-D window becomes K x 1 over an L x 1 map. Undefined, with the node failed, when the
 * attributes do not fit.
 */
export function resolveWindow(scope: NodeScope, sizes: readonly number[], kernel: readonly number[], options: { ceil: boolean; pool: boolean }): ResolvedWindow | undefined {
  const n = sizes.length;
  const autoPad = attrString(scope.node, 'auto_pad', 'NOTSET');
  const strides = axisValues(scope, 'strides', n, 1);
  const dilations = axisValues(scope, 'dilations', n, 1);
  const pads = axisValues(scope, 'pads', 2 * n, 0);
  if (!strides || !dilations || !pads) return undefined;
  const resolved = sizes.map((size, i) => {
    const axis = { size, kernel: kernel[i]!, stride: strides[i]!, dilation: dilations[i]!, begin: pads[i]!, end: pads[i + n]! };
    const result = symmetricPadding(axis, autoPad, options.ceil, options.pool);
    if (result.made !== result.out) {
      scope.note(`assumption: padding ${result.padding} on both sides along spatial axis ${i + 1} for its pads ${axis.begin} and ${axis.end} (auto_pad ${autoPad}): the workbench pads both sides alike, and no single padding gives ONNX's ${result.out} positions (${result.padding} gives ${result.made})`);
    }
    return result.padding;
  });
  return { kernel: pair(kernel), stride: pair(strides), padding: [resolved[0]!, resolved[1] ?? 0], dilation: pair(dilations) };
}

export function ceilMode(scope: NodeScope): boolean {
  return attrInt(scope.node, 'ceil_mode', 0) === 1;
}
