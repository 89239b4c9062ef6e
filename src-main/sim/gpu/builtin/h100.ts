import { v } from '../../cells/builtin/definition.ts';
import type { DesignDefinition } from '../../arch/builtin/definition.ts';
import { H100_DATASHEET, H100_WHITEPAPER as WP } from './sources.ts';
import { GPU_KIND, SHARED_GPU_ASSUMPTIONS, idlePower } from './shared.ts';

// Hopper GH100 on the SXM5 board: tensor cores add FP8. Dense rates (the sparse ones need 2:4
// pruned weights).

const MIXED = 'assumption: mixed precision in BF16 on the tensor cores for activations, weights and gradients, FP32 master weights for the update (FP8 training needs per-tensor scaling, left to the user)';

export const h100: DesignDefinition = {
  id: 'h100',
  name: 'NVIDIA H100 (SXM5 80 GB)',
  description: 'Hopper GH100 on TSMC 4N: 132 SMs, 16896 CUDA cores, 528 tensor cores (TF32, FP16, BF16, FP8), 80 GB of HBM3 at 3.35 TB/s, 700 W. BF16 mixed-precision training.',
  values: [
    GPU_KIND,
    v('name', 'NVIDIA H100 SXM5 80GB', '', WP),
    v('node', 5, 'nm', `assumption: TSMC 4N (${WP}) is a derivative of TSMC's 5 nm family, entered as 5 nm`),
    v('sms', 132, '1', `${WP}: 132 SMs on H100 SXM5`),
    v('cudaCores', 16896, '1', `${WP}: 128 FP32 cores per SM, 16896 in all`),
    v('peak.fp32', 66.9, 'THz', `${WP}: 66.9 TFLOP/s FP32 (SXM5; 67 in ${H100_DATASHEET})`),
    v('peak.tf32', 494.7, 'THz', `${WP}: 494.7 TFLOP/s TF32 on the tensor cores, dense`),
    v('peak.fp16', 989.4, 'THz', `${WP}: 989.4 TFLOP/s FP16 on the tensor cores, dense`),
    v('peak.bf16', 989.4, 'THz', `${WP}: 989.4 TFLOP/s BF16 on the tensor cores, dense`),
    v('peak.fp8', 1978.9, 'THz', `${WP}: 1978.9 TFLOP/s FP8 on the tensor cores, dense`),
    v('bandwidth', 3350, 'GB/s', `${H100_DATASHEET}: 3.35 TB/s of HBM3 (SXM)`),
    v('onChip', 52.43, 'MB', `${WP}: 50 MB of L2 cache (binary: 50 x 2^20 bytes)`),
    v('memory', 85.9, 'GB', `${WP}: 80 GB of HBM3 (binary gigabytes: 80 x 2^30 bytes)`),
    v('boardPower', 700, 'W', `${H100_DATASHEET}: up to 700 W (SXM)`),
    idlePower(700),
    v('area', 814, 'mm^2', `${WP}: GH100 die, 814 mm^2`),
    v('format.forward', 'bf16', '', MIXED),
    v('format.backward', 'bf16', '', MIXED),
    v('format.update', 'fp32', '', MIXED),
    ...SHARED_GPU_ASSUMPTIONS,
  ],
};
