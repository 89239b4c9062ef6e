import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../../src-main/shared/ipc/issues.ts';
import { networkSchema, type Layer, type Network } from '../../../src-main/shared/schemas/workload.ts';
import { forwardMacs, inferShapes, parameterCount } from '../../../src-main/sim/workload/shapes.ts';
import { windowOutputSize } from '../../../src-main/sim/workload/geometry.ts';

const net = (layers: Layer[], input = { channels: 3, height: 8, width: 8 }): Network => ({ name: 't', dataset: 'd', input, classes: 10, source: 'test', layers });

function table(network: Network): [string, string, number, number][] {
  const result = inferShapes(network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.layers.map((l) => [l.name, l.outShape.join('x'), l.macs, l.params]);
}

function issues(network: Network): { path: string; message: string }[] {
  const result = inferShapes(network);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('shape inference, checked by hand', () => {
  it('a conv with padding and stride, a ReLU, a conv without padding, an fc', () => {
    const network = net([
      { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3], stride: [2, 2], padding: [1, 1] },
      { name: 'r', kind: 'activation', function: 'relu', inputs: ['a'] },
      { name: 'b', kind: 'conv', inputs: ['r'], out: 6, kernel: [3, 3] },
      { name: 'f', kind: 'fc', inputs: ['b'], out: 10 },
    ]);
    // a: (8 + 2 - 3) / 2 + 1 = 4 -> 4x4x4, 16 positions x 4 maps x 27 = 1728 MACs, 4 x 27 + 4 params.
    // b: 4 - 3 + 1 = 2 -> 6x2x2, 4 x 6 x 36 = 864 MACs, 6 x 36 + 6 params.
    // f: 24 features x 10 = 240 MACs, 250 params.
    expect(table(network)).toEqual([
      ['a', '4x4x4', 1728, 112],
      ['r', '4x4x4', 0, 0],
      ['b', '6x2x2', 864, 222],
      ['f', '10x1x1', 240, 250],
    ]);
    const result = inferShapes(network);
    expect(result.ok && forwardMacs(result.layers)).toBe(1728 + 864 + 240);
    expect(result.ok && parameterCount(result.layers)).toBe(112 + 222 + 250);
  });

  it('a residual add: two producers of one shape, no MACs of its own', () => {
    const network = net([
      { name: 'stem', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1], bias: false },
      { name: 'bn', kind: 'batchnorm', inputs: ['stem'] },
      { name: 'branch', kind: 'conv', inputs: ['bn'], out: 8, kernel: [3, 3], padding: [1, 1], bias: false },
      { name: 'sum', kind: 'add', inputs: ['branch', 'stem'] },
    ]);
    // stem: 64 positions x 8 x 27 = 13824; branch: 64 x 8 x 72 = 36864; batch-norm: 2 x 8 parameters.
    expect(table(network)).toEqual([
      ['stem', '8x8x8', 13_824, 216],
      ['bn', '8x8x8', 0, 16],
      ['branch', '8x8x8', 36_864, 576],
      ['sum', '8x8x8', 0, 0],
    ]);
  });

  it('a concat stacks channels; max and global average pooling follow', () => {
    const network = net([
      { name: 'one', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
      { name: 'three', kind: 'conv', inputs: [], out: 6, kernel: [3, 3], padding: [1, 1] },
      { name: 'cat', kind: 'concat', inputs: ['one', 'three'] },
      { name: 'pool', kind: 'pool', inputs: ['cat'], mode: 'max', kernel: [2, 2] },
      { name: 'gap', kind: 'pool', inputs: ['pool'], mode: 'avg', global: true },
    ]);
    expect(table(network)).toEqual([
      ['one', '4x8x8', 64 * 4 * 3, 16],
      ['three', '6x8x8', 64 * 6 * 27, 168],
      ['cat', '10x8x8', 0, 0],
      ['pool', '10x4x4', 0, 0],
      ['gap', '10x1x1', 0, 0],
    ]);
  });

  it('dilation widens the window, groups divide the channels each output reads', () => {
    const dilated = net([{ name: 'd', kind: 'conv', inputs: [], out: 2, kernel: [3, 3], dilation: [2, 2] }], { channels: 1, height: 9, width: 9 });
    // effective kernel 5: 9 - 5 + 1 = 5; MACs 25 x 2 x 9.
    expect(table(dilated)).toEqual([['d', '2x5x5', 450, 20]]);
    const grouped = net([{ name: 'g', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1], groups: 2 }], { channels: 4, height: 6, width: 6 });
    // each output reads 4 / 2 = 2 channels: 36 x 8 x 18 MACs, 8 x 18 + 8 params.
    expect(table(grouped)).toEqual([['g', '8x6x6', 5184, 152]]);
  });

  it('rounds pooled sizes up only in ceil mode, never starting a window in the padding', () => {
    const ceil = { kernel: 3, stride: 2, padding: 0, dilation: 1, ceil: true };
    expect(windowOutputSize(112, { ...ceil, ceil: false })).toBe(55);
    expect(windowOutputSize(112, ceil)).toBe(56);
    // 3 wide, 2x2 windows, stride 2, padding 1: a third window would start in the right padding.
    expect(windowOutputSize(3, { kernel: 2, stride: 2, padding: 1, dilation: 1, ceil: true })).toBe(2);
    expect(windowOutputSize(4, { kernel: 5, stride: 1, padding: 0, dilation: 1, ceil: false })).toBe(0);
  });

  it('accepts layers in any order and reports them in declaration order', () => {
    const network = net([
      { name: 'second', kind: 'activation', function: 'relu', inputs: ['first'] },
      { name: 'first', kind: 'conv', inputs: [], out: 2, kernel: [1, 1] },
    ]);
    expect(table(network).map(([name]) => name)).toEqual(['second', 'first']);
    const result = inferShapes(network);
    expect(result.ok && result.graph.order).toEqual([1, 0]);
  });

  it('uses a declared input shape instead of the producer\'s output', () => {
    const network = net([
      { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3] },
      { name: 'b', kind: 'conv', inputs: ['a'], out: 2, kernel: [1, 1], inputShape: [16, 5, 5] },
    ]);
    expect(table(network)[1]).toEqual(['b', '2x5x5', 25 * 2 * 16, 34]);
  });
});

