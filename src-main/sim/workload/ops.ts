// Operation counts: what a layer asks of the arithmetic, before any mapping onto hardware.

export const OP_KINDS = ['macs', 'fpMul', 'fpAdd', 'compare', 'fpDiv', 'fpExp', 'fpSqrt'] as const;
export type OpKind = (typeof OP_KINDS)[number];

/**
 * Floating-point operations by kind. `macs` are multiply-accumulates (one fpMul and one fpAdd
 * each, chained into dot products); the other fields are element-wise work outside them.
 * `compare` is a compare or a compare-and-select (max, ReLU and its mask). Divisions,
 * exponentials and square roots are counted apart so the mapping can cost them its own way.
 */
export type OpCounts = Record<OpKind, number>;

/** Operation counts of one phase: the part that scales with the images of a batch, and the part done once per batch. */
export interface PhaseWork {
  readonly perImage: Readonly<OpCounts>;
  readonly perBatch: Readonly<OpCounts>;
}

export function zeroOps(): OpCounts {
  return { macs: 0, fpMul: 0, fpAdd: 0, compare: 0, fpDiv: 0, fpExp: 0, fpSqrt: 0 };
}

/** A phase without work. Shared by many layers, so frozen. */
export const NO_WORK: PhaseWork = Object.freeze({ perImage: Object.freeze(zeroOps()), perBatch: Object.freeze(zeroOps()) });

export function ops(partial: Partial<OpCounts>): OpCounts {
  return { ...zeroOps(), ...partial };
}

// The two functions below spell out every field: a loop over OP_KINDS with computed keys is
// several times slower, and totals run inside every training-step evaluation.

/** a + b * scale, into a new object. */
export function addScaled(a: Readonly<OpCounts>, b: Readonly<OpCounts>, scale = 1): OpCounts {
  const out = { ...a };
  accumulate(out, b, scale);
  return out;
}

/** Adds b * scale into `into` (used by totals, which sum many layers). */
export function accumulate(into: OpCounts, b: Readonly<OpCounts>, scale = 1): void {
  into.macs += b.macs * scale;
  into.fpMul += b.fpMul * scale;
  into.fpAdd += b.fpAdd * scale;
  into.compare += b.compare * scale;
  into.fpDiv += b.fpDiv * scale;
  into.fpExp += b.fpExp * scale;
  into.fpSqrt += b.fpSqrt * scale;
}

/** Floating-point multiplies and adds including those inside the MACs. */
export function mulAddTotals(counts: Readonly<OpCounts>): { fpMul: number; fpAdd: number } {
  return { fpMul: counts.fpMul + counts.macs, fpAdd: counts.fpAdd + counts.macs };
}
