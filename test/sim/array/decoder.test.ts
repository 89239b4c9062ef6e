import { describe, expect, it } from 'vitest';
import { lineDecoder, lineDecoderDelay } from '../../../src-main/sim/array/decoder.ts';
import { outputDriver } from '../../../src-main/sim/array/driver.ts';
import { techNode } from '../../../src-main/sim/tech/nodes.ts';
import { gateCap, horowitz, onResistance } from '../../../src-main/sim/tech/devices.ts';
import { wireRC } from '../../../src-main/sim/tech/wires.ts';

describe('technology figures (hand-derived from the ITRS/MASTAR tables)', () => {
  it('local wire at 22 nm: 44 nm pitch, aspect 1.9, 6.0e-8 Ohm.m at 293 K raised to 350 K', () => {
    // width 22 nm, thickness 41.8 nm; rho = 6e-8 * (1 + 0.0039 * 57) = 7.3338e-8 Ohm.m
    // R = 7.3338e-8 / (41.8e-9 * 22e-9) = 79.75 Ohm/um
    // C = 2 eps0 (3.9 * 22/41.8 + 1.5 * 2.55 * 41.8/22) + 0.115 fF/um = 0.2800 fF/um
    const w = wireRC(22, 'local');
    expect(w.r_Ohm_per_m / 79.75e6).toBeCloseTo(1, 3);
    expect(w.c_F_per_m / 0.28e-9).toBeCloseTo(1, 2);
  });

  it('45 nm device: gate capacitance (1.2 x 6.78 + 3 x 1.7) e-10 F/m and R = 1.51 Vdd / Ion', () => {
    const t = techNode(45);
    expect(gateCap(t, 1e-6)).toBeCloseTo(1.3236e-15, 19);
    expect(onResistance(t, 1e-6)).toBeCloseTo((1.51 * 1.0) / (1745.8 * 1e-6), 6);
  });

  it('28 nm interpolates 22 and 32 nm as NVSim does (0.4 / 0.6)', () => {
    expect(techNode(28).ionN_A_per_m).toBeCloseTo(0.4 * 1930.7 + 0.6 * 1715.7, 6);
    expect(techNode(28).localWire).toEqual(techNode(32).localWire);
  });

  it('Horowitz: a step input gives ln 2 x tau; a slow ramp adds delay', () => {
    expect(horowitz(1e-12, 0.5, Infinity).delay_s).toBeCloseTo(Math.LN2 * 1e-12, 20);
    expect(horowitz(1e-12, 0.5, 1e9).delay_s).toBeGreaterThan(Math.LN2 * 1e-12);
  });
});

describe('decoders and drivers', () => {
  it('sizes a chain with an odd number of stages near stage effort 4', () => {
    const t = techNode(32);
    const d = outputDriver(t, { logicalEffort: 1, inputCap_F: 1e-16, load_F: 100e-15, loadResistance_Ohm: 0, minCurrent_A: 0, inverting: true });
    // F = 1000: round(ln 1000 / ln 4) - 1 = 4 stages, made odd: 5.
    expect(d.widthsN_m.length).toBe(5);
    expect(d.currentLimited).toBe(false);
  });

  it('widens the last stage for a current the line must deliver, capped at 100 F with a flag', () => {
    const t = techNode(32);
    const spec = { logicalEffort: 1, inputCap_F: 1e-16, load_F: 1e-15, loadResistance_Ohm: 0, inverting: true };
    const small = outputDriver(t, { ...spec, minCurrent_A: 0 });
    const strong = outputDriver(t, { ...spec, minCurrent_A: 1e-3 });
    expect(strong.widthsN_m.at(-1)! * t.ionN_A_per_m).toBeGreaterThanOrEqual(1e-3 * 0.999);
    expect(strong.widthsN_m.at(-1)!).toBeGreaterThan(small.widthsN_m.at(-1)!);
    expect(outputDriver(t, { ...spec, minCurrent_A: 1 }).currentLimited).toBe(true);
  });

  it('grows with lines and load; 8 lines or fewer need no NAND', () => {
    const t = techNode(22);
    expect(lineDecoder(t, 8, 20e-15, 100).nandInputs).toBe(0);
    const small = lineDecoder(t, 64, 20e-15, 100);
    const big = lineDecoder(t, 4096, 500e-15, 5000);
    expect(lineDecoderDelay(t, big, Infinity).delay_s).toBeGreaterThan(lineDecoderDelay(t, small, Infinity).delay_s);
    expect(big.height_m * big.width_m).toBeGreaterThan(small.height_m * small.width_m);
    expect(big.energy_J).toBeGreaterThan(small.energy_J);
  });
});
