import { describe, expect, it } from 'vitest';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';
import { cellParamsFromValues, type CellParams } from '../../../src-main/sim/cells/params.ts';
import type { PrimitiveName } from '../../../src-main/sim/isa/primitives.ts';
import { monteCarloPrimitiveError } from '../../../src-main/sim/reliability/device-monte-carlo.ts';
import { primitiveErrors } from '../../../src-main/sim/reliability/error-probability.ts';

// The analytic integrals against device-level Monte Carlo of the same circuits. Each family runs
// with variation set so that errors are common enough to count (the raised values below, each
// with its reason): every primitive with p > 1e-4 must agree within 10%. The Monte Carlo draws at
// least 1e6 lanes and enough for 1500 expected errors, so its own relative noise (1 / sqrt(errors))
// stays at 2.6% or less, a quarter of the tolerance.

function builtin(id: string): CellParams {
  const parsed = cellParamsFromValues(BUILTIN_CELLS.find((c) => c.id === id)!.values);
  if (!parsed.ok) throw new Error(id);
  return parsed.params;
}

/** Write switching times for the MRAM cells, which ship none: medians under the pulse with a wide spread, so writes fail often enough to count. */
const SOT_WRITES = { setSwitchingTime_s: 0.5e-9, resetSwitchingTime_s: 0.6e-9, switchingTimeSigma: 0.3 };

const CASES: readonly { readonly id: string; readonly why: string; readonly cell: CellParams }[] = [
  {
    id: 'reram-magic',
    why: 'its built-in spreads give errors below 1e-20; device spreads twice the top of their typical spans, 60 mV offset, 5% references, a 100 mV threshold spread and sigma 0.35 of switching time bring every primitive to 1e-3',
    cell: { ...builtin('reram-magic'), sigmaLnRLow: 0.4, sigmaLnRHigh: 0.8, senseOffsetSigma_V: 0.06, referenceSigma: 0.05, magicThresholdOffSigma_V: 0.1, switchingTimeSigma: 0.35 },
  },
  {
    id: 'sot-mram-2t2mtj',
    why: 'the built-in spreads with a 25 mV offset, so the differential read (1e-9 at 10 mV) errs about 1e-3',
    cell: { ...builtin('sot-mram-2t2mtj'), senseOffsetSigma_V: 0.025, ...SOT_WRITES },
  },
  { id: 'sot-mram-2t1mtj', why: 'the built-in spreads already put read and multi-row senses between 6e-3 and 0.15', cell: { ...builtin('sot-mram-2t1mtj'), ...SOT_WRITES } },
  {
    id: 'stt-mram-1t1mtj',
    why: 'the built-in spreads put every sense above 0.1; the low ends of the spans bring read and OR to 1e-2 and 7e-2',
    cell: { ...builtin('stt-mram-1t1mtj'), sigmaLnRLow: 0.02, tmrSigma: 0.03, senseOffsetSigma_V: 0.005, referenceSigma: 0.01, setSwitchingTime_s: 5e-9, resetSwitchingTime_s: 6e-9, switchingTimeSigma: 0.3 },
  },
];

describe('analytic error probabilities against device-level Monte Carlo', () => {
  for (const { id, why, cell } of CASES) {
    it(`agree within 10% for every primitive of ${id} with p > 1e-4 (${why})`, () => {
      const analytic = primitiveErrors(cell);
      const measurable = Object.values(analytic).filter((e) => e!.probability > 1e-4 && e!.probability < 0.1);
      expect(measurable.length, id).toBeGreaterThanOrEqual(3);
      for (const [name, e] of Object.entries(analytic)) {
        if (e!.probability <= 1e-4) continue;
        const samples = Math.min(4e6, Math.max(1e6, Math.ceil(1500 / e!.probability)));
        const mc = monteCarloPrimitiveError(cell, name as PrimitiveName, samples, 20240611);
        expect(Math.abs(e!.probability / mc.probability - 1), `${id} ${name}: analytic ${e!.probability}, Monte Carlo ${mc.probability} of ${samples}`).toBeLessThan(0.1);
      }
    }, 60_000);
  }

  it('counts no error without variation, repeats itself for a seed, and refuses a primitive the family lacks', () => {
    const cell = builtin('sot-mram-2t1mtj');
    const none = { ...cell, sigmaLnRLow: 0, tmrSigma: 0, senseOffsetSigma_V: 0, referenceSigma: 0 };
    expect(monteCarloPrimitiveError(none, 'and2', 100_000, 1)).toEqual({ probability: 0, errors: 0, samples: 100_000 });
    const first = monteCarloPrimitiveError(cell, 'or2', 100_000, 7);
    expect(monteCarloPrimitiveError(cell, 'or2', 100_000, 7)).toEqual(first);
    expect(monteCarloPrimitiveError(cell, 'or2', 100_000, 8).errors).not.toBe(first.errors);
    expect(() => monteCarloPrimitiveError(cell, 'nor2', 10, 1)).toThrow(/no nor2/);
  });
});
