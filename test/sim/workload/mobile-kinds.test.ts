import { describe, expect, it } from 'vitest';
import { networkSchema, type ActivationFunction, type Layer, type Network } from '../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../src-main/sim/workload/analyze.ts';
import { ops } from '../../../src-main/sim/workload/ops.ts';
import type { LayerWork } from '../../../src-main/sim/workload/training.ts';

// The layer kinds and activation functions of mobile networks (relu6, hardsigmoid, hardswish,
// silu; mul, slice), against the per-element conventions written in elementwise.ts and saved.ts.

const net = (layers: Layer[]): Network => ({ name: 't', dataset: 'd', input: { channels: 4, height: 6, width: 6 }, classes: 2, source: 'test', layers });

function work(network: Network): Record<string, LayerWork> {
  const result = analyzeNetwork(network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return Object.fromEntries(result.analysis.work.map((w) => [w.name, w]));
}

function issues(network: Network): string[] {
  const result = analyzeNetwork(network);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
}

// A conv first, so every later layer needs its gradient; O = 8 x 6 x 6 = 288 elements per layer.
const O = 8 * 6 * 6;
const withActivation = (fn: ActivationFunction) =>
  net([
    { name: 'c', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1] },
    { name: 'a', kind: 'activation', function: fn, inputs: ['c'] },
    { name: 's', kind: 'softmax', inputs: ['a'] },
  ]);

describe('activation functions of mobile networks', () => {
  const cases: [ActivationFunction, Parameters<typeof ops>[0], Parameters<typeof ops>[0], number][] = [
    ['relu6', { compare: 2 * O }, { compare: 2 * O }, O],
    ['hardsigmoid', { fpAdd: O, compare: 2 * O, fpMul: O }, { compare: 2 * O, fpMul: O }, O],
    ['hardswish', { fpAdd: O, compare: 2 * O, fpMul: 2 * O }, { compare: 2 * O, fpMul: 2 * O, fpAdd: O }, O],
    ['silu', { fpExp: O, fpAdd: O, fpDiv: O, fpMul: O }, { fpMul: 3 * O, fpAdd: 2 * O }, 2 * O],
  ];
  for (const [fn, forward, gradient, saved] of cases) {
    it(`${fn}: forward, gradient and saved elements per the convention`, () => {
      const a = work(withActivation(fn)).a!;
      expect(a.phases.forward.perImage).toEqual(ops(forward));
      expect(a.phases.activationGradient.perImage).toEqual(ops(gradient));
      expect(a.phases.weightGradient.perImage).toEqual(ops({}));
      expect(a.savedElements).toBe(saved);
    });
  }
});

describe('mul and slice layers', () => {
  const gated = (gate: Layer): Network =>
    net([
      { name: 'c', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1] },
      gate,
      { name: 'm', kind: 'mul', inputs: ['c', 'g'] },
      { name: 's', kind: 'softmax', inputs: ['m'] },
    ]);
  const perChannel = gated({ name: 'g', kind: 'pool', mode: 'avg', global: true, inputs: ['c'] });
  const sameShape = gated({ name: 'g', kind: 'activation', function: 'sigmoid', inputs: ['c'] });

  it('mul: 1 fpMul per output forward; 2 fpMul back, plus 1 fpAdd per output to sum a per-channel operand over height and width', () => {
    const broadcast = work(perChannel).m!;
    expect(broadcast.phases.forward.perImage).toEqual(ops({ fpMul: O }));
    expect(broadcast.phases.activationGradient.perImage).toEqual(ops({ fpMul: 2 * O, fpAdd: O }));
    expect(broadcast.savedElements).toBe(O + 8);
    const plain = work(sameShape).m!;
    expect(plain.phases.activationGradient.perImage).toEqual(ops({ fpMul: 2 * O }));
    expect(plain.savedElements).toBe(2 * O);
  });

  it('mul: takes the larger shape, whichever producer is the per-channel one, and refuses other broadcasts', () => {
    const result = analyzeNetwork(perChannel);
    if (!result.ok) throw new Error('expected shapes');
    expect(result.analysis.shapes.find((s) => s.name === 'm')!.outShape).toEqual([8, 6, 6]);
    const swapped = { ...perChannel, layers: perChannel.layers.map((l) => (l.name === 'm' ? { ...l, inputs: ['g', 'c'] } : l)) };
    expect(issues(swapped)).toEqual([]);
    const spatial = gated({ name: 'g', kind: 'conv', out: 1, kernel: [1, 1], inputs: ['c'] });
    expect(issues(spatial)).toEqual(['layers[2]: layer "m": a mul needs inputs of one shape, or one with a single value per channel (Cx1x1) beside the other (got c 8x6x6, g 1x6x6)']);
  });

  it('slice: keeps channels [start, end) at no cost; refuses channels its input lacks', () => {
    const sliced = (channels: [number, number]) =>
      net([
        { name: 'c', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1] },
        { name: 'x', kind: 'slice', inputs: ['c'], channels },
        { name: 's', kind: 'softmax', inputs: ['x'] },
      ]);
    const result = analyzeNetwork(sliced([2, 5]));
    if (!result.ok) throw new Error('expected shapes');
    expect(result.analysis.shapes.find((s) => s.name === 'x')!.outShape).toEqual([3, 6, 6]);
    const x = result.analysis.work.find((w) => w.name === 'x')!;
    expect([x.phases.forward.perImage, x.phases.activationGradient.perImage]).toEqual([ops({}), ops({})]);
    expect(x.savedElements).toBe(0);
    expect(issues(sliced([4, 9]))).toEqual(['layers[1]: layer "x": keeps channels 4 to 8, but c has 8 (0 to 7)']);
  });

  it('the schema refuses a mul of one producer, an empty slice, and an input shape declared on a mul', () => {
    const check = (layer: unknown) => networkSchema.safeParse({ ...net([]), layers: [{ name: 'c', kind: 'conv', out: 2, kernel: [1, 1] }, layer] });
    expect(check({ name: 'm', kind: 'mul', inputs: ['c'] }).error?.issues[0]?.message).toBe('must name exactly two producers');
    expect(check({ name: 'x', kind: 'slice', inputs: ['c'], channels: [3, 3] }).error?.issues[0]?.message).toBe('must keep at least one channel (start below end)');
    expect(check({ name: 'x', kind: 'slice', inputs: ['c', 'c'], channels: [0, 1] }).error?.issues[0]?.message).toBe('must name at most one producer');
    const declared = net([
      { name: 'c', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] },
      { name: 'm', kind: 'mul', inputs: ['c', 'c'], inputShape: [4, 6, 6] },
    ]);
    expect(issues(declared)).toEqual(['layers[1].inputShape: layer "m" merges its producers, so it cannot declare one input shape']);
  });
});
