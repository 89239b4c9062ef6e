import { describe, expect, it } from 'vitest';
import { dimensionsOf, drawPlan, drawnValues, tieKnobs, type DrawKnob } from '../../../src-main/sim/analysis/draws.ts';

// What a global study draws: a value from its range, a count as a whole number, and the two states
// of one device together when the library gives both a range.

const published = (low: number, high: number) => ({ low, high, distribution: 'uniform' as const, source: 'Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021' });
const assumed = (low: number, high: number) => ({ low, high, distribution: 'uniform' as const, source: 'assumption: drawn within ±10%' });

describe('draws', () => {
  it('draws the high state with the low state when the library gives both a range, so the presets at the ends are drawn together', () => {
    const knobs: DrawKnob[] = tieKnobs([
      { id: 'subject:cell:resistanceLow', integer: false, value: 10, range: published(3.91, 10) },
      { id: 'subject:cell:resistanceHigh', integer: false, value: 20.4, range: published(8.2, 20.4) },
      { id: 'subject:design:rows', integer: true, value: 1024, range: assumed(922, 1126) },
    ]);
    expect(knobs.map((k) => k.follows)).toEqual([undefined, 'subject:cell:resistanceLow', undefined]);
    expect(dimensionsOf(knobs)).toBe(2);
    const plan = drawPlan(knobs);
    expect(plan.d).toBe(2);
    const at = (u0: number, u1: number) => drawnValues(plan, Float64Array.of(u0, u1), 0);
    expect(at(0, 0.5).get('subject:cell:resistanceLow')).toBeCloseTo(3.91, 12);
    expect(at(0, 0.5).get('subject:cell:resistanceHigh')).toBeCloseTo(8.2, 12);
    expect(at(0.999999, 0.5).get('subject:cell:resistanceHigh')).toBeCloseTo(20.4, 4);
    // In between, the high state stays above the low one.
    for (const u of [0.1, 0.3, 0.6, 0.9]) expect(at(u, 0.5).get('subject:cell:resistanceHigh')!).toBeGreaterThan(at(u, 0.5).get('subject:cell:resistanceLow')! * 2);
    // A count takes whole numbers, each end included.
    expect(at(0.5, 0).get('subject:design:rows')).toBe(922);
    expect(at(0.5, 0.9999999).get('subject:design:rows')).toBe(1126);
  });

  it('draws both states independently when either range is an assumption', () => {
    const knobs = tieKnobs([
      { id: 'subject:cell:resistanceLow', integer: false, value: 10, range: assumed(9, 11) },
      { id: 'subject:cell:resistanceHigh', integer: false, value: 20.4, range: published(8.2, 20.4) },
    ]);
    expect(knobs.every((k) => k.follows === undefined)).toBe(true);
    expect(dimensionsOf(knobs)).toBe(2);
  });
});
