import { describe, expect, it } from 'vitest';
import { seek } from '../../../src-main/sim/analysis/seek.ts';

// The search behind goal seek and "what it would take", on functions whose answers are known.

describe('seek', () => {
  it('finds the value where a smooth metric meets the target, to the tolerance', () => {
    const found = seek((v) => v * v, 2, [0.01, 100], { tolerance: 1e-9 });
    expect(found.found).toBe(true);
    if (found.found) expect(found.value).toBeCloseTo(Math.SQRT2, 8);
  });

  it('steps over values the model refuses and finds a crossing beyond them', () => {
    const metric = (v: number): number | null => (v > 1 && v < 5 ? null : v);
    const found = seek(metric, 20, [0.1, 100], { tolerance: 1e-9 });
    expect(found).toMatchObject({ found: true });
    if (found.found) expect(found.value).toBeCloseTo(20, 6);
  });

  it('reports a jump across the target as no value, with the metric on its nearer side', () => {
    const step = (v: number): number => (v < 3 ? 1 : 10);
    const missed = seek(step, 5, [0.1, 100], { tolerance: 1e-6 });
    expect(missed.found).toBe(false);
    if (missed.found) return;
    expect(missed.jumps).toHaveLength(1);
    expect(missed.jumps[0]!.at).toBeCloseTo(3, 6);
    expect(missed.metricRange).toEqual([1, 10]);
  });

  it('keeps counts whole, and says the span when the target is out of reach', () => {
    const found = seek((v) => (Number.isInteger(v) ? v * 10 : NaN), 70, [1, 64], { integer: true, tolerance: 5e-3 });
    expect(found).toMatchObject({ found: true, value: 7, achieved: 70 });
    const never = seek((v) => 1 + 1 / v, 0.5, [1, 100], { tolerance: 1e-6 });
    expect(never).toMatchObject({ found: false, jumps: [] });
    if (!never.found) expect(never.metricRange![1]).toBe(2);
  });
});
