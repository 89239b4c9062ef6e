import type { GpuFigures, PHASE_NAMES } from '@shared/schemas/evaluation.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import { displaySI } from '@/display.ts';

// A GPU run's roofline as the result page shows it: per layer, whether each training phase's
// kernel is bound by its arithmetic or by its DRAM traffic, and how long it takes; the table it
// exports keeps every kernel's FLOPs, bytes and times in SI units.

export type Phase = (typeof PHASE_NAMES)[number];
export type Bound = 'compute' | 'memory';

export const PHASE_TEXT: Readonly<Record<Phase, string>> = {
  forward: 'Forward',
  activationGradient: 'Activation gradient',
  weightGradient: 'Weight gradient',
  weightUpdate: 'Weight update',
};

export interface LayerBounds {
  readonly layer: string;
  readonly time_s: number;
  /** Per phase: its kernel's bound and time, or null when the phase launches no kernel. */
  readonly phases: Readonly<Record<Phase, { readonly bound: Bound; readonly time_s: number } | null>>;
}

/** One row per layer, in step order, with each phase's kernel. */
export function layerBounds(gpu: GpuFigures): LayerBounds[] {
  const rows = new Map<string, { layer: string; time_s: number; phases: Record<Phase, { bound: Bound; time_s: number } | null> }>();
  for (const k of gpu.byLayerPhase) {
    let row = rows.get(k.layer);
    if (!row) rows.set(k.layer, (row = { layer: k.layer, time_s: 0, phases: { forward: null, activationGradient: null, weightGradient: null, weightUpdate: null } }));
    row.time_s += k.time_s;
    row.phases[k.phase] = { bound: k.bound, time_s: k.time_s };
  }
  return [...rows.values()];
}

export interface BoundSummary {
  readonly kernels: number;
  readonly computeKernels: number;
  readonly memoryKernels: number;
  /** Share of the step's kernel time spent in memory-bound kernels, 0 to 1. */
  readonly memoryTimeShare: number;
  /**
   * Layers whose forward kernel is compute-bound, of the layers with a forward kernel (the weight
   * update is memory-bound everywhere, so "in every phase" would say nothing).
   */
  readonly forwardComputeLayers: number;
  readonly forwardLayers: number;
}

export function boundSummary(gpu: GpuFigures): BoundSummary {
  const total_s = gpu.byLayerPhase.reduce((s, k) => s + k.time_s, 0);
  const memory = gpu.byLayerPhase.filter((k) => k.bound === 'memory');
  const forward = layerBounds(gpu).flatMap((r) => (r.phases.forward ? [r.phases.forward.bound] : []));
  return {
    kernels: gpu.byLayerPhase.length,
    computeKernels: gpu.byLayerPhase.length - memory.length,
    memoryKernels: memory.length,
    memoryTimeShare: total_s > 0 ? memory.reduce((s, k) => s + k.time_s, 0) / total_s : 0,
    forwardComputeLayers: forward.filter((b) => b === 'compute').length,
    forwardLayers: forward.length,
  };
}

/** "19.5 TFLOP/s". */
export function flopRate(flops: number): string {
  return `${Number((flops / 1e12).toPrecision(4))} TFLOP/s`;
}

/** "1555 GB/s". */
export function byteRate(bytesPerSecond: number): string {
  return `${Number((bytesPerSecond / 1e9).toPrecision(4))} GB/s`;
}

/** Every kernel with its roofline terms, for CSV and LaTeX. */
export function kernelTable(gpu: GpuFigures, experimentName: string): ExportTable {
  const rows: TableCell[][] = gpu.byLayerPhase.map((k) => [k.layer, PHASE_TEXT[k.phase], k.bound, k.flops, k.bytes, k.compute_s, k.memory_s, k.time_s]);
  return {
    title: `Roofline of every kernel, ${experimentName}`,
    caption: `Per layer and training phase of ${experimentName}: FLOPs and DRAM bytes for the batch, the time the arithmetic and the traffic would each take, and the kernel's time (the longer of the two plus the launch overhead). Assumptions: ${gpu.assumptions.join('; ')}.`,
    columns: [
      { label: 'Layer' },
      { label: 'Phase' },
      { label: 'Bound' },
      { label: 'FLOPs', unit: 'FLOP', digits: 4 },
      { label: 'DRAM traffic', unit: 'B', digits: 4 },
      { label: 'Compute time', unit: 's', digits: 4 },
      { label: 'Memory time', unit: 's', digits: 4 },
      { label: 'Kernel time', unit: 's', digits: 4 },
    ],
    rows,
  };
}

/** A phase's cell as shown: "memory · 1.2 ms", or a dash when the phase launches no kernel. */
export function phaseCell(phase: LayerBounds['phases'][Phase]): string {
  return phase ? `${phase.bound} · ${displaySI(phase.time_s, 's')}` : '—';
}
