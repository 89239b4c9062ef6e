import { dividerResistance, readAccessResistance } from '../cells/electrical.ts';
import type { CellParams } from '../cells/params.ts';
import type { PrimitiveName } from '../isa/primitives.ts';
import type { TechNode } from '../tech/nodes.ts';
import { nominalResistance, type StateLaws } from './resistance-law.ts';
import type { CellVariation } from './variation.ts';

// The sense node of a bit line with `rows` active cells, as the array model (sensing.ts) sees it:
// NVSim's voltage divider, the read voltage across the cells in parallel against a series resistor
// of the geometric mean of the two states (divided by the active rows). Assumption: a current-mode
// cell is judged on the same divider, since its I-V converter compares the same conductance sum
// against a reference and NVSim gives no other signal model for it. A cell read by a forced
// current develops V = I / S instead. More low-resistance cells mean more conductance and a lower
// sense voltage either way, so a count of ones is read as the number of references above the node.

export interface SenseCircuit {
  readonly rows: number;
  readonly access_Ohm: number;
  readonly readVoltage_V: number;
  readonly readCurrent_A: number;
  readonly series_Ohm: number;
}

/** The sense node of `rows` active cells, or undefined when the cell gives no read voltage or current. */
export function senseCircuit(cell: CellParams, tech: TechNode, rows: number): SenseCircuit | undefined {
  const readCurrent_A = cell.readCurrent_A ?? 0;
  if (!(cell.readVoltage_V > 0) && !(readCurrent_A > 0)) return undefined;
  return { rows, access_Ohm: readAccessResistance(cell, tech), readVoltage_V: cell.readVoltage_V, readCurrent_A, series_Ohm: dividerResistance(cell, tech) / rows };
}

/** Sense-node voltage for a total conductance of the active cells (access devices included). */
export function senseVoltage(c: SenseCircuit, conductance_S: number): number {
  if (c.readVoltage_V > 0) return c.readVoltage_V / (1 + c.series_Ohm * conductance_S);
  return c.readCurrent_A / conductance_S;
}

/** The conductance at which the node sits at `voltage_V` (the inverse of senseVoltage). */
export function conductanceAtVoltage(c: SenseCircuit, voltage_V: number): number {
  if (c.readVoltage_V > 0) return (c.readVoltage_V / voltage_V - 1) / c.series_Ohm;
  return c.readCurrent_A / voltage_V;
}

export function nominalConductance(c: SenseCircuit, laws: StateLaws, state: 'low' | 'high'): number {
  return 1 / (nominalResistance(laws[state]) + c.access_Ohm);
}

/**
 * Multi-row sensing: how many rows a primitive activates and which references it senses against.
 * Boundary b is the reference between b and b + 1 low-resistance cells. An XOR's output is the
 * parity of its comparators (the thermometer code's parity), which for two references is the
 * usual "first but not second" and stays defined if the comparators disagree.
 */
export const SENSE_BOUNDARIES: Partial<Record<PrimitiveName, readonly number[]>> = {
  read: [0],
  and2: [1],
  or2: [0],
  xor2: [0, 1],
  maj3: [1],
  xor3: [0, 1, 2],
  search: [0],
};

export interface Comparator {
  readonly reference_V: number;
  /** Sigma of offset and reference spread together (both Gaussian, independent, per amplifier). */
  readonly noise_V: number;
  readonly boundary: number;
}

/** References at the midpoints between the nominal voltages of adjacent counts of low-resistance cells. */
export function comparators(c: SenseCircuit, laws: StateLaws, variation: CellVariation, boundaries: readonly number[]): Comparator[] {
  const gLow = nominalConductance(c, laws, 'low');
  const gHigh = nominalConductance(c, laws, 'high');
  const level = (ones: number): number => senseVoltage(c, ones * gLow + (c.rows - ones) * gHigh);
  return boundaries.map((boundary) => {
    const reference_V = (level(boundary) + level(boundary + 1)) / 2;
    return { reference_V, noise_V: Math.hypot(variation.senseOffsetSigma_V, variation.referenceSigma * reference_V), boundary };
  });
}
