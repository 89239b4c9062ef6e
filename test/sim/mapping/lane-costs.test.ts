import { describe, expect, it } from 'vitest';
import { COMPOSED_OPS, formatCosts } from '../../../src-main/sim/mapping/lane-costs.ts';
import { costOf, countOperation } from '../../../src-main/sim/arith/programs.ts';
import { formatByName } from '../../../src-main/sim/arith/formats.ts';
import { evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';
import { cellOf, designParams } from '../design-fixtures.ts';

// Operation costs come from the executable microprograms and the array's primitive costs: nothing
// here is a typed-in cycle count. These tests recompute them the long way.

describe('per-lane operation costs of a design', () => {
  for (const id of ['floatpim', 'sot-mram-pim']) {
    const params = designParams(id);
    const cell = cellOf(params);
    const array = evaluateSubarray({ cell, rows: params.rows, cols: params.cols, node_nm: params.node_nm });
    const costs = formatCosts(cell.family, array, 'bf16', 'ftz-trunc', 2);

    it(`${id}: fpMul and fpAdd are their microprograms' step counts costed with the array's primitives`, () => {
      for (const op of ['fpMul', 'fpAdd'] as const) {
        const count = countOperation(cell.family, op, formatByName('bf16'), 'ftz-trunc');
        const whole = costOf(count.steps, array.primitives, count.activity);
        expect(costs[op].latency_s).toBeCloseTo(whole.latency_s, 15);
        expect(costs[op].energy_J * array.lanes).toBeCloseTo(whole.energy_J, 15);
        expect(costs[op].cellEnergy_J).toBeGreaterThan(0);
        expect(costs[op].cellEnergy_J).toBeLessThan(costs[op].energy_J);
      }
    });

    it(`${id}: composed operations are the stated multiples of fpMul and fpAdd`, () => {
      for (const [op, recipe] of Object.entries(COMPOSED_OPS) as [keyof typeof COMPOSED_OPS, { fpMul: number; fpAdd: number }][]) {
        expect(costs[op].latency_s).toBeCloseTo(recipe.fpMul * costs.fpMul.latency_s + recipe.fpAdd * costs.fpAdd.latency_s, 15);
      }
    });

    it(`${id}: a value moved to the next block takes 2 array steps per bit, as FloatPIM's 2 x bw cycles`, () => {
      const steps = cell.family === 'reram-magic' ? 2 * array.primitives.not!.latency_s : array.primitives.read!.latency_s + array.primitives.write!.latency_s;
      expect(costs.transfer.latency_s).toBeCloseTo(16 * steps, 15);
      expect(costs.write.latency_s).toBeCloseTo(16 * array.primitives.write!.latency_s, 15);
    });
  }
});
