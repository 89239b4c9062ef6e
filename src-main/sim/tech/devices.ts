import type { TechNode } from './nodes.ts';

// First-order device figures derived from a node: switching resistance, capacitances, the delay
// of a unit inverter, and the layout area of transistors. Widths are in metres.

/** Effective switching resistance of a transistor of `width_m` (transition-averaged, CACTI-style). */
export function onResistance(tech: TechNode, width_m: number, type: 'n' | 'p' = 'n'): number {
  const ion = type === 'n' ? tech.ionN_A_per_m : tech.ionP_A_per_m;
  return (tech.effectiveResistanceFactor * tech.vdd_V) / (ion * width_m);
}

export function gateCap(tech: TechNode, width_m: number): number {
  return tech.gateCap_F_per_m * width_m;
}

export function drainCap(tech: TechNode, width_m: number): number {
  return tech.drainCap_F_per_m * width_m;
}

/** Width of the smallest NMOS the periphery uses: assumption: 3 F, a common minimum for drive-capable gates. */
export function minWidth(tech: TechNode): number {
  return 3 * tech.featureSize_m;
}

/**
 * Logical-effort time unit tau = R*C of a unit inverter driving its own input capacitance
 * (NMOS of minimum width, PMOS twice as wide); delays are (effort + parasitic) * tau.
 */
export function tau(tech: TechNode): number {
  const w = minWidth(tech);
  return onResistance(tech, w, 'n') * gateCap(tech, 3 * w);
}

/** Input capacitance of a unit inverter (NMOS w, PMOS 2w). */
export function unitInverterCap(tech: TechNode): number {
  return gateCap(tech, 3 * minWidth(tech));
}

/**
 * Layout area of one transistor: assumption: its width plus 2 F of diffusion overhang, times a
 * 6 F pitch along the channel (gate plus two half contacts), the usual rule of thumb for logic.
 */
export function transistorArea(tech: TechNode, width_m: number): number {
  const f = tech.featureSize_m;
  return (width_m + 2 * f) * 6 * f;
}

/** Leakage power of `width_m` of off NMOS at Vdd. */
export function leakagePower(tech: TechNode, width_m: number): number {
  return tech.ioffN_A_per_m * width_m * tech.vdd_V;
}