describe('shape inference errors name the layer', () => {
  it('unknown producers, a repeated name and a layer reading itself', () => {
    const found = issues(
      net([
        { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
        { name: 'b', kind: 'activation', function: 'relu', inputs: ['a', 'nowhere'] },
        { name: 'a', kind: 'activation', function: 'relu', inputs: ['a'] },
        { name: 'c', kind: 'activation', function: 'relu', inputs: ['c'] },
      ]),
    );
    expect(found).toEqual([
      { path: 'layers[2].name', message: '"a" is also the name of layers[0]' },
      { path: 'layers[1].inputs[1]', message: 'layer "b" reads "nowhere", which no layer defines' },
      { path: 'layers[3].inputs[0]', message: 'layer "c" reads itself' },
    ]);
  });

  it('a cycle, once, with its layers in order; layers behind it add nothing', () => {
    const found = issues(
      net([
        { name: 'x', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
        { name: 'a', kind: 'add', inputs: ['x', 'c'] },
        { name: 'b', kind: 'activation', function: 'relu', inputs: ['a'] },
        { name: 'c', kind: 'activation', function: 'relu', inputs: ['b'] },
        { name: 'after', kind: 'activation', function: 'relu', inputs: ['c'] },
      ]),
    );
    expect(found).toEqual([{ path: 'layers[1]', message: 'layers "a" -> "b" -> "c" -> "a" form a cycle' }]);
  });

  it('channel and spatial mismatches at add and concat, naming the producers and their shapes', () => {
    const found = issues(
      net([
        { name: 'wide', kind: 'conv', inputs: [], out: 8, kernel: [1, 1] },
        { name: 'narrow', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
        { name: 'small', kind: 'conv', inputs: [], out: 4, kernel: [3, 3] },
        { name: 'sum', kind: 'add', inputs: ['wide', 'narrow'] },
        { name: 'sum2', kind: 'add', inputs: ['narrow', 'small'] },
        { name: 'cat', kind: 'concat', inputs: ['wide', 'small'] },
      ]),
    );
    expect(found).toEqual([
      { path: 'layers[3]', message: 'layer "sum": an add needs inputs with one channel count (got wide 8x8x8, narrow 4x8x8)' },
      { path: 'layers[4]', message: 'layer "sum2": an add needs inputs with one height and width (got narrow 4x8x8, small 4x6x6)' },
      { path: 'layers[5]', message: 'layer "cat": a concat needs inputs with one height and width (got wide 8x8x8, small 4x6x6)' },
    ]);
  });

  it('an empty output, groups that do not divide, pool padding over half the window, a merge with a declared shape', () => {
    const found = issues(
      net([
        { name: 'big', kind: 'conv', inputs: [], out: 4, kernel: [9, 9] },
        { name: 'after', kind: 'activation', function: 'relu', inputs: ['big'] },
        { name: 'g', kind: 'conv', inputs: [], out: 4, kernel: [1, 1], groups: 2 },
        { name: 'p', kind: 'pool', inputs: [], mode: 'max', kernel: [2, 2], padding: [2, 2] },
        { name: 'ok', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
        { name: 'm', kind: 'add', inputs: ['ok', 'ok'], inputShape: [4, 8, 8] },
      ]),
    );
    expect(found).toEqual([
      { path: 'layers[0]', message: 'layer "big" would have an empty output (4x0x0): its kernel, stride, dilation or padding do not fit its input 3x8x8' },
      { path: 'layers[2]', message: 'layer "g": its 3 input and 4 output channels must both divide by its 2 groups' },
      { path: 'layers[3]', message: 'layer "p": padding 2x2 is more than half its 2x2 window' },
      { path: 'layers[5].inputShape', message: 'layer "m" merges its producers, so it cannot declare one input shape' },
    ]);
  });

  it('sorts issues by layer number, not as text', () => {
    const layers: Layer[] = Array.from({ length: 11 }, (_, i) => ({ name: `l${i}`, kind: 'conv', inputs: [], out: 1, kernel: i === 2 || i === 10 ? [9, 9] : [1, 1] }));
    expect(issues(net(layers)).map((i) => i.path)).toEqual(['layers[2]', 'layers[10]']);
  });
});

describe('network schema', () => {
  const parse = (layers: unknown[]) => {
    const result = networkSchema.safeParse({ name: 'n', dataset: '', input: { channels: 1, height: 4, width: 4 }, classes: 2, source: 's', layers });
    return result.success ? [] : issuesFromZod(result.error);
  };

  it('names the field of a malformed layer', () => {
    expect(parse([{ name: 'p', kind: 'pool', mode: 'max' }])).toEqual([{ path: 'layers[0].kernel', message: 'a pool needs a kernel unless it is global' }]);
    expect(parse([{ name: 'a', kind: 'add', inputs: ['x'] }])).toEqual([{ path: 'layers[0].inputs', message: 'must name at least two producers' }]);
    expect(parse([{ name: 'r', kind: 'relu' }])[0]!.path).toBe('layers[0].kind');
    expect(parse([{ name: 'c', kind: 'conv', out: 2, kernel: [3, 0] }])[0]!.path).toBe('layers[0].kernel[1]');
    expect(parse([{ name: 'c', kind: 'conv', out: 2, kernel: [3, 3], extra: 1 }])[0]!.path).toBe('layers[0]');
  });

  it('refuses a repeated layer name at the repeat', () => {
    expect(parse([{ name: 'x', kind: 'softmax' }, { name: 'x', kind: 'softmax' }])).toEqual([{ path: 'layers[1].name', message: '"x" repeats layers[0].name' }]);
  });

  it('fills in the network input for a layer without producers', () => {
    const result = networkSchema.parse({ name: 'n', dataset: '', input: { channels: 1, height: 4, width: 4 }, classes: 2, source: 's', layers: [{ name: 's', kind: 'softmax' }] });
    expect(result.layers[0]!.inputs).toEqual([]);
  });
});
