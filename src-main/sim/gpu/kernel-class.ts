import type { Layer, LayerShape } from '../../shared/schemas/workload.ts';
import type { LayerWork } from '../workload/training.ts';
import type { GpuParams } from './params.ts';

// Which share of the peak a layer's kernels reach. Layers with dot products in their forward pass
// (conv, fc, and any kind added later that has them) run on the matrix units. A grouped
// convolution whose groups see few input channels (depthwise: one) reuses each input over few
// outputs and cannot fill the matrix tiles, so it reaches far less; one with wide groups (the
// two-tower AlexNet's) runs as ordinary convolutions. Every other layer, whatever its kind, is
// element-wise work on the FP32 lanes.

export type KernelClass = 'gemm' | 'conv' | 'groupedConv' | 'vector';

function groupsOf(layer: Layer | undefined): number {
  return layer !== undefined && 'groups' in layer ? (layer.groups ?? 1) : 1;
}

export function kernelClassOf(gpu: GpuParams, layer: Layer | undefined, shape: LayerShape | undefined, work: LayerWork): KernelClass {
  if (work.dotProducts.forward.results === 0) return 'vector';
  if (work.kind !== 'conv') return 'gemm';
  const groups = groupsOf(layer);
  const channelsPerGroup = (shape?.inShape[0] ?? 0) / groups;
  return groups > 1 && channelsPerGroup < gpu.groupedConvChannels ? 'groupedConv' : 'conv';
}

export function utilisationOf(gpu: GpuParams, kind: KernelClass): number {
  if (kind === 'gemm') return gpu.utilisationGemm;
  if (kind === 'conv') return gpu.utilisationConv;
  if (kind === 'groupedConv') return gpu.utilisationGroupedConv;
  return gpu.utilisationVector;
}
