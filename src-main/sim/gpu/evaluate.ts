import type { Evaluation, GpuFigures } from '../../shared/schemas/evaluation.ts';
import type { EvaluateOptions } from '../experiment/evaluate.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { epochFigures, type StepFigures } from '../workload/totals.ts';
import { gpuAssumptions, gpuWarnings } from './assumptions.ts';
import { gpuBreakdown } from './breakdown.ts';
import { peakOf, type GpuParams } from './params.ts';
import { dynamicPower_W, kernelEnergy } from './power.ts';
import { stepKernels, type Kernel } from './roofline.ts';

// evaluateGpu(gpu, workload, options): one training step of a network on a GPU, as the PIM
// evaluate returns it (same Evaluation, same sums), plus the roofline of every kernel. The model
// and its conventions are in roofline.ts, traffic.ts and power.ts. Pure and deterministic.

function totalsOf(gpu: GpuParams, kernels: readonly Kernel[]): { energy_J: number; latency_s: number } {
  let energy_J = 0;
  let latency_s = 0;
  for (const kernel of kernels) {
    const { idle_J, dynamic_J } = kernelEnergy(gpu, kernel);
    energy_J += idle_J + dynamic_J;
    latency_s += kernel.time_s;
  }
  return { energy_J, latency_s };
}

/** Energy and latency of one step only: what a sweep needs. GPUs have no wear-out modelled. */
export function evaluateGpuTotals(gpu: GpuParams, analysis: NetworkAnalysis, batch: number): { energy_J: number; latency_s: number; area_m2: number; lifetime_days: null } {
  return { ...totalsOf(gpu, stepKernels(gpu, analysis, batch)), area_m2: gpu.area_m2, lifetime_days: null };
}

function figures(gpu: GpuParams, analysis: NetworkAnalysis, kernels: readonly Kernel[]): GpuFigures {
  return {
    ...(gpu.name ? { name: gpu.name } : {}),
    peak_FLOPs: { forward: peakOf(gpu, gpu.formatForward), backward: peakOf(gpu, gpu.formatBackward), update: peakOf(gpu, gpu.formatUpdate) },
    vectorPeak_FLOPs: gpu.peak_FLOPs.fp32 ?? 0,
    bandwidth_Bps: gpu.bandwidth_Bps,
    boardPower_W: gpu.boardPower_W,
    idlePower_W: gpu.idlePower_W,
    byLayerPhase: kernels.map((k) => ({
      layer: analysis.work[k.layer]!.name,
      phase: k.phase,
      flops: k.flops,
      bytes: k.bytes,
      bound: k.bound,
      time_s: k.time_s,
      compute_s: k.compute_s,
      memory_s: k.memory_s,
    })),
    assumptions: gpuAssumptions(gpu),
  };
}

/** The epoch, when the dataset size is known, as for a PIM design. */
function epoch(gpu: GpuParams, analysis: NetworkAnalysis, batch: number, full: StepFigures): Pick<Evaluation, 'perEpoch'> {
  const size = analysis.network.datasetSize;
  return size === undefined ? {} : { perEpoch: epochFigures(size, batch, full, (b) => evaluateGpuTotals(gpu, analysis, b)) };
}

export function evaluateGpu(gpu: GpuParams, analysis: NetworkAnalysis, options: EvaluateOptions): Evaluation {
  const kernels = stepKernels(gpu, analysis, options.batch);
  const { energy_J, latency_s } = totalsOf(gpu, kernels);
  return {
    energy_J,
    latency_s,
    area_m2: gpu.area_m2,
    power_W: latency_s > 0 ? energy_J / latency_s : 0,
    batch: options.batch,
    breakdown: gpuBreakdown(gpu, analysis, kernels),
    ...(options.epoch === false ? {} : epoch(gpu, analysis, options.batch, { energy_J, latency_s })),
    design: {
      blocks: gpu.sms,
      activeBlocks: gpu.sms,
      activeLanes: gpu.cudaCores,
      power: { blockCompute_W: dynamicPower_W(gpu), static_W: gpu.idlePower_W, uncapped_W: gpu.boardPower_W, peak_W: gpu.boardPower_W },
      formats: { forward: gpu.formatForward, backward: gpu.formatBackward, update: gpu.formatUpdate },
      arithMode: 'ieee',
    },
    work: { forwardMacsPerImage: analysis.forwardMacs, macs: kernels.reduce((sum, k) => sum + k.ops.macs, 0), params: analysis.params },
    gpu: figures(gpu, analysis, kernels),
    warnings: gpuWarnings(gpu, analysis, options.batch),
  };
}
