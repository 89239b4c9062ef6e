import type { SweepOutput } from '@shared/schemas/sweep.ts';
import { formatSI, prefixableBase, toSI } from '@shared/units.ts';
import { displaySI, prettyUnit } from '@/display.ts';
import type { ChartPalette } from './palette.ts';
import { axisTicks, tickLabel } from './sweep-ticks.ts';

// What the three sweep charts, the summary and the tables share: the metrics a point is judged by
// (lower is better for all but the lifetime),
// how figures and design values are written (SI prefixes, typeset units, 4 significant digits
// everywhere), the tooltip of one point, and a point found by its index. Results reach 100,000
// points: nothing here walks them more than once per call, and nothing builds an index of them.

export type SweepPoint = SweepOutput['points'][number];
export type SweepAxisInfo = SweepOutput['axes'][number];
/** A sweep as the page draws it: as run, or as read back from History. */
export type SweepResult = Pick<SweepOutput, 'status' | 'total' | 'points' | 'front' | 'design' | 'network' | 'axes' | 'elapsed_s'> & {
  readonly sweepId?: string | null;
  readonly batch?: number | null;
  readonly name?: string;
  /** The swept design is a GPU: its points have no lifetime because wear-out is not modelled, not for want of an endurance. */
  readonly gpu?: boolean;
};
export type SweepMetric = 'energy' | 'latency' | 'area' | 'edp' | 'lifetime';

export interface MetricInfo {
  readonly key: SweepMetric;
  readonly label: string;
  readonly short: string;
  /** The SI unit the prefix goes on ("J" for the energy-delay product, shown as J·s). */
  readonly base: string;
  readonly suffix: string;
  /** Which end of the metric is the better design. */
  readonly better: 'lower' | 'higher';
  /** The summary's tile for the best point ("Lowest energy"). */
  readonly best: string;
}

export const SWEEP_METRICS: readonly MetricInfo[] = [
  { key: 'energy', label: 'Energy per step', short: 'Energy', base: 'J', suffix: '', better: 'lower', best: 'Lowest energy' },
  { key: 'latency', label: 'Latency per step', short: 'Latency', base: 's', suffix: '', better: 'lower', best: 'Lowest latency' },
  { key: 'area', label: 'Chip area', short: 'Area', base: 'm^2', suffix: '', better: 'lower', best: 'Smallest area' },
  { key: 'edp', label: 'Energy-delay product', short: 'EDP', base: 'J', suffix: '·s', better: 'lower', best: 'Lowest EDP' },
  // Days of continuous training until the most-written cell wears out; no SI prefix goes on days.
  { key: 'lifetime', label: 'Lifetime', short: 'Lifetime', base: 'days', suffix: '', better: 'higher', best: 'Longest lifetime' },
];

/** What a valid point without a lifetime shows: its cell gives no endurance. */
export const NO_ENDURANCE = 'no endurance given';
/** What a GPU's point shows for its lifetime. */
export const NOT_MODELLED_GPU = 'not modelled (GPU)';

export function metricInfo(metric: SweepMetric): MetricInfo {
  return SWEEP_METRICS.find((m) => m.key === metric)!;
}

/** The metric of a point in SI, or null when the point failed. */
export function metricValue(point: SweepPoint, metric: SweepMetric): number | null {
  if (metric === 'energy') return point.energy_J;
  if (metric === 'latency') return point.latency_s;
  if (metric === 'area') return point.area_m2;
  if (metric === 'lifetime') return point.lifetime_days ?? null;
  return point.energy_J === null || point.latency_s === null ? null : point.energy_J * point.latency_s;
}

/**
 * The unit a metric's heading names when its figures are written without one: days take no
 * prefix, so a heat map's legend shows the bare numbers and leaves the unit to the heading.
 */
export function headingUnit(metric: SweepMetric): string | null {
  const info = metricInfo(metric);
  return prefixableBase(info.base) ? null : info.base;
}

/** A figure as a colour legend shows it: without the unit when the heading names it. */
export function legendFigure(value: number, metric: SweepMetric): string {
  return headingUnit(metric) === null ? formatMetric(value, metric) : String(Number(value.toPrecision(4)));
}

/** "158 J", "900 ms", "130 mm²", "142.2 J·s": 4 significant digits, like every figure of the workbench. */
export function formatMetric(value: number | null, metric: SweepMetric): string {
  if (value === null) return '—';
  const info = metricInfo(metric);
  return `${displaySI(value, info.base)}${info.suffix}`;
}

/**
 * A metric of a point as text; a valid point without a lifetime says its cell gives no endurance,
 * and a point of a sweep kept before lifetimes were evaluated (no field at all) gives null.
 */
export function metricText(point: SweepPoint, metric: SweepMetric, gpu = false): string | null {
  if (metric === 'lifetime' && point.energy_J !== null && point.lifetime_days === null) return gpu ? NOT_MODELLED_GPU : NO_ENDURANCE;
  if (metric === 'lifetime' && point.lifetime_days === undefined) return null;
  return formatMetric(metricValue(point, metric), metric);
}

