import { describe, expect, it } from 'vitest';
import type { PaperBandsOutput } from '@shared/schemas/analysis.ts';
import type { ReproduceOutput } from '@shared/schemas/design-api.ts';
import { BAND_LABEL, bandInMode, bandTable, formatBand, normalize, normalizedChartOption, type MetricBands } from '@/charts/normalized.ts';
import { bandOffBars, claimsSentence, claimVerdict, drawsSentence, MEAN_LABEL, paperBandsByMetric, paperClaimsTable, paperRatiosChartOption, PUBLISHED_LABEL } from '@/charts/paper-ratios.ts';
import { DARK_PALETTE, LIGHT_PALETTE } from '@/charts/palette.ts';
import { paperOption } from '@/export/paper-theme.ts';

// Error bars from the uncertainty study on Compare's ratio charts: where a band is given, on which
// bar, turned with the ratio, and none otherwise.

type Obj = Record<string, unknown>;

const floatpim = { id: 'f', name: 'FloatPIM / AlexNet', figures: { energy_J: 80, latency_s: 0.08, area_m2: 4e-5 } };
const sot = { id: 's', name: 'SOT / AlexNet', figures: { energy_J: 40, latency_s: 0.1, area_m2: 2e-5 } };
const other = { id: 'o', name: 'Other / AlexNet', figures: { energy_J: 60, latency_s: 0.09, area_m2: 3e-5 } };

/** Value ÷ baseline, as analysis.uncertainty answers design ÷ vs. */
const sotBands: MetricBands = { energy: { p5: 0.4, p95: 0.625 }, latency: { p5: 1, p95: 1.6 }, area: { p5: 0.25, p95: 0.8 } };

const series = (option: unknown): Obj[] => (option as Obj).series as Obj[];
const custom = (option: unknown): Obj | undefined => series(option).find((s) => s.type === 'custom');
const items = (option: unknown): number[][] => (custom(option)?.data as number[][]) ?? [];

/** Calls the error bars' renderItem with a plot of 100 px per category and 100 px per unit (y down from 1000). */
function render(option: unknown, index: number): Obj {
  const s = custom(option)!;
  const item = (s.data as number[][])[index]!;
  const api = {
    value: (d: number) => item[d]!,
    coord: ([x, y]: number[]) => [100 * x! + 50, 1000 - 100 * y!],
    visual: (name: string) => (name === 'color' ? 'INK' : 'HALO'),
    font: ({ fontSize }: { fontSize: number }) => `${fontSize}px sans-serif`,
    barLayout: ({ count }: { count: number }) => Array.from({ length: count }, (_, i) => ({ offsetCenter: 10 * i - 20, width: 8 })),
  };
  return (s.renderItem as (p: unknown, a: typeof api) => Obj)({}, api);
}

