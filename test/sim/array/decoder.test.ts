import { describe, expect, it } from 'vitest';
import { rowDecoder } from '../../../src-main/sim/array/decoder.ts';
import { techNode } from '../../../src-main/sim/tech/nodes.ts';

describe('row decoder (logical effort, hand-derived at 45 nm)', () => {
  // 256 lines: 8 address bits predecoded 3+3+2, a NAND3 per line, so branching 256/2^3 = 32.
  // Unit inverter: NMOS 3F = 135 nm, PMOS 270 nm; C_in = 1 fF/um * 405 nm = 0.405 fF;
  // R = 1.5 * 1.0 V / (1400 A/m * 135 nm) = 7937 Ohm; tau = R * C = 3.214 ps.
  // Path effort F = (5/3)(5/3) * 32 * (100 fF / 0.405 fF) = 21,947. Sized for area at a stage
  // effort near 12: N = round(ln F / ln 12) = round(4.02) = 4 stages; f = F^(1/4) = 12.17;
  // parasitics 3 + 3 + (4 - 2) = 8; delay = (4 f + 8) tau = 56.69 * 3.214 ps = 182.2 ps, plus the
  // predecode wire along 100 um of semi-global metal:
  // 0.38 * (0.35 Ohm/um * 100 um) * (0.25 fF/um * 100 um) = 0.33 ps. Total 182.5 ps.
  it('sizes the chain to the word-line load and gives the hand-derived delay', () => {
    const d = rowDecoder(techNode(45), 256, 100e-15, 100e-6);
    expect(d.stages).toBe(4);
    expect(d.latency_s / 182.5e-12).toBeGreaterThan(0.995);
    expect(d.latency_s / 182.5e-12).toBeLessThan(1.005);
  });

  it('grows logarithmically with the load and the number of lines', () => {
    const tech = techNode(22);
    const small = rowDecoder(tech, 64, 20e-15, 10e-6);
    const big = rowDecoder(tech, 4096, 500e-15, 500e-6);
    expect(big.latency_s).toBeGreaterThan(small.latency_s);
    expect(big.latency_s / small.latency_s).toBeLessThan(5);
    expect(big.area_m2).toBeGreaterThan(small.area_m2);
    expect(big.energy_J).toBeGreaterThan(small.energy_J);
  });
});
