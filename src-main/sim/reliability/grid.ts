import type { Tails } from './normal.ts';

// Distributions held as masses on the multiples of one step: index i stands for the value
// (first + i) x step. A continuous law is binned by differences of its exact CDF, each bin's mass
// put at the bin's middle, so sums of such variables are again on the grid and their
// distribution is a discrete convolution. The midpoint rule makes the error of an expectation of
// a smooth function second order in the step.

export interface GridMass {
  readonly step: number;
  readonly first: number;
  readonly mass: Float64Array;
}

/**
 * A point mass (a device without variation), split between the two grid points around it so its
 * mean stays exact: rounding it to one point would shift every sum it enters by up to half a step.
 */
export function pointMass(value: number, step: number): GridMass {
  const first = Math.floor(value / step);
  const upper = value / step - first;
  return upper > 0 ? { step, first, mass: Float64Array.of(1 - upper, upper) } : { step, first, mass: Float64Array.of(1) };
}

/**
 * Masses of `count` bins whose upper edges are edge(0), ..., edge(count - 2); the first bin takes
 * all below and the last all above. `tails(x)` returns [P(X <= x), P(X > x)], each precise where it
 * is small, so both tails keep their precision.
 */
export function binMasses(tails: (x: number) => Tails, count: number, edge: (i: number) => number): Float64Array {
  const mass = new Float64Array(count);
  let previous: Tails = [0, 1];
  for (let i = 0; i < count; i++) {
    const next: Tails = i === count - 1 ? [1, 0] : tails(edge(i));
    // Differences of the smaller tail on each side avoid 1 - (1 - p) round-off in the upper tail.
    mass[i] = Math.max(0, next[0] <= 0.5 ? next[0] - previous[0] : previous[1] - next[1]);
    previous = next;
  }
  return mass;
}

/** Bins the law of X on [low, high] onto the multiples of `step` (values beyond go into the end bins). */
export function binLaw(tails: (x: number) => Tails, low: number, high: number, step: number): GridMass {
  const first = Math.round(low / step);
  const last = Math.max(first, Math.round(high / step));
  return { step, first, mass: binMasses(tails, last - first + 1, (i) => (first + i + 0.5) * step) };
}

export function convolve(a: GridMass, b: GridMass): GridMass {
  const mass = new Float64Array(a.mass.length + b.mass.length - 1);
  for (let i = 0; i < a.mass.length; i++) {
    const ai = a.mass[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.mass.length; j++) mass[i + j]! += ai * b.mass[j]!;
  }
  return { step: a.step, first: a.first + b.first, mass };
}

/** The law of the sum of `count` independent copies (count >= 1). */
export function convolvePower(a: GridMass, count: number): GridMass {
  let sum = a;
  for (let n = 1; n < count; n++) sum = convolve(sum, a);
  return sum;
}

/** The law of B - A. */
export function difference(a: GridMass, b: GridMass): GridMass {
  const mass = new Float64Array(a.mass.length + b.mass.length - 1);
  const last = a.mass.length - 1;
  for (let i = 0; i < a.mass.length; i++) {
    const ai = a.mass[i]!;
    if (ai === 0) continue;
    for (let j = 0; j < b.mass.length; j++) mass[j - i + last]! += ai * b.mass[j]!;
  }
  return { step: a.step, first: b.first - a.first - last, mass };
}

/** A function of a bin: its middle value and its edges. */
export type BinFunction = (value: number, low: number, high: number) => number;

/** E[f] over the grid's masses. */
export function expectOnGrid(g: GridMass, f: BinFunction): number {
  let sum = 0;
  for (let i = 0; i < g.mass.length; i++) {
    const m = g.mass[i]!;
    const value = (g.first + i) * g.step;
    if (m > 0) sum += m * f(value, value - g.step / 2, value + g.step / 2);
  }
  return sum;
}

/** Share of the bin [low, high] below `threshold` (its mass taken as spread evenly in it). */
export function fractionBelow(low: number, high: number, threshold: number): number {
  if (!(high > low)) return threshold > low ? 1 : 0;
  return Math.min(1, Math.max(0, (threshold - low) / (high - low)));
}
