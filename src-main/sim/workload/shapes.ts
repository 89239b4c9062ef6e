import type { Issue } from '../../shared/result.ts';
import type { Layer, LayerShape, Network } from '../../shared/schemas/workload.ts';

// Shape inference over the layer graph, with the MACs and weights of every layer per image.
// Errors are data: each names the layer, so an imported network points at its own mistake.

type Shape = readonly [number, number, number];

export type ShapeResult = { readonly ok: true; readonly layers: LayerShape[] } | { readonly ok: false; readonly issues: Issue[] };

function outSize(size: number, kernel: number, stride: number, pad: number, ceil: boolean): number {
  const span = size + 2 * pad - kernel;
  const steps = ceil ? Math.ceil(span / stride) : Math.floor(span / stride);
  // Caffe/PyTorch ceil mode never starts a window entirely in the padding.
  const last = ceil && steps * stride >= size + pad ? steps - 1 : steps;
  return last + 1;
}

function layerShape(layer: Layer, ins: readonly Shape[], where: string): { out: Shape; macs: number; params: number } | Issue {
  const [c, h, w] = ins[0]!;
  const [kh, kw] = layer.kernel ?? [1, 1];
  const [sh, sw] = layer.stride ?? [1, 1];
  const [ph, pw] = layer.padding ?? [0, 0];
  switch (layer.kind) {
    case 'conv': {
      const groups = layer.groups ?? 1;
      const out = layer.out;
      if (!out) return { path: where, message: 'a conv layer needs "out" (output channels)' };
      if (c % groups || out % groups) return { path: where, message: `channels (${c} in, ${out} out) must divide by groups (${groups})` };
      const shape: Shape = [out, outSize(h, kh, sh, ph, false), outSize(w, kw, sw, pw, false)];
      return { out: shape, macs: shape[1] * shape[2] * out * (c / groups) * kh * kw, params: out * (c / groups) * kh * kw + out };
    }
    case 'fc': {
      if (!layer.out) return { path: where, message: 'an fc layer needs "out" (output features)' };
      const inFeatures = c * h * w;
      return { out: [layer.out, 1, 1], macs: inFeatures * layer.out, params: inFeatures * layer.out + layer.out };
    }
    case 'pool':
      if (layer.mode === 'global') return { out: [c, 1, 1], macs: 0, params: 0 };
      return { out: [c, outSize(h, kh, sh, ph, layer.ceil ?? false), outSize(w, kw, sw, pw, layer.ceil ?? false)], macs: 0, params: 0 };
    case 'relu':
    case 'softmax':
      return { out: [c, h, w], macs: 0, params: 0 };
    case 'bn':
      return { out: [c, h, w], macs: 0, params: 2 * c };
    case 'add':
      if (ins.some((s) => s.join() !== ins[0]!.join())) return { path: where, message: `inputs of an add must have one shape (got ${ins.map((s) => s.join('x')).join(', ')})` };
      return { out: [c, h, w], macs: 0, params: 0 };
    case 'concat':
      if (ins.some((s) => s[1] !== h || s[2] !== w)) return { path: where, message: `inputs of a concat must have one height and width (got ${ins.map((s) => s.join('x')).join(', ')})` };
      return { out: [ins.reduce((sum, s) => sum + s[0], 0), h, w], macs: 0, params: 0 };
  }
}

/** Infers every layer's shapes in order; a layer may only read layers defined before it. */
export function inferShapes(network: Network): ShapeResult {
  const issues: Issue[] = [];
  const shapes = new Map<string, Shape>();
  const layers: LayerShape[] = [];
  const input: Shape = [network.input.channels, network.input.height, network.input.width];
  network.layers.forEach((layer, index) => {
    const where = `layers[${index}] (${layer.name})`;
    if (shapes.has(layer.name)) return void issues.push({ path: where, message: `the name "${layer.name}" is used twice` });
    const missing = layer.inputs.filter((n) => !shapes.has(n));
    if (missing.length) return void issues.push({ path: where, message: `reads ${missing.map((m) => `"${m}"`).join(', ')}, which is not defined before it` });
    const ins = layer.inputShape ? [layer.inputShape] : layer.inputs.length ? layer.inputs.map((n) => shapes.get(n)!) : [input];
    if ((layer.kind === 'add' || layer.kind === 'concat') && ins.length < 2) return void issues.push({ path: where, message: `an ${layer.kind} needs at least two inputs` });
    const result = layerShape(layer, ins, where);
    if ('path' in result) return void issues.push(result);
    if (result.out.some((d) => d < 1)) return void issues.push({ path: where, message: `the output would be empty (${result.out.join('x')}): kernel, stride or padding do not fit the input ${ins[0]!.join('x')}` });
    shapes.set(layer.name, result.out);
    layers.push({ name: layer.name, kind: layer.kind, inShape: ins[0]!, outShape: result.out, macs: result.macs, params: result.params });
  });
  return issues.length ? { ok: false, issues } : { ok: true, layers };
}