/** An axis in a prefixed unit: shown = SI / factor. */
export interface DisplayScale {
  readonly factor: number;
  readonly unit: string;
}

export function displayScale(largest: number, base: string, suffix = ''): DisplayScale {
  if (!(largest > 0) || !Number.isFinite(largest) || !prefixableBase(base)) return { factor: 1, unit: prettyUnit(base) + suffix };
  const unit = formatSI(largest, base).split(' ')[1] ?? base;
  return { factor: toSI(1, unit), unit: prettyUnit(unit) + suffix };
}

/** A design value in the unit the design stores it in, 4 significant digits; counts ("1") carry no unit. */
export function formatParam(value: number, unit: string): string {
  const shown = String(Number(value.toPrecision(4)));
  return unit === '' || unit === '1' ? shown : `${shown} ${prettyUnit(unit)}`;
}

/** The same value in full, for a title or a file (what a saved design gets). */
export function exactParam(value: number, unit: string): string {
  return unit === '' || unit === '1' ? String(value) : `${value} ${prettyUnit(unit)}`;
}

export function axisTitle(axis: Pick<SweepAxisInfo, 'key' | 'unit'>): string {
  return axis.unit === '' || axis.unit === '1' ? axis.key : `${axis.key} (${prettyUnit(axis.unit)})`;
}

/** Spans wider than this ratio are drawn on logarithmic axes. */
export const LOG_SPAN = 10;

/** Smallest and largest of the non-null values. */
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

/** The point with this index: points are in index order (a cancelled sweep has gaps), so a binary search. */
export function findPoint(result: Pick<SweepResult, 'points'>, index: number): SweepPoint | undefined {
  const points = result.points;
  let lo = 0;
  let hi = points.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = points[mid]!.index;
    if (at === index) return points[mid];
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * The tooltip of one point: its parameter values, then its figures (or why it failed), as plain
 * text lines (the page's CSP forbids inline styles in tooltip markup).
 */
export function pointTooltip(point: SweepPoint, axes: readonly SweepAxisInfo[], onFront: boolean, gpu = false): string {
  const head = `Point #${point.index}${onFront ? ' · Pareto front' : ''}`;
  const params = axes.map((a) => `${a.key} = ${formatParam(point.values[a.key] ?? NaN, a.unit)}`);
  const figures =
    point.energy_J === null
      ? [`not a valid design: ${wrap(point.error ?? 'no reason given')}`]
      : SWEEP_METRICS.flatMap((m) => {
          const text = metricText(point, m.key, gpu);
          return text === null ? [] : [`${m.label}: ${text}`];
        });
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

/** The tooltip of the point a data item names (its index is the item's last value). */
export function tooltipOfItem(result: SweepResult, value: unknown): string {
  const item = Array.isArray(value) ? (value as unknown[]) : [];
  const p = findPoint(result, item[item.length - 1] as number);
  return p ? pointTooltip(p, result.axes, result.front.includes(p.index), result.gpu === true) : '';
}

/** Options every sweep chart starts from; its tooltip shows the point under the pointer. */
export function baseChart(result: SweepResult, palette: ChartPalette): Record<string, unknown> {
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    tooltip: {
      trigger: 'item',
      confine: true,
      // Drawn on the canvas: plain text lines, whatever the chart host does with HTML tooltips.
      renderMode: 'richText',
      textStyle: { fontSize: 12, color: '#1d2330' },
      formatter: (params: { value?: unknown }) => tooltipOfItem(result, params.value),
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

/**
 * A value (or log) axis over [min, max] labelled only at round values (sweep-ticks.ts): a sweep's
 * own steps (83.63...) never become labels. `counts` prefers powers of two on a log axis.
 */
export function tickedAxis(min: number, max: number, scale: string, palette: ChartPalette, counts = false): Record<string, unknown> {
  const log = scale === 'log' && min > 0;
  const ticks = axisTicks(min, max, log ? 'log' : 'linear', counts);
  const style = axisStyle(palette);
  return {
    type: log ? 'log' : 'value',
    min,
    max,
    ...style,
    axisTick: { customValues: ticks },
    axisLabel: { ...(style.axisLabel as object), customValues: ticks, formatter: (v: number) => tickLabel(v) },
    splitLine: { ...(style.splitLine as object), show: false },
  };
}

/** Plot margins of the value charts: room for tick labels and for both axis names outside the plot. */
export const VALUE_GRID = { left: 64, right: 20, top: 30, bottom: 40 };

/**
 * A grid at fixed margins. ECharts 6 otherwise lays every axis out twice (once to estimate how far
 * its labels reach, then for real), which is most of a sweep chart's first draw; the margins
 * already hold the labels and names, and the heat map needs its plot exactly where they put it.
 */
export function fixedGrid(margins: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }): Record<string, unknown> {
  return { ...margins, containLabel: false, outerBoundsMode: 'none' };
}

/** Where to ring a selected point: its data coordinates and the ring's size in pixels. */
export interface RingTarget {
  readonly value: readonly number[];
  readonly width: number;
  readonly height: number;
}
