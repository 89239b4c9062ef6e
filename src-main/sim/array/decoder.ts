import type { TechNode } from '../tech/nodes.ts';
import { gateLayout, gateLeakage, MIN_WIDTH_F, stageDelay, type Ramp } from '../tech/devices.ts';
import { driverDelay, outputDriver, type Driver } from './driver.ts';

// Line decoders of a subarray, as NVSim splits them: per line, a NAND of two predecoded signals
// (none when 8 lines or fewer use the predecoder outputs directly) and a driver chain onto the
// line; the predecoders themselves sit outside the subarray (in the mat) and are estimated apart
// (`predecoder`) so SIMD blocks can share them.

export interface LineDecoder {
  readonly lines: number;
  readonly nandInputs: 0 | 2;
  readonly nandN_m: number;
  readonly nandP_m: number;
  readonly nandOutputCap_F: number;
  readonly driver: Driver;
  readonly width_m: number;
  /** Height of the whole column of per-line gates. */
  readonly height_m: number;
  /** One line selected. */
  readonly energy_J: number;
  readonly leakage_W: number;
}

/**
 * Decoder for `lines` outputs, each driving `load_F` through a line of `loadResistance_Ohm`;
 * `minCurrent_A`: current the driver must pass (a write current along the line, 0 for none).
 */
export function lineDecoder(tech: TechNode, lines: number, load_F: number, loadResistance_Ohm: number, minCurrent_A = 0): LineDecoder {
  const f = tech.featureSize_m;
  const nandInputs: 0 | 2 = lines > 8 ? 2 : 0;
  const nandN_m = (nandInputs === 2 ? 2 : 1) * MIN_WIDTH_F * f;
  const nandP_m = tech.pnRatio * MIN_WIDTH_F * f;
  const effort = nandInputs === 2 ? (2 + tech.pnRatio) / (1 + tech.pnRatio) : 1;
  const inputCap = gateLayout(tech, 'inv', 1, nandN_m, nandP_m).inputCap_F;
  const driver = outputDriver(tech, { logicalEffort: effort, inputCap_F: inputCap, load_F, loadResistance_Ohm, minCurrent_A, inverting: true });
  const nand = nandInputs ? gateLayout(tech, 'nand', 2, nandN_m, nandP_m) : undefined;
  const nandCaps = nandInputs ? gateLayout(tech, 'nand', 2, nandN_m, nandP_m, 20) : undefined;
  const nandOutputCap_F = nandCaps?.outputCap_F ?? 0;
  const nandEnergy = nandInputs ? (nandOutputCap_F + driver.stageInputCap_F[0]!) * tech.vdd_V * tech.vdd_V : 0;
  const nandLeak = nandInputs ? gateLeakage(tech, 'nand', 2, nandN_m, nandP_m) * tech.vdd_V : 0;
  return {
    lines,
    nandInputs,
    nandN_m,
    nandP_m,
    nandOutputCap_F,
    driver,
    width_m: (nand?.width_m ?? 0) + driver.width_m,
    height_m: Math.max(nand?.height_m ?? 0, driver.height_m) * lines,
    energy_J: nandEnergy + driver.energy_J,
    leakage_W: (nandLeak + driver.leakage_W) * lines,
  };
}

/** From the predecoded inputs (arriving with slope `rampIn`) to the selected line at half swing. */
export function lineDecoderDelay(tech: TechNode, d: LineDecoder, rampIn_per_s: number): Ramp {
  if (!d.nandInputs) return driverDelay(tech, d.driver, rampIn_per_s);
  const nand = stageDelay(tech, d.nandN_m, d.nandOutputCap_F + d.driver.stageInputCap_F[0]!, rampIn_per_s, 0, d.nandInputs);
  const rest = driverDelay(tech, d.driver, nand.rampOut_per_s);
  return { delay_s: nand.delay_s + rest.delay_s, rampOut_per_s: rest.rampOut_per_s };
}

export interface Predecoder {
  readonly latency_s: number;
  readonly energy_J: number;
  readonly area_m2: number;
  readonly leakage_W: number;
  /** Slope of the predecoded signals, which the line decoder's NANDs see. */
  readonly rampOut_per_s: number;
}

/**
 * The predecoders in front of a line decoder (outside the subarray, in the mat): address bits in
 * groups of up to three, each group a set of NAND gates whose outputs run the height of the array
 * and load one NAND input per line they select. Assumption: a minimum-size NAND per predecoded
 * line driving it through one inverter stage (NVSim builds a fuller block; it is about 5% of a
 * mat's area in NVSim's sample STT-RAM runs).
 */
export function predecoder(tech: TechNode, lines: number, lineLength_m: number, nandInputCap_F: number): Predecoder {
  const f = tech.featureSize_m;
  const bits = Math.max(1, Math.ceil(Math.log2(lines)));
  const groups: number[] = [];
  for (let left = bits; left > 0; left -= 3) groups.push(Math.min(3, left === 4 ? 2 : left));
  const wireC = tech.globalWire.c_F_per_m * lineLength_m;
  const wireR = tech.globalWire.r_Ohm_per_m * lineLength_m;
  const fanout = lines / 2 ** Math.max(...groups);
  const load = wireC + fanout * nandInputCap_F;
  const w = MIN_WIDTH_F * f;
  const gate = gateLayout(tech, 'nand', 3, 3 * w, tech.pnRatio * w);
  const buffer = outputDriver(tech, { logicalEffort: 1, inputCap_F: gate.inputCap_F, load_F: load, loadResistance_Ohm: wireR, minCurrent_A: 0, inverting: false });
  const first = stageDelay(tech, 3 * w, gate.outputCap_F + buffer.stageInputCap_F[0]!, Infinity, 0, 3);
  const rest = driverDelay(tech, buffer, first.rampOut_per_s);
  const outputs = groups.reduce((s, g) => s + 2 ** g, 0);
  return {
    latency_s: first.delay_s + rest.delay_s,
    energy_J: groups.length * (buffer.energy_J + gate.outputCap_F * tech.vdd_V * tech.vdd_V),
    area_m2: outputs * (gate.width_m * gate.height_m + buffer.width_m * buffer.height_m),
    leakage_W: outputs * (buffer.leakage_W + gateLeakage(tech, 'nand', 3, 3 * w, tech.pnRatio * w) * tech.vdd_V),
    rampOut_per_s: rest.rampOut_per_s,
  };
}