describe('error bars on experiments normalised to a baseline', () => {
  const rows = normalize([floatpim, sot, other], 'f', 'normalised');

  it('draws none without bands, and the legend lists the bars only', () => {
    for (const option of [normalizedChartOption(rows, 'normalised', LIGHT_PALETTE), normalizedChartOption(rows, 'normalised', LIGHT_PALETTE, new Map())]) {
      expect(custom(option)).toBeUndefined();
      expect(((option as Obj).legend as Obj).data).toBeUndefined();
      expect(series(option)[1]!.data).toEqual([0.5, 1.25, 0.5]);
    }
    // A band for an experiment not shown, or for the baseline itself, draws nothing.
    expect(custom(normalizedChartOption(rows, 'normalised', LIGHT_PALETTE, new Map([['gone', sotBands], ['f', sotBands]])))).toBeUndefined();
  });

  it('puts P5 to P95 on the bars of the experiments with a band, the label beyond the error bar', () => {
    const option = normalizedChartOption(rows, 'normalised', LIGHT_PALETTE, new Map([['s', sotBands]]));
    const bars = series(option).filter((s) => s.type === 'bar');
    expect(bars).toHaveLength(3);
    // [category, p5, p95, bar among the bar series, value, label end (1 top)]
    expect(items(option)).toEqual([
      [0, 0.4, 0.625, 1, 0.5, 1],
      [1, 1, 1.6, 1, 1.25, 1],
      [2, 0.25, 0.8, 1, 0.5, 1],
    ]);
    // The bar's own labels give way to the ones the error bars draw; the others keep theirs.
    expect(bars[1]!.data).toEqual([
      { value: 0.5, label: { show: false } },
      { value: 1.25, label: { show: false } },
      { value: 0.5, label: { show: false } },
    ]);
    expect(bars[2]!.data).toEqual([0.75, 1.125, 0.75]);
    const s = custom(option)!;
    expect(s.name).toBe(BAND_LABEL);
    expect(s.encode).toEqual({ x: 0, y: [1, 2] });
    expect(s.tooltip).toEqual({ show: false });
    expect(s.itemStyle).toEqual({ color: LIGHT_PALETTE.text, borderColor: LIGHT_PALETTE.surface });
    const legend = ((option as Obj).legend as Obj).data as unknown[];
    expect(legend.slice(0, 3)).toEqual(['FloatPIM / AlexNet (baseline)', 'SOT / AlexNet', 'Other / AlexNet']);
    expect(legend[3]).toMatchObject({ name: BAND_LABEL });
    // The bar's tooltip names its band.
    const tooltip = bars[1]!.tooltip as { valueFormatter: (v: number, i: number) => string };
    expect(tooltip.valueFormatter(0.5, 0)).toBe('0.5× (P5–P95 0.4× to 0.625×)');
    expect(bars[2]!.tooltip).toBeUndefined();
  });

  it('inverts the band in baseline ÷ value mode: each end is the inverse of the other', () => {
    const improvement = normalize([floatpim, sot, other], 'f', 'improvement');
    const option = normalizedChartOption(improvement, 'improvement', LIGHT_PALETTE, new Map([['s', sotBands]]));
    const got = items(option);
    expect(got.map((i) => i[0])).toEqual([0, 1, 2]);
    expect(got[0]![1]).toBeCloseTo(1.6, 9);
    expect(got[0]![2]).toBeCloseTo(2.5, 9);
    expect(got[0]![4]).toBeCloseTo(2, 9);
    expect(got[1]![1]).toBeCloseTo(0.625, 9);
    expect(got[1]![2]).toBeCloseTo(1, 9);
    expect(got[2]![1]).toBeCloseTo(1.25, 9);
    expect(got[2]![2]).toBeCloseTo(4, 9);
    expect(bandInMode({ p5: 0.5, p95: 4 }, 'improvement')).toEqual({ p5: 0.25, p95: 2 });
    expect(bandInMode({ p5: 0.5, p95: 4 }, 'normalised')).toEqual({ p5: 0.5, p95: 4 });
    expect(formatBand({ p5: 0.0774, p95: 0.913 })).toBe('0.0774× to 0.913×');
  });

  it('stands each error bar on the middle of its own bar, with caps and the value beyond its end', () => {
    const option = normalizedChartOption(rows, 'normalised', LIGHT_PALETTE, new Map([['s', sotBands]]));
    const group = render(option, 1);
    const children = group.children as Obj[];
    // Halo lines under ink lines: stem, top cap, bottom cap each.
    const lines = children.filter((c) => c.type === 'line');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 3).every((l) => (l.style as Obj).stroke === 'HALO')).toBe(true);
    expect(lines.slice(3).every((l) => (l.style as Obj).stroke === 'INK')).toBe(true);
    // Category 1 is centred at x = 150; bar 1 of 3 sits 10 px left of the centre (offsets -20, -10, 0).
    expect(lines[3]!.shape).toEqual({ x1: 140, y1: 1000 - 160, x2: 140, y2: 1000 - 100 });
    const text = children.find((c) => c.type === 'text')!;
    expect((text.style as Obj).text).toBe('1.25×');
    expect(text.x).toBe(140);
    expect(text.y).toBe(1000 - 160 - 4);
  });

  it('tabulates the bands in the mode shown, for the experiments with one', () => {
    const bands = new Map([['s', sotBands]]);
    const table = bandTable(rows, bands, 'normalised');
    expect(table.columns.map((c) => `${c.group ?? ''}|${c.label}`)).toEqual(['|Experiment', 'Energy|P5', 'Energy|P95', 'Latency|P5', 'Latency|P95', 'Area|P5', 'Area|P95']);
    expect(table.rows).toEqual([['SOT / AlexNet', 0.4, 0.625, 1, 1.6, 0.25, 0.8]]);
    const inverted = bandTable(normalize([floatpim, sot], 'f', 'improvement'), bands, 'improvement');
    expect(inverted.rows[0]![1]).toBeCloseTo(1.6, 9);
    expect(inverted.rows[0]![2]).toBeCloseTo(2.5, 9);
    expect(inverted.caption).toContain('baseline ÷ value');
  });
});

