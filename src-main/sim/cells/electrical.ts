import type { TechNode } from '../tech/nodes.ts';
import { onResistance } from '../tech/devices.ts';
import type { CellParams } from './params.ts';

// Electrical behaviour of one cell at a node: read currents and the energy of a write, with the
// path the current takes (MTJ for STT, heavy-metal strip for SOT, the device itself for ReRAM).

/** MTJs written per stored bit: the complementary cell writes the bit and its complement. */
export function storageElementsPerBit(cell: CellParams): number {
  return cell.family === 'sot-mram-2t2mtj' ? 2 : 1;
}

export function readAccessResistance(cell: CellParams, tech: TechNode): number {
  if (cell.accessType !== 'CMOS' || !cell.accessWidth_F) return 0;
  return onResistance(tech, cell.accessWidth_F * tech.featureSize_m);
}

/** Read current through a cell in its low and high resistance state. */
export function readCurrents(cell: CellParams, tech: TechNode): { low_A: number; high_A: number } {
  const access = readAccessResistance(cell, tech);
  const v = Math.max(0, cell.readVoltage_V - cell.accessVoltageDrop_V);
  return { low_A: v / (cell.resistanceLow_Ohm + access), high_A: v / (cell.resistanceHigh_Ohm + access) };
}

function writeAccessResistance(cell: CellParams, tech: TechNode): number {
  const width_F = cell.writeAccessWidth_F ?? cell.accessWidth_F;
  if (cell.accessType !== 'CMOS' || !width_F) return 0;
  return onResistance(tech, width_F * tech.featureSize_m);
}

/** Resistance the write current sees in the storage element: SOT writes go through the strip, not the MTJ. */
function writePathResistance(cell: CellParams, op: 'set' | 'reset'): number {
  if (cell.sotChannelResistance_Ohm !== undefined) return cell.sotChannelResistance_Ohm;
  const before = op === 'set' ? cell.resistanceHigh_Ohm : cell.resistanceLow_Ohm;
  return (before + (op === 'set' ? cell.resistanceLow_Ohm : cell.resistanceHigh_Ohm)) / 2;
}

export interface BitWrite {
  readonly pulse_s: number;
  /** Energy in the storage element(s). */
  readonly cell_J: number;
  /** Energy lost in the write driver and access transistor. */
  readonly driver_J: number;
  /** Supply voltage the write needs; above Vdd means a boosted write supply. */
  readonly supply_V: number;
}

/**
 * One bit written to `op`'s state. Current-driven: the driver sources I from a supply of at least
 * Vdd for the pulse; the cell takes I^2 R t (or the energy the cell file gives), the rest is lost
 * in the driver and access device. Voltage-driven: V^2 / R t averaged over the switching.
 */
export function bitWrite(cell: CellParams, tech: TechNode, op: 'set' | 'reset'): BitWrite {
  const pulse_s = op === 'set' ? cell.setPulse_s : cell.resetPulse_s;
  const given = op === 'set' ? cell.setEnergy_J : cell.resetEnergy_J;
  const elements = storageElementsPerBit(cell);
  if ((op === 'set' ? cell.setMode : cell.resetMode) === 'current') {
    const current = (op === 'set' ? cell.setCurrent_A : cell.resetCurrent_A) ?? 0;
    const rPath = writePathResistance(cell, op);
    const cellVoltage = current * rPath + cell.accessVoltageDrop_V;
    const needed = cellVoltage + current * writeAccessResistance(cell, tech);
    const supply_V = Math.max(tech.vdd_V, needed);
    const cell_J = given ?? current * cellVoltage * pulse_s;
    return { pulse_s, cell_J: elements * cell_J, driver_J: elements * current * (supply_V - cellVoltage) * pulse_s, supply_V };
  }
  const voltage = (op === 'set' ? cell.setVoltage_V : cell.resetVoltage_V) ?? 0;
  const averageConductance = (1 / cell.resistanceLow_Ohm + 1 / cell.resistanceHigh_Ohm) / 2;
  const cell_J = given ?? voltage * voltage * averageConductance * pulse_s;
  return { pulse_s, cell_J: elements * cell_J, driver_J: 0, supply_V: voltage };
}
