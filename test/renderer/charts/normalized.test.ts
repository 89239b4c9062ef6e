import { describe, expect, it } from 'vitest';
import { axisType, columnUnit, compareEntry, formatRatio, normalize, normalizedChartOption, normalizedTable, uniqueLabels } from '@/charts/normalized.ts';
import { MEAN_LABEL, PUBLISHED_LABEL, paperRatiosChartOption, paperTable, shortName } from '@/charts/paper-ratios.ts';
import { LIGHT_PALETTE } from '@/charts/palette.ts';
import { tableToLatex } from '@/export/table.ts';
import type { ReproduceOutput } from '@shared/schemas/design-api.ts';

type Obj = Record<string, unknown>;

const floatpim = { id: 'f', name: 'FloatPIM / AlexNet', figures: { energy_J: 80, latency_s: 0.08, area_m2: 4e-5 } };
const sot = { id: 's', name: 'SOT / AlexNet', figures: { energy_J: 40, latency_s: 0.1, area_m2: 2e-5 } };

describe('normalised comparison of experiments', () => {
  it('takes figures from the list, or from full results, and skips runs without a usable result', () => {
    expect(compareEntry({ id: 'x', name: 'x', figures: floatpim.figures })).toEqual({ id: 'x', name: 'x', figures: floatpim.figures });
    expect(compareEntry({ id: 'y', name: 'y', results: { ...sot.figures, power_W: 3 } })?.figures.energy_J).toBe(40);
    expect(compareEntry({ id: 'z', name: 'z', figures: null, results: null })).toBeNull();
    expect(compareEntry({ id: 'z', name: 'z', figures: { energy_J: 0, latency_s: 1, area_m2: 1 } })).toBeNull();
  });

  it('divides by the baseline (value ÷ baseline) or the other way round (baseline ÷ value)', () => {
    expect(normalize([sot, floatpim], 'f', 'normalised').map((r) => r.entry.id)).toEqual(['f', 's']);
    const rows = normalize([floatpim, sot], 'f', 'normalised');
    expect(rows.map((r) => r.isBaseline)).toEqual([true, false]);
    expect(rows[0]!.ratios).toEqual({ energy: 1, latency: 1, area: 1 });
    expect(rows[1]!.ratios.energy).toBeCloseTo(0.5, 12);
    expect(rows[1]!.ratios.latency).toBeCloseTo(1.25, 12);
    const better = normalize([floatpim, sot], 'f', 'improvement');
    expect(better[1]!.ratios.energy).toBeCloseTo(2, 12);
    expect(better[1]!.ratios.latency).toBeCloseTo(0.8, 12);
    expect(normalize([floatpim, sot], 'gone', 'normalised')).toEqual([]);
  });

  it('keeps experiments with the same name apart', () => {
    expect(uniqueLabels(['a', 'b', 'a', 'a'])).toEqual(['a', 'b', 'a (2)', 'a (3)']);
  });

  it('draws one group per metric, one bar per experiment, the baseline marked and a line at 1', () => {
    const option = normalizedChartOption(normalize([floatpim, sot], 'f', 'normalised'), 'normalised', LIGHT_PALETTE) as Obj;
    expect((option.xAxis as Obj).data).toEqual(['Energy', 'Latency', 'Area']);
    const series = option.series as Obj[];
    expect(series.map((s) => s.name)).toEqual(['FloatPIM / AlexNet (baseline)', 'SOT / AlexNet']);
    expect(series[0]!.data).toEqual([1, 1, 1]);
    expect(series[1]!.data).toEqual([0.5, 1.25, 0.5]);
    expect((series[0]!.markLine as Obj).data).toEqual([{ yAxis: 1 }]);
    expect((series[1]!.label as Obj).show).toBe(true);
    expect((option.yAxis as Obj).type).toBe('value');
    expect((option.yAxis as Obj).name).toBe('value ÷ baseline (×)');
  });

  it('switches to a log axis once ratios span more than 20x', () => {
    expect(axisType([1, 1.7, 0.018, 3.3])).toBe('log');
    expect(axisType([1, 1.7, 0.5])).toBe('value');
    expect(axisType([])).toBe('value');
  });

  it('formats ratios and picks one unit per column', () => {
    expect(formatRatio(1.0830045)).toBe('1.08×');
    expect(formatRatio(0.017946)).toBe('0.0179×');
    expect(formatRatio(183.456)).toBe('183.5×');
    expect(columnUnit([75.9, 82.2, 1699, 1840], 'J')).toEqual({ unit: 'J', factor: 1 });
    expect(columnUnit([0, Number.NaN], 'J')).toEqual({ unit: 'J', factor: 1 });
    expect(columnUnit([0.0837, 0.0487], 's')).toEqual({ unit: 'ms', factor: 1e-3 });
    const area = columnUnit([1.93e-3, 3.46e-5], 'm^2');
    expect(area.unit).toBe('mm^2');
    expect(area.factor).toBeCloseTo(1e-6, 18);
  });

  it('tabulates each figure in its unit with its ratio to the baseline', () => {
    const table = normalizedTable(normalize([floatpim, sot], 'f', 'normalised'), 'normalised');
    expect(table.title).toBe('Experiments normalised to FloatPIM / AlexNet');
    expect(table.columns.map((c) => [c.group ?? '', c.label, c.unit ?? ''])).toEqual([
      ['', 'Experiment', ''],
      ['Energy', 'value', 'J'],
      ['Energy', '÷ baseline', '×'],
      ['Latency', 'value', 'ms'],
      ['Latency', '÷ baseline', '×'],
      ['Area', 'value', 'mm^2'],
      ['Area', '÷ baseline', '×'],
    ]);
    expect(table.rows[0]![0]).toBe('FloatPIM / AlexNet (baseline)');
    expect(table.rows[1]![1]).toBe(40);
    expect(table.rows[1]![3]).toBeCloseTo(100, 9);
    expect(table.rows[1]![5]).toBeCloseTo(20, 9);
    expect(table.rows[1]![6]).toBeCloseTo(0.5, 12);
  });
});

