import type { TechNode } from './nodes.ts';

// Transistor- and gate-level figures at a node, in the form CACTI and NVSim use (Dong et al., IEEE
// TCAD 2012; CACTI 6.5 technical report): switching resistance, gate and drain capacitances of a
// laid-out gate (with transistor folding when a device is wider than the region it must fit),
// gate area, transconductance and Horowitz's delay of a stage driven by a ramp.

export type Polarity = 'n' | 'p';
export type GateKind = 'inv' | 'nand' | 'nor';

/** Smallest transistor width the periphery uses, in F (CACTI/NVSim). */
export const MIN_WIDTH_F = 1.5;
/** Widest transistor a driver may use, in F (NVSim's default MaxNmosSize). */
export const MAX_WIDTH_F = 100;
/** Height of the diffusion region gates are laid out in, in F: 40 F for area, 20 F for capacitance (NVSim). */
export const LAYOUT_REGION_F = 40;
export const CAP_REGION_F = 20;

// Layout rules in F (CACTI): gap between p and n diffusion 2, between polys 1.5, contact to poly
// 0.75, contact 1, power rail 2. A contact plus its two poly gaps is one "contact pitch".
const GAP_P_N = 2;
const GAP_POLY = 1.5;
const CONTACT_PITCH = 1 + 2 * 0.75;
const POWER_RAIL = 2;
/** Each fold of a folded transistor costs 3 F of its region height (contacts at both ends). */
const FOLD_OVERHEAD = 3;

export function onResistance(tech: TechNode, width_m: number, type: Polarity = 'n'): number {
  const ion = type === 'n' ? tech.ionN_A_per_m : tech.ionP_A_per_m;
  return (tech.effectiveResistanceFactor * tech.vdd_V) / (ion * width_m);
}

export function gateCap(tech: TechNode, width_m: number): number {
  return tech.gateCap_F_per_m * width_m;
}

/** Small-signal transconductance in saturation: mu Cox / 2 (W / L) min(Vdsat, Vdd - Vth). */
export function transconductance(tech: TechNode, width_m: number, type: Polarity): number {
  const mobility = type === 'n' ? tech.electronMobility_m2_per_Vs : tech.holeMobility_m2_per_Vs;
  const vdsat = type === 'n' ? tech.vdsatN_V : tech.vdsatP_V;
  return ((mobility * tech.oxideCap_F_per_m2) / 2) * (width_m / tech.gateLength_m) * Math.min(vdsat, tech.vdd_V - tech.vth_V);
}

export interface Ramp {
  readonly delay_s: number;
  /** Slope of the output, normalised (1/s), to feed the next stage. */
  readonly rampOut_per_s: number;
}

/**
 * Horowitz's delay of a stage with time constant `tau` driven by an input ramp (slope `rampIn`,
 * normalised), switching at half swing; `beta` = 1 / (R gm) of the driving device. A step input
 * (rampIn = Infinity) gives ln 2 * tau.
 */
export function horowitz(tau_s: number, beta: number, rampIn_per_s: number): Ramp {
  const alpha = 1 / (rampIn_per_s * tau_s);
  const delay_s = tau_s * Math.sqrt(Math.LN2 * Math.LN2 + alpha * beta);
  return { delay_s, rampOut_per_s: 0.5 / delay_s };
}

/** A stage of NMOS `width_m` pulling down `load_F` (plus a wire delay term), as Horowitz sees it. */
export function stageDelay(tech: TechNode, width_m: number, load_F: number, rampIn_per_s: number, extraTau_s = 0, seriesDevices = 1): Ramp {
  const r = onResistance(tech, width_m) * seriesDevices;
  return horowitz(r * load_F + extraTau_s, 1 / (r * transconductance(tech, width_m, 'n')), rampIn_per_s);
}

interface Folded {
  /** Width the device takes along the gate row (poly pitch and folds). */
  readonly unit_m: number;
  /** Extra drain width of the folds, for capacitance. */
  readonly foldDrain_m: number;
  /** Height it takes in the diffusion region. */
  readonly height_m: number;
  readonly folds: number;
}

function fold(tech: TechNode, width_m: number, maxHeight_m: number): Folded {
  const f = tech.featureSize_m;
  if (width_m <= 0) return { unit_m: 0, foldDrain_m: 0, height_m: 0, folds: 1 };
  if (width_m < maxHeight_m) return { unit_m: f, foldDrain_m: 0, height_m: width_m, folds: 1 };
  // A region barely taller than the fold overhead takes many folds (NVSim refuses under 3 F; a
  // quarter F per fold is kept here so such a cell is costed, and warned about, not refused).
  const folds = Math.ceil(width_m / Math.max(maxHeight_m - FOLD_OVERHEAD * f, 0.25 * f));
  return { unit_m: folds * f + (folds - 1) * GAP_POLY * f, foldDrain_m: (folds - 1) * GAP_POLY * f, height_m: maxHeight_m, folds };
}

