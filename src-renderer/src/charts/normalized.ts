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
 * below), so a bar under 1 carries its label at its lower end.
 */
export function ratioBars(values: readonly number[], type: 'log' | 'value'): (number | { value: number; label: { position: 'bottom' } })[] {
  return values.map((v) => {
    const value = Number(v.toPrecision(6));
    return type === 'log' && value < 1 ? { value, label: { position: 'bottom' } } : value;
  });
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

export function normalizedChartOption(rows: readonly NormalizedRow[], mode: RatioMode, palette: ChartPalette): EChartsCoreOption {
  const type = axisType(rows.flatMap((r) => METRICS.map((m) => r.ratios[m.key])));
  const others = palette.series.filter((_, i) => i !== 2);
  let next = 0;
  return {
    ...ratioChartFrame(palette, ratioAxisName(mode), type),
    series: rows.map((row, i) => ({
      name: row.isBaseline ? `${row.label} (baseline)` : row.label,
      type: 'bar',
      barMaxWidth: 28,
      barGap: '12%',
      itemStyle: { color: row.isBaseline ? palette.series[2] : others[next++ % others.length] },
      // On a log axis the baseline is the line at 1 itself: its labels would float on the line.
      label: rows.length <= 6 && !(row.isBaseline && type === 'log') ? ratioLabel(palette.mutedText) : { show: false },
      data: ratioBars(
        METRICS.map((m) => row.ratios[m.key]),
        type,
      ),
      ...(i === 0 ? { markLine: parityLine(palette) } : {}),
    })),
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
