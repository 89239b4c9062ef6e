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
  readonly data: Float64Array;
}

const plans = new WeakMap<NetworkAnalysis, StepPlan>();

export function stepPlan(analysis: NetworkAnalysis): StepPlan {
  let plan = plans.get(analysis);
  if (!plan) plans.set(analysis, (plan = buildPlan(analysis)));
  return plan;
}

function buildPlan(analysis: NetworkAnalysis): StepPlan {
  const rows = analysis.work.length * PHASES.length;
  const data = new Float64Array(rows * COLUMNS);
  analysis.work.forEach((layer, i) => {
    PHASES.forEach((phase, p) => {
      const at = (i * PHASES.length + p) * COLUMNS;
      const { perImage, perBatch } = layer.phases[phase];
      data[at + COL.macsPerImage] = perImage.macs;
      data[at + COL.macsPerBatch] = perBatch.macs;
      if (phase !== 'weightUpdate') {
        data[at + COL.results] = layer.dotProducts[phase].results;
        data[at + COL.resultsShared] = phase === 'weightGradient' ? 1 : 0;
      }
      let busy = perImage.macs + perBatch.macs;
      ELEMENTWISE_KINDS.forEach((kind, k) => {
        data[at + COL.elementwise + 2 * k] = perImage[kind];
        data[at + COL.elementwise + 2 * k + 1] = perBatch[kind];
        busy += perImage[kind] + perBatch[kind];
      });
      // After the forward pass the outputs go to every reader; in the backward pass the input
      // gradients go back to the producers, when this layer computes them.
      const moved = phase === 'forward' ? layer.outputElements * layer.readers : phase === 'activationGradient' && busy > 0 ? layer.inputElements : 0;
      data[at + COL.movedPerImage] = moved;
    });
  });
  return { rows, data };
}
