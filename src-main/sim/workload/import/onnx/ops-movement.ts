import { attrInt, attrInts } from './attributes.ts';
import { splitSizes, shapeOf } from './const-eval.ts';
import type { FeatureValue } from './context.ts';
import { flattenDims, formatDims, normalizeAxis, permutation, product, reshapeDims, sliceRanges, squeezeDims, unsqueezeDims, type AxisRange } from './dims.ts';
import type { NodeScope } from './scope.ts';
import { DATA_TYPE, makeTensor } from './tensor.ts';

// Ops that move data without computing: no layer, the readers read the producer (through the new
// view's shape). ShuffleNet's channel shuffle (Reshape, Transpose, Reshape back) is such a chain.
// Split and Slice along channels make slice layers; Shape and Size of a feature map are constants.

function view(scope: NodeScope, x: FeatureValue, shape: number[] | string): void {
  if (typeof shape === 'string') return scope.fail(shape);
  scope.setOutput(0, { kind: 'feature', layer: x.layer, shape });
}

export function passThrough(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) scope.setOutput(0, x);
}

export function flatten(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) view(scope, x, flattenDims(x.shape, attrInt(scope.node, 'axis', 1)));
}

export function reshape(scope: NodeScope): void {
  const x = scope.feature(0);
  const target = x && scope.values(1, 'target shape');
  if (x && target) view(scope, x, reshapeDims(x.shape, target, attrInt(scope.node, 'allowzero', 0) === 1));
}

export function transpose(scope: NodeScope): void {
  const x = scope.feature(0);
  if (!x) return;
  const perm = permutation(x.shape.length, attrInts(scope.node, 'perm'));
  view(scope, x, typeof perm === 'string' ? perm : perm.map((p) => x.shape[p]!));
}

/** Axes from the attribute, or from opset 13 the second input. */
function axesOf(scope: NodeScope): readonly number[] | undefined | 'failed' {
  if (!scope.present(1)) return attrInts(scope.node, 'axes');
  return scope.values(1, 'axes') ?? 'failed';
}

export function squeeze(scope: NodeScope): void {
  const x = scope.feature(0);
  const axes = x && axesOf(scope);
  if (x && axes !== 'failed') view(scope, x, squeezeDims(x.shape, axes));
}

export function unsqueeze(scope: NodeScope): void {
  const x = scope.feature(0);
  const axes = x && axesOf(scope);
  if (x && axes !== 'failed') view(scope, x, axes ? unsqueezeDims(x.shape, axes) : 'has no axes');
}

export function shape(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) scope.setConstant(0, shapeOf(scope.node, x.shape));
}

export function size(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) scope.setConstant(0, makeTensor(DATA_TYPE.INT64, [], [product(x.shape)]));
}

/** One slice layer per output that keeps part of the channels; a whole-tensor output is the producer itself. */
function channelSlice(scope: NodeScope, x: FeatureValue, ranges: readonly AxisRange[], output: number): void {
  const cut = ranges.filter((r) => r.step !== 1 || r.start !== 0 || r.size !== x.shape[r.axis]);
  if (cut.length === 0) return scope.setOutput(output, x);
  if (cut.some((r) => r.axis !== 1 || r.step !== 1)) {
    const where = cut.find((r) => r.axis !== 1 || r.step !== 1)!;
    return scope.fail(`cuts ${formatDims(x.shape)} along axis ${where.axis}${where.step !== 1 ? ` with step ${where.step}` : ''}: the workbench slices channels (axis 1, step 1) only`);
  }
  const { start, size: kept } = cut[0]!;
  if (kept < 1) return scope.fail(`keeps no channel of ${formatDims(x.shape)}`);
  const name = output === 0 ? scope.name : scope.state.names.derived(`${scope.name}_${output}`);
  scope.emit({ name, kind: 'slice', channels: [start, start + kept] }, [x], { rank: x.shape.length, output, name });
}

export function split(scope: NodeScope): void {
  const x = scope.feature(0);
  if (!x) return;
  const axis = normalizeAxis(attrInt(scope.node, 'axis', 0), x.shape.length);
  if (axis === undefined) return scope.fail(`splits along an axis outside ${formatDims(x.shape)}`);
  const listed = scope.present(1) ? scope.values(1, 'split sizes') : attrInts(scope.node, 'split');
  if (scope.present(1) && !listed) return;
  const sizes = splitSizes(scope.node, listed ? [...listed] : undefined, x.shape[axis]);
  if (!sizes) return scope.fail(`its split sizes (${listed?.join(', ') ?? 'equal parts'}) do not add up to the ${x.shape[axis]} of axis ${axis}`);
  if (axis !== 1 && sizes.some((part) => part !== x.shape[axis])) return scope.fail(`splits ${formatDims(x.shape)} along axis ${axis}: the workbench slices channels (axis 1) only`);
  let start = 0;
  sizes.forEach((size, output) => {
    const ranges = x.shape.map((d, a) => (a === axis ? { axis: a, start, step: 1, size } : { axis: a, start: 0, step: 1, size: d }));
    start += size;
    if (scope.node.outputs[output]) channelSlice(scope, x, ranges, output);
  });
}

export function slice(scope: NodeScope): void {
  const x = scope.feature(0);
  if (!x) return;
  const list = (i: number, attribute: string, what: string): readonly number[] | undefined | 'failed' => (scope.present(i) ? (scope.values(i, what) ?? 'failed') : attrInts(scope.node, attribute));
  const [starts, ends, axes, steps] = [list(1, 'starts', 'starts'), list(2, 'ends', 'ends'), list(3, 'axes', 'axes'), list(4, 'steps', 'steps')];
  if ([starts, ends, axes, steps].includes('failed')) return;
  if (!starts || !ends) return scope.fail('needs starts and ends');
  const ranges = sliceRanges(x.shape, starts as number[], ends as number[], axes as number[] | undefined, steps as number[] | undefined);
  if (typeof ranges === 'string') return scope.fail(ranges);
  channelSlice(scope, x, ranges, 0);
}
