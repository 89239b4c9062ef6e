import { describe, expect, it } from 'vitest';
import { looksLikeOnnx, ONNX_FILE_MAX_BYTES, ONNX_MAX_NODES, parseOnnx, parseOnnxWithLimits } from '../../../../src-main/sim/workload/import/onnx/index.ts';
import { OnnxGraph } from '../../../helpers/onnx-builder.ts';
import { imported, refused } from './onnx-support.ts';

// What the importer refuses, and how it says so: one issue naming the file, the input or the node.

/** Bytes from a fixed linear congruential sequence (Numerical Recipes' constants), the same every run. */
function pseudoRandomBytes(count: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

function chain(opset = 17): OnnxGraph {
  const g = new OnnxGraph({ opset });
  return g;
}

const NOT_ONNX = /^is not an ONNX model \(/;

describe('ONNX import refuses what is not an ONNX model', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const csv = new TextEncoder().encode('32,32,3,3,3,128,0,1\n32,32,128,3,3,128,1,1\n');
  const cases: [string, Uint8Array][] = [
    ['a PNG header', png],
    ['a NetWork.csv text', csv],
    ['empty bytes', new Uint8Array(0)],
    ...[1, 2, 3, 4, 5].map((seed): [string, Uint8Array] => [`pseudo-random bytes (seed ${seed})`, pseudoRandomBytes(4096, seed)]),
  ];
  for (const [what, bytes] of cases) {
    it(`refuses ${what} with one "is not an ONNX model" issue`, () => {
      expect(looksLikeOnnx(bytes)).toBe(false);
      const issues = refused(bytes);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: 'file', message: expect.stringMatching(NOT_ONNX) });
    });
  }

  it('refuses a file cut short, and a graph field protobuf cannot decode', () => {
    const g = chain();
    g.output(g.node('Relu', [g.input('x', [1, 2])]));
    const whole = g.toBytes();
    expect(refused(whole.subarray(0, whole.byteLength - 5))[0]!.message).toMatch(NOT_ONNX);
    // ir_version 8, then a graph field of two bytes that are an unfinished varint.
    const broken = new Uint8Array([0x08, 0x08, 0x3a, 0x02, 0xff, 0xff]);
    expect(looksLikeOnnx(broken)).toBe(true);
    expect(refused(broken)).toEqual([{ path: 'file', message: expect.stringMatching(/^is not an ONNX model \(protobuf decoding stops: /) }]);
  });

  it('never throws, whatever the bytes: a thousand prefixes and corruptions of a real model give a network or issues', () => {
    const g = chain();
    const x = g.input('x', [1, 3, 8, 8]);
    g.output(g.node('Gemm', [g.node('Flatten', [g.node('Relu', [g.node('Conv', [x, g.weight('w', [4, 3, 3, 3])])])]), g.weight('f', [144, 2])]));
    const bytes = g.toBytes();
    const noise = pseudoRandomBytes(2000, 7);
    for (let i = 0; i < 1000; i += 1) {
      const corrupt = new Uint8Array(bytes);
      corrupt[noise[i]! % corrupt.length] = noise[i + 1000]!;
      for (const b of [corrupt, bytes.subarray(0, i % bytes.length)]) {
        const result = parseOnnx(b, 'fuzz');
        expect(result.ok || result.issues.length > 0).toBe(true);
      }
    }
  });
});

