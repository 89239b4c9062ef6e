import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from './palette.ts';
import {
  axisStyle,
  axisTitle,
  baseChart,
  extent,
  formatMetric,
  metricInfo,
  metricValue,
  wideSpan,
  type RingTarget,
  type SweepAxisInfo,
  type SweepMetric,
  type SweepResult,
} from './sweep-line.ts';

// Two parameters: the metric over the grid of both, the first parameter across, the second up.
// Failed points are grey cells; Pareto-front points carry a dot. A metric spanning more than a
// factor of 10 is coloured by its logarithm so that the low end does not all look the same.

/** A sequential ramp, low to high, readable in both themes and in grey-scale. */
export const HEAT_RAMP = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

/** Where a point sits in the grid (the first axis varies slowest). */
export function gridCell(index: number, secondSteps: number): [number, number] {
  return [Math.floor(index / secondSteps), index % secondSteps];
}

/** One label per step of an axis (4 significant digits): the values the points carry, else the value the range gives. */
export function axisLabels(result: SweepResult, which: 0 | 1): string[] {
  const axis = result.axes[which]!;
  const other = result.axes[1]!.steps;
  const values = new Array<number | undefined>(axis.steps).fill(undefined);
  let whole = true;
  for (const p of result.points) {
    const step = gridCell(p.index, other)[which];
    const v = p.values[axis.key];
    if (v === undefined) continue;
    values[step] ??= v;
    whole &&= Number.isInteger(v);
  }
  // Steps no point reached (a cancelled sweep): from the range, whole when the points are.
  return values.map((v, i) => {
    const shown = v ?? (whole ? Math.round(rangeValue(axis, i)) : rangeValue(axis, i));
    return String(Number(shown.toPrecision(4)));
  });
}

function rangeValue(axis: SweepAxisInfo, i: number): number {
  const f = axis.steps === 1 ? 0 : i / (axis.steps - 1);
  return axis.scale === 'log' ? axis.from * (axis.to / axis.from) ** f : axis.from + (axis.to - axis.from) * f;
}

/** Up to this many cells are drawn as a heat map series, one element per cell. */
export const DIRECT_CELLS = 1000;
/** Colour levels of a large grid: every level is one series ECharts draws as a single path. */
export const LEVELS = 24;

