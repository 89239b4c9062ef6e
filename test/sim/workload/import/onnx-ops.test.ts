import { describe, expect, it } from 'vitest';
import type { Layer, Network } from '../../../../src-main/shared/schemas/workload.ts';
import { windowOutputSize } from '../../../../src-main/sim/workload/geometry.ts';
import { OnnxGraph } from '../../../helpers/onnx-builder.ts';
import { analysed, edges, imported, layerNamed } from './onnx-support.ts';

// The operators of MobileNet v2/v3, EfficientNet and ShuffleNet v2 graphs, each in a small network
// whose expected layers follow from the ONNX operator definitions (onnx.ai Operators.md).

const INT64_MAX = Number.MAX_SAFE_INTEGER; // an exporter's "to the end"; any value past the dimension clamps the same

/** Forward MACs expected of each conv layer from its declared weights and the output size ONNX defines. */
function convMacs(outC: number, inPerGroup: number, k: number, outH: number, outW: number): number {
  return outC * inPerGroup * k * k * outH * outW;
}

/** A MobileNet v3 / EfficientNet block: pointwise, hardswish, depthwise (SAME_UPPER), squeeze-excitation, SiLU, then an MLP head. */
function mobileBlock(g: OnnxGraph): void {
  const x = g.input('x', [1, 8, 16, 16]);
  const expand = g.node('Conv', [x, g.weight('expand.w', [16, 8, 1, 1])], {}, { name: '/expand/Conv' });
  const hs = g.node('HardSwish', [expand], {}, { name: '/expand/HardSwish' });
  const dw = g.node('Conv', [hs, g.weight('dw.w', [16, 1, 3, 3])], { group: 16, strides: [2, 2], auto_pad: 'SAME_UPPER', kernel_shape: [3, 3] }, { name: '/dw/Conv' });
  const low = g.constant({ values: [0], dims: [], type: 'float' });
  const high = g.constant({ values: [6], dims: [], type: 'float' });
  const act = g.node('Clip', [dw, low, high], {}, { name: '/dw/Clip' });
  const squeezed = g.node('ReduceMean', [act], { axes: [2, 3], keepdims: 1 }, { name: '/se/ReduceMean' });
  const fc1 = g.node('Conv', [squeezed, g.weight('se1.w', [4, 16, 1, 1]), g.weight('se1.b', [4])], {}, { name: '/se/fc1/Conv' });
  const r = g.node('Relu', [fc1], {}, { name: '/se/Relu' });
  const fc2 = g.node('Conv', [r, g.weight('se2.w', [16, 4, 1, 1]), g.weight('se2.b', [16])], {}, { name: '/se/fc2/Conv' });
  const gate = g.node('HardSigmoid', [fc2], { alpha: { f: 1 / 6 }, beta: { f: 0.5 } }, { name: '/se/HardSigmoid' });
  const scaled = g.node('Mul', [act, gate], {}, { name: '/se/Mul' });
  const asym = g.node('Conv', [scaled, g.weight('asym.w', [16, 16, 3, 3])], { strides: [2, 2], pads: [0, 0, 1, 1] }, { name: '/asym/Conv' });
  const dilated = g.node('Conv', [asym, g.weight('dil.w', [16, 16, 3, 3])], { dilations: [2, 2], pads: [2, 2, 2, 2] }, { name: '/dil/Conv' });
  const s = g.node('Sigmoid', [dilated], {}, { name: '/silu/Sigmoid' });
  const silu = g.node('Mul', [dilated, s], {}, { name: '/silu/Mul' });
  const pooled = g.node('GlobalAveragePool', [silu], {}, { name: '/pool' });
  const flat = g.node('Flatten', [pooled], {}, { name: '/flatten' });
  const mm = g.node('MatMul', [flat, g.weight('head.w', [16, 10])], {}, { name: '/head/MatMul' });
  g.output(g.node('Add', [g.weight('head.b', [10]), mm], {}, { name: '/head/Add' }));
}

