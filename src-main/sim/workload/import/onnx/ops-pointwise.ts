import type { ActivationFunction } from '../../../../shared/schemas/workload.ts';
import { attrFloat, hasAttr } from './attributes.ts';
import type { NodeScope } from './scope.ts';

// Activations, batch normalisation and the classifier's softmax: one layer each, same shape out.

function activation(scope: NodeScope, fn: ActivationFunction): void {
  const x = scope.feature(0);
  if (x) scope.emit({ name: scope.name, kind: 'activation', function: fn }, [x], { rank: x.shape.length });
}

export const relu = (scope: NodeScope): void => activation(scope, 'relu');
export const sigmoid = (scope: NodeScope): void => activation(scope, 'sigmoid');
export const tanh = (scope: NodeScope): void => activation(scope, 'tanh');
export const hardSigmoid = (scope: NodeScope): void => activation(scope, 'hardsigmoid');
export const hardSwish = (scope: NodeScope): void => activation(scope, 'hardswish');

/** A bound of Clip: the attribute before opset 11, the optional input after; null when left out, undefined when not known. */
function bound(scope: NodeScope, input: number, attribute: string): number | null | undefined {
  if (hasAttr(scope.node, attribute)) return attrFloat(scope.node, attribute) ?? null;
  const values = scope.optionalValues(input);
  if (values === undefined) return null;
  return values === 'unknown' ? undefined : (values[0] ?? null);
}

/** Clip(0, 6) is ReLU6 and Clip(0, none) ReLU; any other clamp costs what ReLU6 does (two compares each way). */
export function clip(scope: NodeScope): void {
  const min = bound(scope, 1, 'min');
  const max = bound(scope, 2, 'max');
  if (min === 0 && (max === null || max === Infinity)) return activation(scope, 'relu');
  if (min !== 0 || max !== 6) {
    const shown = (b: number | null | undefined) => (b === null ? 'none' : b === undefined ? 'not known at import' : String(b));
    scope.note(`assumption: its clamp to [${shown(min)}, ${shown(max)}] costs what ReLU6 does, two compares per element each way`);
  }
  activation(scope, 'relu6');
}

export function batchNormalization(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) scope.emit({ name: scope.name, kind: 'batchnorm' }, [x], { rank: x.shape.length });
}

/** The classifier's softmax; convert.ts refuses one that is not the network's output. */
export function softmax(scope: NodeScope): void {
  const x = scope.feature(0);
  if (x) scope.emit({ name: scope.name, kind: 'softmax' }, [x], { view: x.shape });
}