const totals = (energy_J: number, latency_s: number, area_m2: number) => ({ energy_J, latency_s, area_m2 });
const opFigures = { format: 'bf16', area_m2: 1e-3, peakPower_W: 60, ops: { fpMul: { steps: {}, latency_s: 1e-6, energyPerLane_J: 1e-12 }, fpAdd: { steps: {}, latency_s: 1e-6, energyPerLane_J: 1e-12 } } };
const reproduced: ReproduceOutput = {
  basis: 'same-lanes',
  description: 'a basis',
  figuresIn: 'SI',
  designs: { proposed: opFigures, baseline: opFigures },
  perImage: null,
  scratchBitsPerLane: { proposed: 100, baseline: 101, ratio: 1.01, label: 'scratch bits per lane, not silicon' },
  gpuClaims: { speedup: 303.2, energyEfficiency: 48.6 },
  whatItTakes: [],
  batch: 64,
  proposed: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)' },
  baseline: { id: 'builtin:floatpim', name: 'FloatPIM (ReRAM, MAGIC NOR)' },
  models: [
    { network: 'AlexNet', proposed: totals(75.9, 0.0487, 1.93e-3), baseline: totals(82.2, 0.0837, 3.46e-5), ratios: { energy: 1.083, latency: 1.72, area: 0.0179 } },
    { network: 'VGG-16', proposed: totals(1699, 1.06, 1.93e-3), baseline: totals(1840, 1.825, 3.46e-5), ratios: { energy: 1.083, latency: 1.721, area: 0.0179 } },
  ],
  average: { energy: 1.083, latency: 1.7205, area: 0.0179 },
  targets: { energy: 3.3, latency: 1.8, area: 2.5 },
  gaps: [],
  assumptions: [],
};

describe('paper reproduction chart and table', () => {
  it('shortens design names to what a legend can hold', () => {
    expect(shortName(reproduced.proposed.name)).toBe('SOT-MRAM PIM');
    expect(shortName('FloatPIM')).toBe('FloatPIM');
  });

  it('draws the networks, the geometric mean and the published figures as hollow bars, on a log axis here', () => {
    const option = paperRatiosChartOption(reproduced, LIGHT_PALETTE) as Obj;
    const series = option.series as Obj[];
    expect(series.map((s) => s.name)).toEqual(['AlexNet', 'VGG-16', MEAN_LABEL, PUBLISHED_LABEL]);
    expect(series[2]!.data).toEqual([1.083, 1.7205, { value: 0.0179, label: { position: 'bottom' } }]);
    expect(series[3]!.data).toEqual([3.3, 1.8, 2.5]);
    expect((series[3]!.itemStyle as Obj).color).toBe('transparent');
    const yAxis = option.yAxis as Obj;
    expect(yAxis.type).toBe('log');
    expect(yAxis.name).toBe('FloatPIM ÷ SOT-MRAM PIM (×)');
  });

  it('tabulates proposed, baseline and ratio per metric, with the mean and the published figures below a rule', () => {
    const table = paperTable(reproduced);
    expect(table.columns.slice(1, 4).map((c) => `${c.group}|${c.label}|${c.unit}`)).toEqual(['Energy|proposed|J', 'Energy|baseline|J', 'Energy|ratio|×']);
    expect(table.columns[4]!.unit).toBe('ms');
    expect(table.columns[7]!.unit).toBe('mm^2');
    expect(table.rows[0]!.slice(0, 4)).toEqual(['AlexNet', 75.9, 82.2, 1.083]);
    expect(table.footer).toEqual([
      [MEAN_LABEL, null, null, 1.083, null, null, 1.7205, null, null, 0.0179],
      [PUBLISHED_LABEL, null, null, 3.3, null, null, 1.8, null, null, 2.5],
    ]);
    const tex = tableToLatex(table);
    expect(tex).toContain('\\multicolumn{3}{c}{Energy}');
    expect(tex).toContain('\\cmidrule(lr){2-4} \\cmidrule(lr){5-7} \\cmidrule(lr){8-10}');
    expect(tex).toContain('proposed (mm$^{2}$)');
    expect(tex).toContain('\\caption{One training step (batch 64) of SOT-MRAM PIM (proposed) and FloatPIM (baseline)');
  });
});
