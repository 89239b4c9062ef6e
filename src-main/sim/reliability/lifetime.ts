import type { PreparedDesign } from '../arch/prepare.ts';
import type { WearLevelling } from '../arch/design.ts';
import { PHASES } from '../workload/training.ts';

// How long a design trains before its most-written cells wear out. The mapping counts, per step,
// the write pulses on the most-written cell of a lane (tally.ts T_WEAR_*): the arithmetic's
// scratch rows, the rows operands are written or moved into, and, once per step, the weights the
// update rewrites. Every active lane runs the same steps, so the hottest cell of one lane is the
// hottest of the chip. Assumptions, stated with the result: wear counts pulses applied (not state
// changes); the hottest rows of the multiply and add programs coincide; the same lanes compute in
// every step (no rotation across blocks).

export type WearClass = 'scratch' | 'operands' | 'weights';

export interface Lifetime {
  /** Write pulses on the most-written cell per training step, after wear levelling. */
  readonly writesPerCellPerStep: number;
  readonly hottest: WearClass;
  /** Writes per cell of each kind of row, per step, after wear levelling. */
  readonly byClass: Readonly<Record<WearClass, number>>;
  /** Write cycles a cell endures; null when the cell does not give it. */
  readonly endurance: number | null;
  readonly steps: number | null;
  readonly epochs: number | null;
  /** Days of continuous training at the step's latency. */
  readonly days: number | null;
  readonly wearLevelling: { readonly kind: WearLevelling; /** times fewer writes on the hottest scratch and operand cells */ readonly factor: number };
}

/**
 * Rotation moves the rows the microprograms use (`programBits` of a lane) across all the lane's
 * bits in whole regions, so each cell serves as scratch a region's share of the time: the factor is
 * the lane's bits over the region's (FloatPIM: 1024 columns over 93 gives its "about 11x").
 */
export function levellingFactor(prepared: PreparedDesign): number {
  const d = prepared.design;
  if (d.wearLevelling === 'spread') return d.wearSpread ?? 1;
  if (d.wearLevelling === 'none') return 1;
  const region = Math.max(...PHASES.map((phase) => prepared.costs[phase].programBits));
  return Math.max(1, prepared.laneBits / region);
}

export interface StepWear {
  readonly scratch: number;
  readonly operands: number;
  readonly latency_s: number;
  /** Steps in an epoch, when the dataset size is known. */
  readonly stepsPerEpoch?: number;
}

export function lifetime(prepared: PreparedDesign, wear: StepWear): Lifetime {
  const factor = levellingFactor(prepared);
  // The weight update rewrites each weight once per step, in place: levelling does not move weights.
  const byClass: Record<WearClass, number> = { scratch: wear.scratch / factor, operands: wear.operands / factor, weights: 1 };
  const hottest = (Object.keys(byClass) as WearClass[]).reduce((a, b) => (byClass[b] > byClass[a] ? b : a));
  const writesPerCellPerStep = byClass[hottest];
  const endurance = prepared.cell.endurance_cycles ?? null;
  const steps = endurance === null ? null : endurance / writesPerCellPerStep;
  return {
    writesPerCellPerStep,
    hottest,
    byClass,
    endurance,
    steps,
    epochs: steps !== null && wear.stepsPerEpoch ? steps / wear.stepsPerEpoch : null,
    days: steps !== null ? (steps * wear.latency_s) / 86_400 : null,
    wearLevelling: { kind: prepared.design.wearLevelling, factor },
  };
}
