import { dividerResistance, readAccessResistance } from '../cells/electrical.ts';
import { horowitz, onResistance, transconductance } from '../tech/devices.ts';
import { ArrayInputError, type Periphery } from './periphery.ts';

// How a bit line develops the signal its sense amplifier resolves, and what that costs, as NVSim
// models it (SubArray.cpp):
// - current sensing (Lee et al., ICCAD 2009): the clamped line settles through its own RC, the
//   cell only shaping the time constant; the line swings little, so it costs little;
// - voltage sensing: the precharged line moves through the cell toward its divider level until it
//   is the minimum sense voltage away from the reference. A high-resistance cell charges the line
//   slowly (a 10 MOhm state takes nanoseconds), so reads of memristors are slow.
// `activeRows` cells in parallel (multi-row sensing) divide the cell resistances.

export interface BitLineSignal {
  readonly delay_s: number;
  /** Energy of one bit line (all columns are charged, sensed or not). */
  readonly energy_J: number;
}

function log(numerator: number, denominator: number): number {
  return denominator > 0 ? Math.log(numerator / denominator) : Infinity;
}

/**
 * SRAM (NVSim, after CACTI): the bit-line pair is precharged to Vdd / 2 and the cell pulls one side
 * down through its access and pull-down transistors; half the sense voltage on each side suffices.
 */
function sramSignal(p: Periphery): BitLineSignal {
  const { cell, tech, geo, columnMux } = p;
  const f = tech.featureSize_m;
  const access = readAccessResistance(cell, tech);
  const pullDown = onResistance(tech, (cell.sramNmosWidth_F ?? 2.08) * f);
  const vPre = tech.vdd_V / 2;
  const load = geo.accessCap_F + geo.bitLine.c_F + columnMux.delayLoad_F;
  const tau = ((access + pullDown) * load + geo.bitLine.r_Ohm * (columnMux.delayLoad_F + geo.bitLine.c_F / 2)) * Math.log(vPre / (vPre - cell.minSenseVoltage_V / 2));
  const beta = 1 / (pullDown * transconductance(tech, (cell.accessWidth_F ?? 0) * f, 'n'));
  return {
    delay_s: horowitz(tau, beta, p.rowDecoderRamp_per_s).delay_s,
    energy_J: (geo.accessCap_F + geo.bitLine.c_F + columnMux.passCap_F) * vPre * vPre,
  };
}

export function bitLineSignal(p: Periphery, activeRows: number): BitLineSignal {
  const { cell, tech, geo, columnMux } = p;
  if (cell.family === 'sram') return sramSignal(p);
  const swing = cell.minSenseVoltage_V;
  const access = readAccessResistance(cell, tech);
  const rOn = (cell.resistanceLow_Ohm + access) / activeRows;
  const rOff = (cell.resistanceHigh_Ohm + access) / activeRows;
  const rLine = geo.bitLine.r_Ohm;
  const cLine = geo.bitLine.c_F;
  if (cell.readMode === 'current') {
    const tau = ((rLine * cLine) / 2) * ((rOff + rLine / 3) / (rOff + rLine));
    const rMux = columnMux.passResistance_Ohm;
    const vMin = (cell.readVoltage_V * rMux) / (rMux + rLine + rOn);
    const vMax = (cell.readVoltage_V * (rMux + rLine)) / (rMux + rLine + rOn);
    const energy_J = geo.accessCap_F * vMax * vMax + columnMux.passCap_F * vMin * vMin + (cLine * (vMax * vMax + vMin * vMin + vMax * vMin)) / 3;
    return { delay_s: horowitz(tau, 0, Infinity).delay_s, energy_J };
  }
  let vOn: number;
  let vOff: number;
  let reqOn: number;
  let reqOff: number;
  if (!cell.readVoltage_V) {
    const current = cell.readCurrent_A ?? 0;
    vOn = current * rOn;
    vOff = current * rOff;
    reqOn = rOn;
    reqOff = rOff;
  } else {
    const rSeries = dividerResistance(cell, tech) / activeRows;
    vOn = (cell.readVoltage_V * rOn) / (rOn + rSeries);
    vOff = (cell.readVoltage_V * rOff) / (rOff + rSeries);
    reqOn = (rOn * rSeries) / (rOn + rSeries);
    reqOff = (rOff * rSeries) / (rOff + rSeries);
  }
  const vPre = Math.min(tech.vdd_V, (vOn + vOff) / 2);
  if (vPre - vOn <= swing) {
    throw new ArrayInputError(
      `the read signal (${((vPre - vOn) * 1e3).toFixed(1)} mV between the low state and the reference) is not above the minimum sense voltage (${(swing * 1e3).toFixed(1)} mV): no precharge level can be sensed`,
      'cell',
    );
  }
  const load = geo.accessCap_F + cLine + columnMux.delayLoad_F;
  const wire = rLine * (columnMux.delayLoad_F + cLine / 2);
  const delayOn = (reqOn * load + wire) * log(vPre - vOn, vPre - vOn - swing);
  const delayOff = (reqOff * load + wire) * log(vOff - vPre, vOff - vPre - swing);
  if (!Number.isFinite(delayOff)) {
    throw new ArrayInputError(
      `the read signal of the high state (${((vOff - vPre) * 1e3).toFixed(1)} mV above the reference) is not above the minimum sense voltage (${(swing * 1e3).toFixed(1)} mV)`,
      'cell',
    );
  }
  return { delay_s: Math.max(delayOn, delayOff), energy_J: (geo.accessCap_F + cLine + columnMux.passCap_F) * (vPre * vPre - vOn * vOn) };
}
