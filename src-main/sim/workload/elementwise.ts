import type { ActivationFunction, Layer, LayerShape } from '../../shared/schemas/workload.ts';
import { elementsOf } from './geometry.ts';
import { NO_WORK, ops, zeroOps, type OpCounts, type PhaseWork } from './ops.ts';

// Element-wise layers in training: operation counts per element, by convention. These are the
// usual textbook formulations (framework kernels fuse some of them); each count is written down
// here so that a result can be traced back to it. I = input elements, O = output elements, per image.
//
// activation  relu     forward: 1 compare per O; gradient: 1 compare-and-select per O (the mask).
//             sigmoid  forward: exp, add, divide per O (1 / (1 + e^-x)); gradient: dy * y * (1 - y),
//                      2 fpMul + 1 fpAdd per O.
//             tanh     forward: (1 - e^-2x) / (1 + e^-2x): 1 fpMul, 1 exp, 2 fpAdd, 1 divide per O;
//                      gradient: dy * (1 - y^2), 2 fpMul + 1 fpAdd per O.
//             relu6    min(max(x, 0), 6). forward: 2 compares per O; gradient: 2 compares per O (the
//                      mask 0 < x < 6).
//             hardsigmoid  relu6(x + 3) / 6. forward: 1 fpAdd, 2 compares, 1 fpMul per O; gradient:
//                      2 compares (the mask -3 < x < 3) and 1 fpMul (dy / 6) per O.
//             hardswish    x * hardsigmoid(x). forward: 1 fpAdd, 2 compares, 2 fpMul per O; gradient:
//                      dy * (2x + 3) / 6 between -3 and 3 (0 below, dy above): 2 compares, 2 fpMul
//                      and 1 fpAdd per O.
//             silu     x * sigmoid(x). forward: exp, add, divide for s, 1 fpMul per O; gradient:
//                      dy * s * (1 + x (1 - s)), 3 fpMul + 2 fpAdd per O (s kept from the forward pass).
// pool        max      forward: k*k - 1 compares per O; gradient: each output gradient is added
//                      into the input its maximum came from, 1 fpAdd per O.
//             avg      forward: k*k - 1 fpAdd and 1 fpMul (by 1 / k*k) per O; gradient: 1 fpMul per O,
//                      then added into each of its k*k inputs, k*k fpAdd per O. Where windows do not
//                      overlap those adds are plain writes; counting them as adds is an upper bound.
//             global   as avg (or max) with k*k = the whole feature map.
//             Windows hanging over padding are counted whole.
// batchnorm   (training mode: statistics of the batch, N = batch x height x width values per channel)
//             forward, per element: sum x, square and sum x^2, subtract the mean, scale by 1/std,
//                      scale by gamma, shift by beta: 4 fpAdd + 3 fpMul per I.
//                      per channel and batch: mean and variance from the sums (3 fpMul, 2 fpAdd incl.
//                      epsilon), 1/sqrt (1 fpSqrt, 1 fpDiv), and the running statistics kept for
//                      inference (2 fpMul + 1 fpAdd each: 4 fpMul, 2 fpAdd).
//             weight gradient: dgamma = sum dy * xhat (I MACs into C results), dbeta = sum dy (I fpAdd).
//             input gradient: dx = gamma / (N std) * (N dy - dbeta - xhat dgamma): 3 fpMul + 2 fpAdd
//                      per I, and 2 fpMul per channel and batch for the factor.
// add         forward: (inputs - 1) fpAdd per O; gradient: passed on unchanged to every input.
// concat      data movement only, both ways.
// mul         a * b. forward: 1 fpMul per O; gradient: dy * b and dy * a, 2 fpMul per O, and when
//             one operand is per channel (C x 1 x 1) its gradient sums dy * a over height and
//             width, counted as 1 fpAdd per O.
// slice       data movement only, both ways.
// softmax     with the cross-entropy loss, over K = O classes. forward: max (K - 1 compares),
//             subtract it (K fpAdd), K exp, sum (K - 1 fpAdd), 1 divide, K fpMul; the loss, one log
//             of the label's probability, is left out. gradient: p - onehot, K fpAdd.

export interface ElementwisePhases {
  readonly forward: PhaseWork;
  readonly activationGradient: PhaseWork;
  readonly weightGradient: PhaseWork;
}

