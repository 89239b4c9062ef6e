import { v } from '../../cells/builtin/definition.ts';
import type { DesignDefinition } from '../../arch/builtin/definition.ts';
import { A100_WHITEPAPER as WP } from './sources.ts';
import { GPU_KIND, SHARED_GPU_ASSUMPTIONS, idlePower } from './shared.ts';

// Ampere GA100 on the SXM4 40 GB board: tensor cores for TF32, FP16 and BF16 (dense rates here;
// the doubled sparse rates need 2:4-pruned weights, which training does not have).

const MIXED = 'assumption: mixed precision in BF16 on the tensor cores for activations, weights and gradients, FP32 master weights for the update';

export const a100: DesignDefinition = {
  id: 'a100',
  name: 'NVIDIA A100 (SXM4 40 GB)',
  description: 'Ampere GA100 at 7 nm: 108 SMs, 6912 CUDA cores, 432 tensor cores (TF32, FP16, BF16), 40 GB of HBM2 at 1555 GB/s, 400 W. BF16 mixed-precision training.',
  values: [
    GPU_KIND,
    v('name', 'NVIDIA A100 SXM4 40GB', '', WP),
    v('node', 7, 'nm', `${WP}: TSMC 7 nm N7`),
    v('sms', 108, '1', `${WP}: 108 SMs on A100`),
    v('cudaCores', 6912, '1', `${WP}: 64 FP32 cores per SM, 6912 in all`),
    v('peak.fp32', 19.5, 'THz', `${WP}: 19.5 TFLOP/s FP32`),
    v('peak.tf32', 156, 'THz', `${WP}: 156 TFLOP/s TF32 on the tensor cores, dense`),
    v('peak.fp16', 312, 'THz', `${WP}: 312 TFLOP/s FP16 on the tensor cores, dense`),
    v('peak.bf16', 312, 'THz', `${WP}: 312 TFLOP/s BF16 on the tensor cores, dense`),
    v('bandwidth', 1555, 'GB/s', `${WP}: 1555 GB/s of HBM2`),
    v('onChip', 41.94, 'MB', `${WP}: 40 MB of L2 cache (40960 KB)`),
    v('memory', 42.95, 'GB', `${WP}: 40 GB of HBM2 (binary gigabytes: 40 x 2^30 bytes)`),
    v('boardPower', 400, 'W', `${WP}: 400 W TDP (SXM4)`),
    idlePower(400),
    v('area', 826, 'mm^2', `${WP}: GA100 die, 826 mm^2`),
    v('format.forward', 'bf16', '', MIXED),
    v('format.backward', 'bf16', '', MIXED),
    v('format.update', 'fp32', '', MIXED),
    ...SHARED_GPU_ASSUMPTIONS,
  ],
};
