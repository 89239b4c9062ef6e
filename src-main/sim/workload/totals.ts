import { accumulate, addScaled, zeroOps, type OpCounts, type PhaseWork } from './ops.ts';
import { PHASES, type LayerWork, type Phase } from './training.ts';

// Totals over layers and the batch arithmetic of a training step and an epoch.

/** One phase's counts for a step of `batchSize` images: perImage x batch + perBatch. */
export function opsAtBatch(work: PhaseWork, batchSize: number): OpCounts {
  return addScaled(work.perBatch, work.perImage, batchSize);
}

/** Counts of one training step (one batch), by phase, over all layers. */
export function stepTotals(layers: readonly LayerWork[], batchSize: number): Record<Phase, OpCounts> {
  const totals = emptyTotals();
  for (const layer of layers) {
    for (const phase of PHASES) {
      accumulate(totals[phase], layer.phases[phase].perBatch);
      accumulate(totals[phase], layer.phases[phase].perImage, batchSize);
    }
  }
  return totals;
}

/** The per-image parts only, by phase (what one more image in a batch adds). */
export function perImageTotals(layers: readonly LayerWork[]): Record<Phase, OpCounts> {
  const totals = emptyTotals();
  for (const layer of layers) for (const phase of PHASES) accumulate(totals[phase], layer.phases[phase].perImage);
  return totals;
}

function emptyTotals(): Record<Phase, OpCounts> {
  return { forward: zeroOps(), activationGradient: zeroOps(), weightGradient: zeroOps(), weightUpdate: zeroOps() };
}

export interface EpochBatches {
  readonly fullBatches: number;
  /** Images in the last, smaller batch (0 when the batch size divides the dataset). */
  readonly lastBatchSize: number;
  /** Training steps per epoch, the last partial batch included (PyTorch's drop_last = false). */
  readonly steps: number;
}

export function epochBatches(datasetSize: number, batchSize: number): EpochBatches {
  const fullBatches = Math.floor(datasetSize / batchSize);
  const lastBatchSize = datasetSize - fullBatches * batchSize;
  return { fullBatches, lastBatchSize, steps: fullBatches + (lastBatchSize > 0 ? 1 : 0) };
}
