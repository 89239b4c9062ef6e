import { describe, expect, it } from 'vitest';
import { axisValues, sweepPoints } from '../../../src-main/sim/sweep/points.ts';
import { paretoFront } from '../../../src-main/sim/sweep/pareto.ts';
import { evaluatePoints } from '../../../src-main/sim/sweep/evaluate-points.ts';
import { evaluateTotals } from '../../../src-main/sim/experiment/evaluate.ts';
import { builtinDesign } from '../../../src-main/sim/arch/builtin/index.ts';
import { analysis, cellOf, designParams, prepared } from '../design-fixtures.ts';

describe('sweep points', () => {
  it('steps linearly or logarithmically, both ends included, whole numbers when asked', () => {
    expect(axisValues({ key: 'rows', from: 64, to: 1024, steps: 5, scale: 'log', integer: true })).toEqual([64, 128, 256, 512, 1024]);
    expect(axisValues({ key: 'powerBudget', from: 10, to: 50, steps: 5, scale: 'linear' })).toEqual([10, 20, 30, 40, 50]);
    expect(axisValues({ key: 'x', from: 3, to: 9, steps: 1, scale: 'linear' })).toEqual([3]);
  });

  it('takes every combination of two axes once, the first varying slowest', () => {
    const points = sweepPoints([
      { key: 'a', from: 1, to: 2, steps: 2, scale: 'linear' },
      { key: 'b', from: 10, to: 30, steps: 3, scale: 'linear' },
    ]);
    expect(points.map((p) => p.values)).toEqual([
      { a: 1, b: 10 },
      { a: 1, b: 20 },
      { a: 1, b: 30 },
      { a: 2, b: 10 },
      { a: 2, b: 20 },
      { a: 2, b: 30 },
    ]);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('Pareto front', () => {
  it('keeps the points no other point beats on both energy and latency', () => {
    const front = paretoFront([
      { index: 0, energy_J: 1, latency_s: 10 },
      { index: 1, energy_J: 2, latency_s: 5 },
      { index: 2, energy_J: 3, latency_s: 6 }, // beaten by 1
      { index: 3, energy_J: 4, latency_s: 1 },
      { index: 4, energy_J: null, latency_s: null }, // an invalid point
      { index: 5, energy_J: 1, latency_s: 12 }, // beaten by 0
    ]);
    expect(front).toEqual([0, 1, 3]);
  });
});

describe('evaluating sweep points', () => {
  const base = { designValues: builtinDesign('sot-mram-pim')!.values, cell: cellOf(designParams('sot-mram-pim')), analysis: analysis('resnet18'), batch: 32 };

  it('gives each point the figures of its changed design, and an invalid point its reason', () => {
    const results = evaluatePoints(base, [
      { index: 0, values: { rows: 512 } },
      { index: 1, values: { rows: 8192 } },
      { index: 2, values: { powerBudget: 0 } },
    ]);
    const direct = evaluateTotals(prepared('sot-mram-pim', { rows: 512 }), base.analysis, 32);
    expect(results[0]).toMatchObject(direct);
    expect(results[1]).toMatchObject({ energy_J: null, error: expect.stringMatching(/rows must be at most 4096/) });
    expect(results[2]!.latency_s!).toBeLessThan(results[0]!.latency_s!);
  });

  it('stops when cancelled and returns what it finished', () => {
    let checks = 0;
    const points = Array.from({ length: 300 }, (_, i) => ({ index: i, values: { powerBudget: 10 + i } }));
    const results = evaluatePoints(base, points, undefined, () => ++checks >= 2);
    expect(results).toHaveLength(128);
  });
});
