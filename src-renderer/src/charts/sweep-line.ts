import type { EChartsCoreOption } from 'echarts/core';
import type { SweepOutput } from '@shared/schemas/sweep.ts';
import { formatSI, toSI } from '@shared/units.ts';
import type { ChartPalette } from './palette.ts';

// Sweep results as charts. This file also holds what the three sweep charts share: the metrics a
// point is judged by, the on-screen scale of an SI figure, and the tooltip of one point.
// Every data item of every sweep series is an array whose last element is the point's index, so a
// click on any of them can open that point. The selected point is not part of the options: it is
// ringed over the chart at the place `*Target` gives, so that choosing another point never redraws
// thousands of markers.

export type SweepResult = SweepOutput;
export type SweepPoint = SweepOutput['points'][number];
export type SweepAxisInfo = SweepOutput['axes'][number];
export type SweepMetric = 'energy' | 'latency' | 'area' | 'edp';

export interface MetricInfo {
  readonly key: SweepMetric;
  readonly label: string;
  readonly short: string;
  /** The SI unit the prefix goes on ("J" for the energy-delay product, shown as J·s). */
  readonly base: string;
  readonly suffix: string;
}

export const SWEEP_METRICS: readonly MetricInfo[] = [
  { key: 'energy', label: 'Energy per step', short: 'Energy', base: 'J', suffix: '' },
  { key: 'latency', label: 'Latency per step', short: 'Latency', base: 's', suffix: '' },
  { key: 'area', label: 'Chip area', short: 'Area', base: 'm^2', suffix: '' },
  { key: 'edp', label: 'Energy-delay product', short: 'EDP', base: 'J', suffix: '·s' },
];

export function metricInfo(metric: SweepMetric): MetricInfo {
  return SWEEP_METRICS.find((m) => m.key === metric)!;
}

/** The metric of a point in SI, or null when the point failed. */
export function metricValue(point: SweepPoint, metric: SweepMetric): number | null {
  if (metric === 'energy') return point.energy_J;
  if (metric === 'latency') return point.latency_s;
  if (metric === 'area') return point.area_m2;
  return point.energy_J === null || point.latency_s === null ? null : point.energy_J * point.latency_s;
}

export function formatMetric(value: number | null, metric: SweepMetric): string {
  if (value === null) return '—';
  const info = metricInfo(metric);
  return `${formatSI(value, info.base)}${info.suffix}`;
}

/** An axis in a prefixed unit: shown = SI / factor. */
export interface DisplayScale {
  readonly factor: number;
  readonly unit: string;
}

export function displayScale(largest: number, base: string, suffix = ''): DisplayScale {
  if (!(largest > 0) || !Number.isFinite(largest)) return { factor: 1, unit: base + suffix };
  const unit = formatSI(largest, base).split(' ')[1] ?? base;
  return { factor: toSI(1, unit), unit: unit + suffix };
}

/** A design value in the unit the design stores it in; counts ("1") carry no unit. */
export function formatParam(value: number, unit: string): string {
  const shown = String(Number(value.toPrecision(6)));
  return unit === '' || unit === '1' ? shown : `${shown} ${unit}`;
}

export function axisTitle(axis: Pick<SweepAxisInfo, 'key' | 'unit'>): string {
  return axis.unit === '' || axis.unit === '1' ? axis.key : `${axis.key} (${axis.unit})`;
}

/** Spans wider than this ratio are drawn on logarithmic axes. */
export const LOG_SPAN = 10;

