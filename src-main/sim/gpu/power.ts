import type { GpuParams } from './params.ts';
import type { Kernel } from './roofline.ts';

// Energy = time x average board power. The board idles at `idlePower_W` all step long; while a
// kernel runs, compute- or memory-bound alike, it draws `activity` of the rest up to its board
// power. DRAM, caches and voltage regulators are inside the board power, so nothing is added.

/** What a running kernel adds to the idle power. */
export function dynamicPower_W(gpu: GpuParams): number {
  return (gpu.boardPower_W - gpu.idlePower_W) * gpu.activity;
}

export interface KernelEnergy {
  readonly idle_J: number;
  readonly dynamic_J: number;
}

export function kernelEnergy(gpu: GpuParams, kernel: Kernel): KernelEnergy {
  return { idle_J: gpu.idlePower_W * kernel.time_s, dynamic_J: dynamicPower_W(gpu) * kernel.active_s };
}
