import type { TechNode } from '../tech/nodes.ts';
import { drainCap, gateCap, gateLayout, gateLeakage, transconductance } from '../tech/devices.ts';

// Sense amplifiers, one per sensed column group (columns / mux), as CACTI and NVSim build them: a
// cross-coupled latch (PMOS 7.5 F, NMOS 3.75 F, isolation 12.5 F, enable 5 F) folded into the
// column pitch, plus, for current sensing, the node's I-V converter (tech/nodes.ts) in front.
// A cell family that senses against several references has one latch per reference.

const W_P = 7.5;
const W_N = 3.75;
const W_ISO = 12.5;
const W_EN = 5;
/** The column-mux pass device that hangs on the amplifier's input (CACTI). */
const W_MUX = 9;
/** Diffusion gaps between the latch's rows of devices, in F (CACTI layout). */
const GAP_SAME = 1.5;
const GAP_P_N = 2;

export interface SenseAmp {
  /** Delay after the input is valid. */
  readonly latency_s: number;
  /** Energy of one amplifier deciding once. */
  readonly energy_J: number;
  /** Height of the row of latches (each as wide as its pitch), for one reference. */
  readonly latchHeight_m: number;
  /** Height the I-V converters add (current sensing only). */
  readonly converterHeight_m: number;
  /** Capacitance the amplifier adds to the line it senses. */
  readonly inputCap_F: number;
  readonly leakage_W: number;
  readonly currentMode: boolean;
}

/** `pitch_m`: the width one amplifier may take (the columns it serves); `swing_V`: the input it must resolve. */
export function senseAmp(tech: TechNode, currentMode: boolean, swing_V: number, pitch_m: number): SenseAmp {
  const f = tech.featureSize_m;
  // Devices laid out sideways in the pitch: their widths stack up, their heights set the row's width.
  const device = (wN: number, wP: number): { along: number; across: number } => {
    const l = gateLayout(tech, 'inv', 1, wN * f, wP * f, pitch_m / f);
    return { along: l.width_m, across: l.height_m };
  };
  const p = device(0, W_P);
  const iso = device(0, W_ISO);
  const n = device(W_N, 0);
  const en = device(W_EN, 0);
  const width = Math.max(p.across, iso.across, n.across, en.across);
  const height = 2 * p.along + iso.along + 2 * GAP_SAME * f + 2 * n.along + en.along + 2 * GAP_SAME * f + GAP_P_N * f;
  const converterArea = currentMode ? tech.currentSenseAmp.area_F2 * f * f : 0;
  const inputCap_F =
    gateCap(tech, (W_P + W_N) * f) +
    drainCap(tech, W_N * f, 'n', pitch_m) +
    drainCap(tech, W_P * f, 'p', pitch_m) +
    drainCap(tech, W_ISO * f, 'p', pitch_m) +
    drainCap(tech, W_MUX * f, 'n', pitch_m);
  const gm = transconductance(tech, W_N * f, 'n') + transconductance(tech, W_P * f, 'p');
  const regeneration = (inputCap_F / gm) * Math.log(tech.vdd_V / swing_V);
  const idle = gateLeakage(tech, 'inv', 1, W_EN * f, 0) * tech.vdd_V * tech.vdd_V;
  return {
    latency_s: (currentMode ? tech.currentSenseAmp.latency_s : 0) + regeneration,
    energy_J: (currentMode ? tech.currentSenseAmp.energy_J : 0) + inputCap_F * tech.vdd_V * tech.vdd_V,
    latchHeight_m: (height * width) / pitch_m,
    converterHeight_m: converterArea / pitch_m,
    inputCap_F,
    leakage_W: idle,
    currentMode,
  };
}
