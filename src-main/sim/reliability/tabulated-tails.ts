import type { Tails } from './normal.ts';

// A law whose tails cost a quadrature each is evaluated once on a fine grid and interpolated
// between nodes. The logarithm of each tail is interpolated linearly: exact for exponential tails
// and, for Gaussian-like ones, off by a relative (node spacing / sigma)^2 / 8, well below 1e-4 at
// the spacing used. Outside the grid the law is evaluated directly.

const NODES = 1025;

export function tabulateTails(tails: (x: number) => Tails, low: number, high: number): (x: number) => Tails {
  if (!(high > low)) return tails;
  const step = (high - low) / (NODES - 1);
  const lnBelow = new Float64Array(NODES);
  const lnAbove = new Float64Array(NODES);
  for (let i = 0; i < NODES; i++) {
    const [below, above] = tails(low + i * step);
    lnBelow[i] = Math.log(below);
    lnAbove[i] = Math.log(above);
  }
  const interpolate = (table: Float64Array, i: number, t: number): number => {
    const a = table[i]!;
    const b = table[i + 1]!;
    // A zero tail (log -Infinity) at one node: interpolate the probability itself.
    if (a === -Infinity || b === -Infinity) return (1 - t) * Math.exp(a) + t * Math.exp(b);
    return Math.exp(a + t * (b - a));
  };
  return (x) => {
    const position = (x - low) / step;
    if (!(position >= 0 && position < NODES - 1)) return tails(x);
    const i = Math.floor(position);
    const below = interpolate(lnBelow, i, position - i);
    const above = interpolate(lnAbove, i, position - i);
    return below <= above ? [below, 1 - below] : [1 - above, above];
  };
}
