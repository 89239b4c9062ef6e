import type { Layer, LayerShape } from '../../shared/schemas/workload.ts';
import { elementsOf } from './geometry.ts';

// What the forward pass keeps, per image, for each layer's backward pass (the activation memory a
// training accelerator must hold between the passes). Convention, per layer:
// conv, fc     its input (the weight gradient multiplies by it)
// relu         its output sign: one element per output (a 1-bit mask would do; the width is the mapping's choice)
// sigmoid/tanh its output (the gradient is written in terms of y)
// max pool     the position of each window's maximum: one element per output
// avg pool     nothing
// batchnorm    the normalised input xhat, and a mean and 1/std per channel
// add, concat  nothing
// softmax      its output probabilities
// A value kept by two layers (a conv input that is also a ReLU output) is counted by both: an
// upper bound that a mapping sharing storage can tighten.

export function savedElements(layer: Layer, shape: LayerShape, inputElements: number): number {
  const outputs = elementsOf(shape.outShape);
  switch (layer.kind) {
    case 'conv':
    case 'fc':
      return inputElements;
    case 'activation':
    case 'softmax':
      return outputs;
    case 'pool':
      return layer.mode === 'max' ? outputs : 0;
    case 'batchnorm':
      return inputElements + 2 * shape.inShape[0];
    case 'add':
    case 'concat':
      return 0;
  }
}
