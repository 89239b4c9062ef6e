// Resistance and capacitance per metre of copper wires, from their cross-section: the ITRS
// interconnect projections for "aggressive" local and global metal as NVSim (Dong et al., IEEE
// TCAD 2012) tabulates them, with the resistivity raised by size effects and taken at 350 K.
//
// R = rho / (thickness x width); C = 2 eps0 (k_vertical w / ILD + Miller k_horizontal t / s) + fringe,
// with a Miller factor of 1.5 for switching neighbours and a fixed fringe of 0.115 fF/um (CACTI).

export interface WireRC {
  readonly r_Ohm_per_m: number;
  readonly c_F_per_m: number;
}

interface CrossSection {
  readonly pitch_m: number;
  readonly aspectRatio: number;
  readonly ild_m: number;
  /** Effective resistivity with size effects, at 293 K. */
  readonly resistivity_Ohm_m: number;
  readonly horizontalK: number;
}

const EPS0_F_PER_M = 8.85e-12;
const VERTICAL_K = 3.9;
const MILLER = 1.5;
const FRINGE_F_PER_M = 1.15e-10;
const COPPER_TEMPERATURE_COEFFICIENT = 0.0039;
const TEMPERATURE_K = 350;

// ITRS aggressive local (M1 pitch) and global metal at the three roadmap nodes.
const SECTIONS: Readonly<Record<45 | 32 | 22, Readonly<Record<'local' | 'global', CrossSection>>>> = {
  45: {
    local: { pitch_m: 0.102e-6, aspectRatio: 1.8, ild_m: 0.0918e-6, resistivity_Ohm_m: 4.08e-8, horizontalK: 2.6 },
    global: { pitch_m: 8 * 45e-9, aspectRatio: 2.34, ild_m: 0.63e-6, resistivity_Ohm_m: 2.06e-8, horizontalK: 2.6 },
  },
  32: {
    local: { pitch_m: 2 * 32e-9, aspectRatio: 1.8, ild_m: 1.8 * 32e-9, resistivity_Ohm_m: 5.0e-8, horizontalK: 2.82 },
    global: { pitch_m: 8 * 32e-9, aspectRatio: 2.34, ild_m: 0.42e-6, resistivity_Ohm_m: 2.5e-8, horizontalK: 2.82 },
  },
  22: {
    local: { pitch_m: 2 * 22e-9, aspectRatio: 1.9, ild_m: 1.9 * 22e-9, resistivity_Ohm_m: 6.0e-8, horizontalK: 2.55 },
    global: { pitch_m: 8 * 22e-9, aspectRatio: 2.34, ild_m: (0.42e-6 * 22) / 32, resistivity_Ohm_m: 3.0e-8, horizontalK: 2.55 },
  },
};

export function wireRC(node: 45 | 32 | 22, layer: 'local' | 'global'): WireRC {
  const s = SECTIONS[node][layer];
  const width = s.pitch_m / 2;
  const thickness = s.aspectRatio * width;
  const spacing = s.pitch_m - width;
  const rho = s.resistivity_Ohm_m * (1 + COPPER_TEMPERATURE_COEFFICIENT * (TEMPERATURE_K - 293));
  return {
    r_Ohm_per_m: rho / (thickness * width),
    c_F_per_m: 2 * EPS0_F_PER_M * (VERTICAL_K * (width / s.ild_m) + MILLER * s.horizontalK * (thickness / spacing)) + FRINGE_F_PER_M,
  };
}
