import { attrInt } from './attributes.ts';
import { formatDims, product } from './dims.ts';
import type { FeatureValue } from './context.ts';
import type { NodeScope } from './scope.ts';

// Gemm and MatMul with weights: fully connected layers. A MatMul over a tensor with positions
// between the batch and the features (NxLxK) applies the same weights at every position: it is
// costed as a 1x1 convolution over L positions, its output channels on the last axis.

/** The data operand and the weights' shape, or undefined with the node failed. */
function operands(scope: NodeScope): { x: FeatureValue; w: readonly number[] } | undefined {
  const [a, b] = [scope.input(0), scope.input(1)];
  if (a?.kind !== 'feature') return void scope.fail('multiplies weights by a feature map in that order (weights first), which the workbench cannot cost');
  if (b?.kind === 'feature') return void scope.fail('multiplies two feature maps (attention-like), which the workbench cannot cost: one operand must be weights');
  const w = scope.weightDims(1, 'weights');
  if (!w) return undefined;
  if (w.length !== 2) return void scope.fail(`its weights ${formatDims(w)} are not a matrix`);
  return { x: a, w };
}

export function gemm(scope: NodeScope): void {
  const found = operands(scope);
  if (!found) return;
  const { x, w } = found;
  if (attrInt(scope.node, 'transA', 0) === 1) return scope.fail('transposes its data input (transA = 1), so its batch is not first; the workbench cannot cost that');
  const [k, out] = attrInt(scope.node, 'transB', 0) === 1 ? [w[1]!, w[0]!] : [w[0]!, w[1]!];
  if (x.shape.length !== 2 || x.shape[1] !== k) return scope.fail(`reads ${formatDims(x.shape)} but its weights ${formatDims(w)} take ${k} features`);
  scope.emit({ name: scope.name, kind: 'fc', out, bias: scope.present(2) }, [x], { rank: 2 });
}

export function matMul(scope: NodeScope): void {
  const found = operands(scope);
  if (!found) return;
  const { x, w } = found;
  const [k, out] = [w[0]!, w[1]!];
  if (x.shape.length < 2 || x.shape.at(-1) !== k) return scope.fail(`reads ${formatDims(x.shape)} but its weights ${formatDims(w)} take ${k} features`);
  if (x.shape.length === 2) return scope.emit({ name: scope.name, kind: 'fc', out, bias: false }, [x], { rank: 2 });
  const positions = product(x.shape.slice(1, -1));
  const view = [...x.shape.slice(0, -1), out];
  scope.emit({ name: scope.name, kind: 'conv', out, kernel: [1, 1], bias: false, inputShape: [k, positions, 1] }, [x], { view, channelAxis: view.length - 1 });
}
