import type { EChartsCoreOption } from 'echarts/core';
import { formatSI, toSI } from '@shared/units.ts';
import type { ExportTable } from '@/export/table.ts';
import type { ChartPalette } from './palette.ts';

// Experiments side by side, normalised to a baseline, in the style of the papers' figures: one
// group of bars per metric (energy, latency, area), one bar per experiment, the baseline at 1.

export type MetricKey = 'energy' | 'latency' | 'area';

export const METRICS: readonly { key: MetricKey; label: string; field: 'energy_J' | 'latency_s' | 'area_m2'; unit: string }[] = [
  { key: 'energy', label: 'Energy', field: 'energy_J', unit: 'J' },
  { key: 'latency', label: 'Latency', field: 'latency_s', unit: 's' },
  { key: 'area', label: 'Area', field: 'area_m2', unit: 'm^2' },
];

export interface Figures {
  readonly energy_J: number;
  readonly latency_s: number;
  readonly area_m2: number;
}

export interface CompareEntry {
  readonly id: string;
  readonly name: string;
  readonly figures: Figures;
}

/** What the list of experiments gives: figures when the run finished, or the full results. */
export interface ExperimentLike {
  readonly id: string;
  readonly name: string;
  readonly figures?: Figures | null;
  readonly results?: unknown;
}

function isFigures(value: unknown): value is Figures {
  const v = value as Partial<Record<keyof Figures, unknown>> | null;
  return !!v && METRICS.every((m) => typeof v[m.field] === 'number' && Number.isFinite(v[m.field]) && (v[m.field] as number) > 0);
}

/** The entry to compare, or null when the experiment has no usable result (failed, still running). */
export function compareEntry(experiment: ExperimentLike): CompareEntry | null {
  const figures = experiment.figures ?? experiment.results;
  return isFigures(figures) ? { id: experiment.id, name: experiment.name, figures } : null;
}

/**
 * "normalised": value / baseline (lower is better for every metric here);
 * "improvement": baseline / value, the papers' "3.3x less energy" (higher is better).
 */
export type RatioMode = 'normalised' | 'improvement';

export function ratio(value: number, baseline: number, mode: RatioMode): number {
  return mode === 'normalised' ? value / baseline : baseline / value;
}

export interface NormalizedRow {
  readonly entry: CompareEntry;
  /** The name shown, made unique ("run (2)") so the legend keeps every experiment apart. */
  readonly label: string;
  readonly isBaseline: boolean;
  readonly ratios: Readonly<Record<MetricKey, number>>;
}

export function uniqueLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

/** The baseline's row first, then the others in the order given; empty when the baseline is not among the entries. */
export function normalize(entries: readonly CompareEntry[], baselineId: string | null, mode: RatioMode): NormalizedRow[] {
  const base = entries.find((e) => e.id === baselineId);
  if (!base) return [];
  const labels = uniqueLabels(entries.map((e) => e.name));
  const rows = entries.map((entry, i) => ({
    entry,
    label: labels[i]!,
    isBaseline: entry.id === base.id,
    ratios: Object.fromEntries(METRICS.map((m) => [m.key, ratio(entry.figures[m.field], base.figures[m.field], mode)])) as Record<MetricKey, number>,
  }));
  // The baseline leads, as in the papers' figures; the others keep the order they were picked in.
  return [...rows.filter((r) => r.isBaseline), ...rows.filter((r) => !r.isBaseline)];
}

/** A log axis once the ratios span more than 20x, so small bars stay readable next to big ones. */
export function axisType(values: readonly number[]): 'log' | 'value' {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return 'value';
  return Math.max(...positive) / Math.min(...positive) > 20 ? 'log' : 'value';
}

/** "1.083×" on bars and in tooltips. */
export function formatRatio(value: number): string {
  return `${Number(value.toPrecision(value >= 100 ? 4 : 3))}×`;
}

/**
 * One prefixed unit for a whole column of SI values, chosen by its (lower) median so the typical
 * row reads in a plain range: ("J", [75.9, 82.2, 1699, 1840]) -> "J".
 */
export function columnUnit(values: readonly number[], siUnit: string): { unit: string; factor: number } {
  const sorted = values.map(Math.abs).filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return { unit: siUnit, factor: 1 };
  const typical = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const unit = formatSI(typical, siUnit).split(' ')[1] ?? siUnit;
  return { unit, factor: toSI(1, unit) };
}

/** Short enough to stand along the side of a one-column paper figure; the page says which way is better. */
export function ratioAxisName(mode: RatioMode): string {
  return mode === 'normalised' ? 'value ÷ baseline' : 'baseline ÷ value';
}

