import type { CellParams } from '../cells/params.ts';
import { normalCdf } from './normal.ts';
import type { CellVariation } from './variation.ts';

// A write fails when the device is slower than the pulse: its switching time is lognormal from
// device to device around the cell's median under its write drive. A cell already in the target
// state does not switch and cannot fail. With random data and random prior state, a write
// switches a set a quarter of the time and a reset a quarter of the time; a preset (to 1, a set)
// switches half the time.

/** P(t > pulse) for ln t ~ N(ln median, sigma). */
export function slowerThanPulse(median_s: number, sigma: number, pulse_s: number): number {
  const margin = Math.log(pulse_s / median_s);
  if (sigma > 0) return normalCdf(-margin / sigma);
  return margin < 0 ? 1 : 0;
}

export interface WriteFailure {
  readonly probability: number;
  readonly basis: string;
}

function operationFailure(cell: CellParams, variation: CellVariation, op: 'set' | 'reset'): number | undefined {
  const median = op === 'set' ? variation.setSwitchingTime_s : variation.resetSwitchingTime_s;
  if (median === undefined) return undefined;
  return slowerThanPulse(median, variation.switchingTimeSigma, op === 'set' ? cell.setPulse_s : cell.resetPulse_s);
}

export function writeFailure(cell: CellParams, variation: CellVariation, constant: boolean): WriteFailure {
  const set = operationFailure(cell, variation, 'set');
  const reset = constant ? 0 : operationFailure(cell, variation, 'reset');
  const lacking = [set === undefined ? 'set' : '', reset === undefined ? 'reset' : ''].filter(Boolean);
  if (lacking.length === (constant ? 1 : 2)) return { probability: 0, basis: `not modelled: the cell gives no switching time for ${lacking.join(' or ')}` };
  const sigma = `sigma of ln t ${variation.switchingTimeSigma}`;
  const basis = constant
    ? `a set (half of random prior states) slower than the ${Number((cell.setPulse_s * 1e9).toPrecision(3))} ns pulse, lognormal switching time (${sigma})`
    : `a set or reset (a quarter of random data each) slower than its pulse, lognormal switching time (${sigma})`;
  const left = lacking.length ? `; not modelled: the cell gives no switching time for ${lacking.join(' or ')}` : '';
  const probability = constant ? (set ?? 0) / 2 : ((set ?? 0) + (reset ?? 0)) / 4;
  return { probability, basis: basis + left };
}
