import { describe, expect, it } from 'vitest';
import { BUILTIN_GPUS } from '../../src-main/sim/gpu/builtin.ts';
import { evaluateGpu } from '../../src-main/sim/gpu/evaluate.ts';
import { gpuParamsFromValues } from '../../src-main/sim/gpu/params.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import type { Evaluation } from '../../src-main/shared/schemas/evaluation.ts';
import type { ReproduceOutput } from '../../src-main/shared/schemas/design-api.ts';
import { breakdownSeries, BREAKDOWN_OF } from '@/charts/compare-breakdown.ts';
import { ARITHMETIC_LABEL, GEOMETRIC_LABEL, PUBLISHED_GPU_LABEL, paperGpuTable } from '@/charts/paper-gpu.ts';
import { componentBreakdown, opBreakdown } from '@/charts/breakdown.ts';
import { boundSummary, kernelTable, layerBounds } from '@/components/experiments/gpu-roofline.ts';
import { NOT_MODELLED_RATIO_TEXT, NOT_MODELLED_TEXT, lifetimeOf, withLifetime } from '@/components/compare/lifetime-column.ts';
import { withPower } from '@/components/compare/power-column.ts';
import { normalize, normalizedTable, type CompareEntry } from '@/charts/normalized.ts';

// What the pages make of a GPU run (evaluated here by the GPU model itself, not typed): the
// roofline per layer, the breakdowns in the GPU's own words, Compare's power and lifetime columns,
// and FloatPIM's GPU comparison as a table.

function gpuRun(id: string, network: string, batch: number): Evaluation {
  const parsed = gpuParamsFromValues(BUILTIN_GPUS.find((g) => g.id === id)!.values);
  const analysed = analyzeNetwork(zooNetwork(network)!.network);
  if (!parsed.ok || !analysed.ok) throw new Error('inputs');
  return evaluateGpu(parsed.params, analysed.analysis, { batch });
}

const a100 = gpuRun('a100', 'resnet50', 64);

describe('a GPU run on the result page', () => {
  it('groups the kernels by layer with each phase\'s bound, times summing to the step', () => {
    const rows = layerBounds(a100.gpu!);
    expect(rows.length).toBe(new Set(a100.gpu!.byLayerPhase.map((k) => k.layer)).size);
    expect(rows.reduce((s, r) => s + r.time_s, 0)).toBeCloseTo(a100.latency_s, 12);
    const summary = boundSummary(a100.gpu!);
    expect(summary.computeKernels + summary.memoryKernels).toBe(a100.gpu!.byLayerPhase.length);
    expect(summary.memoryTimeShare).toBeGreaterThan(0);
    expect(summary.memoryTimeShare).toBeLessThan(1);
    const table = kernelTable(a100.gpu!, 'A100 run');
    expect(table.rows).toHaveLength(a100.gpu!.byLayerPhase.length);
    expect(table.columns.map((c) => c.unit ?? null)).toEqual([null, null, null, 'FLOP', 'B', 's', 's', 's']);
  });

  it('names the breakdown parts by what they hold on a GPU, and keeps their values', () => {
    expect(componentBreakdown(a100).parts.map((p) => p.label)).toEqual(['Compute (SMs; die area)', 'DRAM traffic', 'Idle power']);
    expect(opBreakdown(a100).parts.map((p) => p.label)).toEqual(expect.arrayContaining(['Memory-bound kernels', 'Idle and launch gaps']));
  });
});

describe('GPU and PIM runs on Compare', () => {
  const entries = [
    { label: 'A100', breakdown: BREAKDOWN_OF.op(a100) },
    { label: 'GTX 1080', breakdown: BREAKDOWN_OF.op(gpuRun('gtx-1080', 'resnet50', 64)) },
  ];

  it('sets breakdowns side by side as shares that add to 100 % per run', () => {
    const series = breakdownSeries(entries, 0);
    for (let e = 0; e < entries.length; e += 1) expect(series.reduce((s, x) => s + x.percent[e]!, 0)).toBeCloseTo(100, 9);
    expect(series.find((s) => s.key === 'transfer')!.values[0]).toBe(a100.breakdown.byOp.transfer.energy_J);
  });

  it('adds average power after area, and a dash with "not modelled" for a GPU\'s lifetime', () => {
    const entry = (id: string, energy_J: number): CompareEntry => ({ id, name: id, figures: { energy_J, latency_s: 1, area_m2: 1e-4 } });
    const rows = normalize([entry('gpu', 2), entry('pim', 1)], 'gpu', 'normalised');
    expect(lifetimeOf(a100)).toEqual({ kind: 'not-modelled' });
    const table = withLifetime(withPower(normalizedTable(rows, 'normalised'), rows, new Map([['gpu', 320], ['pim', 57]])), rows, new Map([['gpu', lifetimeOf(a100)], ['pim', { kind: 'days', days: 2 }]]));
    expect(table.columns[7]).toMatchObject({ group: 'Power', unit: 'W' });
    expect(table.rows[0]!.slice(7)).toEqual([320, NOT_MODELLED_TEXT, NOT_MODELLED_RATIO_TEXT]);
    expect(table.rows[1]!.slice(7)).toEqual([57, 2, null]);
    expect(table.caption).toMatch(/a GPU has no cells to wear out/);
  });
});

describe("FloatPIM's GPU comparison as a table", () => {
  const models = [
    { network: 'AlexNet', gpu: { energy_J: 8, latency_s: 0.06 }, pim: { energy_J: 1, latency_s: 0.015 }, ratios: { speedup: 4, energyEfficiency: 8 } },
    { network: 'VGG-16', gpu: { energy_J: 180, latency_s: 1.2 }, pim: { energy_J: 20, latency_s: 0.3 }, ratios: { speedup: 4, energyEfficiency: 9 } },
  ];
  const comparison = { gpu: { id: 'builtin:gtx-1080', name: 'NVIDIA GeForce GTX 1080', format: 'fp32' }, against: 'FloatPIM (ReRAM, MAGIC NOR)', batch: 64, comparable: true, note: '', models, average: { arithmetic: { speedup: 4, energyEfficiency: 8.5 }, geometric: { speedup: 4, energyEfficiency: Math.sqrt(72) } }, published: { speedup: 303.2, energyEfficiency: 48.6 } };
  const result = { basis: 'floatpim-published', gpuComparison: comparison } as unknown as ReproduceOutput;

  it('gives each network\'s steps and ratios, both means labelled, and the published pair', () => {
    const table = paperGpuTable(result)!;
    expect(table.rows.map((r) => r.slice(5))).toEqual([[4, 8], [4, 9]]);
    expect(table.footer!.map((r) => [r[0], r[5], r[6]])).toEqual([
      [ARITHMETIC_LABEL, 4, 8.5],
      [GEOMETRIC_LABEL, 4, Math.sqrt(72)],
      [PUBLISHED_GPU_LABEL, 303.2, 48.6],
    ]);
  });

  it('has no table on a basis without seconds and joules, nor for a comparison kept before it existed', () => {
    expect(paperGpuTable({ ...result, gpuComparison: { ...comparison, comparable: false, models: [] } } as ReproduceOutput)).toBeNull();
    expect(paperGpuTable({ basis: 'as-modelled' } as unknown as ReproduceOutput)).toBeNull();
  });
});
