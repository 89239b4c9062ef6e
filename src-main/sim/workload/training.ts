import type { Layer, LayerShape, Network } from '../../shared/schemas/workload.ts';

// What one training step asks of the arithmetic, per layer and phase. Conventions (domain.md 7):
// - conv and fc: forward MACs M; the activation gradient costs M again (skipped for the first
//   layer, whose input needs no gradient); the weight gradient costs M again. A MAC is one fpMul
//   and one fpAdd.
// - weight update (plain SGD): one fpMul (learning rate) and one fpAdd per weight, once per batch.
// - element-wise layers, per element (assumptions, the usual operation counts):
//   ReLU: one compare forward, one select backward; max pool: k*k - 1 compares per output forward,
//   one select per input backward; average pool: k*k adds and one multiply per output forward, one
//   multiply per input backward; batch-norm: 3 adds and 3 multiplies forward (statistics and
//   normalisation), 4 and 4 backward, 2 weights per channel; residual add: one add forward, none
//   backward; concat: data movement only; softmax: 8 multiplies and 7 adds per class forward
//   (exponential by polynomial, sum, reciprocal), 2 and 1 backward.

export const PHASES = ['forward', 'activationGradient', 'weightGradient', 'weightUpdate'] as const;
export type Phase = (typeof PHASES)[number];

export interface OpCounts {
  fpMul: number;
  fpAdd: number;
  /** Compares and selects (ReLU, max pooling), costed as fixed-point adds. */
  compare: number;
}

export interface LayerTraining {
  readonly name: string;
  readonly kind: Layer['kind'];
  /** Per image for forward and gradients; per batch for the weight update. */
  readonly phases: Readonly<Record<Phase, OpCounts>>;
  /** Activations this layer produces per image (they move to the layers that read them). */
  readonly outputElements: number;
  readonly weights: number;
}

const zero = (): OpCounts => ({ fpMul: 0, fpAdd: 0, compare: 0 });

function elements(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function elementwise(layer: Layer, shape: LayerShape): { forward: OpCounts; backward: OpCounts } {
  const inEl = elements(shape.inShape);
  const outEl = elements(shape.outShape);
  const [kh, kw] = layer.kernel ?? [1, 1];
  switch (layer.kind) {
    case 'relu':
      return { forward: { ...zero(), compare: outEl }, backward: { ...zero(), compare: outEl } };
    case 'pool':
      if (layer.mode === 'max') return { forward: { ...zero(), compare: outEl * (kh * kw - 1) }, backward: { ...zero(), compare: inEl } };
      if (layer.mode === 'global') return { forward: { fpMul: outEl, fpAdd: inEl, compare: 0 }, backward: { fpMul: inEl, fpAdd: 0, compare: 0 } };
      return { forward: { fpMul: outEl, fpAdd: outEl * kh * kw, compare: 0 }, backward: { fpMul: inEl, fpAdd: 0, compare: 0 } };
    case 'bn':
      return { forward: { fpMul: 3 * outEl, fpAdd: 3 * outEl, compare: 0 }, backward: { fpMul: 4 * outEl, fpAdd: 4 * outEl, compare: 0 } };
    case 'add':
      return { forward: { ...zero(), fpAdd: outEl }, backward: zero() };
    case 'softmax':
      return { forward: { fpMul: 8 * outEl, fpAdd: 7 * outEl, compare: 0 }, backward: { fpMul: 2 * outEl, fpAdd: outEl, compare: 0 } };
    default:
      return { forward: zero(), backward: zero() };
  }
}

function layerTraining(layer: Layer, shape: LayerShape, isFirstCompute: boolean): LayerTraining {
  const mac = (n: number): OpCounts => ({ fpMul: n, fpAdd: n, compare: 0 });
  const weights = shape.params;
  const update = { fpMul: weights, fpAdd: weights, compare: 0 };
  const outputElements = elements(shape.outShape);
  if (layer.kind === 'conv' || layer.kind === 'fc') {
    const phases = { forward: mac(shape.macs), activationGradient: isFirstCompute ? zero() : mac(shape.macs), weightGradient: mac(shape.macs), weightUpdate: update };
    return { name: layer.name, kind: layer.kind, phases, outputElements, weights };
  }
  const { forward, backward } = elementwise(layer, shape);
  const phases = { forward, activationGradient: backward, weightGradient: zero(), weightUpdate: update };
  return { name: layer.name, kind: layer.kind, phases, outputElements, weights };
}

/** Per-layer training work; `shapes` is the output of inferShapes for the same network. */
export function trainingWork(network: Network, shapes: readonly LayerShape[]): LayerTraining[] {
  let seenCompute = false;
  return network.layers.map((layer, i) => {
    const first = !seenCompute && (layer.kind === 'conv' || layer.kind === 'fc');
    if (layer.kind === 'conv' || layer.kind === 'fc') seenCompute = true;
    return layerTraining(layer, shapes[i]!, first);
  });
}

/** Totals of a phase over all layers (per image, or per batch for the update). */
export function phaseTotals(work: readonly LayerTraining[], phase: Phase): OpCounts {
  const total = zero();
  for (const layer of work) {
    total.fpMul += layer.phases[phase].fpMul;
    total.fpAdd += layer.phases[phase].fpAdd;
    total.compare += layer.phases[phase].compare;
  }
  return total;
}
