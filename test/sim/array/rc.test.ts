import { describe, expect, it } from 'vitest';
import { distributedDelay, drivenLineDelay, lumpedDelay } from '../../../src-main/sim/array/rc.ts';

describe('Elmore delays (hand-derived)', () => {
  it('lumped RC: ln2 * 1 kOhm * 1 pF = 0.6931 ns', () => {
    expect(lumpedDelay(1e3, 1e-12)).toBeCloseTo(0.693147e-9, 14);
  });
  it('distributed line: 0.38 * 1 kOhm * 1 pF = 0.38 ns (Bakoglu)', () => {
    expect(distributedDelay(1e3, 1e-12)).toBeCloseTo(0.38e-9, 15);
  });
  it('driver into a line with an end load: 0.693*1k*150f + 0.38*2k*100f + 0.693*2k*50f = 249.29 ps', () => {
    expect(drivenLineDelay(1e3, 2e3, 100e-15, 50e-15)).toBeCloseTo(249.29e-12, 13);
  });
});