describe('ONNX import limits', () => {
  it('states its limits: 256 MiB and 100,000 nodes', () => {
    expect(ONNX_FILE_MAX_BYTES).toBe(256 * 1024 * 1024);
    expect(ONNX_MAX_NODES).toBe(100_000);
  });

  it('refuses a file over the size limit, and a graph over the node limit, saying the limit', () => {
    const g = chain();
    let t = g.input('x', [1, 4]);
    for (let i = 0; i < 11; i += 1) t = g.node('Relu', [t]);
    g.output(t);
    const bytes = g.toBytes();
    expect(parseOnnxWithLimits(bytes, 'n', {}, { maxBytes: 100, maxNodes: 100 })).toEqual({
      ok: false,
      issues: [{ path: 'file', message: expect.stringMatching(/^is 0\.0 MiB; the importer reads ONNX files up to 0 MiB/) }],
    });
    expect(parseOnnxWithLimits(bytes, 'n', {}, { maxBytes: 10_000, maxNodes: 10 })).toEqual({
      ok: false,
      issues: [{ path: 'file', message: 'has more than 10 nodes (local functions inlined); the importer takes at most 10' }],
    });
    expect(parseOnnxWithLimits(bytes, 'n', {}, { maxBytes: 10_000, maxNodes: 11 }).ok).toBe(true);
  });

  it('refuses a local function that calls itself', () => {
    const g = chain();
    const x = g.input('x', [1, 4]);
    g.localFunction({ name: 'Loop', domain: 'pkg.test', input: ['a'], output: ['b'], node: [{ name: 'again', opType: 'Loop', domain: 'pkg.test', input: ['a'], output: ['b'] }] });
    g.output(g.node('Loop', [x], {}, { name: 'call', domain: 'pkg.test' }));
    expect(refused(g.toBytes())).toEqual([{ path: 'file', message: 'local function "Loop" nests more than 16 deep (recursive?)' }]);
  });

  it('refuses an empty graph', () => {
    const g = chain();
    g.input('x', [1, 3, 4, 4]);
    g.output('x');
    expect(refused(g.toBytes())).toEqual([{ path: 'file', message: 'has an empty graph: no nodes, so no layers' }]);
  });
});

describe('ONNX input shapes', () => {
  function convNet(dims: readonly (number | string)[] | undefined): Uint8Array {
    const g = chain();
    const x = g.input('input.1', dims);
    const c = g.node('Conv', [x, g.weight('w', [8, 3, 3, 3])], { strides: [2, 2], pads: [1, 1, 1, 1] }, { name: '/conv/Conv' });
    const pooled = g.node('GlobalAveragePool', [c]);
    // The exporter's dynamic flatten: Reshape to [batch, -1] with the batch read from the tensor.
    const batch = g.node('Unsqueeze', [g.node('Gather', [g.node('Shape', [pooled]), g.constant({ values: [0], dims: [] })]), g.constant({ values: [0] })]);
    const flat = g.node('Reshape', [pooled, g.node('Concat', [batch, g.constant({ values: [-1] })], { axis: 0 })]);
    g.output(g.node('Gemm', [flat, g.weight('fc', [8, 5])], {}, { name: '/fc/Gemm' }), ['batch', 5]);
    return g.toBytes();
  }

  it('refuses symbolic spatial dimensions without a given shape, saying how to give one', () => {
    expect(refused(convNet(['batch', 3, 'height', 'width']))).toEqual([
      {
        path: 'input "input.1"',
        message:
          'the file leaves dimensions 0 (batch), 2 (height), 3 (width) of 4 symbolic: give the full input shape, batch first, e.g. --input 1x3x224x224 on the command line or in the input shape field of the import form',
      },
    ]);
    expect(refused(convNet(undefined))[0]).toMatchObject({ path: 'input "input.1"', message: expect.stringMatching(/gives no shape for the input.*--input 1x3x224x224/) });
  });

  it('imports them with the given shape, which sets every derived size', () => {
    const { network } = imported(convNet(['batch', 3, 'height', 'width']), [1, 3, 224, 224]);
    expect(network.input).toEqual({ channels: 3, height: 224, width: 224 });
    expect(network.classes).toBe(5);
    expect(network).toEqual(imported(convNet([1, 3, 224, 224])).network);
    // The batch the shape gives feeds the exporter's Shape -> Gather -> Reshape chain; per image nothing changes.
    expect(imported(convNet(['batch', 3, 'height', 'width']), [4, 3, 224, 224]).network).toEqual(network);
  });

  it('takes a symbolic batch alone as 1, with a note', () => {
    const { network, notes } = imported(convNet(['batch', 3, 32, 32]));
    expect(network.input).toEqual({ channels: 3, height: 32, width: 32 });
    expect(notes[0]).toEqual({ path: 'input "input.1"', message: 'assumption: batch 1 for the symbolic batch dimension "batch" (per-image shapes and counts do not depend on it)' });
  });

  it('refuses a given shape that contradicts the file or has the wrong rank', () => {
    expect(refused(convNet([1, 3, 32, 32]), [1, 3, 224, 224])).toEqual([
      { path: 'input "input.1"', message: 'the given input shape 1x3x224x224 sets dimension 2 to 224, but the file fixes it at 32' },
    ]);
    expect(refused(convNet(['n', 3, 'h', 'w']), [3, 224, 224])).toEqual([
      { path: 'input "input.1"', message: "the given input shape 3x224x224 has 3 dimensions; the file's input has 4 (nx3xhxw)" },
    ]);
    expect(refused(convNet(['n', 3, 'h', 'w']), [1, 3, 0, 224])).toEqual([{ path: 'input', message: 'dimension 2 of the given input shape (0) is not a whole number of at least 1' }]);
  });

  it('refuses an input too small for a convolution, naming the node', () => {
    const g = chain();
    g.output(g.node('Conv', [g.input('x', ['n', 3, 'h', 'w']), g.weight('w', [8, 3, 5, 5])], {}, { name: '/conv/Conv' }));
    expect(refused(g.toBytes(), [1, 3, 4, 4])).toEqual([{ path: 'node "/conv/Conv" (Conv)', message: 'would have an empty output (8x0x0) from its input 3x4x4' }]);
  });
});

