import type { NetworkAnalysis } from '../workload/analyze.ts';
import { PHASES } from '../workload/training.ts';

// A network's training work flattened into one numeric table, row = (layer, phase), so that an
// evaluation (run thousands of times in a sweep) reads numbers by index instead of walking objects.
// Built once per analysis: it does not depend on the design.

/** Element-wise operation kinds, in the order of their columns and of the cost tables. */
export const ELEMENTWISE_KINDS = ['fpMul', 'fpAdd', 'compare', 'fpDiv', 'fpExp', 'fpSqrt'] as const;

export const COL = {
  macsPerImage: 0,
  macsPerBatch: 1,
  /** Dot-product results per image, or per batch when `resultsShared` (weight gradients). */
  results: 2,
  resultsShared: 3,
  /** Element-wise kind k: per image at 4 + 2k, per batch at 5 + 2k. */
  elementwise: 4,
  /** Values moved to other blocks per image after this phase. */
  movedPerImage: 16,
} as const;
export const COLUMNS = 17;

export interface StepPlan {
  readonly rows: number;
  /** A plain array: V8 allocates a large Float64Array outside its heap, which costs more than building the table. */
  readonly data: readonly number[];
}

const plans = new WeakMap<NetworkAnalysis, StepPlan>();

export function stepPlan(analysis: NetworkAnalysis): StepPlan {
  let plan = plans.get(analysis);
  if (!plan) plans.set(analysis, (plan = buildPlan(analysis)));
  return plan;
}

function buildPlan(analysis: NetworkAnalysis): StepPlan {
  const rows = analysis.work.length * PHASES.length;
  const data: number[] = new Array<number>(rows * COLUMNS).fill(0);
  // Plain loops: this runs once per network in every evaluation from scratch.
  for (let i = 0; i < analysis.work.length; i += 1) {
    const layer = analysis.work[i]!;
    for (let p = 0; p < PHASES.length; p += 1) {
      const phase = PHASES[p]!;
      const at = (i * PHASES.length + p) * COLUMNS;
      const { perImage, perBatch } = layer.phases[phase];
      data[at + COL.macsPerImage] = perImage.macs;
      data[at + COL.macsPerBatch] = perBatch.macs;
      if (phase !== 'weightUpdate') {
        data[at + COL.results] = layer.dotProducts[phase].results;
        data[at + COL.resultsShared] = phase === 'weightGradient' ? 1 : 0;
      }
      // Named fields, in ELEMENTWISE_KINDS order: keyed reads of these objects are several times slower.
      const e = at + COL.elementwise;
      data[e] = perImage.fpMul;
      data[e + 1] = perBatch.fpMul;
      data[e + 2] = perImage.fpAdd;
      data[e + 3] = perBatch.fpAdd;
      data[e + 4] = perImage.compare;
      data[e + 5] = perBatch.compare;
      data[e + 6] = perImage.fpDiv;
      data[e + 7] = perBatch.fpDiv;
      data[e + 8] = perImage.fpExp;
      data[e + 9] = perBatch.fpExp;
      data[e + 10] = perImage.fpSqrt;
      data[e + 11] = perBatch.fpSqrt;
      let busy = perImage.macs + perBatch.macs;
      for (let k = 0; k < 2 * ELEMENTWISE_KINDS.length; k += 1) busy += data[e + k]!;
      // After the forward pass the outputs go to every reader; in the backward pass the input
      // gradients go back to the producers, when this layer computes them.
      data[at + COL.movedPerImage] = phase === 'forward' ? layer.outputElements * layer.readers : phase === 'activationGradient' && busy > 0 ? layer.inputElements : 0;
    }
  }
  return { rows, data };
}
