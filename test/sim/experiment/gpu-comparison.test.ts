import { describe, expect, it } from 'vitest';
import { comparePaper, PAPER_NETWORKS, type DesignInput } from '../../../src-main/sim/experiment/reproduce.ts';
import { prepareForBasis } from '../../../src-main/sim/experiment/bases.ts';
import { evaluateTotals } from '../../../src-main/sim/experiment/evaluate.ts';
import { gpuComparison } from '../../../src-main/sim/experiment/gpu-comparison.ts';
import { evaluateGpuTotals } from '../../../src-main/sim/gpu/evaluate.ts';
import { gpuParamsFromValues } from '../../../src-main/sim/gpu/params.ts';
import { BUILTIN_GPUS } from '../../../src-main/sim/gpu/builtin.ts';
import { builtinDesign } from '../../../src-main/sim/arch/builtin/index.ts';
import { builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import { analysis, cellOf, designParams } from '../design-fixtures.ts';

// FloatPIM (Imani et al., ISCA 2019) reports 303.2x the speed and 48.6x the energy efficiency of a
// GTX 1080 in training. The comparison sets the baseline's modelled step beside the built-in GTX
// 1080's on each basis; these tests check the ratios against separate evaluations, not against
// typed figures.

function input(id: string): DesignInput {
  const params = designParams(id);
  const cellDef = builtinCell(params.cell.replace('builtin:', ''))!;
  return { id, name: builtinDesign(id)!.name, version: 1, params, values: builtinDesign(id)!.values, cell: cellOf(params), cellName: cellDef.name, cellValues: cellDef.values };
}

const networks = PAPER_NETWORKS.map(analysis);
const floatpim = input('floatpim');
const batch = 16;
const all = comparePaper(input('sot-mram-pim'), floatpim, networks, { basis: 'all', batch });

function gtx1080Fp32() {
  const values = BUILTIN_GPUS.find((g) => g.id === 'gtx-1080')!.values;
  const parsed = gpuParamsFromValues(values.map((v) => (v.key.startsWith('format.') ? { ...v, value: 'fp32' } : v)));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.params;
}

describe("FloatPIM's GPU comparison: the baseline against a GTX 1080 in FP32", () => {
  it('gives finite, positive speed and energy-efficiency ratios per network and their two means on every physical basis', () => {
    for (const b of all.bases!.filter((x) => x.basis !== 'step-count')) {
      const g = b.gpuComparison!;
      expect(g.comparable, b.basis).toBe(true);
      expect(g).toMatchObject({ gpu: { id: 'builtin:gtx-1080', format: 'fp32' }, against: floatpim.name, batch, published: { speedup: 303.2, energyEfficiency: 48.6 } });
      expect(g.models.map((m) => m.network)).toEqual(['AlexNet', 'VGG-16', 'GoogLeNet', 'SqueezeNet 1.1']);
      const ratios = g.models.flatMap((m) => [m.ratios.speedup!, m.ratios.energyEfficiency!]);
      for (const r of [...ratios, g.average.arithmetic.speedup!, g.average.arithmetic.energyEfficiency!, g.average.geometric.speedup!, g.average.geometric.energyEfficiency!]) {
        expect(Number.isFinite(r) && r > 0, `${b.basis}: ${r}`).toBe(true);
      }
      // The geometric mean never exceeds the arithmetic one (AM-GM), and both lie within the per-network ratios.
      const speeds = g.models.map((m) => m.ratios.speedup!);
      expect(g.average.geometric.speedup!).toBeLessThanOrEqual(g.average.arithmetic.speedup! * (1 + 1e-12));
      expect(g.average.arithmetic.speedup!).toBeLessThanOrEqual(Math.max(...speeds));
      expect(g.average.geometric.speedup!).toBeGreaterThanOrEqual(Math.min(...speeds));
    }
  });

  it('matches separate evaluations of the GPU (evaluateGpuTotals) and of the baseline prepared for the basis (evaluateTotals)', () => {
    const gpu = gtx1080Fp32();
    for (const b of all.bases!.filter((x) => x.basis !== 'step-count')) {
      const prepared = prepareForBasis(b.basis, floatpim, 'baseline');
      b.gpuComparison!.models.forEach((m, i) => {
        const pim = evaluateTotals(prepared, networks[i]!, batch);
        const g = evaluateGpuTotals(gpu, networks[i]!, batch);
        expect(m.ratios.speedup!, `${b.basis} ${m.network}`).toBeCloseTo(g.latency_s / pim.latency_s, 9);
        expect(m.ratios.energyEfficiency!, `${b.basis} ${m.network}`).toBeCloseTo(g.energy_J / pim.energy_J, 9);
      });
      const speeds = b.gpuComparison!.models.map((m) => m.ratios.speedup!);
      expect(b.gpuComparison!.average.arithmetic.speedup).toBeCloseTo(speeds.reduce((s, x) => s + x, 0) / speeds.length, 9);
      expect(b.gpuComparison!.average.geometric.speedup).toBeCloseTo(Math.exp(speeds.reduce((s, x) => s + Math.log(x), 0) / speeds.length), 9);
    }
  });

  it('says "not comparable" on the step-count basis, which counts steps rather than seconds and joules', () => {
    const step = all.bases!.find((b) => b.basis === 'step-count')!.gpuComparison!;
    expect(step.comparable).toBe(false);
    expect(step.note).toMatch(/^not comparable/);
    expect(step.models).toEqual([]);
    expect(step.average.arithmetic).toEqual({ speedup: null, energyEfficiency: null });
  });

  it('runs the GPU in FP32 even if the shipped GTX 1080 were set to another format, and the top-level basis carries it too', () => {
    expect(all.gpuComparison).toEqual(all.bases![0]!.gpuComparison);
    const single = gpuComparison({ basis: 'as-modelled', against: 'x', batch: 1, networks: ['n'], gpuSteps: [{ energy_J: 6, latency_s: 4 }], pimSteps: [{ energy_J: 2, latency_s: 1 }] });
    expect(single.models[0]!.ratios).toEqual({ speedup: 4, energyEfficiency: 3 });
    expect(single.gpu.format).toBe('fp32');
  });
});