const totals = (energy_J: number, latency_s: number, area_m2: number) => ({ energy_J, latency_s, area_m2 });
const reproduced = {
  basis: 'as-modelled',
  figuresIn: 'SI',
  batch: 64,
  proposed: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)' },
  baseline: { id: 'builtin:floatpim', name: 'FloatPIM (ReRAM, MAGIC NOR)' },
  models: [
    { network: 'AlexNet', proposed: totals(1, 1, 1), baseline: totals(1, 1, 1), ratios: { energy: 0.15, latency: 0.28, area: 0.045 } },
    { network: 'VGG-16', proposed: totals(1, 1, 1), baseline: totals(1, 1, 1), ratios: { energy: 0.146, latency: 0.275, area: 0.0456 } },
  ],
  average: { energy: 0.148, latency: 0.2775, area: 0.0453 },
  targets: { energy: 3.3, latency: 1.8, area: 2.5 },
} as unknown as ReproduceOutput;

const bands: PaperBandsOutput = {
  basis: 'as-modelled',
  metrics: [
    { metric: 'energy', modelled: 0.148, p5: 0.0774, p50: 0.16, p95: 0.913, published: 3.3, inside: false },
    { metric: 'latency', modelled: 0.2775, p5: 0.0639, p50: 0.133, p95: 0.304, published: 1.8, inside: false },
    { metric: 'area', modelled: 0.0453, p5: 0.0349, p50: 0.0456, p95: 0.0619, published: 2.5, inside: false },
  ],
  samples: 33,
  refused: 7,
  seed: 1,
  percent: 10,
  parameters: 47,
  assumed: 38,
};