/** Value labels on bars: above a bar, or below one that hangs under 1 on a log axis. */
export function ratioLabel(color: string): object {
  return { show: true, position: 'top', fontSize: 10, color, formatter: (p: { value: number }) => formatRatio(p.value) };
}

/**
 * Bar values rounded for the chart. On a log axis bars grow from 1 (up for above, down for
 * below), so a bar under 1 carries its label at its lower end. A bar with an error bar (`banded`)
 * has its label drawn beyond the error bar's end instead, by the error bars' series.
 */
export function ratioBars(values: readonly number[], type: 'log' | 'value', banded: readonly boolean[] = []): (number | { value: number; label: { position?: 'bottom'; show?: false } })[] {
  return values.map((v, i) => {
    const value = Number(v.toPrecision(6));
    if (banded[i]) return { value, label: { show: false } };
    return type === 'log' && value < 1 ? { value, label: { position: 'bottom' } } : value;
  });
}

/** Which end of a bar carries its value label: the end away from the axis' origin (1 on a log axis). */
export function labelEnd(value: number, type: 'log' | 'value'): 'top' | 'bottom' {
  return type === 'log' && value < 1 ? 'bottom' : 'top';
}

/** The 5th to 95th percentile of a ratio, from the uncertainty study. */
export interface RatioBand {
  readonly p5: number;
  readonly p95: number;
}

/** Bands per metric; a metric without one draws no error bar. */
export type MetricBands = Partial<Record<MetricKey, RatioBand>>;

/**
 * A band of value ÷ baseline (as the services give design ÷ vs) in the mode shown: baseline ÷
 * value inverts it, so its ends swap (the 95th percentile of value ÷ baseline is the 5th of its inverse).
 */
export function bandInMode(band: RatioBand, mode: RatioMode): RatioBand {
  return mode === 'normalised' ? band : { p5: 1 / band.p95, p95: 1 / band.p5 };
}

/** "0.0774× to 0.913×". */
export function formatBand(band: RatioBand): string {
  return `${formatRatio(band.p5)} to ${formatRatio(band.p95)}`;
}

export const BAND_LABEL = 'P5–P95';

/** The legend's mark for the error bars: an I (a bar with a cap at each end). */
const ERROR_BAR_ICON = 'path://M0,0H10V1.6H5.8V8.4H10V10H0V8.4H4.2V1.6H0Z';

/** How the chart lays out its bars in a category, so an error bar stands on the middle of its bar. */
export interface BarSlots {
  /** Bar series side by side in each category. */
  readonly count: number;
  readonly barMaxWidth: number;
  /** The bars' gap ('10%' is ECharts' default). */
  readonly barGap: string;
}

/** One error bar: on bar `bar` (0-based among the bar series) of category `category`. */
export interface ErrorBarItem {
  readonly category: number;
  readonly bar: number;
  readonly band: RatioBand;
  /** The bar's own value, labelled beyond the error bar's end (null: no label). */
  readonly value: number;
  readonly label: 'top' | 'bottom' | null;
}

interface ErrorBarApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  visual(name: 'color' | 'borderColor'): unknown;
  font(opt: { fontSize: number }): string;
  barLayout(opt: { count: number; barMaxWidth: number; barGap: string }): { offsetCenter: number; width: number }[] | undefined;
}

function round6(v: number): number {
  return Number(v.toPrecision(6));
}

/** Item: [category, p5, p95, bar, value, label end (1 top, -1 bottom, 0 none)]. */
function renderErrorBar(slots: BarSlots, _params: unknown, api: ErrorBarApi): Record<string, unknown> | null {
  const [category, p5, p95, bar, value, end] = [0, 1, 2, 3, 4, 5].map((d) => api.value(d)) as [number, number, number, number, number, number];
  const place = api.barLayout({ count: slots.count, barMaxWidth: slots.barMaxWidth, barGap: slots.barGap })?.[bar];
  if (!place || !Number.isFinite(p5) || !Number.isFinite(p95)) return null;
  const [centre, yLow] = api.coord([category, p5]) as [number, number];
  const [, yHigh] = api.coord([category, p95]) as [number, number];
  const [, yValue] = api.coord([category, value]) as [number, number];
  const x = centre + place.offsetCenter;
  const cap = Math.max(3, Math.min(7, place.width * 0.32));
  const top = Math.min(yLow, yHigh);
  const bottom = Math.max(yLow, yHigh);
  const ink = api.visual('color') as string;
  const halo = api.visual('borderColor') as string;
  const lines = [
    { x1: x, y1: top, x2: x, y2: bottom },
    { x1: x - cap, y1: top, x2: x + cap, y2: top },
    { x1: x - cap, y1: bottom, x2: x + cap, y2: bottom },
  ];
  // A halo in the card's colour first, so the bar stays apart from a bar of the same colour under it.
  const children: Record<string, unknown>[] = [
    ...lines.map((shape) => ({ type: 'line', shape, style: { stroke: halo, lineWidth: 3.6, lineCap: 'round' }, silent: true })),
    ...lines.map((shape) => ({ type: 'line', shape, style: { stroke: ink, lineWidth: 1.4 }, silent: true })),
  ];
  if (end !== 0) {
    const up = end > 0;
    children.push({
      type: 'text',
      x,
      y: up ? Math.min(top, yValue) - 4 : Math.max(bottom, yValue) + 4,
      silent: true,
      style: { text: formatRatio(value), fill: ink, font: api.font({ fontSize: 10 }), align: 'center', verticalAlign: up ? 'bottom' : 'top' },
    });
  }
  return { type: 'group', children };
}

