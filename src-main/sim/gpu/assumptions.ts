import { formatSI } from '../../shared/units.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { peakOf, type GpuParams } from './params.ts';
import { phaseFormat, widthsOf } from './roofline.ts';

// What a GPU run assumed, in words with this GPU's values, and what it warns about: shown beside
// the figures so that a reader can tell the model's choices from the hardware's.

const percent = (x: number): string => `${Number((x * 100).toPrecision(3))}%`;
// formatSI reads "B" through the information unit, whose SI base is the bit: bytes are written out here.
// Rates in SI with the design's own four digits (1555 GB/s, not 1.56e3); memory and cache sizes are binary, as sold (40 MiB of L2).
const bandwidth = (bps: number): string => `${Number((bps / 1e9).toPrecision(4))} GB/s`;
const binary = (b: number): string => (b >= 2 ** 30 ? `${Number((b / 2 ** 30).toPrecision(3))} GiB` : `${Number((b / 2 ** 20).toPrecision(3))} MiB`);
const teraflops = (f: number): string => `${Number((f / 1e12).toPrecision(4))} TFLOP/s`;

export function gpuAssumptions(gpu: GpuParams): string[] {
  return [
    `one kernel per layer and phase, timed by the roofline: max(arithmetic, DRAM traffic) + ${formatSI(gpu.launchOverhead_s, 's', 3)} launch overhead`,
    `convolutions reach ${percent(gpu.utilisationConv)} of the peak, fully-connected layers ${percent(gpu.utilisationGemm)}, grouped convolutions with fewer than ${gpu.groupedConvChannels} input channels per group (depthwise) ${percent(gpu.utilisationGroupedConv)}`,
    `element-wise work runs in FP32 on the CUDA cores at ${percent(gpu.utilisationVector)} of their lanes; a divide, exponential or square root costs ${gpu.specialFunctionOps} lane operations`,
    `DRAM at ${percent(gpu.memoryEfficiency)} of ${bandwidth(gpu.bandwidth_Bps)}; nothing stays in the ${binary(gpu.onChip_B)} L2 cache from one kernel to the next`,
    `power: ${formatSI(gpu.idlePower_W, 'W', 3)} idle all step long, plus ${percent(gpu.activity)} of the remaining ${formatSI(gpu.boardPower_W - gpu.idlePower_W, 'W', 3)} while a kernel runs; DRAM energy is inside the board power`,
    'plain SGD without optimizer state; no host-to-GPU copies, data loading or multi-GPU communication; layers without arithmetic (concatenation) launch no kernel',
  ];
}

/** A phase whose format the GPU runs slower than FP32 (the GTX 1080's FP16) is worth a word. */
function slowFormatWarnings(gpu: GpuParams): string[] {
  const fp32 = gpu.peak_FLOPs.fp32 ?? 0;
  const phases = ['forward', 'activationGradient', 'weightUpdate'] as const;
  const slow = [...new Set(phases.map((p) => phaseFormat(gpu, p)))].filter((f) => peakOf(gpu, f) < fp32);
  return slow.map((f) => `${f} runs at ${teraflops(peakOf(gpu, f))} on this GPU, below its FP32 rate of ${teraflops(fp32)}`);
}

/**
 * The training state a step keeps in DRAM: weights in the update format (and a copy in the
 * forward format when it differs), their gradients, and the activations kept for the backward
 * pass at the batch. Larger than the GPU's memory is reported, not silently assumed to fit.
 */
function capacityWarnings(gpu: GpuParams, analysis: NetworkAnalysis, batch: number): string[] {
  const w = widthsOf(gpu);
  const weights = analysis.params * (w.update + (gpu.formatForward === gpu.formatUpdate ? 0 : w.forward) + w.backward);
  const saved = analysis.work.reduce((sum, layer) => sum + layer.savedElements, 0) * batch * w.forward;
  const state = weights + saved;
  if (state <= gpu.memory_B) return [];
  return [`the training state (weights, gradients and the activations kept for the backward pass at batch ${batch}: ${binary(state)}) exceeds the GPU's ${binary(gpu.memory_B)} of memory; swapping or recomputing is not modelled`];
}

export function gpuWarnings(gpu: GpuParams, analysis: NetworkAnalysis, batch: number): string[] {
  return [...slowFormatWarnings(gpu), ...capacityWarnings(gpu, analysis, batch)];
}
