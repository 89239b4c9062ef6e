import { v } from '../../cells/builtin/definition.ts';
import type { DesignDefinition } from '../../arch/builtin/definition.ts';
import { V100_WHITEPAPER as WP } from './sources.ts';
import { GPU_KIND, SHARED_GPU_ASSUMPTIONS, idlePower } from './shared.ts';

// Volta GV100 on the SXM2 board: the first tensor cores, FP16 only (no BF16 or TF32).

const MIXED = 'assumption: mixed precision as Volta trains: FP16 activations, weights and gradients on the tensor cores, FP32 master weights for the update';

export const v100: DesignDefinition = {
  id: 'v100',
  name: 'NVIDIA Tesla V100 (SXM2 16 GB)',
  description: 'Volta GV100 at 12 nm: 80 SMs, 5120 CUDA cores, 640 tensor cores (FP16), 16 GB of HBM2 at 900 GB/s, 300 W. Mixed-precision training.',
  values: [
    GPU_KIND,
    v('name', 'NVIDIA Tesla V100 SXM2', '', WP),
    v('node', 12, 'nm', `${WP}: TSMC 12 nm FFN`),
    v('sms', 80, '1', `${WP}: 80 SMs on Tesla V100`),
    v('cudaCores', 5120, '1', `${WP}: 64 FP32 cores per SM, 5120 in all`),
    v('peak.fp32', 15.7, 'THz', `${WP}: 15.7 TFLOP/s FP32 (SXM2, 1530 MHz boost)`),
    v('peak.fp16', 125, 'THz', `${WP}: 125 TFLOP/s on the tensor cores (FP16 products, FP32 accumulation)`),
    v('bandwidth', 900, 'GB/s', `${WP}: 900 GB/s of HBM2`),
    v('onChip', 6.291, 'MB', `${WP}: 6144 KB of L2 cache`),
    v('memory', 17.18, 'GB', `${WP}: 16 GB of HBM2 (binary gigabytes: 2^34 bytes)`),
    v('boardPower', 300, 'W', `${WP}: 300 W TDP (SXM2)`),
    idlePower(300),
    v('area', 815, 'mm^2', `${WP}: GV100 die, 815 mm^2`),
    v('format.forward', 'fp16', '', MIXED),
    v('format.backward', 'fp16', '', MIXED),
    v('format.update', 'fp32', '', MIXED),
    ...SHARED_GPU_ASSUMPTIONS,
  ],
};
