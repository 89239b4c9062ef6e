import { span, v } from '../../cells/builtin/definition.ts';
import type { LibraryValue } from '../../params/read-values.ts';

// Values every built-in GPU shares: the model's assumptions (each with its reason and range) and
// the pieces of a GPU design that are not figures of the hardware.

export const GPU_KIND = v('kind', 'gpu', '', 'assumption: a GPU is modelled as a roofline of kernels (peak rates, DRAM bandwidth, board power), not as arrays of cells');

export const SHARED_GPU_ASSUMPTIONS: readonly LibraryValue[] = [
  v(
    'utilisation.conv',
    0.6,
    '1',
    'assumption: cuDNN convolutions of image networks (implicit GEMM, Winograd) keep well over half of the peak on large layers and less on small feature maps or few channels',
    span(0.35, 0.85, 'uniform', 'assumption: from small late-stage layers (about a third of the peak) to the best large layers (most of it)'),
  ),
  v(
    'utilisation.gemm',
    0.7,
    '1',
    'assumption: a fully-connected layer is one GEMM; at training batches its dimensions are large enough for most of the peak',
    span(0.4, 0.9, 'uniform', 'assumption: from a narrow GEMM (small batch or few outputs) to a large square one'),
  ),
  v(
    'utilisation.groupedConv',
    0.1,
    '1',
    'assumption: grouped and depthwise convolutions reuse each input over few outputs, so they run far from the peak (often memory-bound anyway)',
    span(0.02, 0.3, 'log-uniform', 'assumption: depthwise kernels at a few percent of the peak to grouped ones with wide groups'),
  ),
  v(
    'groupedConv.channelsPerGroup',
    16,
    '1',
    'assumption: tensor-core and GEMM tiles span 8 to 64 channels, so a group narrower than 16 input channels (depthwise: 1, ResNeXt: 4 to 32) leaves most of a tile empty',
    span(4, 64, 'log-uniform', 'assumption: from only depthwise-like groups (under 4 channels) to every group narrower than a full tile'),
  ),
  v(
    'utilisation.vector',
    0.5,
    '1',
    'assumption: element-wise kernels (batch-norm, activations, pooling, update) keep about half of the FP32 lanes busy; they are memory-bound, so the value rarely matters',
    span(0.2, 0.9, 'uniform', 'assumption: from reductions with poor occupancy to simple fused element-wise kernels'),
  ),
  v(
    'memoryEfficiency',
    0.8,
    '1',
    'assumption: streaming kernels reach about 80% of the DRAM peak (refresh, bank conflicts and read/write turnarounds take the rest)',
    span(0.6, 0.92, 'uniform', 'assumption: from strided or small transfers to the best streaming copies'),
  ),
  v(
    'activity',
    0.85,
    '1',
    'assumption: training holds these boards near their power limit while kernels run, but no kernel keeps every unit busy at once',
    span(0.6, 1, 'uniform', 'assumption: from memory-bound phases that leave the arithmetic idle to the full board power'),
  ),
  v(
    'specialFunctionOps',
    4,
    '1',
    'assumption: a divide, exponential or square root takes several FP32 lane slots (special-function units issue at a fraction of the FP32 rate, IEEE division adds Newton steps); only batch-norm and softmax use them',
    span(1, 16, 'log-uniform', 'assumption: from fast approximate intrinsics (one slot) to IEEE-exact division with its refinement'),
  ),
  v(
    'launchOverhead',
    5,
    'us',
    'assumption: each kernel adds a few microseconds of launch latency and gap between kernels that the roofline does not see',
    span(2, 20, 'log-uniform', 'assumption: from back-to-back launches queued ahead (CUDA graphs) to a framework dispatching each operator from Python'),
  ),
  v('batch', 64, '1', 'assumption: 64 images per step, a common ImageNet batch per GPU, and the batch the PIM designs default to, so a comparison runs both alike'),
];

/** Idle power as a share of the board power, with its reason; the value is per board. */
export function idlePower(boardPower_W: number): LibraryValue {
  const share = 0.15;
  return v(
    'idlePower',
    Number((boardPower_W * share).toPrecision(3)),
    'W',
    `assumption: 15% of the ${boardPower_W} W board power: between kernels a GPU in a training process keeps its clocks and memory up, far above desktop idle`,
    span(Number((boardPower_W * 0.05).toPrecision(3)), Number((boardPower_W * 0.3).toPrecision(3)), 'uniform', `assumption: 5% to 30% of the ${boardPower_W} W board power`),
  );
}
