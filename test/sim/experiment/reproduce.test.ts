import { describe, expect, it } from 'vitest';
import { comparePaper, PAPER_NETWORKS, type DesignInput } from '../../../src-main/sim/experiment/reproduce.ts';
import { builtinDesign } from '../../../src-main/sim/arch/builtin/index.ts';
import { builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import { analysis, cellOf, designParams } from '../design-fixtures.ts';

function input(id: string): DesignInput {
  const params = designParams(id);
  const cellDef = builtinCell(params.cell.replace('builtin:', ''))!;
  return { id, name: builtinDesign(id)!.name, params, values: builtinDesign(id)!.values, cell: cellOf(params), cellName: cellDef.name, cellValues: cellDef.values };
}

const networks = PAPER_NETWORKS.map(analysis);

// The paper (Wang et al., ISCAS 2020, domain.md section 1) reports 3.3x energy, 1.8x latency and
// 2.5x area in favour of the SOT-MRAM design. The golden figures below are this model's at model
// version 0.2.0 (a regression guard with 3% tolerance); the closing note of issue 5 explains the gaps.
const GOLDEN = {
  'same-lanes': { energy: 1.08, latency: 1.72, area: 0.0179 },
  'equal-power': { energy: 1.08, latency: 1.08, area: 0.0179 },
} as const;

describe('the paper comparison: sot-mram-pim against floatpim', () => {
  for (const basis of ['same-lanes', 'equal-power'] as const) {
    it(`${basis}: per-network and average ratios (baseline / proposed), with the gaps to the paper explained`, () => {
      const result = comparePaper(input('sot-mram-pim'), input('floatpim'), networks, { basis });
      expect(result.models.map((m) => m.network)).toEqual(['AlexNet', 'VGG-16', 'GoogLeNet', 'SqueezeNet 1.1']);
      for (const metric of ['energy', 'latency', 'area'] as const) {
        expect(Math.abs(result.average[metric] / GOLDEN[basis][metric] - 1), metric).toBeLessThan(0.03);
      }
      for (const m of result.models) {
        expect(m.ratios.energy).toBeCloseTo(m.baseline.energy_J / m.proposed.energy_J, 12);
        expect(m.ratios.area).toBeCloseTo(m.baseline.area_m2 / m.proposed.area_m2, 12);
      }
      const gaps = Object.fromEntries(result.gaps.map((g) => [g.metric, g]));
      expect(gaps.area!.withinTolerance).toBe(false);
      expect(gaps.area!.explanation).toMatch(/smaller cell \(now 280 F\^2\)/);
      expect(gaps.energy!.withinTolerance).toBe(false);
      expect(gaps.latency!.withinTolerance).toBe(basis === 'same-lanes');
    });
  }

  it('lists every value either design or cell takes as an assumption, and the basis', () => {
    const result = comparePaper(input('sot-mram-pim'), input('floatpim'), networks, { basis: 'same-lanes' });
    const names = result.assumptions.map((a) => a.name);
    expect(names).toContain('comparison basis');
    expect(names).toContain('FloatPIM (ReRAM, MAGIC NOR): controller.powerPerTile');
    expect(names.some((n) => n.startsWith('SOT-MRAM 2T2MTJ complementary'))).toBe(true);
    for (const a of result.assumptions.filter((x) => x.name.includes(': '))) expect(a.source.toLowerCase()).toMatch(/^assumption:/);
  });
});
