import { describe, expect, it } from 'vitest';
import { brent } from '../../../src-main/sim/analysis/root.ts';

describe('Brent root finder', () => {
  it('finds sqrt(2) as the root of x^2 - 2 on [0, 2] to 1e-12 in few steps', () => {
    const r = brent((x) => x * x - 2, 0, 2)!;
    expect(r.x).toBeCloseTo(Math.SQRT2, 12);
    expect(r.iterations).toBeLessThan(15);
  });
  it('handles a steep monotone function (a log-scaled ratio) and a root at an end', () => {
    const r = brent((x) => Math.exp(5 * x) - 100, -2, 3)!;
    expect(r.x).toBeCloseTo(Math.log(100) / 5, 10);
    expect(brent((x) => x - 1, 1, 4)!.x).toBe(1);
  });
  it('says there is no bracketed root when the ends have the same sign', () => {
    expect(brent((x) => x * x + 1, -1, 1)).toBeUndefined();
  });
});
