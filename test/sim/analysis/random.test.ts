import { describe, expect, it } from 'vitest';
import { childSeed, fromUnit, makeRandom, normalQuantile } from '../../../src-main/sim/analysis/random.ts';
import { monteCarlo, quantile } from '../../../src-main/sim/analysis/quantiles.ts';

const draw = (seed: number, n: number): number[] => {
  const next = makeRandom(seed);
  return Array.from({ length: n }, () => next());
};

describe('seeded generator', () => {
  it('repeats a stream for the same seed and gives another for a neighbouring seed', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    const a = draw(1, 100);
    const b = draw(2, 100);
    expect(a.filter((x, k) => x === b[k])).toEqual([]);
    expect(childSeed(7, 0)).not.toBe(childSeed(7, 1));
    expect(childSeed(7, 1)).toBe(childSeed(7, 1));
  });

  it('stays in [0, 1) and is uniform: mean, variance and decile counts within 4 standard errors', () => {
    const n = 100_000;
    const xs = draw(2024, n);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    // Uniform(0, 1): mean 1/2 with standard error sqrt(1/12 / n); variance 1/12 with standard error sqrt(1/180 / n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt(1 / 180 / n));
    const counts = new Array<number>(10).fill(0);
    for (const x of xs) counts[Math.floor(x * 10)]! += 1;
    // Each decile count is binomial(n, 0.1): standard deviation sqrt(n * 0.1 * 0.9) = 95.
    for (const c of counts) expect(Math.abs(c - n / 10)).toBeLessThan(4 * 95);
  });

  it('uses more than 32 bits per double (the low bits vary)', () => {
    const lowBits = draw(5, 1000).map((x) => (x * 2 ** 53) % 2 ** 21);
    expect(new Set(lowBits).size).toBeGreaterThan(990);
  });
});

