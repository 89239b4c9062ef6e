import type { TechNode } from '../tech/nodes.ts';
import { drainCap, gateCap, gateLayout, gateLeakage, LAYOUT_REGION_F, MIN_WIDTH_F, onResistance, stageDelay, transconductance, horowitz } from '../tech/devices.ts';
import { driverDelay, outputDriver, type Driver } from './driver.ts';

// Bit-line precharge and equalisation (CACTI/NVSim): per column two 6 F PMOS pull-ups and a
// minimum PMOS equaliser, gated through a minimum inverter; one enable driver along the row. Only
// reads precharge; the bit lines' own charge is counted with the lines, not here.

const PRECHARGE_WIDTH_F = 6;

export interface Precharger {
  readonly width_m: number;
  readonly height_m: number;
  readonly readEnergy_J: number;
  readonly leakage_W: number;
  readonly latency_s: number;
}

export function precharger(tech: TechNode, columns: number, cellWidth_m: number, bitLine: { r_Ohm: number; c_F: number }, voltage_V: number): Precharger {
  const f = tech.featureSize_m;
  const region = LAYOUT_REGION_F * f;
  const invN = MIN_WIDTH_F * f;
  const invP = tech.pnRatio * invN;
  const pre = PRECHARGE_WIDTH_F * f;
  const eq = MIN_WIDTH_F * f;
  const inverterInput = gateCap(tech, invN) + gateCap(tech, invP);
  const perColumnLoad = inverterInput + cellWidth_m * tech.localWire.c_F_per_m;
  const enable: Driver = outputDriver(tech, {
    logicalEffort: 1,
    inputCap_F: inverterInput,
    load_F: columns * perColumnLoad,
    loadResistance_Ohm: 0,
    minCurrent_A: 0,
    inverting: true,
  });
  // What each column's inverter switches: the gates of the three PMOS and its own drains.
  const gateLoad = gateCap(tech, eq) + 2 * gateCap(tech, pre) + drainCap(tech, invN, 'n', region) + drainCap(tech, invP, 'p', region);
  const pullUps = gateLayout(tech, 'inv', 1, 0, pre);
  const equaliser = gateLayout(tech, 'inv', 1, 0, eq);
  const inverter = gateLayout(tech, 'inv', 1, invN, invP);
  const outputCap = drainCap(tech, pre, 'p', region) + drainCap(tech, eq, 'p', region);
  const enableRamp = driverDelay(tech, enable, Infinity);
  const gateStep = stageDelay(tech, invN, gateLoad, enableRamp.rampOut_per_s);
  const rUp = onResistance(tech, pre, 'p');
  const charge = horowitz(rUp * (bitLine.c_F + outputCap) + (bitLine.r_Ohm * bitLine.c_F) / 2, 1 / (rUp * transconductance(tech, pre, 'p')), gateStep.rampOut_per_s);
  return {
    width_m: Math.max(columns * Math.max(2 * pullUps.width_m + equaliser.width_m, inverter.width_m), enable.width_m),
    height_m: Math.max(Math.max(pullUps.height_m, equaliser.height_m) + inverter.height_m, enable.height_m),
    readEnergy_J: enable.energy_J + gateLoad * tech.vdd_V * tech.vdd_V * columns,
    leakage_W:
      enable.leakage_W +
      columns * (tech.vdd_V * gateLeakage(tech, 'inv', 1, invN, invP) + voltage_V * gateLeakage(tech, 'inv', 1, 0, pre)),
    latency_s: charge.delay_s,
  };
}