describe('ONNX operators of mobile networks', () => {
  const g = new OnnxGraph({ opset: 13 });
  mobileBlock(g);
  const { network, notes } = imported(g.toBytes());
  const analysis = analysed(network);
  const out = (name: string) => analysis.shapes.find((s) => s.name === name)!.outShape;

  it('reads the block as layers with the activation functions, gates and edges of the file', () => {
    expect(edges(network.layers)).toEqual([
      ['/expand/Conv', 'conv', []],
      ['/expand/HardSwish', 'activation', ['/expand/Conv']],
      ['/dw/Conv', 'conv', ['/expand/HardSwish']],
      ['/dw/Clip', 'activation', ['/dw/Conv']],
      ['/se/ReduceMean', 'pool', ['/dw/Clip']],
      ['/se/fc1/Conv', 'conv', ['/se/ReduceMean']],
      ['/se/Relu', 'activation', ['/se/fc1/Conv']],
      ['/se/fc2/Conv', 'conv', ['/se/Relu']],
      ['/se/HardSigmoid', 'activation', ['/se/fc2/Conv']],
      ['/se/Mul', 'mul', ['/dw/Clip', '/se/HardSigmoid']],
      ['/asym/Conv', 'conv', ['/se/Mul']],
      ['/dil/Conv', 'conv', ['/asym/Conv']],
      ['/silu/Mul', 'activation', ['/dil/Conv']],
      ['/pool', 'pool', ['/silu/Mul']],
      ['/head/MatMul', 'fc', ['/pool']],
      ['softmax', 'softmax', ['/head/MatMul']],
    ]);
    const fn = (name: string) => (layerNamed(network, name) as Extract<Layer, { kind: 'activation' }>).function;
    expect(['/expand/HardSwish', '/dw/Clip', '/se/Relu', '/se/HardSigmoid', '/silu/Mul'].map(fn)).toEqual(['hardswish', 'relu6', 'relu', 'hardsigmoid', 'silu']);
    expect(layerNamed(network, '/se/ReduceMean')).toMatchObject({ mode: 'avg', global: true });
    expect(layerNamed(network, '/head/MatMul')).toMatchObject({ kind: 'fc', out: 10, bias: true });
    expect(layerNamed(network, '/dw/Conv')).toMatchObject({ groups: 16, stride: [2, 2] });
    expect(layerNamed(network, '/dil/Conv')).toMatchObject({ dilation: [2, 2], padding: [2, 2] });
    // Convolutions with biases and no BatchNormalization: the exporter may have folded batch-norms away.
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/without a softmax/), expect.stringMatching(/no BatchNormalization node/)]);
  });

  it('gives the sizes ONNX defines: SAME_UPPER is ceil(in / stride), asymmetric pads 0 and 1 take one symmetric padding of the same size', () => {
    expect(out('/dw/Conv')).toEqual([16, Math.ceil(16 / 2), Math.ceil(16 / 2)]);
    // ONNX: floor((8 + 0 + 1 - 3) / 2) + 1 = 4; the symmetric padding 1 gives the same 4.
    const onnxSize = Math.floor((8 + 0 + 1 - 3) / 2) + 1;
    expect(out('/asym/Conv')).toEqual([16, onnxSize, onnxSize]);
    expect(layerNamed(network, '/asym/Conv')).toMatchObject({ padding: [1, 1] });
    expect(windowOutputSize(8, { kernel: 3, stride: 2, padding: 1, dilation: 1, ceil: false })).toBe(onnxSize);
    expect(out('/dil/Conv')).toEqual([16, 4, 4]);
    expect(out('/se/Mul')).toEqual([16, 8, 8]);
    const macs = convMacs(16, 8, 1, 16, 16) + convMacs(16, 1, 3, 8, 8) + convMacs(4, 16, 1, 1, 1) + convMacs(16, 4, 1, 1, 1) + convMacs(16, 16, 3, 4, 4) * 2 + 16 * 10;
    expect(analysis.forwardMacs).toBe(macs);
  });

  it('costs the new kinds: every phase of mul, relu6, hardswish, hardsigmoid and silu has work', () => {
    for (const name of ['/se/Mul', '/dw/Clip', '/expand/HardSwish', '/se/HardSigmoid', '/silu/Mul']) {
      const work = analysis.work.find((w) => w.name === name)!;
      const total = (phase: 'forward' | 'activationGradient') => Object.values(work.phases[phase].perImage).reduce((a, b) => a + b, 0);
      expect(total('forward'), name).toBeGreaterThan(0);
      expect(total('activationGradient'), name).toBeGreaterThan(0);
      expect(work.savedElements, name).toBeGreaterThan(0);
    }
  });

  it('reads the same network when the weights are graph inputs (export_params=False)', () => {
    expect(imported(g.toBytes({ weightsAsInputs: true })).network).toEqual(network);
  });
});

