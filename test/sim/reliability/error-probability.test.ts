import { describe, expect, it } from 'vitest';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';
import { dividerResistance, readAccessResistance } from '../../../src-main/sim/cells/electrical.ts';
import { cellParamsFromValues, type CellParams } from '../../../src-main/sim/cells/params.ts';
import { CELL_FAMILY_PRIMITIVES, type PrimitiveName } from '../../../src-main/sim/isa/primitives.ts';
import { primitiveErrors } from '../../../src-main/sim/reliability/error-probability.ts';
import { normalCdf } from '../../../src-main/sim/reliability/normal.ts';
import { readVariation } from '../../../src-main/sim/reliability/variation.ts';
import { techNode } from '../../../src-main/sim/tech/nodes.ts';

// The analytic error probabilities: exactly zero without variation, growing with every spread,
// within [0, 0.5] for the shipped cells, and equal to closed forms where the physics has one.

function builtin(id: string): CellParams {
  const parsed = cellParamsFromValues(BUILTIN_CELLS.find((c) => c.id === id)!.values);
  if (!parsed.ok) throw new Error(id);
  return parsed.params;
}

const SPREADS = ['sigmaLnRLow', 'sigmaLnRHigh', 'tmrSigma', 'senseOffsetSigma_V', 'referenceSigma', 'magicThresholdOffSigma_V', 'switchingTimeSigma'] as const;

function scaled(cell: CellParams, factor: number): CellParams {
  return { ...cell, ...Object.fromEntries(SPREADS.map((f) => [f, (cell[f] ?? 0) * factor])) };
}

function probabilities(cell: CellParams): Record<string, number> {
  return Object.fromEntries(Object.entries(primitiveErrors(cell)).map(([name, e]) => [name, e!.probability]));
}

/** The sense-node voltage of one cell of resistance r (NVSim's divider at the default 28 nm). */
function nodeVoltage(cell: CellParams, r: number): number {
  const tech = techNode(28);
  return cell.readVoltage_V / (1 + dividerResistance(cell, tech) / (r + readAccessResistance(cell, tech)));
}

