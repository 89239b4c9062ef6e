import type { TechNode } from '../tech/nodes.ts';
import { gateCap, gateLayout, gateLeakage, MAX_WIDTH_F, MIN_WIDTH_F, stageDelay, type Ramp } from '../tech/devices.ts';

// A chain of inverters driving a large load (a word line, a select line, an enable), sized by
// logical effort for speed with a stage effort near 4, as CACTI and NVSim size their output
// drivers: the number of stages follows the path effort, and its parity the polarity asked for.
// When the load needs a minimum current (a write current through the line), the last stage is
// made at least that wide and the chain is sized back from it.

/** Stage effort the chain aims for (CACTI/NVSim: 4). */
const TARGET_STAGE_EFFORT = 4;
const MAX_STAGES = 20;

export interface DriverSpec {
  /** Logical effort of the gate in front of the chain (1 for an inverter, (2 + pn) / (1 + pn) for a NAND2). */
  readonly logicalEffort: number;
  /** Capacitance at the chain's input. */
  readonly inputCap_F: number;
  /** Load at the end (line plus what hangs on it) and the line's resistance. */
  readonly load_F: number;
  readonly loadResistance_Ohm: number;
  /** Current the last stage must be able to supply (0: none). */
  readonly minCurrent_A: number;
  /** true: an odd number of inverting stages. */
  readonly inverting: boolean;
}

export interface Driver {
  /** NMOS widths per stage, first to last (PMOS = pnRatio x). */
  readonly widthsN_m: readonly number[];
  readonly stageInputCap_F: readonly number[];
  readonly stageOutputCap_F: readonly number[];
  readonly width_m: number;
  readonly height_m: number;
  readonly energy_J: number;
  readonly leakage_W: number;
  readonly load_F: number;
  readonly loadResistance_Ohm: number;
  /** The last stage would need to be wider than the largest device to supply the current asked for; it is sized without it. */
  readonly currentLimited: boolean;
}

function stagesFor(pathEffort: number): number {
  return Math.max(0, Math.floor(Math.log(pathEffort) / Math.log(TARGET_STAGE_EFFORT) + 0.5) - 1);
}

/** Widths sized back from the last stage by a constant stage effort, none below the minimum. */
function sizeBack(tech: TechNode, count: number, last: number, stageEffort: number): number[] {
  const min = MIN_WIDTH_F * tech.featureSize_m;
  const widths = new Array<number>(count).fill(min);
  widths[count - 1] = last;
  for (let i = count - 2; i >= 0; i--) widths[i] = Math.max(min, widths[i + 1]! / stageEffort);
  return widths;
}

function sizeChain(tech: TechNode, spec: DriverSpec): number[] {
  const f = tech.featureSize_m;
  const min = MIN_WIDTH_F * f;
  const max = MAX_WIDTH_F * f;
  // A current no device may supply (NVSim rejects the organisation) is not sized for: the chain is
  // what logical effort gives, and the caller warns (currentLimited).
  const needed = spec.minCurrent_A / tech.ionN_A_per_m;
  const minForCurrent = needed > max ? min : Math.max(min, needed);
  const perWidth = gateCap(tech, 1) * (1 + tech.pnRatio);
  let pathEffort = Math.max(1, (spec.logicalEffort * spec.load_F) / spec.inputCap_F);
  let stages = stagesFor(pathEffort);
  if (stages % 2 === 0 === spec.inverting) stages += 1;
  // A light load asks for no stage at all, but the callers drive through at least one buffer: the
  // smallest non-inverting one is two inverters.
  if (stages === 0) stages = 2;
  stages = Math.min(stages, MAX_STAGES);
  let stageEffort = pathEffort ** (1 / (stages + 1));
  let last = Math.max(min, spec.load_F / stageEffort / perWidth);
  if (last > max) {
    last = max;
    stageEffort = ((spec.logicalEffort * perWidth * max) / spec.inputCap_F) ** (1 / stages);
  }
  if (last >= minForCurrent) return sizeBack(tech, stages, last, stageEffort);
  // The current sets the last stage: size the chain to drive that stage, one stage more.
  pathEffort = Math.max(1, (spec.logicalEffort * perWidth * minForCurrent) / spec.inputCap_F);
  stages = stagesFor(pathEffort);
  if (stages % 2 === 0 !== spec.inverting) stages += 1;
  stages = Math.min(stages, MAX_STAGES);
  return sizeBack(tech, stages + 1, minForCurrent, pathEffort ** (1 / (stages + 1)));
}

export function outputDriver(tech: TechNode, spec: DriverSpec): Driver {
  const widthsN_m = sizeChain(tech, spec);
  const layouts = widthsN_m.map((w) => gateLayout(tech, 'inv', 1, w, w * tech.pnRatio));
  const caps = widthsN_m.map((w) => gateLayout(tech, 'inv', 1, w, w * tech.pnRatio, 20));
  const stageInputCap_F = caps.map((c) => c.inputCap_F);
  const stageOutputCap_F = caps.map((c) => c.outputCap_F);
  let switched = 0;
  for (let i = 0; i < widthsN_m.length; i++) switched += stageOutputCap_F[i]! + (i + 1 < widthsN_m.length ? stageInputCap_F[i + 1]! : spec.load_F);
  return {
    widthsN_m,
    stageInputCap_F,
    stageOutputCap_F,
    width_m: layouts.reduce((s, l) => s + l.width_m, 0),
    height_m: Math.max(...layouts.map((l) => l.height_m)),
    energy_J: switched * tech.vdd_V * tech.vdd_V,
    leakage_W: widthsN_m.reduce((s, w) => s + gateLeakage(tech, 'inv', 1, w, w * tech.pnRatio), 0) * tech.vdd_V,
    load_F: spec.load_F,
    loadResistance_Ohm: spec.loadResistance_Ohm,
    currentLimited: spec.minCurrent_A / tech.ionN_A_per_m > MAX_WIDTH_F * tech.featureSize_m,
  };
}

/** Delay through the chain from an input ramp; the last stage also charges the line through its resistance. */
export function driverDelay(tech: TechNode, d: Driver, rampIn_per_s: number): Ramp {
  let ramp = rampIn_per_s;
  let delay = 0;
  const n = d.widthsN_m.length;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    const load = d.stageOutputCap_F[i]! + (last ? d.load_F : d.stageInputCap_F[i + 1]!);
    const step = stageDelay(tech, d.widthsN_m[i]!, load, ramp, last ? (d.load_F * d.loadResistance_Ohm) / 2 : 0);
    delay += step.delay_s;
    ramp = step.rampOut_per_s;
  }
  return { delay_s: delay, rampOut_per_s: ramp };
}