/** The heights an NMOS and a PMOS may take in a region, split in proportion to their widths. */
function regionSplit(tech: TechNode, wN: number, wP: number, region_m: number): { maxN: number; maxP: number } {
  if (wP <= 0) return { maxN: region_m, maxP: 0 };
  if (wN <= 0) return { maxN: 0, maxP: region_m };
  const share = wP / (wP + wN);
  const usable = region_m - GAP_P_N * tech.featureSize_m;
  return { maxN: (1 - share) * usable, maxP: share * usable };
}

export interface GateLayout {
  readonly width_m: number;
  readonly height_m: number;
  readonly inputCap_F: number;
  readonly outputCap_F: number;
}

/**
 * A static CMOS gate (or a lone transistor when one width is 0) laid out in a region of height
 * `regionF` F: its footprint and its input and output (drain) capacitances. Series stacks share
 * diffusion between devices; parallel ones each bring a contacted drain.
 */
export function gateLayout(tech: TechNode, kind: GateKind, inputs: number, wN: number, wP: number, regionF = LAYOUT_REGION_F): GateLayout {
  const f = tech.featureSize_m;
  const { maxN, maxP } = regionSplit(tech, wN, wP, regionF * f);
  const n = fold(tech, wN, maxN);
  const p = fold(tech, wP, maxP);
  const contact = CONTACT_PITCH * f;
  const stackWidth = (d: Folded): number => 2 * contact + d.unit_m * inputs + (inputs - 1) * GAP_POLY * f;
  const parallelWidth = (d: Folded): number => 2 * contact + d.unit_m * inputs + (inputs - 1) * contact;
  const seriesN = kind === 'nand';
  const seriesP = kind === 'nor';
  const widthN = wN > 0 ? (kind === 'inv' ? 2 * contact + n.unit_m : seriesN ? stackWidth(n) : parallelWidth(n)) : 0;
  const widthP = wP > 0 ? (kind === 'inv' ? 2 * contact + p.unit_m : seriesP ? stackWidth(p) : parallelWidth(p)) : 0;
  const height_m = wN > 0 && wP > 0 ? n.height_m + p.height_m + GAP_P_N * f + 2 * POWER_RAIL * f : n.height_m + p.height_m;
  // Drain capacitance at the output: the series stack shows one drain, parallel devices one each.
  const capRegion = regionSplit(tech, wN, wP, CAP_REGION_F * f);
  const nc = fold(tech, wN, capRegion.maxN);
  const pc = fold(tech, wP, capRegion.maxP);
  const drainWidth = (d: Folded, series: boolean): number =>
    kind === 'inv' ? contact + d.foldDrain_m : series ? contact + d.foldDrain_m * inputs + (inputs - 1) * GAP_POLY * f : (contact + d.foldDrain_m) * inputs;
  const drain = (d: Folded, series: boolean, present: boolean): number => (present ? drainCapOf(tech, drainWidth(d, series), d) : 0);
  return {
    width_m: Math.max(widthN, widthP),
    height_m,
    inputCap_F: gateCap(tech, wN) + gateCap(tech, wP),
    outputCap_F: drain(nc, seriesN, wN > 0) + drain(pc, seriesP, wP > 0),
  };
}

function drainCapOf(tech: TechNode, drainWidth_m: number, d: Folded): number {
  const bottom = drainWidth_m * d.height_m * tech.junctionCap_F_per_m2;
  const sidewall = (d.folds % 2 === 0 ? 2 * drainWidth_m : 2 * drainWidth_m + d.height_m) * tech.sidewallCap_F_per_m;
  return bottom + sidewall + d.folds * d.height_m * tech.drainToChannelCap_F_per_m;
}

/** Drain capacitance of one transistor of `width_m` laid out in a region `regionHeight_m` high. */
export function drainCap(tech: TechNode, width_m: number, type: Polarity, regionHeight_m: number): number {
  const d = fold(tech, width_m, regionHeight_m);
  return drainCapOf(tech, CONTACT_PITCH * tech.featureSize_m + d.foldDrain_m, d);
}

/** Subthreshold leakage current of a gate in its worst input state (NVSim's stack factors for NAND2/3, NOR2/3). */
export function gateLeakage(tech: TechNode, kind: GateKind, inputs: number, wN: number, wP: number): number {
  const off = tech.ioffN_A_per_m;
  if (kind === 'inv') return Math.max(wN * off, wP * off);
  const stack = kind === 'nand' ? (inputs === 2 ? 0.48 : 0.31) : inputs === 2 ? 0.95 : 0.62;
  return stack * (kind === 'nand' ? wP : wN) * off * inputs;
}