describe('ONNX global pooling, Clip bounds and constants', () => {
  function pooledHead(opset: number, reduce: (g: OnnxGraph, x: string) => string): Network {
    const g = new OnnxGraph({ opset });
    const x = g.input('x', [1, 4, 6, 6]);
    const pooled = reduce(g, g.node('Relu', [x], {}, { name: 'relu' }));
    g.output(g.node('Gemm', [pooled, g.weight('w', [10, 4])], { transB: 1 }, { name: 'fc' }));
    return imported(g.toBytes()).network;
  }

  it('takes ReduceMean over height and width as a global average pool: axes as attribute (opset 13) or input (opset 18), negative or not', () => {
    const attribute = pooledHead(13, (g, x) => g.node('ReduceMean', [x], { axes: [2, 3], keepdims: 0 }, { name: 'mean' }));
    const input = pooledHead(18, (g, x) => g.node('ReduceMean', [x, g.constant({ values: [-1, -2] }, 'value_ints')], { keepdims: 0 }, { name: 'mean' }));
    expect(input.layers).toEqual(attribute.layers);
    expect(edges(input.layers)).toEqual([
      ['relu', 'activation', []],
      ['mean', 'pool', ['relu']],
      ['fc', 'fc', ['mean']],
      ['softmax', 'softmax', ['fc']],
    ]);
    expect(analysed(input).forwardMacs).toBe(4 * 10);
  });

  it('reads Clip bounds from attributes (before opset 11) and from inputs, and notes a clamp other than ReLU6', () => {
    const clip = (opset: number, attrs: Record<string, { f: number }>, inputs: (g: OnnxGraph) => string[]) => {
      const g = new OnnxGraph({ opset });
      const x = g.input('x', [1, 4]);
      g.output(g.node('Clip', [g.node('Gemm', [x, g.weight('w', [4, 4])]), ...inputs(g)], attrs, { name: 'clip' }));
      return imported(g.toBytes());
    };
    const fn = (r: { network: Network }) => (layerNamed(r.network, 'clip') as Extract<Layer, { kind: 'activation' }>).function;
    expect(fn(clip(10, { min: { f: 0 }, max: { f: 6 } }, () => []))).toBe('relu6');
    expect(fn(clip(12, {}, (g) => [g.floats('lo', [0], []), '']))).toBe('relu');
    const odd = clip(12, {}, (g) => [g.floats('lo', [-1], []), g.floats('hi', [1], [])]);
    expect(fn(odd)).toBe('relu6');
    expect(odd.notes).toContainEqual({ path: 'node "clip" (Clip)', message: 'assumption: its clamp to [-1, 1] costs what ReLU6 does, two compares per element each way' });
  });

  it('evaluates Range, Cast, Equal, Where and ConstantOfShape on shapes at import time', () => {
    const g = new OnnxGraph({ opset: 17 });
    const x = g.input('x', [1, 2, 4, 4]);
    const r = g.node('Relu', [x], {}, { name: 'relu' });
    const positions = g.node('Cast', [g.node('Range', [g.constant({ values: [0], dims: [] }), g.constant({ values: [2], dims: [] }), g.constant({ values: [1], dims: [] })])], { to: 7 });
    const isSecond = g.node('Equal', [positions, g.constant({ values: [1] })]);
    const minusOnes = g.node('ConstantOfShape', [g.constant({ values: [2] })], { value: { tensor: { values: [-1], dims: [1] } } });
    const batch = g.node('Gather', [g.node('Shape', [r]), g.constant({ values: [0, 0] })]);
    const target = g.node('Where', [isSecond, minusOnes, batch]);
    g.output(g.node('Gemm', [g.node('Reshape', [r, target]), g.weight('w', [32, 3])], {}, { name: 'fc' }));
    const { network, notes } = imported(g.toBytes());
    expect(edges(network.layers)).toEqual([
      ['relu', 'activation', []],
      ['fc', 'fc', ['relu']],
      ['softmax', 'softmax', ['fc']],
    ]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/without a softmax/)]);
  });

  it('passes shared weights through Identity nodes, and reads int64 constants from int64_data, raw_data, value and value_ints', () => {
    const g = new OnnxGraph({ opset: 13 });
    const x = g.input('x', [1, 2, 4, 4]);
    const w = g.weight('onnx::Conv_9', [2, 2, 1, 1]);
    const a = g.node('Conv', [x, g.node('Identity', [w])], {}, { name: 'a' });
    const b = g.node('Conv', [a, g.node('Identity', [w])], {}, { name: 'b' });
    const r1 = g.node('Reshape', [b, g.int64s('s1', [1, 32])]);
    const r2 = g.node('Reshape', [r1, g.int64s('s2', [1, 2, 4, 4], { raw: true })]);
    const r3 = g.node('Reshape', [r2, g.constant({ values: [1, -1], raw: true })]);
    const r4 = g.node('Reshape', [r3, g.constant({ values: [0, 2, 4, 4] }, 'value_ints')]);
    g.output(g.node('Relu', [r4], {}, { name: 'relu' }));
    const { network } = imported(g.toBytes());
    expect(edges(network.layers)).toEqual([
      ['a', 'conv', []],
      ['b', 'conv', ['a']],
      ['relu', 'activation', ['b']],
      ['softmax', 'softmax', ['relu']],
    ]);
    expect(analysed(network).forwardMacs).toBe(2 * 2 * 16 * 2);
  });
});

