import type { ActivationFunction, Layer, LayerShape } from '../../shared/schemas/workload.ts';
import { elementsOf } from './geometry.ts';

// What the forward pass keeps, per image, for each layer's backward pass (the activation memory a
// training accelerator must hold between the passes). Convention, per layer:
// conv, fc     its input (the weight gradient multiplies by it)
// relu         its output sign: one element per output (a 1-bit mask would do; the width is the mapping's choice)
// relu6, hardsigmoid  its output: the gradient's mask (0 < y < 6, 0 < y < 1) reads from it
// sigmoid/tanh its output (the gradient is written in terms of y)
// hardswish    its input (the gradient (2x + 3) / 6 needs x)
// silu         its input and its sigmoid s: two elements per output (the gradient reuses s)
// max pool     the position of each window's maximum: one element per output
// avg pool     nothing
// batchnorm    the normalised input xhat, and a mean and 1/std per channel
// add, concat, slice  nothing
// mul          both operands (each one's gradient multiplies by the other)
// softmax      its output probabilities
// A value kept by two layers (a conv input that is also a ReLU output) is counted by both: an
// upper bound that a mapping sharing storage can tighten.

function activationSaved(fn: ActivationFunction, outputs: number): number {
  return fn === 'silu' ? 2 * outputs : outputs;
}

export function savedElements(layer: Layer, shape: LayerShape, inputElements: number): number {
  const outputs = elementsOf(shape.outShape);
  switch (layer.kind) {
    case 'conv':
    case 'fc':
      return inputElements;
    case 'activation':
      return activationSaved(layer.function, outputs);
    case 'softmax':
      return outputs;
    case 'mul':
      return inputElements;
    case 'pool':
      return layer.mode === 'max' ? outputs : 0;
    case 'batchnorm':
      return inputElements + 2 * shape.inShape[0];
    case 'add':
    case 'concat':
    case 'slice':
      return 0;
  }
}
