import { wireRC, type WireRC } from './wires.ts';

// CMOS technology nodes the array model is built on: high-performance (HP) logic devices at 350 K,
// the operating point NVSim (Dong, Xu, Xie, Jouppi, IEEE TCAD 2012) and CACTI assume for arrays.
//
// Device figures are the ITRS 2010-2015 projections as computed by MASTAR 5 and tabulated in NVSim
// (bulk HP for 45 and 32 nm, SOI HP for 22 nm); the p/n sizing ratio and the effective-resistance
// multiplier are CACTI's. 28 nm is not in those tables: like NVSim, it is interpolated linearly
// between 22 and 32 nm (off-currents geometrically) and takes the 32 nm wire geometry.
// Junction capacitances follow BSIM4 defaults at a reverse bias of Vdd (built-in potential 0.9 V).

export interface TechNode {
  readonly node_nm: number;
  readonly featureSize_m: number;
  readonly vdd_V: number;
  readonly vth_V: number;
  /** Physical gate length. */
  readonly gateLength_m: number;
  /** Gate capacitance per metre of width: ideal + overlap + 3 x fringe (CACTI's form). */
  readonly gateCap_F_per_m: number;
  /** Drain bottom-junction capacitance per square metre of diffusion. */
  readonly junctionCap_F_per_m2: number;
  /** Drain sidewall (isolation edge) capacitance per metre of perimeter. */
  readonly sidewallCap_F_per_m: number;
  /** Drain-to-channel (gate edge) capacitance per metre of width. */
  readonly drainToChannelCap_F_per_m: number;
  readonly oxideCap_F_per_m2: number;
  readonly electronMobility_m2_per_Vs: number;
  readonly holeMobility_m2_per_Vs: number;
  /** PMOS / NMOS width ratio of a balanced gate. */
  readonly pnRatio: number;
  /** Ratio of the effective switching resistance to Vdd / Ion (CACTI's "effective resistance multiplier"). */
  readonly effectiveResistanceFactor: number;
  /** Saturation on-current per metre of gate width at 350 K. */
  readonly ionN_A_per_m: number;
  readonly ionP_A_per_m: number;
  /** Subthreshold leakage per metre of gate width at 350 K (PMOS taken equal, as NVSim does). */
  readonly ioffN_A_per_m: number;
  /** Velocity-saturation voltages: L * v_sat / mobility, v_sat = 1e5 m/s. */
  readonly vdsatN_V: number;
  readonly vdsatP_V: number;
  /** Local wires (in the array): ITRS aggressive local metal. */
  readonly localWire: WireRC;
  /** Semi-global wires (predecoded lines over the array): ITRS aggressive global metal. */
  readonly globalWire: WireRC;
  /**
   * Current-mode sense amplifier (I-V converter + latch): NVSim's HSPICE characterisation of the
   * converter's delay and energy per sense; its area (50,000 F^2 per amplifier) is NVSim's default,
   * which NVSim itself marks as design dependent.
   */
  readonly currentSenseAmp: { readonly latency_s: number; readonly energy_J: number; readonly area_F2: number };
}

/** MASTAR 5 device figures of one roadmap node (HP, 350 K). */
interface DeviceTable {
  readonly vdd_V: number;
  readonly vth_V: number;
  readonly gateLength_m: number;
  readonly idealGateCap_F_per_m: number;
  readonly fringeCap_F_per_m: number;
  readonly oxideCap_F_per_m2: number;
  readonly electronMobility: number;
  readonly holeMobility: number;
  readonly pnRatio: number;
  readonly effectiveResistanceFactor: number;
  readonly ionN: number;
  readonly ionP: number;
  readonly ioffN: number;
}

// MASTAR 5: 45 nm hp-bulk-2010, 32 nm hp-bulk-2012, 22 nm hp-soi-2015 (as tabulated in NVSim).
// The 22 nm PMOS on-current is half the NMOS one (CACTI's rule; the MASTAR figure is unusable).
const DEVICES: Readonly<Record<45 | 32 | 22, DeviceTable>> = {
  45: {
    vdd_V: 1.0,
    vth_V: 0.12679,
    gateLength_m: 18e-9,
    idealGateCap_F_per_m: 6.78e-10,
    fringeCap_F_per_m: 1.7e-10,
    oxideCap_F_per_m2: 3.77e-2,
    electronMobility: 297.7e-4,
    holeMobility: 95.27e-4,
    pnRatio: 2.41,
    effectiveResistanceFactor: 1.51,
    ionN: 1745.8,
    ionP: 1535.5,
    ioffN: 0.569,
  },
  32: {
    vdd_V: 0.9,
    vth_V: 0.13172,
    gateLength_m: 14e-9,
    idealGateCap_F_per_m: 6.42e-10,
    fringeCap_F_per_m: 1.6e-10,
    oxideCap_F_per_m2: 4.59e-2,
    electronMobility: 257.73e-4,
    holeMobility: 89.92e-4,
    pnRatio: 2.41,
    effectiveResistanceFactor: 1.49,
    ionN: 1715.7,
    ionP: 1565.1,
    ioffN: 1.18,
  },
  22: {
    vdd_V: 0.9,
    vth_V: 0.12872,
    gateLength_m: 10e-9,
    idealGateCap_F_per_m: 3.83e-10,
    fringeCap_F_per_m: 1.6e-10,
    oxideCap_F_per_m2: 3.83e-2,
    electronMobility: 397.26e-4,
    holeMobility: 83.6e-4,
    pnRatio: 2,
    effectiveResistanceFactor: 1.45,
    ionN: 1930.7,
    ionP: 974.9,
    ioffN: 1.057,
  },
};

