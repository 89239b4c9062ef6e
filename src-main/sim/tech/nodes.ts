// CMOS technology nodes the array model is built on (high-performance logic devices).
//
// Transistor figures are the ITRS high-performance roadmap values as compiled by MASTAR and
// tabulated in CACTI 6.5 and NVSim (Dong et al., IEEE TCAD 2012), rounded; 28 nm, which those
// tables lack, is interpolated between 32 and 22 nm. Wires follow the ITRS 2007/2011 interconnect
// tables for copper with size effects (local = M1 pitch, global = semi-global), rounded to +-30%.
// The current-mode sense amplifier is NVSim's HSPICE characterisation of its I-V converter plus
// latch (delay, energy per sense) and its default converter area of 50,000 F^2; NVSim itself marks
// that area as design dependent, and it dominates the periphery of a subarray with one sense
// amplifier per column, so it is exposed as a parameter of the node, not hidden in formulas.

export interface WireRC {
  readonly r_Ohm_per_m: number;
  readonly c_F_per_m: number;
}

export interface TechNode {
  readonly node_nm: number;
  readonly featureSize_m: number;
  readonly vdd_V: number;
  readonly vth_V: number;
  /** Saturation on-current per metre of gate width at 350 K. */
  readonly ionN_A_per_m: number;
  readonly ionP_A_per_m: number;
  /** Subthreshold leakage per metre of gate width at 350 K. */
  readonly ioffN_A_per_m: number;
  /** Gate capacitance (ideal + fringe) per metre of width. */
  readonly gateCap_F_per_m: number;
  /** Drain junction and overlap capacitance per metre of width. */
  readonly drainCap_F_per_m: number;
  readonly localWire: WireRC;
  readonly globalWire: WireRC;
  /** Ratio of the effective switching resistance to Vdd/Ion (CACTI's "effective resistance multiplier"). */
  readonly effectiveResistanceFactor: number;
  readonly currentSenseAmp: { readonly latency_s: number; readonly energy_J: number; readonly area_F2: number };
}

const CURRENT_SA_AREA_F2 = 50_000;

export const TECH_NODES: Readonly<Record<number, TechNode>> = {
  45: {
    node_nm: 45,
    featureSize_m: 45e-9,
    vdd_V: 1.0,
    vth_V: 0.18,
    ionN_A_per_m: 1400,
    ionP_A_per_m: 700,
    ioffN_A_per_m: 0.1,
    gateCap_F_per_m: 1.0e-9,
    drainCap_F_per_m: 0.8e-9,
    localWire: { r_Ohm_per_m: 4.5e6, c_F_per_m: 0.2e-9 },
    globalWire: { r_Ohm_per_m: 0.35e6, c_F_per_m: 0.25e-9 },
    effectiveResistanceFactor: 1.5,
    currentSenseAmp: { latency_s: 0.8e-9, energy_J: 0.1026e-12, area_F2: CURRENT_SA_AREA_F2 },
  },
  32: {
    node_nm: 32,
    featureSize_m: 32e-9,
    vdd_V: 0.9,
    vth_V: 0.15,
    ionN_A_per_m: 1700,
    ionP_A_per_m: 850,
    ioffN_A_per_m: 0.15,
    gateCap_F_per_m: 0.8e-9,
    drainCap_F_per_m: 0.7e-9,
    localWire: { r_Ohm_per_m: 9.5e6, c_F_per_m: 0.2e-9 },
    globalWire: { r_Ohm_per_m: 0.7e6, c_F_per_m: 0.25e-9 },
    effectiveResistanceFactor: 1.5,
    currentSenseAmp: { latency_s: 1.07e-9, energy_J: 0.1256e-12, area_F2: CURRENT_SA_AREA_F2 },
  },
  28: {
    node_nm: 28,
    featureSize_m: 28e-9,
    vdd_V: 0.9,
    vth_V: 0.14,
    ionN_A_per_m: 1800,
    ionP_A_per_m: 900,
    ioffN_A_per_m: 0.17,
    gateCap_F_per_m: 0.7e-9,
    drainCap_F_per_m: 0.6e-9,
    localWire: { r_Ohm_per_m: 13e6, c_F_per_m: 0.2e-9 },
    globalWire: { r_Ohm_per_m: 0.9e6, c_F_per_m: 0.25e-9 },
    effectiveResistanceFactor: 1.5,
    currentSenseAmp: { latency_s: 1.23e-9, energy_J: 0.137e-12, area_F2: CURRENT_SA_AREA_F2 },
  },
  22: {
    node_nm: 22,
    featureSize_m: 22e-9,
    vdd_V: 0.85,
    vth_V: 0.13,
    ionN_A_per_m: 1900,
    ionP_A_per_m: 950,
    ioffN_A_per_m: 0.2,
    gateCap_F_per_m: 0.55e-9,
    drainCap_F_per_m: 0.5e-9,
    localWire: { r_Ohm_per_m: 20e6, c_F_per_m: 0.2e-9 },
    globalWire: { r_Ohm_per_m: 1.4e6, c_F_per_m: 0.25e-9 },
    effectiveResistanceFactor: 1.5,
    currentSenseAmp: { latency_s: 1.45e-9, energy_J: 0.15e-12, area_F2: CURRENT_SA_AREA_F2 },
  },
};

export const SUPPORTED_NODES_NM: readonly number[] = Object.keys(TECH_NODES)
  .map(Number)
  .sort((a, b) => b - a);

export class UnsupportedNodeError extends Error {
  override readonly name = 'UnsupportedNodeError';
}

export function techNode(node_nm: number): TechNode {
  const tech = TECH_NODES[node_nm];
  if (!tech) throw new UnsupportedNodeError(`no technology node ${node_nm} nm; supported: ${SUPPORTED_NODES_NM.join(', ')} nm`);
  return tech;
}
