import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/sim/experiment/evaluate.ts';
import { analysis, prepared } from '../design-fixtures.ts';

// FloatPIM (Imani et al., ISCA 2019; domain.md section 3): 32 tiles x 256 blocks of 1024 x 1024
// ReRAM at 28 nm, published at 30.64 mm^2 and 62.6 W (7.64 mW per block). Issue 5 asks for the
// modelled area within 15% and power within 25% of those.
const PUBLISHED_AREA_M2 = 30.64e-6;
const PUBLISHED_POWER_W = 62.6;

describe('the floatpim design against its published area and power', () => {
  const floatpim = prepared('floatpim');

  it('models 8 Gbit of 4 F^2 cells plus periphery, switches, interconnect and controller within 15% of 30.64 mm^2', () => {
    expect(floatpim.blocks).toBe(8192);
    expect(Math.abs(floatpim.area.area_m2 / PUBLISHED_AREA_M2 - 1)).toBeLessThanOrEqual(0.15);
    // The cells alone: 2^33 bits x 4 F^2 at F = 28 nm = 26.94 mm^2 (FloatPIM: crossbars 95.1% incl. their periphery).
    expect(floatpim.area.byComponent.cells).toBeCloseTo(2 ** 33 * 4 * (28e-9) ** 2, 12);
    // Published controller share (3.0%) is carried over as a sourced value.
    expect(floatpim.area.byComponent.controller / PUBLISHED_AREA_M2).toBeCloseTo(0.03, 3);
  });

  it('draws within 25% of 62.6 W, at its peak and on average over a training step', () => {
    expect(Math.abs(floatpim.power.peak_W / PUBLISHED_POWER_W - 1)).toBeLessThanOrEqual(0.25);
    const step = evaluate(floatpim, analysis('alexnet'), { batch: 64, epoch: false });
    expect(Math.abs(step.power_W / PUBLISHED_POWER_W - 1)).toBeLessThanOrEqual(0.25);
  });

  it('reaches that power only inside its envelope: every block computing would draw far more (the gap the note explains)', () => {
    // Physics of the 10 kOhm / 1 ns MAGIC cell gives about 140 mW per computing block against the
    // published 7.64 mW, so the 62.6 W envelope lets about 440 of the 8192 blocks compute at once.
    expect(floatpim.power.blockCompute_W).toBeGreaterThan(10 * 7.64e-3);
    expect(floatpim.power.uncapped_W).toBeGreaterThan(10 * PUBLISHED_POWER_W);
    expect(floatpim.activeBlocks).toBeLessThan(floatpim.blocks / 10);
    const uncapped = prepared('floatpim', { powerBudget_W: 0 });
    expect(uncapped.activeBlocks).toBe(8192);
  });
});
