import { OP_NAMES, PHASE_NAMES, type Evaluation } from '../../shared/schemas/evaluation.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import type { GpuParams } from './params.ts';
import { kernelEnergy } from './power.ts';
import { laneOps, type Kernel } from './roofline.ts';

// The breakdowns of a GPU step, in the convention evaluation.ts states for GPU runs: idle power
// and launch gaps are `static` (the controller component), a memory-bound kernel's busy time is
// `transfer` (the interconnect), a compute-bound kernel's is spread over the operations by their
// share of its compute time (the periphery, which also carries the die area).

type Breakdown = Evaluation['breakdown'];
type Figure = { energy_J: number; latency_s: number };
type OpName = (typeof OP_NAMES)[number];

const zero = (): Figure => ({ energy_J: 0, latency_s: 0 });

/** Each operation's share of a compute-bound kernel's compute time. */
function computeShares(kernel: Kernel, specialFunctionOps: number): Partial<Record<OpName, number>> {
  const { ops, matrix_s, vector_s, compute_s } = kernel;
  const matrix = matrix_s / compute_s;
  const laneMacs = kernel.kind === 'vector' ? ops.macs : 0;
  const lanes = laneOps(ops, kernel.kind, specialFunctionOps);
  const perLane = lanes > 0 ? vector_s / compute_s / lanes : 0;
  return {
    fpMul: matrix / 2 + perLane * (ops.fpMul + laneMacs / 2),
    fpAdd: matrix / 2 + perLane * (ops.fpAdd + laneMacs / 2),
    compare: perLane * ops.compare,
    fpDiv: perLane * specialFunctionOps * ops.fpDiv,
    fpExp: perLane * specialFunctionOps * ops.fpExp,
    fpSqrt: perLane * specialFunctionOps * ops.fpSqrt,
  };
}

function addOps(byOp: Record<OpName, Figure>, gpu: GpuParams, kernel: Kernel, dynamic_J: number): void {
  if (kernel.bound === 'memory') {
    byOp.transfer.latency_s += kernel.active_s;
    byOp.transfer.energy_J += dynamic_J;
    return;
  }
  for (const [op, share] of Object.entries(computeShares(kernel, gpu.specialFunctionOps)) as [OpName, number][]) {
    byOp[op].latency_s += share * kernel.active_s;
    byOp[op].energy_J += share * dynamic_J;
  }
}

export function gpuBreakdown(gpu: GpuParams, analysis: NetworkAnalysis, kernels: readonly Kernel[]): Breakdown {
  const byPhase = Object.fromEntries(PHASE_NAMES.map((p) => [p, zero()])) as Breakdown['byPhase'];
  const byLayer = analysis.work.map((layer) => ({ name: layer.name, kind: layer.kind, ...zero() }));
  const byOp = Object.fromEntries(OP_NAMES.map((o) => [o, zero()])) as Record<OpName, Figure>;
  const components = { compute_J: 0, memory_J: 0, idle_J: 0 };
  for (const kernel of kernels) {
    const { idle_J, dynamic_J } = kernelEnergy(gpu, kernel);
    for (const figure of [byPhase[kernel.phase], byLayer[kernel.layer]!]) {
      figure.energy_J += idle_J + dynamic_J;
      figure.latency_s += kernel.time_s;
    }
    byOp.static.latency_s += kernel.time_s - kernel.active_s;
    byOp.static.energy_J += idle_J;
    addOps(byOp, gpu, kernel, dynamic_J);
    components.idle_J += idle_J;
    if (kernel.bound === 'memory') components.memory_J += dynamic_J;
    else components.compute_J += dynamic_J;
  }
  const byComponent = {
    cells: { energy_J: 0, area_m2: 0 },
    periphery: { energy_J: components.compute_J, area_m2: gpu.area_m2 },
    interconnect: { energy_J: components.memory_J, area_m2: 0 },
    controller: { energy_J: components.idle_J, area_m2: 0 },
  };
  return { byPhase, byLayer, byComponent, byOp };
}
