import { describe, expect, it } from 'vitest';
import { looksLikeOnnx } from '../../../../src-main/sim/workload/import/onnx/index.ts';
import { OnnxGraph } from '../../../helpers/onnx-builder.ts';
import { analysed, edges, imported } from './onnx-support.ts';

// A residual network built node by node as torch.onnx.export writes one (module-path node names,
// onnx::-style weight names, Conv without bias before BatchNormalization, Flatten and Gemm at the end).

interface Built {
  readonly bytes: (weightsAsInputs: boolean) => Uint8Array;
  /** ONNX weight shapes of each conv and fc node, by node name. */
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

function residualNet(): Built {
  const g = new OnnxGraph({ opset: 17 });
  const weights = new Map<string, readonly number[]>();
  let n = 0;
  const conv = (name: string, x: string, dims: readonly number[], attrs: Record<string, number[]>) => {
    weights.set(name, dims);
    n += 1;
    return g.node('Conv', [x, g.weight(`onnx::Conv_${100 + n}`, dims)], { dilations: [1, 1], group: 1, ...attrs }, { name });
  };
  const bn = (name: string, x: string, c: number) => {
    const p = ['weight', 'bias', 'running_mean', 'running_var'].map((k) => g.weight(`${name}.${k}`, [c]));
    return g.node('BatchNormalization', [x, ...p], { epsilon: { f: 1e-5 }, momentum: { f: 0.9 } }, { name });
  };
  const x = g.input('input.1', [1, 3, 32, 32]);
  const stem = g.node('Relu', [bn('/bn1/BatchNormalization', conv('/conv1/Conv', x, [16, 3, 3, 3], { pads: [1, 1, 1, 1], strides: [2, 2], kernel_shape: [3, 3] }), 16)], {}, { name: '/relu/Relu' });
  const b1 = g.node('Relu', [bn('/layer1/bn1/BatchNormalization', conv('/layer1/conv1/Conv', stem, [32, 16, 3, 3], { pads: [1, 1, 1, 1], strides: [2, 2] }), 32)], {}, { name: '/layer1/relu/Relu' });
  const b2 = bn('/layer1/bn2/BatchNormalization', conv('/layer1/conv2/Conv', b1, [32, 32, 3, 3], { pads: [1, 1, 1, 1] }), 32);
  const short = bn('/layer1/downsample/1/BatchNormalization', conv('/layer1/downsample/0/Conv', stem, [32, 16, 1, 1], { strides: [2, 2] }), 32);
  const sum = g.node('Add', [b2, short], {}, { name: '/layer1/Add' });
  const out = g.node('Relu', [sum], {}, { name: '/layer1/relu_1/Relu' });
  const pool = g.node('GlobalAveragePool', [out], {}, { name: '/avgpool/GlobalAveragePool' });
  const flat = g.node('Flatten', [pool], { axis: 1 }, { name: '/Flatten' });
  weights.set('/fc/Gemm', [10, 32]);
  const logits = g.node('Gemm', [flat, g.weight('fc.weight', [10, 32]), g.weight('fc.bias', [10])], { alpha: { f: 1 }, beta: { f: 1 }, transB: 1 }, { name: '/fc/Gemm', outputs: ['logits'] });
  g.output(logits, [1, 10]);
  return { bytes: (weightsAsInputs) => g.toBytes({ weightsAsInputs }), weights };
}

describe('ONNX import of a residual network', () => {
  const built = residualNet();
  const bytes = built.bytes(false);

  it('sniffs as ONNX and keeps the graph edges: two branches into an add, the Flatten folded away', () => {
    expect(looksLikeOnnx(bytes)).toBe(true);
    const { network } = imported(bytes);
    expect(edges(network.layers)).toEqual([
      ['/conv1/Conv', 'conv', []],
      ['/bn1/BatchNormalization', 'batchnorm', ['/conv1/Conv']],
      ['/relu/Relu', 'activation', ['/bn1/BatchNormalization']],
      ['/layer1/conv1/Conv', 'conv', ['/relu/Relu']],
      ['/layer1/bn1/BatchNormalization', 'batchnorm', ['/layer1/conv1/Conv']],
      ['/layer1/relu/Relu', 'activation', ['/layer1/bn1/BatchNormalization']],
      ['/layer1/conv2/Conv', 'conv', ['/layer1/relu/Relu']],
      ['/layer1/bn2/BatchNormalization', 'batchnorm', ['/layer1/conv2/Conv']],
      ['/layer1/downsample/0/Conv', 'conv', ['/relu/Relu']],
      ['/layer1/downsample/1/BatchNormalization', 'batchnorm', ['/layer1/downsample/0/Conv']],
      ['/layer1/Add', 'add', ['/layer1/bn2/BatchNormalization', '/layer1/downsample/1/BatchNormalization']],
      ['/layer1/relu_1/Relu', 'activation', ['/layer1/Add']],
      ['/avgpool/GlobalAveragePool', 'pool', ['/layer1/relu_1/Relu']],
      ['/fc/Gemm', 'fc', ['/avgpool/GlobalAveragePool']],
      ['softmax', 'softmax', ['/fc/Gemm']],
    ]);
    expect(network.input).toEqual({ channels: 3, height: 32, width: 32 });
    expect(network.classes).toBe(10);
    expect(network.dataset).toBe('imported');
    expect(network.source).toBe('ONNX file "net" (pytorch 2.6.0, opset 17)');
  });

  it('infers the shapes ONNX gives, and MACs equal the sum over conv and fc of output positions x weights', () => {
    const { network } = imported(bytes);
    const analysis = analysed(network);
    const shapeOf = (name: string) => analysis.shapes.find((s) => s.name === name)!.outShape;
    expect(shapeOf('/conv1/Conv')).toEqual([16, 16, 16]);
    expect(shapeOf('/layer1/Add')).toEqual([32, 8, 8]);
    expect(shapeOf('/avgpool/GlobalAveragePool')).toEqual([32, 1, 1]);
    expect(shapeOf('/fc/Gemm')).toEqual([10, 1, 1]);
    const expected = [...built.weights].reduce((sum, [name, dims]) => {
      const [, h, w] = shapeOf(name);
      return sum + h * w * dims.reduce((p, d) => p * d, 1);
    }, 0);
    expect(analysis.forwardMacs).toBe(expected);
    // Convolutions have no bias (a batch-norm follows); the fc has one from Gemm's third input.
    expect(network.layers.filter((l) => l.kind === 'conv').every((l) => l.kind === 'conv' && l.bias === false)).toBe(true);
    expect(network.layers.find((l) => l.name === '/fc/Gemm')).toMatchObject({ bias: true });
  });

  it('reads the same network from a file exported without weights (export_params=False: weights as graph inputs)', () => {
    const withWeights = imported(bytes).network;
    const withoutWeights = imported(built.bytes(true)).network;
    expect(withoutWeights).toEqual(withWeights);
    expect(built.bytes(true).byteLength).toBeLessThan(bytes.byteLength / 4);
  });

  it('ends with the file softmax when there is one, and names it after its node', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 4]);
    const fc = g.node('Gemm', [x, g.weight('w', [4, 3])]);
    const sm = g.node('Softmax', [fc], { axis: 1 }, { name: '/Softmax' });
    g.output(sm);
    const { network, notes } = imported(g.toBytes());
    expect(edges(network.layers)).toEqual([
      ['/Gemm_1', 'fc', []],
      ['/Softmax', 'softmax', ['/Gemm_1']],
    ]);
    expect(notes).toEqual([]);
    expect(network.input).toEqual({ channels: 4, height: 1, width: 1 });
  });

  it('names unnamed and same-named nodes by op type and index, trims long names to 200 characters', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 2, 4, 4]);
    const a = g.node('Relu', [x], {}, { name: '' });
    const b = g.node('Sigmoid', [a], {}, { name: 'same' });
    const c = g.node('Tanh', [b], {}, { name: 'same' });
    const d = g.node('Relu', [c], {}, { name: 'x'.repeat(300) });
    g.output(g.node('Flatten', [d]));
    const { network } = imported(g.toBytes());
    expect(network.layers.map((l) => l.name)).toEqual(['Relu_0', 'Sigmoid_1', 'Tanh_2', 'x'.repeat(200), 'softmax']);
  });

  it('sorts nodes a file lists out of order', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 2, 4, 4]);
    const late = g.node('Relu', ['s'], {}, { name: 'relu' });
    g.node('Sigmoid', [x], {}, { name: 'sigmoid', outputs: ['s'] });
    g.output(late);
    expect(edges(imported(g.toBytes()).network.layers)).toEqual([
      ['sigmoid', 'activation', []],
      ['relu', 'activation', ['sigmoid']],
      ['softmax', 'softmax', ['relu']],
    ]);
  });

  it('inlines model-local functions (the torch.export-based exporter may emit them)', () => {
    const g = new OnnxGraph();
    const x = g.input('x', [1, 8, 4, 4]);
    g.localFunction({
      name: 'ConvRelu',
      domain: 'pkg.test',
      input: ['in', 'w'],
      output: ['out'],
      attribute: [],
      node: [
        { name: 'conv', opType: 'Conv', domain: '', input: ['in', 'w'], output: ['c'], attribute: [{ name: 'pads', type: 7, ints: [1, 1, 1, 1] }] },
        { name: 'relu', opType: 'Relu', domain: '', input: ['c'], output: ['out'] },
      ],
      opsetImport: [{ domain: '', version: 18 }],
    });
    const y = g.node('ConvRelu', [x, g.weight('w', [8, 8, 3, 3])], {}, { name: 'block', domain: 'pkg.test' });
    g.output(g.node('GlobalAveragePool', [y], {}, { name: 'gap' }));
    const { network } = imported(g.toBytes());
    expect(edges(network.layers)).toEqual([
      ['block#1/conv', 'conv', []],
      ['block#1/relu', 'activation', ['block#1/conv']],
      ['gap', 'pool', ['block#1/relu']],
      ['softmax', 'softmax', ['gap']],
    ]);
    expect(analysed(network).forwardMacs).toBe(4 * 4 * 8 * 8 * 9);
  });
});
