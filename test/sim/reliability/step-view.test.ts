import { describe, expect, it } from 'vitest';
import { prepareDesign } from '../../../src-main/sim/arch/prepare.ts';
import { FORMATS } from '../../../src-main/sim/arith/formats.ts';
import { injectFaults } from '../../../src-main/sim/reliability/fault-run.ts';
import { programRates } from '../../../src-main/sim/reliability/faults-task.ts';
import { stepReliability } from '../../../src-main/sim/reliability/step-view.ts';
import { PHASES } from '../../../src-main/sim/workload/training.ts';
import { analysis, cellOf, designParams, prepared } from '../design-fixtures.ts';

// The training-step view: per-operation rates estimated by scaled fault injection, carried to the
// MACs and weight updates of one step.

const lenet = analysis('lenet5');

describe('errors per training step', () => {
  it('are zero, with the primitives listed, when the cell states no variation', () => {
    const params = designParams('floatpim');
    const cell = { ...cellOf(params), sigmaLnRLow: 0, sigmaLnRHigh: 0, senseOffsetSigma_V: 0, referenceSigma: 0, magicThresholdOffSigma_V: 0, switchingTimeSigma: 0 };
    const view = stepReliability(prepareDesign(params, cell), lenet, 16);
    expect(view.corruptedMacs).toBe(0);
    expect(view.corruptedWeightUpdates).toBe(0);
    expect(view.perOp.map((o) => o.wrong)).toEqual([0, 0]);
    expect(Object.keys(view.primitives)).toContain('nor2');
  });

  it('estimate P(wrong) per operation by scaled injection as direct injection at the real rates measures it', () => {
    // FloatPIM's built-in variation gives about 3e-3 flips per bf16 multiply: few enough for the
    // scaled estimate, many enough to count directly in 400,000 operations (about 300 wrong, 6%).
    const p = prepared('floatpim');
    const view = stepReliability(p, lenet, 16);
    const mul = view.perOp.find((o) => o.op === 'fpMul')!;
    const rates = programRates(p.cell, 'mul', FORMATS.bf16!, 'ftz-trunc');
    const direct = injectFaults({ family: 'reram-magic', op: 'mul', format: FORMATS.bf16!, mode: 'ftz-trunc', samples: 400_000, seed: 99, rates });
    expect(direct.wrong).toBeGreaterThan(100);
    expect(Math.abs(mul.wrong / direct.wrongFraction - 1)).toBeLessThan(0.2);
    expect(mul.catastrophic).toBeLessThanOrEqual(mul.wrong);
  });

  it('carry the per-operation rates to every MAC of the step and to each weight update', () => {
    const view = stepReliability(prepared('floatpim'), lenet, 16);
    const [mul, add] = [view.perOp.find((o) => o.op === 'fpMul')!, view.perOp.find((o) => o.op === 'fpAdd')!];
    const either = mul.wrong + add.wrong - mul.wrong * add.wrong;
    const macs = lenet.work.reduce((sum, layer) => sum + PHASES.reduce((s, phase) => s + layer.phases[phase].perImage.macs * 16 + layer.phases[phase].perBatch.macs, 0), 0);
    expect(view.corruptedMacs).toBeCloseTo(macs * either, 6);
    expect(view.corruptedWeightUpdates).toBeCloseTo(lenet.params * either, 6);
    expect(view.assumptions.length).toBeGreaterThan(2);
  });
});
