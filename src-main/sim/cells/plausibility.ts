import type { Issue } from '../../shared/result.ts';
import type { CellParams } from './params.ts';

// Checks on a cell's parameters. Errors are values no device can have; warnings are legal but
// suspicious, each with the reason, so a user sees why before trusting a result built on them.

export interface CellCheck {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

const POSITIVE: readonly (keyof CellParams)[] = [
  'cellArea_F2',
  'aspectRatio',
  'resistanceLow_Ohm',
  'resistanceHigh_Ohm',
  'readVoltage_V',
  'minSenseVoltage_V',
  'setPulse_s',
  'resetPulse_s',
];
const NON_NEGATIVE: readonly (keyof CellParams)[] = [
  'setCurrent_A',
  'resetCurrent_A',
  'setVoltage_V',
  'resetVoltage_V',
  'setEnergy_J',
  'resetEnergy_J',
  'accessWidth_F',
  'writeAccessWidth_F',
  'accessVoltageDrop_V',
  'sotChannelResistance_Ohm',
];

const KEY_OF: Readonly<Record<string, string>> = {
  cellArea_F2: 'cellArea',
  aspectRatio: 'aspectRatio',
  resistanceLow_Ohm: 'resistanceLow',
  resistanceHigh_Ohm: 'resistanceHigh',
  readVoltage_V: 'readVoltage',
  minSenseVoltage_V: 'minSenseVoltage',
  setPulse_s: 'setPulse',
  resetPulse_s: 'resetPulse',
  setCurrent_A: 'setCurrent',
  resetCurrent_A: 'resetCurrent',
  setVoltage_V: 'setVoltage',
  resetVoltage_V: 'resetVoltage',
  setEnergy_J: 'setEnergy',
  resetEnergy_J: 'resetEnergy',
  accessWidth_F: 'accessWidth',
  writeAccessWidth_F: 'writeAccessWidth',
  accessVoltageDrop_V: 'accessVoltageDrop',
  sotChannelResistance_Ohm: 'sotChannelResistance',
};

function rangeErrors(cell: CellParams): Issue[] {
  const errors: Issue[] = [];
  for (const field of POSITIVE) {
    const v = cell[field] as number;
    if (!(v > 0)) errors.push({ path: KEY_OF[field]!, message: `must be positive (got ${v})` });
  }
  for (const field of NON_NEGATIVE) {
    const v = cell[field] as number | undefined;
    if (v !== undefined && !(v >= 0)) errors.push({ path: KEY_OF[field]!, message: `must not be negative (got ${v})` });
  }
  return errors;
}

function driveErrors(cell: CellParams): Issue[] {
  const errors: Issue[] = [];
  for (const op of ['set', 'reset'] as const) {
    const mode = cell[`${op}Mode`];
    if (mode === 'current' && !cell[`${op}Current_A`]) errors.push({ path: `${op}Current`, message: `is needed: the ${op} is current-driven` });
    if (mode === 'voltage' && !cell[`${op}Voltage_V`]) errors.push({ path: `${op}Voltage`, message: `is needed: the ${op} is voltage-driven` });
  }
  if (cell.accessType === 'CMOS' && !cell.accessWidth_F) errors.push({ path: 'accessWidth', message: 'is needed for a CMOS access transistor' });
  return errors;
}

/** Estimated energy of one write from the drive alone: I^2 R t (current) or V^2 / R t (voltage). */
export function driveEnergy(cell: CellParams, op: 'set' | 'reset'): number {
  const r = op === 'set' ? cell.resistanceLow_Ohm : cell.resistanceHigh_Ohm;
  const rAvg = (cell.resistanceLow_Ohm + cell.resistanceHigh_Ohm) / 2;
  const pulse = cell[`${op}Pulse_s`];
  const current = cell[`${op}Current_A`];
  if (cell[`${op}Mode`] === 'current' && current) return current * current * (rAvg + (cell.sotChannelResistance_Ohm ?? 0)) * pulse;
  const voltage = cell[`${op}Voltage_V`] ?? 0;
  return ((voltage * voltage) / r) * pulse;
}

function warnings(cell: CellParams): Issue[] {
  const found: Issue[] = [];
  const widthF = Math.sqrt(cell.cellArea_F2 / cell.aspectRatio);
  for (const key of ['accessWidth', 'writeAccessWidth'] as const) {
    const w = cell[`${key}_F`];
    if (w !== undefined && w > widthF) found.push({ path: key, message: `${w} F is wider than the cell (${widthF.toFixed(1)} F for ${cell.cellArea_F2} F^2 at aspect ratio ${cell.aspectRatio})` });
  }
  const ratio = (cell.resistanceHigh_Ohm - cell.resistanceLow_Ohm) / cell.resistanceLow_Ohm;
  if (cell.family !== 'reram-magic' && ratio < 0.5) found.push({ path: 'resistanceHigh', message: `TMR is ${(ratio * 100).toFixed(0)}%, under 50%: sensing margins will be small` });
  const divider = (cell.readVoltage_V * (cell.resistanceHigh_Ohm - cell.resistanceLow_Ohm)) / (cell.resistanceHigh_Ohm + cell.resistanceLow_Ohm);
  if (divider < cell.minSenseVoltage_V) {
    found.push({ path: 'minSenseVoltage', message: `the read signal (about ${(divider * 1e3).toFixed(1)} mV) is below the minimum sense margin` });
  }
  for (const op of ['set', 'reset'] as const) {
    const given = cell[`${op}Energy_J`];
    const estimate = driveEnergy(cell, op);
    if (given !== undefined && estimate > 0 && (given > 10 * estimate || given < estimate / 10)) {
      found.push({ path: `${op}Energy`, message: `${(given * 1e12).toPrecision(3)} pJ is far from I*V*t = ${(estimate * 1e12).toPrecision(3)} pJ` });
    }
  }
  return found;
}

export function checkCell(cell: CellParams): CellCheck {
  const errors = [...rangeErrors(cell), ...driveErrors(cell)];
  if (cell.resistanceHigh_Ohm <= cell.resistanceLow_Ohm) {
    errors.push({ path: 'resistanceHigh', message: `must be larger than resistanceLow (${cell.resistanceHigh_Ohm} <= ${cell.resistanceLow_Ohm} Ohm)` });
  }
  return { errors, warnings: errors.length ? [] : warnings(cell) };
}