describe('primitive error probabilities', () => {
  it('are exactly 0 for every primitive of every built-in cell without variation, stated or missing', () => {
    for (const def of BUILTIN_CELLS) {
      const cell = builtin(def.id);
      const none = scaled(cell, 0);
      const missing = { ...cell, ...Object.fromEntries(SPREADS.map((f) => [f, undefined])) } as CellParams;
      for (const variant of [none, missing]) {
        const errors = primitiveErrors(variant);
        expect(Object.keys(errors).sort(), def.id).toEqual([...CELL_FAMILY_PRIMITIVES[cell.family]].sort());
        for (const [name, e] of Object.entries(errors)) expect(e!.probability, `${def.id} ${name}`).toBe(0);
      }
      expect(primitiveErrors(missing).read!.basis, def.id).toMatch(/missing, taken as 0: sigmaLnRLow/);
    }
  });

  it('name the variation keys a cell lacks, and the writes they cannot model', () => {
    const sot = builtin('sot-mram-2t1mtj');
    expect(readVariation(sot).missing).toEqual(['setSwitchingTime', 'resetSwitchingTime', 'switchingTimeSigma']);
    expect(primitiveErrors(sot).write).toEqual({ probability: 0, basis: 'not modelled: the cell gives no switching time for set or reset' });
    expect(readVariation(builtin('reram-magic')).missing).toEqual([]);
  });

  it('give the built-in cells finite probabilities within [0, 0.5]', () => {
    for (const def of BUILTIN_CELLS) {
      for (const [name, p] of Object.entries(probabilities(builtin(def.id)))) {
        expect(Number.isFinite(p) && p >= 0 && p <= 0.5, `${def.id} ${name}: ${p}`).toBe(true);
      }
    }
  });

  it('grow with the spreads: every primitive is non-decreasing as all sigmas scale from 0.25x to 2x, and larger at 2x', () => {
    for (const def of BUILTIN_CELLS) {
      const base = { ...builtin(def.id), setSwitchingTime_s: 0.4e-9, resetSwitchingTime_s: 0.3e-9, switchingTimeSigma: 0.2 };
      const runs = [0.25, 0.5, 1, 1.5, 2].map((factor) => probabilities(scaled(def.id === 'reram-magic' ? builtin(def.id) : base, factor)));
      for (const name of Object.keys(runs[0]!)) {
        const series = runs.map((r) => r[name]!);
        for (let i = 1; i < series.length; i++) expect(series[i]!, `${def.id} ${name} ${series.join(', ')}`).toBeGreaterThanOrEqual(series[i - 1]! * (1 - 1e-9));
        if (series.at(-1)! > 1e-15) expect(series.at(-1)!, `${def.id} ${name}`).toBeGreaterThan(series[0]!);
      }
    }
  });

  it('match the closed form of a read with Gaussian amplifier noise only: the tail beyond half the margin', () => {
    // Source: with no device spread the node sits at its nominal level, half the margin from the
    // midpoint reference; offset and reference spread add as independent Gaussians. Tolerance 1e-6.
    const cell = { ...scaled(builtin('sot-mram-2t1mtj'), 0), senseOffsetSigma_V: 0.02, referenceSigma: 0.02 };
    const low = nodeVoltage(cell, cell.resistanceLow_Ohm);
    const high = nodeVoltage(cell, cell.resistanceHigh_Ohm);
    const reference = (low + high) / 2;
    const expected = normalCdf(-(high - low) / 2 / Math.hypot(0.02, 0.02 * reference));
    expect(primitiveErrors(cell).read!.probability).toBeCloseTo(expected, 10);
    expect(Math.abs(primitiveErrors(cell).read!.probability / expected - 1)).toBeLessThan(1e-6);
  });

  it('match the closed form of the complementary pair: the offset exceeding the two lines\' difference', () => {
    // Source: no device spread, so the amplifier sees the nominal difference plus its offset. Tolerance 1e-6.
    const cell = { ...scaled(builtin('sot-mram-2t2mtj'), 0), senseOffsetSigma_V: 0.03 };
    const expected = normalCdf(-(nodeVoltage(cell, cell.resistanceHigh_Ohm) - nodeVoltage(cell, cell.resistanceLow_Ohm)) / 0.03);
    for (const name of ['read', 'xnor'] as PrimitiveName[]) expect(Math.abs(primitiveErrors(cell)[name]!.probability / expected - 1), name).toBeLessThan(1e-6);
  });

  it('match the closed form of a noise-free read of lognormal devices: the two states beyond the reference', () => {
    // Source: the node crosses the reference where the cell's resistance is R*, so a read fails when
    // R_on > R* or R_off < R*, each a lognormal tail. Tolerance 1% (the grid's share of a bin at R*).
    const cell = { ...scaled(builtin('reram-magic'), 0), sigmaLnRLow: 1, sigmaLnRHigh: 1.5 };
    const reference = (nodeVoltage(cell, cell.resistanceLow_Ohm) + nodeVoltage(cell, cell.resistanceHigh_Ohm)) / 2;
    const divider = dividerResistance(cell, techNode(28));
    const threshold_Ohm = divider / (cell.readVoltage_V / reference - 1);
    const expected = (normalCdf(-Math.log(threshold_Ohm / cell.resistanceLow_Ohm)) + normalCdf(Math.log(threshold_Ohm / cell.resistanceHigh_Ohm) / 1.5)) / 2;
    expect(Math.abs(primitiveErrors(cell).read!.probability / expected - 1)).toBeLessThan(0.01);
  });

  it('match the closed form of a MAGIC NOT whose threshold alone varies', () => {
    // Source: an off input leaves the output V0 R_on / (R_on + R_off), an on input V0 / 2; the gate
    // errs when the Gaussian threshold falls below the first or above the second. Tolerance 1e-3.
    const cell = { ...scaled(builtin('reram-magic'), 0), magicThresholdOffSigma_V: 0.35 };
    const v0 = cell.magicVoltage_V!;
    const off = (v0 * cell.resistanceLow_Ohm) / (cell.resistanceLow_Ohm + cell.resistanceHigh_Ohm);
    const expected = (normalCdf((off - 0.3) / 0.35) + normalCdf((0.3 - v0 / 2) / 0.35)) / 2;
    expect(Math.abs(primitiveErrors(cell).not!.probability / expected - 1)).toBeLessThan(1e-3);
  });

  it('weigh write failures by how often data switches a device: a quarter each for set and reset, half for a preset', () => {
    // Source: random data over random prior states; lognormal switching times of the VTEAM sweep's medians.
    const errors = primitiveErrors(builtin('reram-magic'));
    const set = normalCdf(-Math.log(0.1 / 0.042) / 0.2);
    const reset = normalCdf(-Math.log(0.1 / 0.019) / 0.2);
    expect(errors.write!.probability).toBeCloseTo((set + reset) / 4, 15);
    expect(errors.preset!.probability).toBeCloseTo(set / 2, 15);
  });

  it('search the word width asked for, and compute each cell once per options', () => {
    const cell = builtin('sot-mram-2t2mtj');
    expect(primitiveErrors(cell)).toBe(primitiveErrors(cell));
    const wide = primitiveErrors(cell, { searchRows: 16 }).search!;
    expect(wide.basis).toMatch(/^16-row divider sense/);
    // Random words of 16 bits rarely come within one bit of a match, so fewer land near the reference.
    expect(wide.probability).toBeLessThan(primitiveErrors(cell).search!.probability);
  });
});
