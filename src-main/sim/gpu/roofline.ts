import type { NetworkAnalysis } from '../workload/analyze.ts';
import type { OpCounts } from '../workload/ops.ts';
import { opsAtBatch } from '../workload/totals.ts';
import { PHASES, type LayerWork, type Phase } from '../workload/training.ts';
import { bytesOf, type GpuFormatName } from './formats.ts';
import { kernelClassOf, utilisationOf, type KernelClass } from './kernel-class.ts';
import { peakOf, type GpuParams } from './params.ts';
import { phaseBytes, type Widths } from './traffic.ts';

// A training step on a GPU as a sequence of kernels, one per layer and phase that has arithmetic,
// each timed by the roofline:
//   time = max(compute_s, memory_s) + launch overhead
//   compute_s = 2 macs / (peak(format) x utilisation(class))             [matrix units]
//             + lane ops / (FP32 peak / 2 x utilisation(vector))          [FP32 lanes]
//   memory_s  = bytes (traffic.ts) / (bandwidth x memory efficiency)
// Only layers with dot products send their MACs to the matrix units; every other operation is a
// lane op on the CUDA cores in FP32 (mixed-precision frameworks compute element-wise work in
// FP32 registers): a multiply, add, compare or FMA takes one lane slot, which the FP32 peak counts
// as 2 FLOP for an FMA, hence half the peak; a divide, exponential or square root takes
// `specialFunctionOps` slots. Reported FLOPs are 2 macs + the other operations, special functions
// at the same weight. A (layer, phase) without operations launches no kernel and moves nothing
// (concatenations and views are written in place: assumption).

export interface Kernel {
  readonly layer: number;
  readonly phase: Phase;
  readonly kind: KernelClass;
  readonly ops: OpCounts;
  readonly flops: number;
  readonly bytes: number;
  /** Compute time on the matrix units and on the FP32 lanes; compute_s is their sum. */
  readonly matrix_s: number;
  readonly vector_s: number;
  readonly compute_s: number;
  readonly memory_s: number;
  readonly bound: 'compute' | 'memory';
  /** max(compute_s, memory_s): the time the GPU is busy. */
  readonly active_s: number;
  /** active_s plus the launch overhead. */
  readonly time_s: number;
}

export function phaseFormat(gpu: GpuParams, phase: Phase): GpuFormatName {
  if (phase === 'forward') return gpu.formatForward;
  return phase === 'weightUpdate' ? gpu.formatUpdate : gpu.formatBackward;
}

export function widthsOf(gpu: GpuParams): Widths {
  return { forward: bytesOf(gpu.formatForward), backward: bytesOf(gpu.formatBackward), update: bytesOf(gpu.formatUpdate) };
}

/** FP32 lane slots of the operations outside the matrix units. */
export function laneOps(ops: OpCounts, kind: KernelClass, specialFunctionOps: number): number {
  const macs = kind === 'vector' ? ops.macs : 0;
  return macs + ops.fpMul + ops.fpAdd + ops.compare + specialFunctionOps * (ops.fpDiv + ops.fpExp + ops.fpSqrt);
}

export function flopsOf(ops: OpCounts, specialFunctionOps: number): number {
  return 2 * ops.macs + ops.fpMul + ops.fpAdd + ops.compare + specialFunctionOps * (ops.fpDiv + ops.fpExp + ops.fpSqrt);
}

const hasWork = (ops: OpCounts): boolean => ops.macs + ops.fpMul + ops.fpAdd + ops.compare + ops.fpDiv + ops.fpExp + ops.fpSqrt > 0;

interface KernelSite {
  readonly index: number;
  readonly work: LayerWork;
  readonly kind: KernelClass;
}

function kernelOf(gpu: GpuParams, site: KernelSite, phase: Phase, ops: OpCounts, batch: number, widths: Widths): Kernel {
  const matrix_s = site.kind === 'vector' ? 0 : (2 * ops.macs) / (peakOf(gpu, phaseFormat(gpu, phase)) * utilisationOf(gpu, site.kind));
  const fp32 = gpu.peak_FLOPs.fp32 ?? 0;
  const vector_s = laneOps(ops, site.kind, gpu.specialFunctionOps) / ((fp32 / 2) * gpu.utilisationVector);
  const bytes = phaseBytes(site.work, phase, batch, widths, site.kind !== 'vector');
  const memory_s = bytes / (gpu.bandwidth_Bps * gpu.memoryEfficiency);
  const compute_s = matrix_s + vector_s;
  const active_s = Math.max(compute_s, memory_s);
  return {
    layer: site.index,
    phase,
    kind: site.kind,
    ops,
    flops: flopsOf(ops, gpu.specialFunctionOps),
    bytes,
    matrix_s,
    vector_s,
    compute_s,
    memory_s,
    bound: compute_s >= memory_s ? 'compute' : 'memory',
    active_s,
    time_s: active_s + gpu.launchOverhead_s,
  };
}

/** The kernels of one training step of `batch` images, layer by layer in declaration order, phases in order. */
export function stepKernels(gpu: GpuParams, analysis: NetworkAnalysis, batch: number): Kernel[] {
  const widths = widthsOf(gpu);
  const kernels: Kernel[] = [];
  analysis.work.forEach((work, index) => {
    const site = { index, work, kind: kernelClassOf(gpu, analysis.network.layers[index], analysis.shapes[index], work) };
    for (const phase of PHASES) {
      const ops = opsAtBatch(work.phases[phase], batch);
      if (hasWork(ops)) kernels.push(kernelOf(gpu, site, phase, ops, batch, widths));
    }
  });
  return kernels;
}
