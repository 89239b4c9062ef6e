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

export interface StepFigures {
  readonly energy_J: number;
  readonly latency_s: number;
}

export interface EpochFigures extends StepFigures {
  readonly steps: number;
  readonly images: number;
}

/**
 * An epoch of `datasetSize` images: the full batches at the step's figures plus the last, smaller
 * batch evaluated at its own size (`stepAt`), as any design, PIM or GPU, evaluates one.
 */
export function epochFigures(datasetSize: number, batch: number, full: StepFigures, stepAt: (batch: number) => StepFigures): EpochFigures {
  const batches = epochBatches(datasetSize, batch);
  const last = batches.lastBatchSize > 0 ? stepAt(batches.lastBatchSize) : undefined;
  return {
    steps: batches.steps,
    images: datasetSize,
    energy_J: batches.fullBatches * full.energy_J + (last?.energy_J ?? 0),
    latency_s: batches.fullBatches * full.latency_s + (last?.latency_s ?? 0),
  };
}