/** A ShuffleNet v2 unit: channel split, a branch, concat, channel shuffle, and the next unit's split by Slice. */
function shuffleUnit(g: OnnxGraph): void {
  const x = g.input('x', [1, 16, 8, 8]);
  const [left, right] = g.nodeOutputs('Split', [x, g.int64s('split', [8, 8])], { axis: 1 }, { name: '/split', outputs: 2 });
  const b1 = g.node('Relu', [g.node('Conv', [right!, g.weight('b1.w', [8, 8, 1, 1])], {}, { name: '/b/pw1' })], {}, { name: '/b/relu1' });
  const b2 = g.node('Conv', [b1, g.weight('b2.w', [8, 1, 3, 3])], { group: 8, pads: [1, 1, 1, 1] }, { name: '/b/dw' });
  const b3 = g.node('Relu', [g.node('Conv', [b2, g.weight('b3.w', [8, 8, 1, 1])], {}, { name: '/b/pw2' })], {}, { name: '/b/relu2' });
  const joined = g.node('Concat', [left!, b3], { axis: 1 }, { name: '/concat' });
  // Channel shuffle with 2 groups, its target shapes computed as the TorchScript exporter writes them.
  const batch = g.node('Unsqueeze', [g.node('Gather', [g.node('Shape', [joined]), g.constant({ values: [0], dims: [] })], { axis: 0 }), g.constant({ values: [0] })]);
  const grouped = g.node('Reshape', [joined, g.node('Concat', [batch, g.constant({ values: [2, 8, 8, 8] }, 'value_ints')], { axis: 0 })], {}, { name: '/shuffle/Reshape' });
  const swapped = g.node('Transpose', [grouped], { perm: [0, 2, 1, 3, 4] }, { name: '/shuffle/Transpose' });
  const back = g.node('Reshape', [swapped, g.node('Concat', [batch, g.constant({ values: [-1, 8, 8] }, 'value_ints')], { axis: 0 })], {}, { name: '/shuffle/Reshape_1' });
  const first = g.node('Slice', [back, g.int64s('s0', [0]), g.int64s('e0', [8]), g.int64s('a0', [1])], {}, { name: '/next/Slice' });
  const second = g.node('Slice', [back, g.int64s('s1', [8], { raw: true }), g.int64s('e1', [INT64_MAX], { raw: true }), g.int64s('a1', [1])], {}, { name: '/next/Slice_1' });
  const conv = g.node('Conv', [second, g.weight('n.w', [8, 8, 1, 1])], {}, { name: '/next/pw' });
  const merged = g.node('Concat', [first, conv], { axis: 1 }, { name: '/next/concat' });
  g.output(g.node('Flatten', [g.node('GlobalAveragePool', [merged], {}, { name: '/gap' })]));
}

