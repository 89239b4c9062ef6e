import { describe, expect, it } from 'vitest';
import { comparePaper, PAPER_NETWORKS, PAPER_TARGETS, type DesignInput } from '../../../src-main/sim/experiment/reproduce.ts';
import { PAPER_BASES, prepareForBasis } from '../../../src-main/sim/experiment/bases.ts';
import { whatItTakes } from '../../../src-main/sim/experiment/what-it-takes.ts';
import { evaluateTotals } from '../../../src-main/sim/experiment/evaluate.ts';
import { builtinDesign } from '../../../src-main/sim/arch/builtin/index.ts';
import { builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import type { CellParams } from '../../../src-main/sim/cells/params.ts';
import { analysis, cellOf, designParams } from '../design-fixtures.ts';

function input(id: string): DesignInput {
  const params = designParams(id);
  const cellDef = builtinCell(params.cell.replace('builtin:', ''))!;
  return { id, name: builtinDesign(id)!.name, version: 1, params, values: builtinDesign(id)!.values, cell: cellOf(params), cellName: cellDef.name, cellValues: cellDef.values };
}

const networks = PAPER_NETWORKS.map(analysis);
const sot = input('sot-mram-pim');
const floatpim = input('floatpim');

// The paper (Wang et al., ISCAS 2020) reports 3.3x energy, 1.8x latency and 2.5x area in favour of
// the SOT-MRAM design. The figures below are this model's (a regression guard, 3% tolerance); the
// closing note of issue 10 explains them: with NeuroSim's 330 uA SOT writes and MAGIC costed from
// VTEAM circuit data, no basis reproduces a claim.
const GOLDEN = {
  'as-modelled': { energy: 0.1478, latency: 0.2773, area: 0.0453 },
  'floatpim-published': { energy: 0.0082, latency: 0.0988, area: 0.0312 },
  'equal-power': { energy: 0.1489, latency: 0.1521, area: 0.0453 },
  'step-count': { energy: 2.444, latency: 1.199, area: 0.0453 },
} as const;

describe('the paper comparison: sot-mram-pim against floatpim', () => {
  const all = comparePaper(sot, floatpim, networks, { basis: 'all' });

  it('returns every basis, each with per-network and average ratios (baseline / proposed), gaps and assumptions', () => {
    expect(all.bases!.map((b) => b.basis)).toEqual([...PAPER_BASES]);
    for (const b of all.bases!) {
      expect(b.models.map((m) => m.network)).toEqual(['AlexNet', 'VGG-16', 'GoogLeNet', 'SqueezeNet 1.1']);
      for (const metric of ['energy', 'latency', 'area'] as const) {
        expect(Math.abs(b.average[metric] / GOLDEN[b.basis][metric] - 1), `${b.basis} ${metric}`).toBeLessThan(0.03);
      }
      for (const m of b.models) expect(m.ratios.energy).toBeCloseTo(m.baseline.energy_J / m.proposed.energy_J, 12);
      expect(b.gaps.map((g) => g.survives)).toEqual([false, false, false]);
      expect(b.assumptions[0]).toMatchObject({ name: 'comparison basis', value: b.basis });
      expect(b.scratchBitsPerLane.label).toMatch(/scratch bits per lane, not silicon/);
    }
    expect(all.basis).toBe('as-modelled');
    expect(all.proposed).toEqual({ id: 'sot-mram-pim', name: sot.name, version: 1 });
  });

  it('floatpim-published: the baseline at 30.64 mm^2 and 62.6 W, bf16 cycles exactly 360 and 313 + 15 searches', () => {
    const published = all.bases!.find((b) => b.basis === 'floatpim-published')!;
    const baseline = published.designs.baseline;
    expect(Math.abs(baseline.area_m2 / 30.64e-6 - 1)).toBeLessThan(0.02);
    expect(Math.abs(baseline.peakPower_W / 62.6 - 1)).toBeLessThan(0.02);
    expect(baseline.format).toBe('bf16');
    expect(baseline.ops.fpMul.steps).toEqual({ cycles: 360 });
    expect(baseline.ops.fpAdd.steps).toEqual({ cycles: 313, searches: 15 });
    expect(baseline.ops.fpMul.latency_s).toBeCloseTo(360 * 1.1e-9, 18);
    expect(published.scratchBitsPerLane.baseline).toBe(93);
    // Per AlexNet training image, to set beside FloatPIM's 303.2x / 48.6x over a GTX 1080.
    expect(published.perImage!.baseline.energy_J).toBeGreaterThan(0);
    expect(all.gpuClaims).toEqual({ speedup: 303.2, energyEfficiency: 48.6 });
  });

  it('step-count does not depend on device values: a different write current changes no ratio of steps', () => {
    const step = all.bases!.find((b) => b.basis === 'step-count')!;
    const weak = { ...sot, cell: { ...sot.cell, setCurrent_A: 50e-6, resetCurrent_A: 50e-6 } };
    const again = comparePaper(weak, floatpim, networks, { basis: 'step-count' });
    expect(again.average.energy).toBeCloseTo(step.average.energy, 12);
    expect(again.average.latency).toBeCloseTo(step.average.latency, 12);
  });

  it('says what each ratio would take on each basis, from the model', () => {
    expect(all.whatItTakes).toHaveLength(12);
    for (const w of all.whatItTakes) {
      expect(Object.keys(w).sort()).toEqual(['basis', 'feasible', 'key', 'metric', 'reason', 'unit', 'value']);
      if (!w.feasible) expect(w.value).toBeNull();
    }
    const area = all.whatItTakes.find((w) => w.metric === 'area' && w.basis === 'as-modelled')!;
    expect(area).toMatchObject({ key: 'cellArea', feasible: false, reason: expect.stringMatching(/periphery and the other components alone exceed/) });
    expect(all.whatItTakes.find((w) => w.metric === 'energy' && w.basis === 'step-count')!.reason).toMatch(/do not depend on device values/);
  });

  it('a value the root finder returns, fed back into the model, reaches the target within 0.5%', () => {
    // A target this design can reach (the paper's cannot be): the energy ratio 0.3 by the write current.
    const basis = 'as-modelled';
    const baselinePrepared = prepareForBasis(basis, floatpim, 'baseline');
    const base = networks.map((n) => evaluateTotals(baselinePrepared, n, 64).energy_J);
    const ratioOf = (cell: CellParams): number => {
      const p = prepareForBasis(basis, { params: sot.params, cell }, 'proposed');
      return Math.exp(networks.reduce((s, n, i) => s + Math.log(base[i]! / evaluateTotals(p, n, 64).energy_J), 0) / networks.length);
    };
    const found = whatItTakes('energy', basis, sot, 0.3, ratioOf);
    expect(found.feasible).toBe(true);
    const current = found.value! * 1e-6;
    expect(Math.abs(ratioOf({ ...sot.cell, setCurrent_A: current, resetCurrent_A: current }) / 0.3 - 1)).toBeLessThan(0.005);
  });

  it('keeps same-lanes as the earlier name of as-modelled, and lists every assumption of both designs', () => {
    const old = comparePaper(sot, floatpim, networks, { basis: 'same-lanes' });
    expect(old.basis).toBe('as-modelled');
    expect(old.average.energy).toBeCloseTo(all.average.energy, 12);
    const names = old.assumptions.map((a) => a.name);
    expect(names).toContain('FloatPIM (ReRAM, MAGIC NOR): controller.powerPerTile');
    expect(names.some((n) => n.startsWith('SOT-MRAM 2T2MTJ complementary'))).toBe(true);
    for (const a of old.assumptions.filter((x) => x.name.includes(': '))) expect(a.source.toLowerCase()).toMatch(/^assumption:/);
    expect(old.targets).toEqual(PAPER_TARGETS);
  });
});
