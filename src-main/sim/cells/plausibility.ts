import type { Issue } from '../../shared/result.ts';
import { NUMERIC_SPECS, type CellParams } from './params.ts';
import { boundText } from '../params/read-values.ts';

// Checks on a cell's parameters. Errors are values no device can have; warnings are legal but
// suspicious, each with the reason, so a user sees why before trusting a result built on them.

export interface CellCheck {
  readonly errors: Issue[];
  readonly warnings: Issue[];
}

/** Fields every resistive cell has: an absent one is as impossible as a zero. */
const ALWAYS: ReadonlySet<string> = new Set(['cellArea_F2', 'aspectRatio', 'resistanceLow_Ohm', 'resistanceHigh_Ohm', 'minSenseVoltage_V', 'setPulse_s', 'resetPulse_s']);

/**
 * The bounds of params.ts applied to a cell in SI units (a cell may come from a file, not only from
 * library values). `upperOnly` for an SRAM cell, whose resistive fields are neutral zeros.
 */
function rangeErrors(cell: CellParams, upperOnly = false): Issue[] {
  const errors: Issue[] = [];
  for (const spec of NUMERIC_SPECS) {
    const v = cell[spec.field];
    if (upperOnly) {
      if (v !== undefined && spec.max !== undefined && !(v <= spec.max)) errors.push({ path: spec.key, message: `must be at most ${boundText(spec, spec.max)} (got ${boundText(spec, v)})` });
      continue;
    }
    if (v === undefined && !ALWAYS.has(spec.field)) continue;
    // Written only for a value at fault: every evaluation of a sweep checks its cell.
    const got = (): string => `(got ${v === undefined ? 'nothing' : boundText(spec, v)})`;
    if ((spec.positive === true || ALWAYS.has(spec.field)) && !(v !== undefined && v > 0)) errors.push({ path: spec.key, message: `must be positive ${got()}` });
    else if (spec.min === 0 && !(v! >= 0)) errors.push({ path: spec.key, message: `must not be negative ${got()}` });
    else if (spec.min !== undefined && !(v! >= spec.min)) errors.push({ path: spec.key, message: `must be at least ${boundText(spec, spec.min)} ${got()}` });
    else if (spec.max !== undefined && !(v! <= spec.max)) errors.push({ path: spec.key, message: `must be at most ${boundText(spec, spec.max)} ${got()}` });
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
  if (!(cell.readVoltage_V > 0) && !((cell.readCurrent_A ?? 0) > 0)) errors.push({ path: 'readVoltage', message: 'is needed (or a readCurrent for a current-forced read)' });
  if (cell.readMode === 'current' && !(cell.readVoltage_V > 0)) errors.push({ path: 'readVoltage', message: 'is needed for current sensing (the clamp voltage across the cell)' });
  if (cell.family === 'reram-magic') {
    if (!cell.magicVoltage_V) errors.push({ path: 'magicVoltage', message: 'is needed: the cell computes by MAGIC gates' });
    if (!cell.magicPulse_s) errors.push({ path: 'magicPulse', message: 'is needed: the cell computes by MAGIC gates' });
  }
  return errors;
}

/**
 * Energy one write dissipates in the cell by its drive alone: I^2 R t through the write path
 * (current-driven; the SOT strip when there is one, else the mean of the two states) or V^2 / R_on t
 * (voltage-driven, at the write resistance). The check compares a stated energy with it.
 */
export function driveEnergy(cell: CellParams, op: 'set' | 'reset'): number {
  const pulse = cell[`${op}Pulse_s`];
  const current = cell[`${op}Current_A`];
  if (cell[`${op}Mode`] === 'current' && current) {
    const path = cell.sotChannelResistance_Ohm ?? (cell.resistanceLow_Ohm + cell.resistanceHigh_Ohm) / 2;
    const voltage = cell[`${op}Voltage_V`];
    return voltage ? voltage * current * pulse : current * current * path * pulse;
  }
  const voltage = cell[`${op}Voltage_V`] ?? 0;
  const r = cell.accessType === 'None' ? (cell.resistanceLowWrite_Ohm ?? cell.resistanceLow_Ohm) : cell.resistanceLow_Ohm;
  return ((voltage * voltage) / r) * pulse;
}

const pJ = (x: number): string => `${(x * 1e12).toPrecision(3)} pJ`;

function energyWarnings(cell: CellParams): Issue[] {
  const found: Issue[] = [];
  for (const op of ['set', 'reset'] as const) {
    const given = cell[`${op}Energy_J`];
    const estimate = driveEnergy(cell, op);
    if (given === undefined || !(estimate > 0) || (given <= 10 * estimate && given >= estimate / 10)) continue;
    const drive = cell[`${op}Mode`] === 'current' ? `${op}Current` : `${op}Voltage`;
    found.push({
      path: `${op}Energy`,
      message: `${pJ(given)} is more than 10x from what ${drive} and ${op}Pulse dissipate in the cell (${pJ(estimate)}); the stated energy is used, as NVSim uses it: check ${op}Energy, ${drive}, ${op}Pulse`,
    });
  }
  return found;
}

function timingWarnings(cell: CellParams): Issue[] {
  const found: Issue[] = [];
  const tSwitch = cell.switchingTime_s;
  if (tSwitch === undefined) return found;
  const pulses: [string, number | undefined][] = [
    ['setPulse', cell.setMode === 'voltage' ? cell.setPulse_s : undefined],
    ['resetPulse', cell.resetMode === 'voltage' ? cell.resetPulse_s : undefined],
    ['magicPulse', cell.magicPulse_s],
  ];
  for (const [key, pulse] of pulses) {
    if (pulse !== undefined && tSwitch > pulse) {
      found.push({ path: 'switchingTime', message: `${(tSwitch * 1e9).toPrecision(3)} ns is longer than ${key} (${(pulse * 1e9).toPrecision(3)} ns): the device would not finish switching; check switchingTime and ${key}` });
    }
  }
  return found;
}

function driveWarnings(cell: CellParams): Issue[] {
  const found: Issue[] = [];
  for (const op of ['set', 'reset'] as const) {
    const voltage = cell[`${op}Voltage_V`];
    const current = cell[`${op}Current_A`];
    if (!voltage || !current) continue;
    const through = voltage / cell.resistanceLow_Ohm;
    if (through > current * 1.1) {
      found.push({
        path: `${op}Voltage`,
        message: `${voltage} V across resistanceLow (${(cell.resistanceLow_Ohm / 1e3).toPrecision(3)} kOhm) drives ${(through * 1e6).toPrecision(3)} uA, more than ${op}Current (${(current * 1e6).toPrecision(3)} uA); check ${op}Voltage, ${op}Current and resistanceLow`,
      });
    }
  }
  return found;
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
  if (cell.readVoltage_V > 0 && divider < cell.minSenseVoltage_V) {
    found.push({ path: 'minSenseVoltage', message: `the read signal (about ${(divider * 1e3).toFixed(1)} mV) is below the minimum sense margin` });
  }
  return [...found, ...energyWarnings(cell), ...timingWarnings(cell), ...driveWarnings(cell)];
}

/** An SRAM cell is a latch: only its geometry and access transistors are checked. */
function sramErrors(cell: CellParams): Issue[] {
  const errors: Issue[] = [];
  for (const [key, value] of [['cellArea', cell.cellArea_F2], ['aspectRatio', cell.aspectRatio], ['minSenseVoltage', cell.minSenseVoltage_V], ['accessWidth', cell.accessWidth_F], ['sramNmosWidth', cell.sramNmosWidth_F], ['sramPmosWidth', cell.sramPmosWidth_F]] as const) {
    if (!(typeof value === 'number' && value > 0)) errors.push({ path: key, message: `must be positive (got ${value})` });
  }
  if (cell.accessType !== 'CMOS') errors.push({ path: 'accessType', message: 'must be CMOS for an SRAM cell' });
  if (cell.readMode !== 'voltage') errors.push({ path: 'readMode', message: 'must be voltage: an SRAM cell is sensed by its bit-line pair' });
  return [...errors, ...rangeErrors(cell, true)];
}

export function checkCell(cell: CellParams): CellCheck {
  if (cell.family === 'sram') return { errors: sramErrors(cell), warnings: [] };
  const errors = [...rangeErrors(cell), ...driveErrors(cell)];
  if (cell.resistanceHigh_Ohm <= cell.resistanceLow_Ohm) {
    errors.push({ path: 'resistanceHigh', message: `must be larger than resistanceLow (${cell.resistanceHigh_Ohm} <= ${cell.resistanceLow_Ohm} Ohm)` });
  }
  return { errors, warnings: errors.length ? [] : warnings(cell) };
}