describe('ONNX operators the workbench cannot cost', () => {
  it('names the node and op of an unsupported operator on a feature map (LSTM)', () => {
    const g = chain();
    const x = g.input('x', [5, 1, 8]);
    const [y] = g.nodeOutputs('LSTM', [x, g.weight('W', [1, 64, 8]), g.weight('R', [1, 64, 16])], { hidden_size: 16 }, { name: '/rnn/LSTM', outputs: 3 });
    g.output(y!);
    expect(refused(g.toBytes())).toEqual([{ path: 'node "/rnn/LSTM" (LSTM)', message: 'LSTM on a feature map cannot be costed by the workbench' }]);
  });

  it('names an operator of another domain, and reports each refused node once (not the nodes after it)', () => {
    const g = chain();
    const x = g.input('x', [1, 4, 8, 8]);
    const y = g.node('FusedConv', [x], {}, { name: 'fused', domain: 'com.microsoft' });
    const z = g.node('Upsample', [g.node('Relu', [y])], {}, { name: '' });
    g.output(g.node('Relu', [z]));
    expect(refused(g.toBytes())).toEqual([{ path: 'node "fused" (FusedConv)', message: 'FusedConv (domain com.microsoft) on a feature map cannot be costed by the workbench' }]);
  });

  it('refuses a softmax inside the network, a reduction over channels, and weights computed from the data', () => {
    const g = chain();
    const x = g.input('x', [1, 4, 8, 8]);
    g.output(g.node('Relu', [g.node('Softmax', [x], { axis: 1 }, { name: 'inner' })]));
    expect(refused(g.toBytes())).toEqual([{ path: 'node "inner" (Softmax)', message: 'a softmax inside the network (not its output) cannot be costed by the workbench; only the classifier ends in one' }]);
    const h = chain();
    const y = h.input('x', [1, 4, 8, 8]);
    h.output(h.node('ReduceMean', [y], { axes: [1], keepdims: 1 }, { name: 'channel-mean' }));
    h.output(h.node('Conv', [y, y], {}, { name: 'data-weights' }));
    const issues = refused(h.toBytes());
    expect(issues).toEqual([
      { path: 'node "channel-mean" (ReduceMean)', message: 'reduces 1x4x8x8 over axes 1: only a reduction over height and width (a global pool) can be costed by the workbench' },
      { path: 'node "data-weights" (Conv)', message: 'its weights are computed from the data (a feature map), which the workbench cannot cost; they must be weights' },
    ]);
  });

  it('refuses a product of feature maps the workbench cannot broadcast (a spatial gate NxHxW)', () => {
    const g = chain();
    const x = g.input('x', [1, 4, 8, 8]);
    const gate = g.node('Conv', [x, g.weight('w', [1, 4, 1, 1])], {}, { name: 'gate' });
    g.output(g.node('Mul', [x, gate], {}, { name: 'spatial' }));
    expect(refused(g.toBytes())).toEqual([{ path: 'node "spatial" (Mul)', message: 'merges the network input with another tensor; the workbench names layers, not the input, as producers of a merge' }]);
    const h = chain();
    const y = h.node('Relu', [h.input('x', [1, 4, 8, 8])], {}, { name: 'r' });
    const hGate = h.node('Conv', [y, h.weight('w', [1, 4, 1, 1])], {}, { name: 'gate' });
    h.output(h.node('Mul', [y, hGate], {}, { name: 'spatial' }));
    expect(refused(h.toBytes())).toEqual([
      { path: 'node "spatial" (Mul)', message: 'a mul needs inputs of one shape, or one with a single value per channel (Cx1x1) beside the other (got r 4x8x8, gate 1x8x8)' },
    ]);
  });

  it('refuses more than one output, and a reshape whose target it cannot evaluate', () => {
    const g = chain();
    const x = g.input('x', [1, 4]);
    g.output(g.node('Relu', [x]));
    g.output(g.node('Sigmoid', [x]));
    expect(refused(g.toBytes())).toEqual([{ path: 'file', message: expect.stringMatching(/^has 2 outputs \(.*\); the workbench trains networks with one output, the classifier$/) }]);
    const h = chain();
    const y = h.input('y', [1, 4]);
    const odd = h.node('NonZero', [h.int64s('mask', [1, 0, 1])], {}, { name: 'nz' });
    h.output(h.node('Reshape', [h.node('Relu', [y]), odd], {}, { name: 'reshape' }));
    expect(refused(h.toBytes())).toEqual([{ path: 'node "reshape" (Reshape)', message: 'needs its target shape ("NonZero_1_out0") at import: it depends on node "nz" (NonZero), which the importer cannot evaluate' }]);
  });

  it('notes shape arithmetic it cannot evaluate when nothing depends on it', () => {
    const g = chain();
    const x = g.input('x', [1, 4]);
    g.node('NonZero', [g.int64s('mask', [1, 0, 1])], {}, { name: 'nz' });
    g.output(g.node('Relu', [x]));
    expect(imported(g.toBytes()).notes).toContainEqual({ path: 'node "nz" (NonZero)', message: expect.stringMatching(/cannot evaluate; no layer depends on its result/) });
  });

  it('refuses a cycle and a read of a tensor nothing defines, naming the node', () => {
    const g = chain();
    const x = g.input('x', [1, 4]);
    g.node('Add', [x, 'b'], {}, { name: 'a', outputs: ['a'] });
    g.node('Relu', ['a'], {}, { name: 'b', outputs: ['b'] });
    g.output('b');
    expect(refused(g.toBytes())).toEqual([{ path: 'node "a" (Add)', message: 'sits on or after a cycle: it reads, directly or not, its own output' }]);
    const h = chain();
    h.input('x', [1, 4]);
    h.output(h.node('Relu', ['missing'], {}, { name: 'r' }));
    expect(refused(h.toBytes())).toEqual([{ path: 'node "r" (Relu)', message: 'reads "missing", which no node, initializer or graph input defines' }]);
  });

  it('refuses what the network schema refuses (a kernel of size 0), at the node that made the layer', () => {
    const g = chain();
    g.output(g.node('Conv', [g.input('x', [1, 3, 8, 8]), g.weight('w', [8, 3, 0, 3])], {}, { name: '/conv/Conv' }));
    expect(refused(g.toBytes())).toEqual([{ path: 'node "/conv/Conv" (Conv)', message: 'kernel.0 must be at least 1' }]);
  });

  it('refuses weights whose channels do not fit the input, naming the node', () => {
    const g = chain();
    g.output(g.node('Conv', [g.input('x', [1, 3, 8, 8]), g.weight('w', [8, 4, 3, 3])], {}, { name: '/conv/Conv' }));
    expect(refused(g.toBytes())).toEqual([{ path: 'node "/conv/Conv" (Conv)', message: 'its weights 8x4x3x3 in 1 group(s) read 4 channels, but its input 1x3x8x8 has 3' }]);
  });
});
