import { describe, expect, it } from 'vitest';
import { evaluateGpu } from '../../../src-main/sim/gpu/evaluate.ts';
import { stepKernels, type Kernel } from '../../../src-main/sim/gpu/roofline.ts';
import { CONV, FC, GPU_IDS, gpu } from './fixtures.ts';

const kernel = (kernels: Kernel[], phase: Kernel['phase']): Kernel => kernels.find((k) => k.phase === phase)!;
const relClose = (a: number, b: number): void => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-12);

describe('the roofline of one kernel', () => {
  it('equals max(FLOPs / (peak x utilisation), bytes / (bandwidth x efficiency)) + launch for a conv, worked out here', () => {
    const g = gpu('gtx-1080');
    const batch = 32;
    const [c, h, w] = [64, 56, 56];
    const macs = 64 * c * 3 * 3 * h * w * batch;
    const weights = 64 * c * 3 * 3;
    const fp32 = 4;
    const forwardBytes = batch * (c * h * w + 64 * h * w) * fp32 + weights * fp32;
    const forward = Math.max((2 * macs) / (g.peak_FLOPs.fp32! * g.utilisationConv), forwardBytes / (g.bandwidth_Bps * g.memoryEfficiency)) + g.launchOverhead_s;
    // Weight gradient: the output gradient and the saved input in, the weight gradients out.
    const wgradBytes = batch * (64 * h * w + c * h * w) * fp32 + weights * fp32;
    const wgrad = Math.max((2 * macs) / (g.peak_FLOPs.fp32! * g.utilisationConv), wgradBytes / (g.bandwidth_Bps * g.memoryEfficiency)) + g.launchOverhead_s;
    const kernels = stepKernels(g, CONV, batch);
    relClose(kernel(kernels, 'forward').flops, 2 * macs);
    relClose(kernel(kernels, 'forward').bytes, forwardBytes);
    relClose(kernel(kernels, 'forward').time_s, forward);
    relClose(kernel(kernels, 'weightGradient').time_s, wgrad);
    // The network input needs no gradient: a first layer launches no activation-gradient kernel.
    expect(kernels.map((k) => k.phase)).toEqual(['forward', 'weightGradient', 'weightUpdate']);
  });

  it('moves the mixed-precision update: FP32 master weights read and written, BF16 gradients read, a BF16 copy written', () => {
    const g = gpu('a100');
    const params = 4096 * 4096 + 4096;
    relClose(kernel(stepKernels(g, FC, 8), 'weightUpdate').bytes, params * (4 + 4 + 2 + 2));
    relClose(kernel(stepKernels(gpu('gtx-1080'), FC, 8), 'weightUpdate').bytes, params * (4 + 4 + 4));
  });

  it('turns a fully-connected layer from memory-bound at batch 1 to compute-bound at a large batch, on every GPU', () => {
    for (const id of GPU_IDS) {
      const g = gpu(id);
      expect(kernel(stepKernels(g, FC, 1), 'forward').bound, id).toBe('memory');
      expect(kernel(stepKernels(g, FC, 4096), 'forward').bound, id).toBe('compute');
    }
  });

  it('puts a memory-bound kernel\'s busy time on transfer and its launch on static', () => {
    const g = gpu('v100');
    const e = evaluateGpu(g, FC, { batch: 1, epoch: false });
    const kernels = stepKernels(g, FC, 1);
    expect(kernels.every((k) => k.bound === 'memory')).toBe(true);
    relClose(e.breakdown.byOp.transfer.latency_s, kernels.reduce((s, k) => s + k.active_s, 0));
    relClose(e.breakdown.byOp.static.latency_s, kernels.length * g.launchOverhead_s);
    expect(e.breakdown.byOp.fpMul.latency_s).toBe(0);
    expect(e.breakdown.byComponent.periphery.energy_J).toBe(0);
  });

  it('runs a GPU slower in a format it computes slowly: the GTX 1080 in FP16, the A100 in FP32 instead of BF16', () => {
    const batch = 256;
    const gtx = stepKernels(gpu('gtx-1080'), CONV, batch);
    const gtx16 = stepKernels(gpu('gtx-1080', { formatForward: 'fp16' }), CONV, batch);
    expect(kernel(gtx16, 'forward').time_s / kernel(gtx, 'forward').time_s).toBeGreaterThan(30);
    const a100 = stepKernels(gpu('a100'), CONV, batch);
    const a100fp32 = stepKernels(gpu('a100', { formatForward: 'fp32' }), CONV, batch);
    expect(kernel(a100fp32, 'forward').time_s).toBeGreaterThan(5 * kernel(a100, 'forward').time_s);
  });
});
