import { describe, expect, it } from 'vitest';
import { inferShapes } from '../../../src-main/sim/workload/shapes.ts';
import { trainingWork, phaseTotals } from '../../../src-main/sim/workload/training.ts';
import type { Network } from '../../../src-main/shared/schemas/workload.ts';

const net = (layers: Network['layers']): Network => ({ name: 't', dataset: 'd', input: { channels: 3, height: 8, width: 8 }, classes: 10, source: 'test', layers });

describe('shape inference', () => {
  it('derives shapes and MACs by hand: padding, stride, residual add, concat, fc', () => {
    const result = inferShapes(
      net([
        // 3x8x8 -> conv 4, 3x3, stride 2, pad 1 -> 4x4x4: 16 outputs * 4 channels * 3*9 = 1728 MACs
        { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3], stride: [2, 2], padding: [1, 1] },
        // 1x1 conv to 4 channels: 16 * 4 * 4 = 256 MACs
        { name: 'b', kind: 'conv', inputs: ['a'], out: 4, kernel: [1, 1] },
        { name: 'sum', kind: 'add', inputs: ['a', 'b'] },
        { name: 'cat', kind: 'concat', inputs: ['a', 'sum'] },
        // 8x4x4 = 128 features -> 10: 1280 MACs
        { name: 'fc', kind: 'fc', inputs: ['cat'], out: 10 },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layers.map((l) => [l.name, l.outShape.join('x'), l.macs])).toEqual([
      ['a', '4x4x4', 1728],
      ['b', '4x4x4', 256],
      ['sum', '4x4x4', 0],
      ['cat', '8x4x4', 0],
      ['fc', '10x1x1', 1280],
    ]);
    expect(result.layers[0]!.params).toBe(4 * 27 + 4);
  });

  it('rounds pooled sizes up only in ceil mode, never starting a window in the padding', () => {
    const layers = (ceil: boolean) => inferShapes({ ...net([{ name: 'p', kind: 'pool', inputs: [], mode: 'max', kernel: [3, 3], stride: [2, 2], ceil }]), input: { channels: 1, height: 112, width: 112 } });
    const floor = layers(false);
    const up = layers(true);
    expect(floor.ok && floor.layers[0]!.outShape[1]).toBe(55);
    expect(up.ok && up.layers[0]!.outShape[1]).toBe(56);
  });

  it('names the layer of every mistake', () => {
    const bad = inferShapes(
      net([
        { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3] },
        { name: 'b', kind: 'conv', inputs: ['nowhere'], out: 4, kernel: [1, 1] },
        { name: 'c', kind: 'conv', inputs: ['a'], out: 4, kernel: [9, 9] },
        { name: 'd', kind: 'conv', inputs: ['a'], out: 3, kernel: [1, 1], groups: 2 },
        { name: 'a', kind: 'relu', inputs: ['a'] },
        { name: 'e', kind: 'add', inputs: ['a'] },
      ]),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.path)).toEqual(['layers[1] (b)', 'layers[2] (c)', 'layers[3] (d)', 'layers[4] (a)', 'layers[5] (e)']);
    expect(bad.issues[1]!.message).toMatch(/output would be empty/);
  });
});

describe('training work', () => {
  it('costs three times the forward MACs, minus the first layer\'s input gradient, plus the update', () => {
    const network = net([
      { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3], padding: [1, 1] },
      { name: 'r', kind: 'relu', inputs: ['a'] },
      { name: 'b', kind: 'conv', inputs: ['r'], out: 2, kernel: [1, 1] },
    ]);
    const shapes = inferShapes(network);
    if (!shapes.ok) throw new Error('shapes');
    const work = trainingWork(network, shapes.layers);
    const macsA = 64 * 4 * 27;
    const macsB = 64 * 2 * 4;
    expect(phaseTotals(work, 'forward')).toEqual({ fpMul: macsA + macsB, fpAdd: macsA + macsB, compare: 256 });
    expect(phaseTotals(work, 'activationGradient')).toEqual({ fpMul: macsB, fpAdd: macsB, compare: 256 });
    expect(phaseTotals(work, 'weightGradient')).toEqual({ fpMul: macsA + macsB, fpAdd: macsA + macsB, compare: 0 });
    expect(phaseTotals(work, 'weightUpdate')).toEqual({ fpMul: 4 * 27 + 4 + 2 * 4 + 2, fpAdd: 4 * 27 + 4 + 2 * 4 + 2, compare: 0 });
  });
});
