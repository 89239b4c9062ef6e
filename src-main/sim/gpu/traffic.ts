import type { LayerWork, Phase } from '../workload/training.ts';

// Bytes a training kernel moves to and from DRAM. Nothing stays on chip from one kernel to the
// next (assumption: caches hold far less than a layer's activations at a training batch, so the
// producer's output is read back from DRAM). Per layer, with I input, O output and S saved
// elements per image, P parameters, b the batch, and the byte widths of the phase formats:
//   forward              reads its inputs and weights, writes its outputs:   b (I + O) wF + P wF
//   activation gradient  reads the output gradient of each of its k readers, writes the input
//                        gradient, reads its weights; a layer without dot products (ReLU,
//                        batch-norm, pooling...) also reads what it saved:  b (k O + I) wB + P wF [+ b S wF]
//   weight gradient      reads the output gradient and what it saved, writes the gradients:
//                                                                            b (O wB + S wF) + P wB
//   weight update        reads weights and gradients, writes the weights, and the copy in the
//                        forward format when it differs (mixed precision):  P (2 wU + wB) [+ P wF]

export interface Widths {
  readonly forward: number;
  readonly backward: number;
  readonly update: number;
}

export function phaseBytes(layer: LayerWork, phase: Phase, batch: number, w: Widths, hasDotProducts: boolean): number {
  const { inputElements: i, outputElements: o, savedElements: s, params: p } = layer;
  if (phase === 'forward') return batch * (i + o) * w.forward + p * w.forward;
  if (phase === 'activationGradient') {
    const saved = hasDotProducts ? 0 : batch * s * w.forward;
    return batch * (Math.max(layer.readers, 1) * o + i) * w.backward + p * w.forward + saved;
  }
  if (phase === 'weightGradient') return batch * (o * w.backward + s * w.forward) + p * w.backward;
  const lowPrecisionCopy = w.forward === w.update ? 0 : p * w.forward;
  return p * (2 * w.update + w.backward) + lowPrecisionCopy;
}
