import type { TechNode } from '../tech/nodes.ts';
import type { CellParams } from '../cells/params.ts';
import { gateCap, drainCap, minWidth, tau, transistorArea, leakagePower } from '../tech/devices.ts';

// One sense amplifier per lane (no column multiplexing: PIM senses every lane at once), with as
// many comparators (references) as the cell's logic needs. Current mode: the node's I-V converter
// plus latch (tech/nodes.ts). Voltage mode: a cross-coupled latch resolving the bit-line swing.

export interface SenseAmp {
  /** Delay after the input is valid. */
  readonly latency_s: number;
  /** Energy of one comparator deciding once. */
  readonly energy_J: number;
  /** Area of one comparator. */
  readonly area_m2: number;
  /** Capacitance the sense amplifier adds to the line it senses. */
  readonly inputCap_F: number;
  readonly leakage_W: number;
}

/** Latch transistor width: assumption: 4 F devices, a typical matched pair sized against offset. */
const LATCH_WIDTH_F = 4;
/** Devices in a latch-type sense amplifier with isolation and enable: assumption, CACTI-style SA. */
const LATCH_DEVICES = 8;

function latch(tech: TechNode, swing_V: number): Omit<SenseAmp, 'latency_s'> & { regeneration_s: number } {
  const w = LATCH_WIDTH_F * tech.featureSize_m;
  const node_F = gateCap(tech, 2 * w) + drainCap(tech, 3 * w);
  // Regeneration from the input swing to a full Vdd level: tau_latch * ln(Vdd / swing), tau_latch ~ 2 unit taus.
  const regeneration_s = 2 * tau(tech) * Math.log(tech.vdd_V / Math.max(swing_V, 1e-3));
  return {
    regeneration_s,
    energy_J: 2 * node_F * tech.vdd_V * tech.vdd_V,
    area_m2: LATCH_DEVICES * transistorArea(tech, w),
    inputCap_F: drainCap(tech, w) + gateCap(tech, minWidth(tech)),
    leakage_W: leakagePower(tech, LATCH_DEVICES * w * 0.25),
  };
}

export function senseAmp(tech: TechNode, cell: CellParams): SenseAmp {
  const base = latch(tech, cell.minSenseVoltage_V);
  if (cell.readMode === 'voltage') return { ...base, latency_s: base.regeneration_s };
  const f2 = tech.featureSize_m * tech.featureSize_m;
  return {
    latency_s: tech.currentSenseAmp.latency_s,
    energy_J: tech.currentSenseAmp.energy_J,
    area_m2: tech.currentSenseAmp.area_F2 * f2 + base.area_m2,
    inputCap_F: base.inputCap_F,
    leakage_W: base.leakage_W * 2,
  };
}
