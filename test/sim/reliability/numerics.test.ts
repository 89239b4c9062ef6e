import { describe, expect, it } from 'vitest';
import { binLaw, convolve, expectOnGrid, pointMass } from '../../../src-main/sim/reliability/grid.ts';
import { binLogLaw, expectOnLogGrid, logSum } from '../../../src-main/sim/reliability/log-grid.ts';
import { expectOverNormal, normalCdf, type Tails } from '../../../src-main/sim/reliability/normal.ts';

// The numerical pieces under the error integrals: normal tails, the quadrature, and the binned
// sums on linear and logarithmic grids.

/** P(Z <= x) by Simpson's rule on the density from -40, 20,000 intervals: an independent reference. */
function integratedCdf(x: number): number {
  const n = 20_000;
  const h = (x + 40) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.exp(-0.5 * (-40 + i * h) ** 2);
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

const lognormal = (median: number, sigma: number) => (x: number): Tails => {
  const z = Math.log(x / median) / sigma;
  return x > 0 ? [normalCdf(z), normalCdf(-z)] : [0, 1];
};

describe('numerics of the error integrals', () => {
  it('give normal tails to a relative 1e-6 down to 1e-23', () => {
    // Golden: Phi(-1) = 0.15865525393145705 (Abramowitz and Stegun, Handbook of Mathematical Functions, 1964, table 26.1), tolerance 1e-6 relative.
    expect(Math.abs(normalCdf(-1) / 0.15865525393145705 - 1)).toBeLessThan(1e-6);
    for (const x of [-3, -6, -10]) expect(Math.abs(normalCdf(x) / integratedCdf(x) - 1), `${x}`).toBeLessThan(1e-6);
    expect(normalCdf(2) + normalCdf(-2)).toBeCloseTo(1, 12);
  });

  it('integrate over a normal variable: E[Phi(a + b Z)] = Phi(a / sqrt(1 + b^2)), for b <= 1 as the error models use it', () => {
    // Source: the closed form of a Gaussian CDF averaged over a Gaussian argument. Tolerance 1e-4 relative.
    for (const [a, b] of [[-3, 1], [-5, 0.5], [2, 1], [-8, 1]] as const) {
      expect(Math.abs(expectOverNormal((z) => normalCdf(a + b * z)) / normalCdf(a / Math.hypot(1, b)) - 1), `${a} ${b}`).toBeLessThan(1e-4);
    }
  });

  it('keep mass and the mean of a sum of two lognormals on a linear grid', () => {
    // Source: E[X] = median e^(sigma^2 / 2) for a lognormal. Tolerance 1e-3 relative (the grid's step).
    const a = binLaw(lognormal(1e-4, 0.1), 1e-4 * Math.exp(-0.75), 1e-4 * Math.exp(0.75), 1e-7);
    const sum = convolve(a, a);
    expect(expectOnGrid(sum, () => 1)).toBeCloseTo(1, 12);
    expect(Math.abs(expectOnGrid(sum, (x) => x) / (2e-4 * Math.exp(0.005)) - 1)).toBeLessThan(1e-3);
  });

  it('keep mass and the mean of a sum of wide lognormals on a log grid', () => {
    // Source: as above, for sigma 0.8 (a ReRAM off state); tolerance 2e-3 relative.
    const step = 12 / 512;
    const a = binLogLaw((x) => lognormal(1e-7, 0.8)(Math.exp(x)), Math.log(1e-7) - 6, Math.log(1e-7) + 6, step);
    const sum = logSum(a, a);
    expect(expectOnLogGrid(sum, () => 1)).toBeCloseTo(1, 12);
    expect(Math.abs(expectOnLogGrid(sum, (x) => x) / (2e-7 * Math.exp(0.32)) - 1)).toBeLessThan(2e-3);
  });

  it('keep a point mass at its exact value (split between two grid points)', () => {
    const point = pointMass(2.3e-5, 1e-6);
    expect(expectOnGrid(point, (x) => x)).toBeCloseTo(2.3e-5, 18);
  });
});