/**
 * The error bars (P5 to P95) on bars laid out as `slots` says, drawn in the palette's text colour
 * with a halo of the card's colour; each bar's value label stands beyond its error bar's end. Left
 * out of the axis tooltip: the bars' own tooltips name their bands.
 */
export function errorBarSeries(items: readonly ErrorBarItem[], slots: BarSlots, palette: ChartPalette): Record<string, unknown> {
  return {
    name: BAND_LABEL,
    type: 'custom',
    z: 5,
    tooltip: { show: false },
    itemStyle: { color: palette.text, borderColor: palette.surface },
    encode: { x: 0, y: [1, 2] },
    renderItem: (params: unknown, api: ErrorBarApi) => renderErrorBar(slots, params, api),
    data: items.map((i) => [i.category, round6(i.band.p5), round6(i.band.p95), i.bar, round6(i.value), i.label === 'top' ? 1 : i.label === 'bottom' ? -1 : 0]),
  };
}

/** The legend of a chart with error bars: the bars' names, then the error bars' mark. */
export function legendWithBand(names: readonly string[]): (string | { name: string; icon: string })[] {
  return [...names, { name: BAND_LABEL, icon: ERROR_BAR_ICON }];
}

/** A bar series' tooltip naming each bar's band ("0.148× (P5–P95 0.0774× to 0.913×)"). */
export function bandTooltip(bands: readonly (RatioBand | undefined)[]): { valueFormatter: (value: number, index: number) => string } {
  return { valueFormatter: (value: number, index: number) => (bands[index] ? `${formatRatio(value)} (${BAND_LABEL} ${formatBand(bands[index])})` : formatRatio(value)) };
}

/** The dashed line at 1 (parity with the baseline). */
export function parityLine(palette: ChartPalette): object {
  return { silent: true, symbol: 'none', data: [{ yAxis: 1 }], lineStyle: { type: 'dashed', color: palette.mutedText, width: 1 }, label: { show: false } };
}

