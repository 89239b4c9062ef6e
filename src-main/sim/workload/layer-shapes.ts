import type { ConvLayer, Layer, PoolLayer, Shape, SliceLayer } from '../../shared/schemas/workload.ts';
import { elementsOf, formatShape, windowOutputSize } from './geometry.ts';

// One layer's output shape, forward MACs and parameters from the shapes it reads.
// MAC convention (the one behind the published per-image figures, e.g. Sze et al., Proc. IEEE 2017): conv and
// fc multiply-accumulates only; a bias add, a residual add, pooling, activation and batch-norm
// are element-wise work, counted by training.ts, not here.

export interface LayerForward {
  readonly out: Shape;
  readonly macs: number;
  readonly params: number;
}

/** A LayerForward, or the reason the layer does not fit what it reads. */
export type LayerForwardResult = LayerForward | string;

function conv(layer: ConvLayer, [c, h, w]: Shape): LayerForwardResult {
  const groups = layer.groups ?? 1;
  if (c % groups !== 0 || layer.out % groups !== 0) return `its ${c} input and ${layer.out} output channels must both divide by its ${groups} groups`;
  const [kh, kw] = layer.kernel;
  const [sh, sw] = layer.stride ?? [1, 1];
  const [ph, pw] = layer.padding ?? [0, 0];
  const [dh, dw] = layer.dilation ?? [1, 1];
  const oh = windowOutputSize(h, { kernel: kh, stride: sh, padding: ph, dilation: dh, ceil: false });
  const ow = windowOutputSize(w, { kernel: kw, stride: sw, padding: pw, dilation: dw, ceil: false });
  const weights = layer.out * (c / groups) * kh * kw;
  const biases = layer.bias === false ? 0 : layer.out;
  return { out: [layer.out, oh, ow], macs: oh * ow * weights, params: weights + biases };
}

function pool(layer: PoolLayer, [c, h, w]: Shape): LayerForwardResult {
  if (layer.global === true) return { out: [c, 1, 1], macs: 0, params: 0 };
  const [kh, kw] = layer.kernel ?? [1, 1];
  const [sh, sw] = layer.stride ?? [kh, kw];
  const [ph, pw] = layer.padding ?? [0, 0];
  // PyTorch and Caffe refuse padding wider than half the window: such a window could see padding only.
  if (2 * ph > kh || 2 * pw > kw) return `padding ${ph}x${pw} is more than half its ${kh}x${kw} window`;
  const ceil = layer.ceil ?? false;
  const oh = windowOutputSize(h, { kernel: kh, stride: sh, padding: ph, dilation: 1, ceil });
  const ow = windowOutputSize(w, { kernel: kw, stride: sw, padding: pw, dilation: 1, ceil });
  return { out: [c, oh, ow], macs: 0, params: 0 };
}

function merge(layer: Layer, inputs: readonly Shape[], names: readonly string[]): LayerForwardResult {
  const [first] = inputs as [Shape];
  const listed = () => inputs.map((s, i) => `${names[i] ?? '?'} ${formatShape(s)}`).join(', ');
  if (layer.kind === 'add') {
    if (inputs.some((s) => s[0] !== first[0])) return `an add needs inputs with one channel count (got ${listed()})`;
    if (inputs.some((s) => s[1] !== first[1] || s[2] !== first[2])) return `an add needs inputs with one height and width (got ${listed()})`;
    return { out: first, macs: 0, params: 0 };
  }
  if (inputs.some((s) => s[1] !== first[1] || s[2] !== first[2])) return `a concat needs inputs with one height and width (got ${listed()})`;
  return { out: [inputs.reduce((sum, s) => sum + s[0], 0), first[1], first[2]], macs: 0, params: 0 };
}

/** The product's output is the larger operand; the other matches it or holds one value per channel. */
function product(inputs: readonly Shape[], names: readonly string[]): LayerForwardResult {
  const [a, b] = inputs as [Shape, Shape];
  const [large, small] = elementsOf(a) >= elementsOf(b) ? [a, b] : [b, a];
  const same = small[0] === large[0] && small[1] === large[1] && small[2] === large[2];
  const perChannel = small[0] === large[0] && small[1] === 1 && small[2] === 1;
  if (same || perChannel) return { out: large, macs: 0, params: 0 };
  const listed = inputs.map((s, i) => `${names[i] ?? '?'} ${formatShape(s)}`).join(', ');
  return `a mul needs inputs of one shape, or one with a single value per channel (Cx1x1) beside the other (got ${listed})`;
}

function slice(layer: SliceLayer, [c, h, w]: Shape, name: string): LayerForwardResult {
  const [start, end] = layer.channels;
  if (end > c) return `keeps channels ${start} to ${end - 1}, but ${name} has ${c} (0 to ${c - 1})`;
  return { out: [end - start, h, w], macs: 0, params: 0 };
}

/**
 * `inputs` are the shapes the layer reads (one per producer; the declared or network input when
 * it names none); `names` label them in messages.
 */
export function layerForward(layer: Layer, inputs: readonly Shape[], names: readonly string[]): LayerForwardResult {
  const first = inputs[0]!;
  switch (layer.kind) {
    case 'conv':
      return conv(layer, first);
    case 'fc': {
      const features = elementsOf(first);
      return { out: [layer.out, 1, 1], macs: features * layer.out, params: features * layer.out + (layer.bias === false ? 0 : layer.out) };
    }
    case 'pool':
      return pool(layer, first);
    case 'batchnorm':
      return { out: first, macs: 0, params: 2 * first[0] };
    case 'add':
    case 'concat':
      return merge(layer, inputs, names);
    case 'mul':
      return product(inputs, names);
    case 'slice':
      return slice(layer, first, names[0] ?? 'input');
    case 'activation':
    case 'softmax':
      return { out: first, macs: 0, params: 0 };
  }
}