/** Smallest and largest of the non-null values (no spread: sweeps reach 100,000 points). */
export function extent(values: Iterable<number | null>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

export function wideSpan(values: Iterable<number | null>): boolean {
  const { min, max } = extent(values);
  return min > 0 && max / min > LOG_SPAN;
}

/**
 * The tooltip of one point: its parameter values, then its figures (or why it failed), as plain
 * text lines for a tooltip drawn on the canvas (the page's CSP forbids inline styles in markup).
 */
export function pointTooltip(point: SweepPoint, axes: readonly SweepAxisInfo[], onFront: boolean): string {
  const head = `Point #${point.index}${onFront ? ' · Pareto front' : ''}`;
  const params = axes.map((a) => `${a.key} = ${formatParam(point.values[a.key] ?? NaN, a.unit)}`);
  const figures = point.energy_J === null ? [`not a valid design: ${wrap(point.error ?? 'no reason given')}`] : SWEEP_METRICS.map((m) => `${m.label}: ${formatMetric(metricValue(point, m.key), m.key)}`);
  return [head, ...params, ...figures].join('\n');
}

/** Breaks a long reason into lines of about 60 characters, so the tooltip stays inside the chart. */
function wrap(text: string, width = 60): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** Points by index, for tooltips and clicks (a cancelled sweep has gaps). */
export function pointsByIndex(result: SweepResult): Map<number, SweepPoint> {
  return new Map(result.points.map((p) => [p.index, p]));
}

/** Options every sweep chart starts from; its tooltip shows the point under the pointer. */
export function baseChart(result: SweepResult, palette: ChartPalette): Record<string, unknown> {
  const byIndex = pointsByIndex(result);
  const front = new Set(result.front);
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    tooltip: {
      trigger: 'item',
      confine: true,
      // Drawn on the canvas: plain text lines, whatever the chart host does with HTML tooltips.
      renderMode: 'richText',
      textStyle: { fontSize: 12, color: '#1d2330' },
      formatter: (params: { value?: unknown }) => {
        const value = Array.isArray(params.value) ? (params.value as unknown[]) : [];
        const p = byIndex.get(value[value.length - 1] as number);
        return p ? pointTooltip(p, result.axes, front.has(p.index)) : '';
      },
    },
  };
}

export function axisStyle(palette: ChartPalette): Record<string, unknown> {
  return {
    nameTextStyle: { color: palette.mutedText, fontSize: 11 },
    axisLabel: { color: palette.mutedText, fontSize: 11, hideOverlap: true },
    axisLine: { lineStyle: { color: palette.grid } },
    splitLine: { lineStyle: { color: palette.grid } },
  };
}

/** Plot margins of the value charts: room for tick labels and for both axis names outside the plot. */
export const VALUE_GRID = { left: 64, right: 20, top: 30, bottom: 40 };

/** Where to ring a selected point: its data coordinates and the ring's size in pixels. */
export interface RingTarget {
  readonly value: readonly number[];
  readonly width: number;
  readonly height: number;
}

/** Above this many points the line is drawn without a symbol per point. */
const SYMBOL_LIMIT = 1000;

function lineScale(result: SweepResult, metric: SweepMetric): DisplayScale {
  const info = metricInfo(metric);
  return displayScale(extent(result.points.map((p) => metricValue(p, metric))).max, info.base, info.suffix);
}

export function lineTarget(result: SweepResult, metric: SweepMetric, index: number): RingTarget | null {
  const p = result.points.find((q) => q.index === index);
  const v = p ? metricValue(p, metric) : null;
  const x = p?.values[result.axes[0]!.key];
  return v === null || x === undefined ? null : { value: [x, v / lineScale(result, metric).factor], width: 16, height: 16 };
}

/** One parameter: the metric against the parameter, with the front's points marked. */
export function sweepLineOption(result: SweepResult, metric: SweepMetric, palette: ChartPalette): EChartsCoreOption {
  const axis = result.axes[0]!;
  const info = metricInfo(metric);
  const raw = result.points.map((p) => metricValue(p, metric));
  const scale = lineScale(result, metric);
  const front = new Set(result.front);
  const item = (p: SweepPoint, v: number | null): (number | null)[] => [p.values[axis.key] ?? null, v === null ? null : v / scale.factor, p.index];
  const data = result.points.map((p, i) => item(p, raw[i] ?? null));
  const logX = axis.scale === 'log' && axis.from > 0 && axis.to > 0;
  const style = axisStyle(palette);
  return {
    ...baseChart(result, palette),
    grid: VALUE_GRID,
    xAxis: { type: logX ? 'log' : 'value', name: axisTitle(axis), nameLocation: 'middle', nameGap: 26, min: Math.min(axis.from, axis.to), max: Math.max(axis.from, axis.to), ...style, splitLine: { show: false } },
    yAxis: { type: 'value', scale: true, name: `${info.label} (${scale.unit})`, nameLocation: 'middle', nameRotate: 90, nameGap: 46, ...style },
    series: [
      {
        name: info.label,
        type: 'line',
        data,
        showSymbol: data.length <= SYMBOL_LIMIT,
        symbolSize: 5,
        connectNulls: false,
        lineStyle: { color: palette.series[0], width: 1.5 },
        itemStyle: { color: palette.series[0] },
      },
      {
        name: 'Pareto front',
        type: 'scatter',
        data: result.points.flatMap((p, i) => (front.has(p.index) ? [item(p, raw[i] ?? null)] : [])),
        symbolSize: 9,
        itemStyle: { color: palette.series[1], borderColor: palette.highlight, borderWidth: 1 },
        z: 4,
      },
    ],
  };
}