describe('error bars on the paper reproduction', () => {
  it('draws none without a band', () => {
    for (const option of [paperRatiosChartOption(reproduced, LIGHT_PALETTE), paperRatiosChartOption(reproduced, LIGHT_PALETTE, null)]) {
      expect(custom(option)).toBeUndefined();
      expect(series(option).map((s) => s.name)).toEqual(['AlexNet', 'VGG-16', MEAN_LABEL, PUBLISHED_LABEL]);
      expect(((option as Obj).legend as Obj).data).toBeUndefined();
    }
  });

  it('puts the band on the geometric mean only, each label below its error bar on the log axis', () => {
    const option = paperRatiosChartOption(reproduced, LIGHT_PALETTE, paperBandsByMetric(bands));
    expect(((option as Obj).yAxis as Obj).type).toBe('log');
    expect(series(option).map((s) => s.name)).toEqual(['AlexNet', 'VGG-16', MEAN_LABEL, PUBLISHED_LABEL, BAND_LABEL]);
    // The mean is bar 2 of 4 on every metric; bars under 1 carry their labels at their lower end.
    expect(items(option)).toEqual([
      [0, 0.0774, 0.913, 2, 0.148, -1],
      [1, 0.0639, 0.304, 2, 0.2775, -1],
      [2, 0.0349, 0.0619, 2, 0.0453, -1],
    ]);
    const mean = series(option)[2]!;
    expect(mean.data).toEqual([0.148, 0.2775, 0.0453].map((value) => ({ value, label: { show: false } })));
    expect(series(option)[3]!.data).toEqual([3.3, 1.8, 2.5]);
    // A label under its bar stands below the error bar's lower end.
    const text = (render(option, 0).children as Obj[]).find((c) => c.type === 'text')!;
    expect(text.y).toBe(1000 - 100 * 0.0774 + 4);
    expect((text.style as Obj).verticalAlign).toBe('top');
  });

  it('draws a band for the metrics given only', () => {
    const option = paperRatiosChartOption(reproduced, DARK_PALETTE, { latency: { p5: 0.2, p95: 0.3 } });
    expect(items(option)).toEqual([[1, 0.2, 0.3, 2, 0.2775, -1]]);
    expect(custom(option)!.itemStyle).toEqual({ color: DARK_PALETTE.text, borderColor: DARK_PALETTE.surface });
    expect(series(option)[2]!.data).toEqual([{ value: 0.148, label: { position: 'bottom' } }, { value: 0.2775, label: { show: false } }, { value: 0.0453, label: { position: 'bottom' } }]);
  });

  it('prints the error bars in ink with a white halo in a paper figure', () => {
    const option = paperOption(paperRatiosChartOption(reproduced, DARK_PALETTE, paperBandsByMetric(bands)), { columns: 1, font: 'serif' });
    expect(custom(option)!.itemStyle).toEqual({ color: '#000000', borderColor: '#ffffff' });
    expect((((option as Obj).legend as Obj).data as unknown[]).length).toBe(5);
  });

  it('says which published claims fall inside the band, and how it was drawn', () => {
    expect(claimsSentence(bands)).toBe('No published claim falls inside the band: energy, latency and area all fall outside it.');
    const some = { ...bands, metrics: bands.metrics.map((m) => ({ ...m, inside: m.metric === 'latency' })) };
    expect(claimsSentence(some)).toBe('The latency claim falls inside the band; the energy and area claims fall outside it.');
    const all = { ...bands, metrics: bands.metrics.map((m) => ({ ...m, inside: true })) };
    expect(claimsSentence(all)).toBe('Every published claim (energy, latency and area) falls inside the band.');
    expect(drawsSentence(bands)).toBe('33 draws of 47 values at once (38 of them within an assumed ±10 %, where the library gives no range); the simulator refused 7 of 40 draws, left out. Seed 1.');
    expect(drawsSentence({ ...bands, samples: 40, refused: 0 })).not.toContain('refused');
    expect(claimVerdict(true)).toBe('inside the band');
    expect(claimVerdict(false)).toBe('outside the band');
  });

  it('tabulates each claim against the band', () => {
    const table = paperClaimsTable(reproduced, bands);
    expect(table.columns.map((c) => c.label)).toEqual(['Metric', 'modelled', 'P5', 'P95', 'published', 'Claim']);
    expect(table.rows[0]).toEqual(['Energy', 0.148, 0.0774, 0.913, 3.3, 'outside the band']);
    expect(table.title).toContain('as-modelled');
    expect(table.caption).toContain('33 draws (seed 1, 7 refused)');
  });

  it('tells when the band was drawn from designs other than the bars', () => {
    expect(bandOffBars(reproduced, bands)).toBe(false);
    expect(bandOffBars(reproduced, { ...bands, metrics: bands.metrics.map((m) => (m.metric === 'area' ? { ...m, modelled: 0.05 } : m)) })).toBe(true);
  });
});
