import type { CellParams } from './params.ts';

// Energy of a resistive device switching under a voltage, from its two resistances and its
// switching time (Kvatinsky et al., VTEAM, IEEE TCAS-II 2015; MAGIC, IEEE TCAS-II 2014).
//
// While a device switches its resistance moves from one state to the other. The conductance it
// averages over the switch lies between two bounds: resistance changing linearly in time gives
// ln(Roff/Ron) / (Roff - Ron); changing exponentially (linearly in ln R) gives (1/Ron - 1/Roff) /
// ln(Roff/Ron). Assumption: their geometric mean, 1 / sqrt(Ron Roff), which reproduces a VTEAM
// circuit sweep at 10 kOhm / 10 MOhm within about 20% (test/sim/cells/switching.test.ts). Once
// switched, the device conducts at its new state for the rest of the pulse; a device already in
// the target state conducts at that state for the whole pulse. Data are random: each prior state
// has probability one half.

function switchingResistance(cell: CellParams): number {
  return Math.sqrt(cell.resistanceLow_Ohm * cell.resistanceHigh_Ohm);
}

/** Energy of driving `v` across a path of `rSeries` plus a device that switches from `rFrom` to `rTo` within the pulse. */
function switchEnergy(cell: CellParams, v: number, rSeries: number, rTo: number, pulse_s: number): number {
  const tSwitch = Math.min(pulse_s, cell.switchingTime_s ?? pulse_s);
  return (v * v * tSwitch) / (rSeries + switchingResistance(cell)) + (v * v * (pulse_s - tSwitch)) / (rSeries + rTo);
}

/** A voltage-driven set (to low resistance) or reset of one device with random prior state. */
export function voltageWriteEnergy(cell: CellParams, op: 'set' | 'reset', v: number, pulse_s: number): number {
  const target = op === 'set' ? cell.resistanceLow_Ohm : cell.resistanceHigh_Ohm;
  const switching = switchEnergy(cell, v, 0, target, pulse_s);
  const staying = (v * v * pulse_s) / target;
  return (switching + staying) / 2;
}

/**
 * One MAGIC NOR (NOT for one input) per lane: V0 across the inputs in parallel and the output,
 * initialised to low resistance, in series. If any input is on, the output sees about half of V0
 * and switches off; if none is, only the off inputs' small current flows. Averaged over the 2^n
 * input combinations of random data.
 */
export function magicGateEnergy(cell: CellParams, inputs: number): number {
  const v0 = cell.magicVoltage_V ?? 0;
  const pulse = cell.magicPulse_s ?? cell.resetPulse_s;
  const ron = cell.resistanceLow_Ohm;
  const roff = cell.resistanceHigh_Ohm;
  let total = 0;
  for (let on = 0; on <= inputs; on++) {
    const ways = binomial(inputs, on);
    const conductance = on / ron + (inputs - on) / roff;
    const rInputs = 1 / conductance;
    total += ways * (on > 0 ? switchEnergy(cell, v0, rInputs, roff, pulse) : (v0 * v0 * pulse) / (rInputs + ron));
  }
  return total / 2 ** inputs;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - i + 1)) / i;
  return r;
}