/** Linear blend of two device tables (off-current geometric, as leakage is exponential in Vth). */
function blend(low: DeviceTable, high: DeviceTable, alpha: number): DeviceTable {
  const mix = (a: number, b: number): number => (1 - alpha) * a + alpha * b;
  const out: Record<string, number> = {};
  for (const key of Object.keys(low) as (keyof DeviceTable)[]) out[key] = key === 'ioffN' ? low[key] ** (1 - alpha) * high[key] ** alpha : mix(low[key], high[key]);
  return out as unknown as DeviceTable;
}

// BSIM4 junction defaults: bottom 1e-3 F/m^2 (grading 0.5), isolation sidewall 2.5e-10 F/m and
// gate-edge sidewall 0.5e-10 F/m (grading 0.33), built-in potential 0.9 V; taken at reverse bias Vdd.
const BUILT_IN_POTENTIAL_V = 0.9;

// NVSim's current-sense amplifier by node (HSPICE): 45 nm 0.80 ns / 0.1026 pJ; 32 nm 1.07 ns /
// 0.1256 pJ; below 31 nm 1.45 ns / 0.15 pJ (NVSim uses the last for 28 nm too).
const IV_CONVERTER_AREA_F2 = 50_000;
function currentSenseAmp(node_nm: number): TechNode['currentSenseAmp'] {
  if (node_nm >= 44) return { latency_s: 0.8e-9, energy_J: 0.1026e-12, area_F2: IV_CONVERTER_AREA_F2 };
  if (node_nm >= 31) return { latency_s: 1.07e-9, energy_J: 0.1256e-12, area_F2: IV_CONVERTER_AREA_F2 };
  return { latency_s: 1.45e-9, energy_J: 0.15e-12, area_F2: IV_CONVERTER_AREA_F2 };
}

function buildNode(node_nm: number, d: DeviceTable, wireNode: 45 | 32 | 22): TechNode {
  const bias = 1 + d.vdd_V / BUILT_IN_POTENTIAL_V;
  return {
    node_nm,
    featureSize_m: node_nm * 1e-9,
    vdd_V: d.vdd_V,
    vth_V: d.vth_V,
    gateLength_m: d.gateLength_m,
    gateCap_F_per_m: d.idealGateCap_F_per_m * 1.2 + 3 * d.fringeCap_F_per_m,
    junctionCap_F_per_m2: 1e-3 / bias ** 0.5,
    sidewallCap_F_per_m: 2.5e-10 / bias ** 0.33,
    drainToChannelCap_F_per_m: 0.5e-10 / bias ** 0.33,
    oxideCap_F_per_m2: d.oxideCap_F_per_m2,
    electronMobility_m2_per_Vs: d.electronMobility,
    holeMobility_m2_per_Vs: d.holeMobility,
    pnRatio: d.pnRatio,
    effectiveResistanceFactor: d.effectiveResistanceFactor,
    ionN_A_per_m: d.ionN,
    ionP_A_per_m: d.ionP,
    ioffN_A_per_m: d.ioffN,
    vdsatN_V: (d.gateLength_m * 1e5) / d.electronMobility,
    vdsatP_V: (d.gateLength_m * 1e5) / d.holeMobility,
    localWire: wireRC(wireNode, 'local'),
    globalWire: wireRC(wireNode, 'global'),
    currentSenseAmp: currentSenseAmp(node_nm),
  };
}

export const TECH_NODES: Readonly<Record<number, TechNode>> = {
  45: buildNode(45, DEVICES[45], 45),
  32: buildNode(32, DEVICES[32], 32),
  28: buildNode(28, blend(DEVICES[22], DEVICES[32], 0.6), 32),
  22: buildNode(22, DEVICES[22], 22),
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
