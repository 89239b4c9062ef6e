import { describe, expect, it } from 'vitest';
import { DigestBuilder, digestOf, digestValue, keepDigest, wideMetric } from '@/charts/sweep-digest.ts';
import type { SweepPoint, SweepResult } from '@/charts/sweep-common.ts';

// The digest the sweep summary and charts read instead of walking 100,000 point objects: it must
// say exactly what a walk over the points says, whatever order the pages of points arrive in.

const point = (index: number, e: number | null, l: number | null, a: number | null, error?: string): SweepPoint => ({
  index,
  values: { rows: index },
  energy_J: e,
  latency_s: l,
  area_m2: a,
  ...(error ? { error } : {}),
});

const points: SweepPoint[] = [
  point(0, 5, 2, 3),
  point(1, null, null, null, 'rows must be at most 128'),
  point(2, 1, 8, 3),
  point(3, 1, 4, 9),
  point(5, null, null, null, 'rows must be at most 128'),
  point(6, null, null, null),
  point(7, 40, 0.5, 1),
];

describe('sweep digest', () => {
  it('gives the extents, the first best point of each metric, the failures and the valid count', () => {
    const d = digestOf({ points });
    expect(d.count).toBe(7);
    expect(d.valid).toBe(4);
    expect([...d.index]).toEqual([0, 1, 2, 3, 5, 6, 7]);
    expect(d.failures).toEqual([
      { message: 'rows must be at most 128', count: 2 },
      { message: 'not a valid design', count: 1 },
    ]);
    // Energy 1 at positions 2 and 3: the first is the best.
    expect(d.stats.energy).toEqual({ min: 1, max: 40, best: 2 });
    expect(d.stats.latency).toEqual({ min: 0.5, max: 8, best: 6 });
    expect(d.stats.area).toEqual({ min: 1, max: 9, best: 6 });
    expect(d.stats.edp).toEqual({ min: 4, max: 20, best: 3 });
    expect(digestValue(d, 1, 'energy')).toBeNaN();
    expect(digestValue(d, 3, 'edp')).toBe(4);
    expect(wideMetric(d, 'energy', 10)).toBe(true);
    expect(wideMetric(d, 'area', 10)).toBe(false);
  });

  it('builds the same digest from pages that arrive out of order', () => {
    const whole = digestOf({ points });
    const paged = new DigestBuilder(points.length);
    paged.add(4, points.slice(4));
    paged.add(2, points.slice(2, 4));
    paged.add(0, points.slice(0, 2));
    const d = paged.finish();
    expect(d.stats).toEqual(whole.stats);
    expect(d.failures).toEqual(whole.failures);
    expect([...d.energy]).toEqual([...whole.energy]);
    expect([...d.index]).toEqual([...whole.index]);
  });

  it('refuses a digest that misses points or does not fit its result', () => {
    const short = new DigestBuilder(3);
    short.add(0, points.slice(0, 2));
    expect(() => short.finish()).toThrow('got 2 of its 3 points');
    const result = { points: points.slice(0, 2) } as SweepResult;
    const other = new DigestBuilder(1);
    other.add(0, points.slice(0, 1));
    expect(() => keepDigest(result, other.finish())).toThrow('does not fit');
  });

  it('keeps the digest built while reading, so the charts use it as it is', () => {
    const result = { points } as SweepResult;
    const built = new DigestBuilder(points.length);
    built.add(0, points);
    const d = built.finish();
    keepDigest(result, d);
    expect(digestOf(result)).toBe(d);
  });
});
