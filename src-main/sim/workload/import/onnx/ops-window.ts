import { attrInt, attrInts } from './attributes.ts';
import { reduceAxes } from './const-math.ts';
import { formatDims } from './dims.ts';
import type { NodeScope } from './scope.ts';
import { ceilMode, resolveWindow } from './window.ts';

// Conv, the pools, and ReduceMean/ReduceMax over height and width (a global pool, as
// torch.export writes adaptive_avg_pool2d(1)).

function spatialSizes(scope: NodeScope, shape: readonly number[]): readonly number[] | undefined {
  const sizes = shape.slice(2);
  if (sizes.length === 1 || sizes.length === 2) return sizes;
  scope.fail(`reads ${formatDims(shape)}: the workbench costs 1-D and 2-D windows (NxCxL, NxCxHxW) only`);
  return undefined;
}

/**
 * A bias computed in the graph as all zeros is no bias: the torch.export-based exporter writes a
 * zero Constant as the bias of every convolution built without one. A zero parameter (an
 * initializer, or a weight input) is a bias all the same: it is trained.
 */
function hasBias(scope: NodeScope): boolean {
  const bias = scope.present(2) ? scope.constant(2) : undefined;
  const zeros = bias !== undefined && bias.parameter !== true && bias.tensor.data !== undefined && bias.tensor.data.every((v) => v === 0);
  return scope.present(2) && !zeros;
}

export function conv(scope: NodeScope): void {
  const x = scope.feature(0);
  const w = x && scope.weightDims(1, 'weights');
  const sizes = x && w && spatialSizes(scope, x.shape);
  if (!x || !w || !sizes) return;
  const groups = attrInt(scope.node, 'group', 1);
  const [out, perGroup, ...kernel] = w as [number, number, ...number[]];
  const declared = attrInts(scope.node, 'kernel_shape');
  if (w.length !== x.shape.length || (declared !== undefined && declared.join() !== kernel.join())) {
    return scope.fail(`its weights ${formatDims(w)} do not fit its ${formatDims(x.shape)} input and kernel_shape`);
  }
  if (perGroup * groups !== x.shape[1]) return scope.fail(`its weights ${formatDims(w)} in ${groups} group(s) read ${perGroup * groups} channels, but its input ${formatDims(x.shape)} has ${x.shape[1]}`);
  const window = resolveWindow(scope, sizes, kernel, { ceil: false, pool: false });
  if (!window) return;
  const dilated = window.dilation.some((d) => d > 1);
  const layer = { name: scope.name, kind: 'conv' as const, out, kernel: window.kernel, stride: window.stride, padding: window.padding, bias: hasBias(scope) };
  scope.emit({ ...layer, ...(dilated ? { dilation: window.dilation } : {}), ...(groups > 1 ? { groups } : {}) }, [x], { rank: x.shape.length });
}

function pool(scope: NodeScope, mode: 'max' | 'avg'): void {
  const x = scope.feature(0);
  const sizes = x && spatialSizes(scope, x.shape);
  if (!x || !sizes) return;
  if ((scope.state.consumers.get(scope.node.outputs[1] ?? '') ?? 0) > 0) return scope.fail('its indices output is read, which the workbench cannot cost');
  const kernel = attrInts(scope.node, 'kernel_shape');
  if (!kernel || kernel.length !== sizes.length) return scope.fail(`needs a kernel_shape with ${sizes.length} value(s)`);
  if ((attrInts(scope.node, 'dilations') ?? []).some((d) => d !== 1)) return scope.fail('a dilated pool cannot be costed by the workbench');
  const window = resolveWindow(scope, sizes, kernel, { ceil: ceilMode(scope), pool: true });
  if (!window) return;
  const ceil = ceilMode(scope) ? { ceil: true } : {};
  scope.emit({ name: scope.name, kind: 'pool', mode, kernel: window.kernel, stride: window.stride, padding: window.padding, ...ceil }, [x], { rank: x.shape.length });
}

export const maxPool = (scope: NodeScope): void => pool(scope, 'max');
export const averagePool = (scope: NodeScope): void => pool(scope, 'avg');

function globalPool(scope: NodeScope, mode: 'max' | 'avg', rank?: number): void {
  const x = scope.feature(0);
  if (x && spatialSizes(scope, x.shape)) scope.emit({ name: scope.name, kind: 'pool', mode, global: true }, [x], { rank: rank ?? x.shape.length });
}

export const globalAveragePool = (scope: NodeScope): void => globalPool(scope, 'avg');
export const globalMaxPool = (scope: NodeScope): void => globalPool(scope, 'max');

/** ReduceMean (or ReduceMax) over exactly the spatial axes; axes from the attribute or, from opset 18, the second input. */
function reducePool(scope: NodeScope, mode: 'max' | 'avg'): void {
  const x = scope.feature(0);
  if (!x) return;
  const axesInput = scope.present(1) ? scope.constant(1)?.tensor : undefined;
  if (scope.present(1) && !axesInput) return scope.fail('its axes come from the data; the import needs them fixed');
  const axes = reduceAxes(scope.node, axesInput, x.shape.length);
  if (axes === 'unknown') return void scope.values(1, 'axes');
  const spatial = x.shape.map((_, i) => i).slice(2);
  const global = axes !== undefined && spatial.length > 0 && spatial.length <= 2 && axes.length === spatial.length && spatial.every((a) => axes.includes(a));
  if (!global) return scope.fail(`reduces ${formatDims(x.shape)} over axes ${axes?.join(', ') ?? '(invalid)'}: only a reduction over height and width (a global pool) can be costed by the workbench`);
  const keep = attrInt(scope.node, 'keepdims', 1) === 1;
  globalPool(scope, mode, keep ? x.shape.length : 2);
}

export const reduceMean = (scope: NodeScope): void => reducePool(scope, 'avg');
export const reduceMax = (scope: NodeScope): void => reducePool(scope, 'max');
