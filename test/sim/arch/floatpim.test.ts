import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/sim/experiment/evaluate.ts';
import { prepareForBasis } from '../../../src-main/sim/experiment/bases.ts';
import { FLOATPIM_LANE_CYCLE_J } from '../../../src-main/sim/experiment/published-floatpim.ts';
import { analysis, cellOf, designParams, prepared } from '../design-fixtures.ts';

// FloatPIM (Imani, Gupta, Kim, Rosing, ISCA 2019): 32 tiles x 256 blocks of 1024 x 1024 ReRAM at
// 28 nm, published at 30.64 mm^2 (crossbars 95.1%) and 62.6 W (7.64 mW per block).
const PUBLISHED_AREA_M2 = 30.64e-6;
const PUBLISHED_POWER_W = 62.6;

describe('the floatpim design against its published area and power', () => {
  const floatpim = prepared('floatpim');
  const side = { params: designParams('floatpim'), cell: cellOf(designParams('floatpim')) };

  it('costed as published (the floatpim-published basis): exactly 30.64 mm^2 and 62.6 W with all 8192 blocks computing', () => {
    const published = prepareForBasis('floatpim-published', side, 'baseline');
    expect(published.area.area_m2 / PUBLISHED_AREA_M2).toBeCloseTo(1, 12);
    expect(published.power.peak_W / PUBLISHED_POWER_W).toBeCloseTo(1, 12);
    expect(published.activeBlocks).toBe(8192);
    // 62.6 W / 8192 blocks x 1.1 ns / 1024 rows = 8.21 fJ per lane-cycle, periphery included.
    expect(FLOATPIM_LANE_CYCLE_J).toBeCloseTo(8.2086e-15, 18);
  });

  it('as modelled: the cells are the 26.94 mm^2 of 8 Gbit at 4 F^2, and NVSim-class periphery adds 30 to 70% where FloatPIM reports under 5%', () => {
    expect(floatpim.blocks).toBe(8192);
    expect(floatpim.area.byComponent.cells).toBeCloseTo(2 ** 33 * 4 * (28e-9) ** 2, 12);
    // A decoder gate row is about 30 F tall against a 2 F row pitch, so NVSim folds the row
    // decoder beside the matrix: it alone is about half the cell area of a 4 F^2 crossbar.
    const ratio = floatpim.area.area_m2 / PUBLISHED_AREA_M2;
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.7);
    expect(floatpim.area.byComponent.controller / PUBLISHED_AREA_M2).toBeCloseTo(0.03, 3);
  });

  it('as modelled: a MAGIC step costs each lane less than the published 8.2 fJ, but every block computing leaks and computes past 62.6 W', () => {
    const nor2 = floatpim.subarray.primitives.nor2!;
    expect(nor2.energy_J / floatpim.subarray.lanes).toBeLessThan(FLOATPIM_LANE_CYCLE_J);
    expect(floatpim.power.uncapped_W).toBeGreaterThan(2 * PUBLISHED_POWER_W);
    // Inside the 62.6 W envelope only some of the blocks compute at once.
    expect(floatpim.activeBlocks).toBeLessThan(floatpim.blocks / 2);
    expect(Math.abs(floatpim.power.peak_W / PUBLISHED_POWER_W - 1)).toBeLessThanOrEqual(0.02);
    const step = evaluate(floatpim, analysis('alexnet'), { batch: 64, epoch: false });
    expect(Math.abs(step.power_W / PUBLISHED_POWER_W - 1)).toBeLessThanOrEqual(0.25);
    expect(prepared('floatpim', { powerBudget_W: 0 }).activeBlocks).toBe(8192);
  });
});
