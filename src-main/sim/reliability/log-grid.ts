import { binMasses, type BinFunction } from './grid.ts';
import type { Tails } from './normal.ts';

// Distributions of positive quantities held on a grid uniform in their logarithm: index i stands
// for exp(origin + i x step). A wide lognormal (a ReRAM state, sigma of ln R 0.3 and more) spans
// orders of magnitude, which a linear grid can only cover by leaving its lower decades a few
// points; on a log grid every decade gets the same resolution. The sum of two such variables is
// formed pair by pair, ln(a + b) = ln a + ln(1 + b / a), the mass of each pair split between the
// two nearest grid points so mass is kept exactly and position to second order.

export interface LogGridMass {
  readonly origin: number;
  readonly step: number;
  readonly mass: Float64Array;
}

/** Bins the law of ln X on [low, high] (beyond goes into the end bins); tails(x) = [P(ln X <= x), P(ln X > x)]. */
export function binLogLaw(tails: (x: number) => Tails, low: number, high: number, step: number): LogGridMass {
  const count = Math.max(1, Math.round((high - low) / step) + 1);
  return { origin: low, step, mass: count === 1 ? Float64Array.of(1) : binMasses(tails, count, (i) => low + (i + 0.5) * step) };
}

function top(g: LogGridMass): number {
  return g.origin + (g.mass.length - 1) * g.step;
}

/** ln(e^x + e^y) without overflow. */
function logAdd(x: number, y: number): number {
  const high = Math.max(x, y);
  return high + Math.log1p(Math.exp(Math.min(x, y) - high));
}

/** The law of X + Y for independent X, Y on log grids of the same step. */
export function logSum(a: LogGridMass, b: LogGridMass): LogGridMass {
  const step = a.step;
  const origin = logAdd(a.origin, b.origin);
  const mass = new Float64Array(Math.max(1, Math.ceil((logAdd(top(a), top(b)) - origin) / step) + 2));
  // ln(1 + e^(y - x)) depends on the pair only through j - i: one table for all pairs.
  const shift = new Float64Array(a.mass.length + b.mass.length - 1);
  for (let d = 0; d < shift.length; d++) shift[d] = Math.log1p(Math.exp(b.origin - a.origin + (d - a.mass.length + 1) * step)) / step;
  const base = (a.origin - origin) / step;
  for (let i = 0; i < a.mass.length; i++) {
    const ai = a.mass[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.mass.length; j++) {
      const position = Math.max(0, base + i + shift[j - i + a.mass.length - 1]!);
      const k = Math.min(Math.floor(position), mass.length - 2);
      const upper = Math.min(1, position - k);
      const m = ai * b.mass[j]!;
      mass[k]! += m * (1 - upper);
      mass[k + 1]! += m * upper;
    }
  }
  return { origin, step, mass };
}

export function logSumPower(a: LogGridMass, count: number): LogGridMass {
  let sum = a;
  for (let n = 1; n < count; n++) sum = logSum(sum, a);
  return sum;
}

/** E[f] over the grid's masses (f sees values and edges as X, not ln X). */
export function expectOnLogGrid(g: LogGridMass, f: BinFunction): number {
  let sum = 0;
  for (let i = 0; i < g.mass.length; i++) {
    const m = g.mass[i]!;
    const x = g.origin + i * g.step;
    if (m > 0) sum += m * f(Math.exp(x), Math.exp(x - g.step / 2), Math.exp(x + g.step / 2));
  }
  return sum;
}
