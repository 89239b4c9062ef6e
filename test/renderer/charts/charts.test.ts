import { describe, expect, it } from 'vitest';
import { provenanceChartOption, provenanceRows } from '@/charts/provenance.ts';
import { arrayOpRows, arrayOpsChartOption, areaRows } from '@/charts/array-ops.ts';
import { LIGHT_PALETTE } from '@/charts/palette.ts';
import type { LibrarySummary } from '@shared/schemas/library.ts';
import type { ArrayResult } from '@shared/schemas/cell.ts';

const summary = (id: string, cited: number, assumption: number): LibrarySummary => ({
  id,
  name: id,
  kind: 'cell',
  description: '',
  builtIn: false,
  version: 1,
  valueCount: cited + assumption,
  provenance: { cited, assumption },
  createdAt: '',
  updatedAt: '',
});

describe('chart options (pure functions)', () => {
  it('stacks cited and assumed values per library, skipping empty ones and marking the selected', () => {
    const rows = provenanceRows([summary('a', 3, 1), summary('empty', 0, 0), summary('b', 0, 2)], 'b');
    expect(rows).toEqual([
      { name: 'a', cited: 3, assumption: 1, selected: false },
      { name: 'b', cited: 0, assumption: 2, selected: true },
    ]);
    const option = provenanceChartOption(rows, LIGHT_PALETTE) as { series: { data: number[] }[] };
    expect(option.series.map((s) => s.data)).toEqual([
      [3, 0],
      [1, 2],
    ]);
  });

  it('plots every primitive in pJ and ns, and shares the area out', () => {
    const result = {
      area_m2: 4e-9,
      primitives: { read: { latency_s: 1.5e-9, energy_J: 46e-12 }, write: { latency_s: 1.2e-9, energy_J: 169e-12 } },
      breakdown: { area_m2: { cells: 1e-9, senseAmps: 3e-9 } },
    } as unknown as ArrayResult;
    const option = arrayOpsChartOption(arrayOpRows(result), LIGHT_PALETTE) as { series: { data: number[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['read', 'write']);
    expect(option.series[0]!.data).toEqual([46, 169]);
    expect(option.series[1]!.data).toEqual([1.5, 1.2]);
    expect(areaRows(result)).toEqual([
      { part: 'cells', area: '1000 µm²', share: '25.0%' },
      { part: 'senseAmps', area: '3000 µm²', share: '75.0%' },
    ]);
  });
});

describe('layer MACs chart', () => {
  it('keeps only compute layers, in millions', async () => {
    const { computeLayers, layerMacsChartOption } = await import('@/charts/layer-macs.ts');
    const detail = { layerTable: [{ name: 'c1', macs: 2_500_000 }, { name: 'relu', macs: 0 }, { name: 'fc', macs: 1000 }] } as never;
    const bars = computeLayers(detail);
    expect(bars.map((b) => b.name)).toEqual(['c1', 'fc']);
    const option = layerMacsChartOption(bars, LIGHT_PALETTE) as { series: { data: number[] }[] };
    expect(option.series[0]!.data).toEqual([2.5, 0.001]);
  });
});