const perImage = (counts: Partial<OpCounts>): PhaseWork => ({ perImage: ops(counts), perBatch: zeroOps() });
const NONE = NO_WORK;

function activation(fn: ActivationFunction, o: number): ElementwisePhases {
  const phases = (forward: Partial<OpCounts>, gradient: Partial<OpCounts>): ElementwisePhases => ({ forward: perImage(forward), activationGradient: perImage(gradient), weightGradient: NONE });
  switch (fn) {
    case 'relu':
      return phases({ compare: o }, { compare: o });
    case 'sigmoid':
      return phases({ fpExp: o, fpAdd: o, fpDiv: o }, { fpMul: 2 * o, fpAdd: o });
    case 'tanh':
      return phases({ fpMul: o, fpExp: o, fpAdd: 2 * o, fpDiv: o }, { fpMul: 2 * o, fpAdd: o });
    case 'relu6':
      return phases({ compare: 2 * o }, { compare: 2 * o });
    case 'hardsigmoid':
      return phases({ fpAdd: o, compare: 2 * o, fpMul: o }, { compare: 2 * o, fpMul: o });
    case 'hardswish':
      return phases({ fpAdd: o, compare: 2 * o, fpMul: 2 * o }, { compare: 2 * o, fpMul: 2 * o, fpAdd: o });
    case 'silu':
      return phases({ fpExp: o, fpAdd: o, fpDiv: o, fpMul: o }, { fpMul: 3 * o, fpAdd: 2 * o });
  }
}

/** `inputElements` is both operands together: below 2 O, one of them is per channel. */
function product(o: number, inputElements: number): ElementwisePhases {
  const broadcast = inputElements < 2 * o;
  return { forward: perImage({ fpMul: o }), activationGradient: perImage({ fpMul: 2 * o, fpAdd: broadcast ? o : 0 }), weightGradient: NONE };
}

function pool(layer: Extract<Layer, { kind: 'pool' }>, shape: LayerShape, o: number): ElementwisePhases {
  const windowSize = layer.global === true ? shape.inShape[1] * shape.inShape[2] : (layer.kernel?.[0] ?? 1) * (layer.kernel?.[1] ?? 1);
  if (layer.mode === 'max') return { forward: perImage({ compare: o * (windowSize - 1) }), activationGradient: perImage({ fpAdd: o }), weightGradient: NONE };
  return { forward: perImage({ fpAdd: o * (windowSize - 1), fpMul: o }), activationGradient: perImage({ fpMul: o, fpAdd: o * windowSize }), weightGradient: NONE };
}

function batchnorm(i: number, channels: number): ElementwisePhases {
  return {
    forward: { perImage: ops({ fpAdd: 4 * i, fpMul: 3 * i }), perBatch: ops({ fpMul: 7 * channels, fpAdd: 4 * channels, fpSqrt: channels, fpDiv: channels }) },
    activationGradient: { perImage: ops({ fpMul: 3 * i, fpAdd: 2 * i }), perBatch: ops({ fpMul: 2 * channels }) },
    weightGradient: perImage({ macs: i, fpAdd: i }),
  };
}

function softmax(k: number): ElementwisePhases {
  return { forward: perImage({ compare: k - 1, fpAdd: 2 * k - 1, fpExp: k, fpDiv: 1, fpMul: k }), activationGradient: perImage({ fpAdd: k }), weightGradient: NONE };
}

/**
 * Counts of a layer without weights of its own (batch-norm aside); conv and fc are counted in
 * training.ts. `inputElements` is what the layer reads per image, all producers together.
 */
export function elementwisePhases(layer: Layer, shape: LayerShape, inputElements: number): ElementwisePhases {
  const o = elementsOf(shape.outShape);
  switch (layer.kind) {
    case 'activation':
      return activation(layer.function, o);
    case 'pool':
      return pool(layer, shape, o);
    case 'batchnorm':
      return batchnorm(elementsOf(shape.inShape), shape.inShape[0]);
    case 'add':
      return { forward: perImage({ fpAdd: (layer.inputs.length - 1) * o }), activationGradient: NONE, weightGradient: NONE };
    case 'mul':
      return product(o, inputElements);
    case 'softmax':
      return softmax(o);
    case 'conv':
    case 'fc':
    case 'concat':
    case 'slice':
      return { forward: NONE, activationGradient: NONE, weightGradient: NONE };
  }
}