/** What every ratio chart shares: one group per metric on x, ratios on y, legend on top. */
export function ratioChartFrame(palette: ChartPalette, axisName: string, type: 'log' | 'value'): Record<string, unknown> {
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { left: 8, right: 16, top: 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, textStyle: { fontSize: 12 }, valueFormatter: (v: number) => formatRatio(v) },
    xAxis: { type: 'category', data: METRICS.map((m) => m.label), axisLabel: { ...axisLabel, fontSize: 12 }, axisLine: { lineStyle: { color: palette.grid } }, axisTick: { show: false } },
    yAxis: {
      type,
      // A log axis shows itself by its 0.1×, 1×, 10× ticks; the name stays short for paper figures.
      name: `${axisName} (×)`,
      nameTextStyle: { ...axisLabel, align: 'left' },
      axisLabel: { ...axisLabel, formatter: (v: number) => formatRatio(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
  };
}

/**
 * One group of bars per metric, one bar per experiment. `bands` (by experiment id, value ÷
 * baseline as the services give them) add error bars to those experiments' bars, turned to `mode`.
 */
export function normalizedChartOption(rows: readonly NormalizedRow[], mode: RatioMode, palette: ChartPalette, bands?: ReadonlyMap<string, MetricBands>): EChartsCoreOption {
  const shown = rows.map((row) => METRICS.map((m) => (row.isBaseline ? undefined : bands?.get(row.entry.id)?.[m.key])).map((b) => (b ? bandInMode(b, mode) : undefined)));
  const type = axisType([...rows.flatMap((r) => METRICS.map((m) => r.ratios[m.key])), ...shown.flat().flatMap((b) => (b ? [b.p5, b.p95] : []))]);
  const others = palette.series.filter((_, i) => i !== 2);
  const slots: BarSlots = { count: rows.length, barMaxWidth: 28, barGap: '12%' };
  const items: ErrorBarItem[] = [];
  let next = 0;
  const series: Record<string, unknown>[] = rows.map((row, i) => {
    // On a log axis the baseline is the line at 1 itself: its labels would float on the line.
    const labelled = rows.length <= 6 && !(row.isBaseline && type === 'log');
    const bandsOfRow = shown[i]!;
    METRICS.forEach((m, c) => {
      const band = bandsOfRow[c];
      if (band) items.push({ category: c, bar: i, band, value: row.ratios[m.key], label: labelled ? labelEnd(row.ratios[m.key], type) : null });
    });
    return {
      name: row.isBaseline ? `${row.label} (baseline)` : row.label,
      type: 'bar',
      barMaxWidth: slots.barMaxWidth,
      barGap: slots.barGap,
      itemStyle: { color: row.isBaseline ? palette.series[2] : others[next++ % others.length] },
      label: labelled ? ratioLabel(palette.mutedText) : { show: false },
      data: ratioBars(
        METRICS.map((m) => row.ratios[m.key]),
        type,
        bandsOfRow.map((b) => !!b && labelled),
      ),
      ...(bandsOfRow.some((b) => b) ? { tooltip: bandTooltip(bandsOfRow) } : {}),
      ...(i === 0 ? { markLine: parityLine(palette) } : {}),
    };
  });
  const frame = ratioChartFrame(palette, ratioAxisName(mode), type);
  if (items.length === 0) return { ...frame, series };
  return {
    ...frame,
    legend: { ...(frame.legend as object), data: legendWithBand(series.map((s) => s.name as string)) },
    series: [...series, errorBarSeries(items, slots, palette)],
  };
}

/** The ratio table: each experiment's figures with units and its ratios to the baseline. */
export function normalizedTable(rows: readonly NormalizedRow[], mode: RatioMode): ExportTable {
  const base = rows.find((r) => r.isBaseline);
  const units = METRICS.map((m) => columnUnit(rows.map((r) => r.entry.figures[m.field]), m.unit));
  return {
    title: `Experiments normalised to ${base?.label ?? 'the baseline'}`,
    caption: `Energy and latency of one training step and chip area; ratios ${mode === 'normalised' ? 'are value ÷ baseline (lower is better)' : 'are baseline ÷ value (higher is better)'}, baseline: ${base?.label ?? 'none'}.`,
    columns: [
      { label: 'Experiment' },
      ...METRICS.flatMap((m, i) => [
        { group: m.label, label: 'value', unit: units[i]!.unit, digits: 4 },
        { group: m.label, label: mode === 'normalised' ? '÷ baseline' : 'baseline ÷', unit: '×', digits: 3 },
      ]),
    ],
    rows: rows.map((r) => [r.isBaseline ? `${r.label} (baseline)` : r.label, ...METRICS.flatMap((m, i) => [r.entry.figures[m.field] / units[i]!.factor, r.ratios[m.key]])]),
  };
}

/** The bands beside the ratio table (which has no room for them): each metric's P5 and P95 in the mode shown, for the rows with a band. */
export function bandTable(rows: readonly NormalizedRow[], bands: ReadonlyMap<string, MetricBands>, mode: RatioMode): ExportTable {
  const base = rows.find((r) => r.isBaseline);
  const banded = rows.filter((r) => !r.isBaseline && bands.has(r.entry.id));
  const unit = '×';
  return {
    title: `Uncertainty of the ratios to ${base?.label ?? 'the baseline'}`,
    caption: `5th and 95th percentiles of each ratio (${mode === 'normalised' ? 'value ÷ baseline' : 'baseline ÷ value'}), every value of both designs drawn from its range at once; baseline: ${base?.label ?? 'none'}.`,
    columns: [
      { label: 'Experiment' },
      ...METRICS.flatMap((m) => [
        { group: m.label, label: 'P5', unit, digits: 3 },
        { group: m.label, label: 'P95', unit, digits: 3 },
      ]),
    ],
    rows: banded.map((r) => [
      r.label,
      ...METRICS.flatMap((m) => {
        const band = bands.get(r.entry.id)?.[m.key];
        const shown = band ? bandInMode(band, mode) : null;
        return [shown?.p5 ?? null, shown?.p95 ?? null];
      }),
    ]),
  };
}