/** The plot area inside the chart; fixed margins, so a cell's size in pixels is known. */
const GRID = { left: 64, right: 92, top: 30, bottom: 40 };

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** The ramp's colour at t in [0, 1], mixed in RGB as the visual map does. */
export function rampColour(t: number, ramp: readonly string[] = HEAT_RAMP): string {
  const x = Math.min(1, Math.max(0, t)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const [a, b] = [rgb(ramp[i]!), rgb(ramp[i + 1]!)];
  return `#${a.map((c, k) => Math.round(c + (b[k]! - c) * (x - i)).toString(16).padStart(2, '0')).join('')}`;
}

export interface PlotSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The metric over the grid of two parameters. `plot` is the chart's size in pixels: with it, a grid
 * of more than DIRECT_CELLS cells is drawn as LEVELS colour bands of square markers the size of a
 * cell (ECharts' large mode, one path per band) so that 10,000 cells and more draw in a few frames.
 */
function cellSize(result: SweepResult, plot?: PlotSize): number[] {
  if (!plot) return [8, 8];
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  return [Math.max(1, (plot.width - GRID.left - GRID.right) / first.steps), Math.max(1, (plot.height - GRID.top - GRID.bottom) / second.steps)];
}

export function heatmapTarget(result: SweepResult, index: number, plot?: PlotSize): RingTarget | null {
  if (!result.points.some((p) => p.index === index)) return null;
  const [w, h] = cellSize(result, plot);
  return { value: gridCell(index, result.axes[1]!.steps), width: Math.max(12, w! + 4), height: Math.max(12, h! + 4) };
}

/** True when the metric is coloured by its logarithm (it spans more than LOG_SPAN). */
export function heatmapLogColour(result: SweepResult, metric: SweepMetric): boolean {
  return wideSpan(result.points.map((p) => metricValue(p, metric)));
}

/** Shows about eight labels on an axis of `n` steps. */
export function labelInterval(n: number): number {
  return Math.max(0, Math.ceil(n / 8) - 1);
}

/** How the metric maps to colour: linear, or by its logarithm over a wide span. */
interface ColourScale {
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  of(valueSI: number): number;
  /** The SI figure of a colour value, with its unit. */
  shown(colour: number): string;
}

function colourScale(values: readonly (number | null)[], metric: SweepMetric): ColourScale {
  const log = wideSpan(values);
  const range = extent(values);
  const of = (v: number): number => (log ? Math.log10(v) : v);
  const [low, high] = Number.isFinite(range.min) ? [of(range.min), of(range.max)] : [0, 1];
  return { low, high, log, of, shown: (c) => formatMetric(log ? 10 ** c : c, metric) };
}

/** The cells: one heat map series (small grids), or LEVELS banded large-mode series; failed cells apart. */
function cellSeries(result: SweepResult, metric: SweepMetric, scale: ColourScale, palette: ChartPalette, plot?: PlotSize): Record<string, unknown>[] {
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  const name = metricInfo(metric).label;
  const banded = plot !== undefined && first.steps * second.steps > DIRECT_CELLS;
  const symbol = { symbol: 'rect', symbolSize: cellSize(result, plot).map((d) => Math.ceil(d) + 0.5), large: true, largeThreshold: 0, progressive: 20_000, progressiveThreshold: 40_000 };
  const emphasis = { itemStyle: { borderColor: palette.highlight, borderWidth: 1 } };
  const valid: number[][] = [];
  const failed: number[][] = [];
  const bands = Array.from({ length: LEVELS }, () => [] as number[][]);
  for (const p of result.points) {
    const cell = gridCell(p.index, second.steps);
    const v = metricValue(p, metric);
    if (v === null) failed.push(banded ? [...cell, p.index] : [...cell, 0, p.index]);
    else if (!banded) valid.push([...cell, scale.of(v), p.index]);
    else bands[Math.min(LEVELS - 1, Math.floor(((scale.of(v) - scale.low) / (scale.high - scale.low || 1)) * LEVELS))]!.push([...cell, p.index]);
  }
  // Empty series are left out: ECharts' large mode cannot draw a series without points.
  const cells = banded
    ? bands.flatMap((data, k) => (data.length ? [{ name, type: 'scatter', data, itemStyle: { color: rampColour((k + 0.5) / LEVELS) }, ...symbol }] : []))
    : [{ name, type: 'heatmap', data: valid, emphasis }];
  if (!failed.length) return cells;
  return [...cells, banded ? { name: 'failed', type: 'scatter', data: failed, itemStyle: { color: palette.grid }, ...symbol } : { name: 'failed', type: 'heatmap', data: failed, itemStyle: { color: palette.grid }, emphasis }];
}

function categoryAxis(result: SweepResult, which: 0 | 1, palette: ChartPalette): Record<string, unknown> {
  const axis = result.axes[which]!;
  const style = axisStyle(palette);
  const name = which === 0 ? { nameLocation: 'middle', nameGap: 26 } : { nameLocation: 'middle', nameRotate: 90, nameGap: 46 };
  return { type: 'category', data: axisLabels(result, which), name: axisTitle(axis), ...name, ...style, axisLabel: { ...(style.axisLabel as object), interval: labelInterval(axis.steps) }, axisTick: { show: false }, splitLine: { show: false } };
}

export function sweepHeatmapOption(result: SweepResult, metric: SweepMetric, palette: ChartPalette, plot?: PlotSize): EChartsCoreOption {
  const front = new Set(result.front);
  const scale = colourScale(
    result.points.map((p) => metricValue(p, metric)),
    metric,
  );
  const cells = cellSeries(result, metric, scale, palette, plot);
  const banded = cells[0]?.type === 'scatter';
  return {
    ...baseChart(result, palette),
    grid: { ...GRID, containLabel: false },
    xAxis: categoryAxis(result, 0, palette),
    yAxis: categoryAxis(result, 1, palette),
    visualMap: {
      type: 'continuous',
      // A banded grid is coloured by its series; the map is then only the legend.
      seriesIndex: banded ? [] : 0,
      // The colour is the third value of [x, y, colour, index], not the last.
      dimension: 2,
      min: scale.low,
      max: scale.high,
      calculable: false,
      orient: 'vertical',
      right: 4,
      top: GRID.top + 4,
      itemWidth: 10,
      itemHeight: Math.max(80, (plot?.height ?? 320) - GRID.top - GRID.bottom - 40),
      text: result.points.some((p) => metricValue(p, metric) !== null) ? [scale.shown(scale.high), scale.shown(scale.low)] : ['', ''],
      textGap: 6,
      textStyle: { color: palette.mutedText, fontSize: 11 },
      inRange: { color: HEAT_RAMP },
      formatter: scale.shown,
    },
    series: [
      ...cells,
      {
        name: 'Pareto front',
        type: 'scatter',
        data: result.points.filter((p) => front.has(p.index)).map((p) => [...gridCell(p.index, result.axes[1]!.steps), p.index]),
        symbolSize: 8,
        itemStyle: { color: '#ffffff', borderColor: '#1d2330', borderWidth: 1.5 },
        z: 4,
      },
    ],
  };
}
