import { v } from '../../cells/builtin/definition.ts';
import type { DesignDefinition } from '../../arch/builtin/definition.ts';
import { CUDA_GUIDE_THROUGHPUT, FLOATPIM, GTX1080_WHITEPAPER as WP } from './sources.ts';
import { GPU_KIND, SHARED_GPU_ASSUMPTIONS, idlePower } from './shared.ts';

// FloatPIM's baseline GPU (Pascal GP104). FP16 runs at 1/64 of the FP32 rate on GP104, so
// training on it runs in FP32 throughout.

const FP32_ONLY = `assumption: FP32 throughout: GP104 computes FP16 at 1/64 of its FP32 rate (${CUDA_GUIDE_THROUGHPUT}), so training on a GTX 1080, ${FLOATPIM}'s baseline included, runs in FP32`;

export const gtx1080: DesignDefinition = {
  id: 'gtx-1080',
  name: 'NVIDIA GeForce GTX 1080',
  description: 'Pascal GP104 at 16 nm: 20 SMs, 2560 CUDA cores, 8 GB of GDDR5X at 320 GB/s, 180 W. No tensor cores; FP32 training. The GPU FloatPIM compares itself with.',
  values: [
    GPU_KIND,
    v('name', 'NVIDIA GeForce GTX 1080', '', `${WP}`),
    v('node', 16, 'nm', `${WP}: TSMC 16 nm FinFET`),
    v('sms', 20, '1', `${WP}: 4 GPCs of 5 SMs`),
    v('cudaCores', 2560, '1', `${WP}: 128 CUDA cores per SM, 2560 in all`),
    v('peak.fp32', 8.873, 'THz', `${WP}: 2560 CUDA cores x 2 FLOP (FMA) x 1733 MHz boost = 8873 GFLOP/s`),
    v('peak.fp16', 0.1386, 'THz', `${CUDA_GUIDE_THROUGHPUT}: compute capability 6.1 (GP104) gives 2 FP16 results per clock per SM against 128 FP32, so 8.873 TFLOP/s / 64`),
    v('bandwidth', 320, 'GB/s', `${WP}: GDDR5X at 10 Gbps on a 256-bit bus`),
    v('onChip', 2.097, 'MB', `${WP}: 2048 KB of L2 cache`),
    v('memory', 8.59, 'GB', `${WP}: 8 GB of GDDR5X (binary gigabytes: 2^33 bytes)`),
    v('boardPower', 180, 'W', `${WP}: 180 W graphics card power (TDP)`),
    idlePower(180),
    v('area', 314, 'mm^2', `${WP}: GP104 die, 314 mm^2`),
    v('format.forward', 'fp32', '', FP32_ONLY),
    v('format.backward', 'fp32', '', FP32_ONLY),
    v('format.update', 'fp32', '', FP32_ONLY),
    ...SHARED_GPU_ASSUMPTIONS,
  ],
};
