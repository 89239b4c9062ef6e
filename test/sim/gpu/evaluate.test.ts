import { describe, expect, it } from 'vitest';
import { evaluationSchema, type Evaluation } from '../../../src-main/shared/schemas/evaluation.ts';
import { evaluateGpu, evaluateGpuTotals } from '../../../src-main/sim/gpu/evaluate.ts';
import type { NetworkAnalysis } from '../../../src-main/sim/workload/analyze.ts';
import { ZOO } from '../../../src-main/sim/workload/zoo/index.ts';
import { analysis } from '../design-fixtures.ts';
import { GPU_IDS, gpu } from './fixtures.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function breakdownSums(e: Evaluation): string[] {
  const wrong: string[] = [];
  const b = e.breakdown;
  const check = (name: string, value: number, total: number) => {
    if (!close(value, total)) wrong.push(`${name}: ${value} vs ${total}`);
  };
  for (const [name, figures] of [
    ['byPhase', Object.values(b.byPhase)],
    ['byLayer', b.byLayer],
    ['byOp', Object.values(b.byOp)],
  ] as const) {
    check(`${name} energy`, sum(figures.map((f) => f.energy_J)), e.energy_J);
    check(`${name} latency`, sum(figures.map((f) => f.latency_s)), e.latency_s);
  }
  check('byComponent energy', sum(Object.values(b.byComponent).map((f) => f.energy_J)), e.energy_J);
  check('byComponent area', sum(Object.values(b.byComponent).map((f) => f.area_m2)), e.area_m2);
  check('kernels latency', sum(e.gpu!.byLayerPhase.map((k) => k.time_s)), e.latency_s);
  return wrong;
}

describe('evaluateGpu: one training step of a network on a GPU', () => {
  it('answers for every built-in GPU x network in the shape runs return, every breakdown summing to its total', () => {
    for (const id of GPU_IDS) {
      for (const { id: net } of ZOO) {
        const e = evaluateGpu(gpu(id), analysis(net), { batch: 16 });
        expect(evaluationSchema.safeParse(e).success, `${id} ${net}`).toBe(true);
        expect(e.energy_J, `${id} ${net}`).toBeGreaterThan(0);
        expect(breakdownSums(e), `${id} ${net}`).toEqual([]);
        expect(e.breakdown.byLayer).toHaveLength(analysis(net).work.length);
        expect(e.lifetime, `${id} ${net}`).toBeUndefined();
        expect(e.reliability, `${id} ${net}`).toBeUndefined();
      }
    }
  });

  it('gives the same totals as evaluateGpuTotals, which sweeps use', () => {
    for (const id of GPU_IDS) {
      const e = evaluateGpu(gpu(id), analysis('resnet18'), { batch: 48 });
      expect(evaluateGpuTotals(gpu(id), analysis('resnet18'), 48)).toEqual({ energy_J: e.energy_J, latency_s: e.latency_s, area_m2: e.area_m2, lifetime_days: null });
    }
  });

  it('is deterministic: the same inputs give the same numbers', () => {
    const a = evaluateGpu(gpu('h100'), analysis('googlenet'), { batch: 32 });
    const b = evaluateGpu(gpu('h100'), analysis('googlenet'), { batch: 32 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('counts an epoch as its steps, the last one smaller, and the work of a step as the PIM model does', () => {
    const e = evaluateGpu(gpu('v100'), analysis('resnet18'), { batch: 64 });
    // ImageNet: 1,281,167 images = 20,018 batches of 64 and one of 15.
    expect(e.perEpoch).toMatchObject({ steps: 20_019, images: 1_281_167 });
    expect(e.perEpoch!.latency_s).toBeGreaterThan(20_018 * e.latency_s);
    expect(e.perEpoch!.latency_s).toBeLessThan(20_019 * e.latency_s);
    expect(e.work.forwardMacsPerImage).toBe(analysis('resnet18').forwardMacs);
    expect(evaluateGpu(gpu('v100'), analysis('resnet18'), { batch: 64, epoch: false }).perEpoch).toBeUndefined();
  });

  it('treats a layer kind it does not know by its operation counts, never refusing it', () => {
    const base = analysis('resnet18');
    const relu = base.work.findIndex((w) => w.kind === 'activation');
    const renamed: NetworkAnalysis = {
      ...base,
      work: base.work.map((w, i) => (i === relu ? { ...w, kind: 'mul' as never } : w)),
      network: { ...base.network, layers: base.network.layers.map((l, i) => (i === relu ? ({ ...l, kind: 'mul' } as never) : l)) },
    };
    const a = evaluateGpu(gpu('a100'), base, { batch: 16, epoch: false });
    const b = evaluateGpu(gpu('a100'), renamed, { batch: 16, epoch: false });
    expect(b.latency_s).toBe(a.latency_s);
    expect(b.breakdown.byLayer[relu]!.kind).toBe('mul');
  });

  it('warns when the training state outgrows the GPU memory, and when a format runs below the FP32 rate', () => {
    expect(evaluateGpu(gpu('gtx-1080'), analysis('vgg16'), { batch: 16 }).warnings).toEqual([]);
    expect(evaluateGpu(gpu('gtx-1080'), analysis('vgg16'), { batch: 256 }).warnings.join(' ')).toMatch(/exceeds the GPU's 8 GiB of memory/);
    expect(evaluateGpu(gpu('gtx-1080', { formatForward: 'fp16', formatBackward: 'fp16' }), analysis('lenet5'), { batch: 16 }).warnings.join(' ')).toMatch(/fp16 runs at 0\.1386 TFLOP\/s/);
  });

  it('reports what bounds each kernel and the assumptions in words', () => {
    const e = evaluateGpu(gpu('a100'), analysis('resnet50'), { batch: 64 });
    const bounds = new Set(e.gpu!.byLayerPhase.map((k) => k.bound));
    expect(bounds).toEqual(new Set(['compute', 'memory']));
    expect(e.gpu!.peak_FLOPs).toEqual({ forward: 312e12, backward: 312e12, update: 19.5e12 });
    expect(e.gpu!.assumptions.join(' ')).toMatch(/60% of the peak/);
    expect(e.design).toMatchObject({ blocks: 108, activeBlocks: 108, activeLanes: 6912, formats: { forward: 'bf16', backward: 'bf16', update: 'fp32' } });
  });
});