describe('ONNX ShuffleNet v2 data movement', () => {
  const g = new OnnxGraph({ opset: 13 });
  shuffleUnit(g);
  const { network } = imported(g.toBytes());

  it('splits channels into slice layers, concatenates them, and shuffles at no cost (no layer for Reshape or Transpose)', () => {
    expect(edges(network.layers)).toEqual([
      ['/split', 'slice', []],
      ['/split_1', 'slice', []],
      ['/b/pw1', 'conv', ['/split_1']],
      ['/b/relu1', 'activation', ['/b/pw1']],
      ['/b/dw', 'conv', ['/b/relu1']],
      ['/b/pw2', 'conv', ['/b/dw']],
      ['/b/relu2', 'activation', ['/b/pw2']],
      ['/concat', 'concat', ['/split', '/b/relu2']],
      ['/next/Slice', 'slice', ['/concat']],
      ['/next/Slice_1', 'slice', ['/concat']],
      ['/next/pw', 'conv', ['/next/Slice_1']],
      ['/next/concat', 'concat', ['/next/Slice', '/next/pw']],
      ['/gap', 'pool', ['/next/concat']],
      ['softmax', 'softmax', ['/gap']],
    ]);
    const channels = network.layers.flatMap((l) => (l.kind === 'slice' ? [l.channels] : []));
    expect(channels).toEqual([
      [0, 8],
      [8, 16],
      [0, 8],
      [8, 16],
    ]);
    expect(network.layers.some((l) => l.inputShape !== undefined)).toBe(false);
    expect(network.classes).toBe(16);
  });

  it('costs the slices as data movement only and the convolutions by their weights', () => {
    const analysis = analysed(network);
    expect(analysis.shapes.find((s) => s.name === '/next/Slice_1')!.outShape).toEqual([8, 8, 8]);
    for (const w of analysis.work.filter((w) => w.kind === 'slice')) {
      expect(Object.values(w.phases.forward.perImage).every((v) => v === 0)).toBe(true);
      expect(w.savedElements).toBe(0);
    }
    expect(analysis.forwardMacs).toBe(convMacs(8, 8, 1, 8, 8) * 3 + convMacs(8, 1, 3, 8, 8));
  });
});