describe('inverse normal CDF', () => {
  it('matches tabulated quantiles to the approximation error (relative 1.15e-9)', () => {
    // Reference values of the standard normal quantile function, to 15 significant digits.
    const table: [number, number][] = [
      [0.975, 1.959963984540054],
      [0.8413447460685429, 1], // Phi(1)
      [0.999, 3.090232306167813],
      [0.01, -2.326347874040841],
      [1e-10, -6.361340902404056],
    ];
    for (const [p, z] of table) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(2e-9 * Math.abs(z));
  });

  it('is 0 at the median, antisymmetric, and infinite or NaN at and beyond the ends', () => {
    expect(normalQuantile(0.5)).toBe(0);
    // Dyadic p, so that 1 - p is exact and the mirror image is the same computation.
    for (const p of [2 ** -20, 2 ** -6, 0.125, 0.4375]) expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  it('joins its central and tail pieces within their combined error (no visible jump)', () => {
    const edge = 0.02425;
    const z = normalQuantile(edge);
    // A 1e-12 step moves the true quantile by 1e-12 / phi(z) = 2e-11; each piece may be off by 1.15e-9 |z|.
    expect(Math.abs(z - normalQuantile(edge - 1e-12))).toBeLessThan(2 * 1.15e-9 * Math.abs(z) + 1e-10);
  });
});

describe('distributions from the unit interval', () => {
  it('maps u by the inverse CDF of each kind', () => {
    expect(fromUnit(0.25, { kind: 'uniform', low: 2, high: 6 })).toBe(3);
    expect(fromUnit(0.5, { kind: 'log-uniform', low: 1e-9, high: 1e-7 })).toBeCloseTo(1e-8, 20);
    expect(fromUnit(0.975, { kind: 'normal', mean: 10, sigma: 2 })).toBeCloseTo(10 + 2 * 1.959964, 5);
    expect(fromUnit(0.5, { kind: 'lognormal', median: 3e3, sigma: 0.4 })).toBeCloseTo(3e3, 9);
    expect(fromUnit(0.8413447460685429, { kind: 'lognormal', median: 1, sigma: 0.5 })).toBeCloseTo(Math.exp(0.5), 8);
  });

  it('clamps normal and lognormal to their bounds and stays finite at u = 0', () => {
    expect(fromUnit(0.001, { kind: 'normal', mean: 1, sigma: 1, low: 0 })).toBe(0);
    expect(fromUnit(0.999, { kind: 'lognormal', median: 1, sigma: 1, high: 2 })).toBe(2);
    expect(fromUnit(0.5, { kind: 'normal', mean: 1, sigma: 1, low: 0, high: 2 })).toBe(1);
    expect(Number.isFinite(fromUnit(0, { kind: 'normal', mean: 0, sigma: 1 }))).toBe(true);
    expect(fromUnit(0, { kind: 'lognormal', median: 1, sigma: 1 })).toBeGreaterThan(0);
  });

  it('rejects parameters that describe no distribution', () => {
    expect(() => fromUnit(0.5, { kind: 'log-uniform', low: 0, high: 1 })).toThrow(RangeError);
    expect(() => fromUnit(0.5, { kind: 'uniform', low: 2, high: 1 })).toThrow(RangeError);
    expect(() => fromUnit(0.5, { kind: 'normal', mean: 0, sigma: -1 })).toThrow(RangeError);
    expect(() => fromUnit(0.5, { kind: 'normal', mean: 0, sigma: 1, low: 1, high: 0 })).toThrow(RangeError);
  });
});

describe('quantiles and Monte Carlo', () => {
  it('interpolates linearly between order statistics (type 7, as R and NumPy)', () => {
    const xs = [1, 2, 4, 8];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(8);
    expect(quantile(xs, 0.5)).toBe(3); // h = 1.5
    expect(quantile(new Float64Array([10, 20, 30, 40, 50]), 0.1)).toBeCloseTo(14, 12); // h = 0.4
    expect(quantile([7], 0.3)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile(xs, 1.1)).toThrow(RangeError);
  });

  it('recovers the percentiles of a uniform output within 4 standard errors of the sample count', () => {
    const n = 20_000;
    const r = monteCarlo(2, (points, rows) => Float64Array.from({ length: rows }, (_, k) => points[2 * k]!), { samples: n, seed: 3 });
    expect(r.samples).toBe(n);
    // The sample p-quantile of Uniform(0, 1) has standard error sqrt(p (1 - p) / n) (density 1).
    const se = (p: number) => Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(r.p5 - 0.05)).toBeLessThan(4 * se(0.05));
    expect(Math.abs(r.p50 - 0.5)).toBeLessThan(4 * se(0.5));
    expect(Math.abs(r.p95 - 0.95)).toBeLessThan(4 * se(0.95));
    expect(Math.abs(r.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });

  it('maps through a distribution: a lognormal output has its median where expected', () => {
    const dist = { kind: 'lognormal', median: 5, sigma: 0.3 } as const;
    const r = monteCarlo(1, (points, rows) => points.subarray(0, rows).map((u) => fromUnit(u, dist)), { samples: 20_000, seed: 9 });
    // In ln space the output is normal(ln 5, 0.3); the sample p-quantile has standard error
    // sigma sqrt(p (1 - p) / n) / phi(z_p): 0.0027 at the median and 0.0045 at the 95th percentile.
    expect(Math.abs(Math.log(r.p50 / 5))).toBeLessThan(4 * 0.0027);
    expect(Math.abs(Math.log(r.p95 / 5) - 1.644854 * 0.3)).toBeLessThan(4 * 0.0045);
  });

  it('is reproducible per seed and refuses a model that returns the wrong count or a non-finite value', () => {
    const model = (points: Float64Array, rows: number) => Float64Array.from({ length: rows }, (_, k) => points[k]! ** 2);
    expect(monteCarlo(1, model, { samples: 500, seed: 1 })).toEqual(monteCarlo(1, model, { samples: 500, seed: 1 }));
    expect(monteCarlo(1, model, { samples: 500, seed: 1 }).mean).not.toBe(monteCarlo(1, model, { samples: 500, seed: 2 }).mean);
    expect(() => monteCarlo(1, () => new Float64Array(3), { samples: 4, seed: 1 })).toThrow(/3 outputs for 4 points/);
    expect(() => monteCarlo(1, (_, rows) => new Float64Array(rows).fill(NaN), { samples: 4, seed: 1 })).toThrow(/row 0/);
  });
});
