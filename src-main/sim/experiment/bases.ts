import type { CellParams } from '../cells/params.ts';
import type { DesignParams } from '../arch/design.ts';
import { designSubarray, prepareDesign, type PreparedDesign } from '../arch/prepare.ts';
import type { SubarrayResult } from '../array/subarray.ts';
import { publishedFloatpim } from './published-floatpim.ts';

// The comparison bases of the paper reproduction: how each of the two designs is costed and sized
// before the same networks run on both. The paper publishes none, so each is named and explained.

export const PAPER_BASES = ['as-modelled', 'floatpim-published', 'equal-power', 'step-count'] as const;
export type PaperBasis = (typeof PAPER_BASES)[number];

export const BASIS_DESCRIPTIONS: Readonly<Record<PaperBasis, string>> = {
  'as-modelled':
    'both designs from device physics and the NVSim-class array model, in the same organisation (FloatPIM\'s tiles, blocks and lanes) with every block computing (power envelopes lifted)',
  'floatpim-published':
    'the baseline costed exactly as FloatPIM publishes it (its cycle formulas, 1.1 ns per cycle, an energy per cycle that gives 62.6 W with all 8192 blocks computing, 30.64 mm^2); the proposed design as modelled, every block computing',
  'equal-power': 'both designs as modelled, each inside its chip power envelope (62.6 W as shipped): a design with dearer blocks runs fewer at a time',
  'step-count': 'array steps only, no device physics: every step of every primitive costs one unit of time and one unit of energy per lane; area as silicon (as modelled)',
};

export interface SideInput {
  readonly params: DesignParams;
  readonly cell: CellParams;
}

const lifted = (params: DesignParams): DesignParams => ({ ...params, powerBudget_W: 0 });

/** Every primitive one unit of time and one unit of energy per lane; nothing leaks. */
function unitSubarray(real: SubarrayResult): SubarrayResult {
  const unit = { latency_s: 1, energy_J: real.lanes, cellEnergy_J: 0 };
  return { ...real, leakage_W: 0, primitives: Object.fromEntries(Object.keys(real.primitives).map((name) => [name, unit])) };
}

function stepCounted(side: SideInput): PreparedDesign {
  const params = { ...lifted(side.params), controllerPowerPerTile_W: 0, transferWireEnergyPerBit_J: 0 };
  const real = designSubarray(params, side.cell);
  const silicon = prepareDesign(lifted(side.params), side.cell, real);
  return { ...prepareDesign(params, side.cell, unitSubarray(real)), area: silicon.area };
}

/** One design prepared for a basis; `role` tells the baseline (which `floatpim-published` replaces) from the proposed design. */
export function prepareForBasis(basis: PaperBasis, side: SideInput, role: 'proposed' | 'baseline'): PreparedDesign {
  switch (basis) {
    case 'as-modelled':
      return prepareDesign(lifted(side.params), side.cell);
    case 'floatpim-published': {
      const modelled = prepareDesign(lifted(side.params), side.cell);
      return role === 'baseline' ? publishedFloatpim(modelled) : modelled;
    }
    case 'equal-power':
      return prepareDesign(side.params, side.cell);
    case 'step-count':
      return stepCounted(side);
  }
}