describe('ONNX approximations, each with a note', () => {
  it('pads both sides alike where ONNX pads one side: the nearest padding, with a note when no padding gives the same size', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 2, 8, 8]);
    g.output(g.node('Conv', [x, g.weight('w', [2, 2, 3, 3])], { pads: [0, 0, 1, 1] }, { name: 'conv' }));
    const { network, notes } = imported(g.toBytes());
    // ONNX: 8 + 0 + 1 - 3 + 1 = 7 positions; padding 0 gives 6, padding 1 gives 8.
    expect(layerNamed(network, 'conv')).toMatchObject({ padding: [0, 0] });
    expect(notes.filter((n) => n.path === 'node "conv" (Conv)').map((n) => n.message)).toEqual([
      "assumption: padding 0 on both sides along spatial axis 1 for its pads 0 and 1 (auto_pad NOTSET): the workbench pads both sides alike, and no single padding gives ONNX's 7 positions (0 gives 6)",
      "assumption: padding 0 on both sides along spatial axis 2 for its pads 0 and 1 (auto_pad NOTSET): the workbench pads both sides alike, and no single padding gives ONNX's 7 positions (0 gives 6)",
    ]);
  });

  it('passes a feature map on past a constant it cannot fold as a bias (a scale, a shift of the network input), with a note', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 3, 4, 4]);
    const shifted = g.node('Sub', [x, g.floats('mean', [0.4, 0.5, 0.6], [1, 3, 1, 1])], {}, { name: 'normalise' });
    const r = g.node('Relu', [shifted], {}, { name: 'relu' });
    g.output(g.node('Mul', [r, g.floats('scale', [2], [])], {}, { name: 'scale' }));
    const { network, notes } = imported(g.toBytes());
    expect(edges(network.layers)).toEqual([
      ['relu', 'activation', []],
      ['softmax', 'softmax', ['relu']],
    ]);
    expect(notes.map((n) => n.path)).toEqual(['node "normalise" (Sub)', 'node "scale" (Mul)', 'file']);
    expect(notes[0]!.message).toMatch(/^assumption: it subtracts a constant and a feature map, one operation per element, left out of the costs/);
  });

  it('reads weights passed through Transpose from graph inputs (torch.export without weights), noting which input is the data', () => {
    const g = new OnnxGraph({ opset: 18 });
    const x = g.input('x', [1, 6]);
    const w = g.input('fc.weight', [4, 6]);
    g.output(g.node('Gemm', [x, g.node('Transpose', [w], { perm: [1, 0] })], {}, { name: 'fc' }));
    const { network, notes } = imported(g.toBytes());
    expect(layerNamed(network, 'fc')).toMatchObject({ kind: 'fc', out: 4 });
    expect(notes[0]).toEqual({ path: 'input "x"', message: 'assumption: this is the data input (listed first); 1 other graph input ("fc.weight") is read as weights' });
  });
});

describe('ONNX reshaped reads', () => {
  it('declares the reshaped input of a layer that reads a view different from its producer (a conv after Reshape)', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 64]);
    const fc = g.node('Gemm', [x, g.weight('w', [64, 32])], {}, { name: 'fc' });
    const map = g.node('Reshape', [fc, g.int64s('shape', [1, 2, 4, 4])]);
    g.output(g.node('Conv', [map, g.weight('c', [3, 2, 3, 3])], { pads: [1, 1, 1, 1] }, { name: 'conv' }));
    const { network } = imported(g.toBytes());
    expect(layerNamed(network, 'conv')).toMatchObject({ inputs: ['fc'], inputShape: [2, 4, 4] });
    expect(analysed(network).forwardMacs).toBe(64 * 32 + 3 * 2 * 9 * 16);
  });

  it('costs a MatMul over positions (NxLxK times KxM) as a 1x1 convolution over the L positions', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 5, 8]);
    const mm = g.node('MatMul', [x, g.weight('w', [8, 6])], {}, { name: 'proj' });
    const biased = g.node('Add', [mm, g.weight('b', [6])]);
    g.output(g.node('Gemm', [g.node('Flatten', [biased]), g.weight('h', [30, 3])], {}, { name: 'head' }));
    const { network } = imported(g.toBytes());
    expect(layerNamed(network, 'proj')).toMatchObject({ kind: 'conv', out: 6, kernel: [1, 1], bias: true, inputShape: [8, 5, 1] });
    expect(analysed(network).forwardMacs).toBe(5 * 8 * 6 + 30 * 3);
  });
});
