import type { TechNode } from '../tech/nodes.ts';
import { onResistance } from '../tech/devices.ts';
import type { CellParams } from './params.ts';
import { voltageWriteEnergy } from './switching.ts';

// Electrical behaviour of one cell at a node, accounted as NVSim accounts it (Dong et al., IEEE
// TCAD 2012; MemCell.cpp and SubArray.cpp of its public source):
// - a write's cell energy is the stated -SetEnergy / -ResetEnergy when the cell gives one;
// - otherwise a current-driven write draws I from the supply for the pulse: V x I x t, with V the
//   stated write voltage or Vdd;
// - a voltage-driven write is worst-cased at the low resistance for the whole pulse:
//   V (V - V_access) / R_on x t;
// - a read draws ReadPower (stated, or Vdd x the read current) while the amplifier senses.
// When the cell gives its switching time, a voltage-driven write is costed from the switching
// instead (switching.ts): that is how circuit-level data are reproduced.

/** How NVSim treats the cell: MRAM (STT, SOT), memristor (ReRAM), PCRAM or SRAM. */
export type MemoryKind = 'MRAM' | 'memristor' | 'PCRAM' | 'SRAM';

export function memoryKind(cell: CellParams): MemoryKind {
  if (cell.family === 'sram') return 'SRAM';
  if (cell.family === 'reram-magic' || cell.family === 'reram') return 'memristor';
  if (cell.family === 'pcram') return 'PCRAM';
  return 'MRAM';
}

/** Storage elements per stored bit: the complementary cell holds the bit and its complement. */
export function storageElementsPerBit(cell: CellParams): number {
  return cell.family === 'sot-mram-2t2mtj' ? 2 : 1;
}

/** PCRAM write pulses come from a shaping circuit NVSim takes as 20% efficient; other cells 100%. */
export function writeCircuitEfficiency(cell: CellParams): number {
  return memoryKind(cell) === 'PCRAM' ? 0.2 : 1;
}

export function readAccessResistance(cell: CellParams, tech: TechNode): number {
  if (cell.accessType !== 'CMOS' || !cell.accessWidth_F) return 0;
  return onResistance(tech, cell.accessWidth_F * tech.featureSize_m);
}

export function writeAccessResistance(cell: CellParams, tech: TechNode): number {
  const width_F = cell.writeAccessWidth_F ?? cell.accessWidth_F;
  if (cell.accessType !== 'CMOS' || !width_F) return 0;
  return onResistance(tech, width_F * tech.featureSize_m);
}

/** Resistance a cell of low resistance shows while written (bias-dependent for cross-point memristors). */
export function writeResistanceLow(cell: CellParams): number {
  return cell.accessType === 'None' ? (cell.resistanceLowWrite_Ohm ?? cell.resistanceLow_Ohm) : cell.resistanceLow_Ohm;
}

/** The series resistor a voltage-divider read puts against the cell: the geometric mean of its two states (NVSim). */
export function dividerResistance(cell: CellParams, tech: TechNode): number {
  const access = readAccessResistance(cell, tech);
  return Math.sqrt((cell.resistanceLow_Ohm + access) * (cell.resistanceHigh_Ohm + access));
}

/** Power a cell draws while being read: stated, or Vdd times the largest read current (NVSim). */
export function readPower(cell: CellParams, tech: TechNode): number {
  if (cell.readPower_W !== undefined) return cell.readPower_W;
  const vdd = tech.vdd_V;
  if (cell.readMode === 'voltage' && !cell.readVoltage_V) return vdd * (cell.readCurrent_A ?? 0);
  const v = Math.max(0, cell.readVoltage_V - cell.accessVoltageDrop_V);
  if (cell.readMode === 'voltage') return (vdd * v) / (cell.resistanceLow_Ohm + Math.sqrt(cell.resistanceLow_Ohm * cell.resistanceHigh_Ohm));
  return (vdd * v) / cell.resistanceLow_Ohm;
}

export interface BitWrite {
  readonly pulse_s: number;
  /** Energy of the storage element(s) of one bit, as drawn from the write supply. */
  readonly cell_J: number;
  /** Voltage the written line is charged to: the write voltage when voltage-driven, Vdd when current-driven. */
  readonly lineVoltage_V: number;
  /** Voltage a current-driven write needs across driver, access device and cell (for warnings). */
  readonly neededVoltage_V: number;
  /** Where cell_J comes from, for the breakdown's notes. */
  readonly basis: 'stated' | 'current-drive' | 'voltage-worst-case' | 'switching';
}

/** Resistance a current-driven write passes: the SOT strip, or the MTJ / device itself (mean of its states). */
function writePathResistance(cell: CellParams): number {
  return cell.sotChannelResistance_Ohm ?? (cell.resistanceLow_Ohm + cell.resistanceHigh_Ohm) / 2;
}

export function bitWrite(cell: CellParams, tech: TechNode, op: 'set' | 'reset'): BitWrite {
  const pulse_s = op === 'set' ? cell.setPulse_s : cell.resetPulse_s;
  const stated = op === 'set' ? cell.setEnergy_J : cell.resetEnergy_J;
  const voltage = (op === 'set' ? cell.setVoltage_V : cell.resetVoltage_V) ?? 0;
  const elements = storageElementsPerBit(cell);
  if ((op === 'set' ? cell.setMode : cell.resetMode) === 'current') {
    const current = (op === 'set' ? cell.setCurrent_A : cell.resetCurrent_A) ?? 0;
    const neededVoltage_V = current * (writePathResistance(cell) + writeAccessResistance(cell, tech)) + cell.accessVoltageDrop_V;
    const drawn = (voltage || tech.vdd_V) * current * pulse_s;
    return { pulse_s, cell_J: elements * (stated ?? drawn), lineVoltage_V: tech.vdd_V, neededVoltage_V, basis: stated !== undefined ? 'stated' : 'current-drive' };
  }
  const base = { pulse_s, lineVoltage_V: voltage, neededVoltage_V: voltage };
  if (stated !== undefined) return { ...base, cell_J: elements * stated, basis: 'stated' };
  if (cell.switchingTime_s !== undefined) return { ...base, cell_J: elements * voltageWriteEnergy(cell, op, voltage, pulse_s), basis: 'switching' };
  const drop = Math.max(0, voltage - cell.accessVoltageDrop_V);
  return { ...base, cell_J: (elements * voltage * drop * pulse_s) / writeResistanceLow(cell), basis: 'voltage-worst-case' };
}
