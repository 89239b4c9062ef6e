import type { Layer, Network } from '../../../src-main/shared/schemas/workload.ts';
import { BUILTIN_GPUS } from '../../../src-main/sim/gpu/builtin.ts';
import { gpuParamsFromValues, type GpuParams } from '../../../src-main/sim/gpu/params.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../../../src-main/sim/workload/analyze.ts';

// Built-in GPUs parsed, and one-layer networks whose roofline a test can work out by hand.

export const GPU_IDS = BUILTIN_GPUS.map((g) => g.id);

export function gpu(id: string, change: Partial<GpuParams> = {}): GpuParams {
  const parsed = gpuParamsFromValues(BUILTIN_GPUS.find((g) => g.id === id)!.values);
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.issues)}`);
  return { ...parsed.params, ...change };
}

export function oneLayer(layer: Layer, input: Network['input']): NetworkAnalysis {
  const network: Network = { name: 'one layer', dataset: 'none', input, classes: 10, source: 'test', layers: [layer] };
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) throw new Error(JSON.stringify(analysed.issues));
  return analysed.analysis;
}

/** 64 -> 64 channels, 3 x 3, on 56 x 56: a ResNet-50 stage-1 convolution. */
export const CONV = oneLayer({ name: 'conv', kind: 'conv', inputs: [], kernel: [3, 3], stride: [1, 1], padding: [1, 1], out: 64, bias: false }, { channels: 64, height: 56, width: 56 });

/** 4096 -> 4096 features, with bias: a VGG-16 classifier layer. */
export const FC = oneLayer({ name: 'fc', kind: 'fc', inputs: [], out: 4096 }, { channels: 4096, height: 1, width: 1 });
