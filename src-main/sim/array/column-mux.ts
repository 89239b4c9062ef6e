import type { TechNode } from '../tech/nodes.ts';
import { drainCap, gateLayout, LAYOUT_REGION_F, MAX_WIDTH_F, MIN_WIDTH_F, onResistance } from '../tech/devices.ts';

// The column multiplexer between bit lines and sense amplifiers (NVSim's bit-line mux): `mux`
// columns share one amplifier through NMOS pass transistors. For resistive cells the pass device
// must not drop more than a fifth of the read signal (its resistance at most 0.2 R_on); it is never
// under 9 F (six minimum devices) nor too weak for the write current. mux = 1: no multiplexer.

const IR_DROP_TOLERANCE = 0.2;
const MIN_PASS_WIDTH_F = 6 * MIN_WIDTH_F;

export interface ColumnMux {
  readonly mux: number;
  readonly passWidth_m: number;
  readonly passResistance_Ohm: number;
  /** Drain of one pass device, which each bit line sees. */
  readonly passCap_F: number;
  /** Capacitance a bit line sees behind it when the mux delays a read (its drains plus the amplifier). */
  readonly delayLoad_F: number;
  readonly latency_s: number;
  /** All the muxes of the row switching once. */
  readonly energy_J: number;
  readonly height_m: number;
  readonly width_m: number;
}

/** `resistanceLow_Ohm`: the cell's, for resistive cells (the pass device must not drop its signal); undefined for SRAM. */
export function columnMux(tech: TechNode, mux: number, columns: number, resistanceLow_Ohm: number | undefined, ampInputCap_F: number, maxLineCurrent_A: number): ColumnMux {
  if (mux <= 1) return { mux: 1, passWidth_m: 0, passResistance_Ohm: 0, passCap_F: 0, delayLoad_F: 0, latency_s: 0, energy_J: 0, height_m: 0, width_m: 0 };
  const f = tech.featureSize_m;
  const forDrop = resistanceLow_Ohm === undefined ? 0 : Math.min((onResistance(tech, f) * f) / (resistanceLow_Ohm * IR_DROP_TOLERANCE), MAX_WIDTH_F * f);
  const passWidth_m = Math.max(forDrop, maxLineCurrent_A / tech.ionN_A_per_m, MIN_PASS_WIDTH_F * f);
  const passCap_F = drainCap(tech, passWidth_m, 'n', LAYOUT_REGION_F * f);
  const shared = mux * passCap_F;
  const passResistance_Ohm = onResistance(tech, passWidth_m);
  const groups = columns / mux;
  const device = gateLayout(tech, 'inv', 1, passWidth_m, 0);
  return {
    mux,
    passWidth_m,
    passResistance_Ohm,
    passCap_F,
    delayLoad_F: shared + passCap_F + ampInputCap_F,
    latency_s: 2.3 * passResistance_Ohm * (shared + ampInputCap_F),
    energy_J: groups * (shared + ampInputCap_F) * tech.vdd_V * (tech.vdd_V - tech.vth_V),
    height_m: device.height_m,
    width_m: groups * mux * device.width_m,
  };
}
