import type { Shape } from '../../shared/schemas/workload.ts';

// Sliding-window arithmetic shared by convolution and pooling, as PyTorch and Caffe define it.

export interface Window {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  /** Round the number of window steps up instead of down. */
  readonly ceil: boolean;
}

/** Output positions along one dimension; 0 or less when the window does not fit. */
export function windowOutputSize(size: number, window: Window): number {
  const span = size + 2 * window.padding - window.dilation * (window.kernel - 1) - 1;
  if (span < 0) return 0;
  let steps = window.ceil ? Math.ceil(span / window.stride) : Math.floor(span / window.stride);
  // Ceil mode never starts a window in the right-hand padding (PyTorch's pooling_output_shape,
  // Caffe's pooling layer): that window would see padding only.
  if (window.ceil && steps * window.stride >= size + window.padding) steps -= 1;
  return steps + 1;
}

export function elementsOf(shape: Shape): number {
  return shape[0] * shape[1] * shape[2];
}

export function formatShape(shape: Shape): string {
  return shape.join('x');
}
