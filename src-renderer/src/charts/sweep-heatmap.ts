import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from './palette.ts';
import { digestOf, digestValue, wideMetric } from './sweep-digest.ts';
import { LOG_SPAN, axisTitle, fixedGrid, baseChart, findPoint, legendFigure, tickedAxis, type RingTarget, type SweepAxisInfo, type SweepMetric, type SweepResult } from './sweep-common.ts';

// Two parameters: the metric over the grid of both, the first parameter across, the second up,
// drawn as one image of one pixel per point (heatmapCells), scaled onto the plot: 100,000 points
// cost one image, not 100,000 shapes. Failed points are grey, steps a cancelled sweep never reached
// are left clear, Pareto-front points carry a dot. A metric spanning more than a factor of 10 is
// coloured by its logarithm so that the low end does not all look the same. The axes are value
// (or log) axes over the swept ranges, labelled at round values, with each step's cell centred on
// the step's value. The page finds the point under the pointer with heatmapPointAt.

/** A sequential ramp, low to high, readable in both themes and in grey-scale. */
export const HEAT_RAMP = ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'];

/** The plot area inside the chart; fixed margins, so the image's size in pixels is known. */
export const HEATMAP_GRID = { left: 64, right: 92, top: 30, bottom: 40 };

/** Where a point sits in the grid (the first axis varies slowest). */
export function gridCell(index: number, secondSteps: number): [number, number] {
  return [Math.floor(index / secondSteps), index % secondSteps];
}

const isLog = (axis: SweepAxisInfo): boolean => axis.scale === 'log' && axis.from > 0 && axis.to > 0;

/** The value the range gives step i (the points carry it rounded when the value is a count). */
export function stepValue(axis: SweepAxisInfo, i: number): number {
  const f = axis.steps === 1 ? 0 : i / (axis.steps - 1);
  return isLog(axis) ? axis.from * (axis.to / axis.from) ** f : axis.from + (axis.to - axis.from) * f;
}

/** Where the range's cells begin and end: half a step beyond the first and last values. */
export function axisEdges(axis: SweepAxisInfo): [number, number] {
  const [lo, hi] = [Math.min(axis.from, axis.to), Math.max(axis.from, axis.to)];
  if (isLog(axis)) {
    const half = axis.steps > 1 && hi > lo ? (hi / lo) ** (0.5 / (axis.steps - 1)) : 1.25;
    return [lo / half, hi * half];
  }
  const half = axis.steps > 1 && hi > lo ? (hi - lo) / (axis.steps - 1) / 2 : Math.max(Math.abs(lo) * 0.1, 0.5);
  return [lo - half, hi + half];
}

/** The step whose cell holds `value`, or null outside the range. */
export function stepAt(axis: SweepAxisInfo, value: number): number | null {
  const [lo, hi] = axisEdges(axis);
  if (!(value >= lo && value <= hi)) return null;
  if (axis.steps === 1) return 0;
  const f = isLog(axis) ? Math.log(value / axis.from) / Math.log(axis.to / axis.from) : (value - axis.from) / (axis.to - axis.from);
  return Math.min(axis.steps - 1, Math.max(0, Math.round(f * (axis.steps - 1))));
}

/** The point in the cell at these axis values (data coordinates), if the sweep has one there. */
export function heatmapPointAt(result: SweepResult, x: number, y: number): number | null {
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  const [i, j] = [stepAt(first, x), stepAt(second, y)];
  if (i === null || j === null) return null;
  const index = i * second.steps + j;
  return findPoint(result, index) ? index : null;
}

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

/** 256 ramp colours as RGB bytes, so colouring 100,000 cells is a table lookup each. */
const RAMP_TABLE = Uint8Array.from(Array.from({ length: 256 }, (_, k) => rgb(rampColour(k / 255))).flat());

/** True when the metric is coloured by its logarithm (it spans more than LOG_SPAN). */
export function heatmapLogColour(result: SweepResult, metric: SweepMetric): boolean {
  return wideMetric(digestOf(result), metric, LOG_SPAN);
}

/** How the metric maps to colour: linear, or by its logarithm over a wide span. */
export interface ColourScale {
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
}

export function colourScale(result: SweepResult, metric: SweepMetric): ColourScale {
  const digest = digestOf(result);
  const log = wideMetric(digest, metric, LOG_SPAN);
  const range = digest.stats[metric];
  const of = (v: number): number => (log ? Math.log10(v) : v);
  return Number.isFinite(range.min) ? { low: of(range.min), high: of(range.max), log } : { low: 0, high: 1, log };
}

/** One RGBA pixel per point, row 0 at the top (the second parameter's largest value). */
export interface HeatCells {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray;
  readonly scale: ColourScale;
}

/** The cells from the result's digest: one pass over typed arrays, no point object touched. */
export function heatmapCells(result: SweepResult, metric: SweepMetric, palette: ChartPalette): HeatCells {
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  const digest = digestOf(result);
  const scale = colourScale(result, metric);
  const [w, h] = [first.steps, second.steps];
  const rgba = new Uint8ClampedArray(w * h * 4);
  const failed = rgb(palette.grid);
  const span = scale.high - scale.low || 1;
  const [flipX, flipY] = [first.from > first.to, second.from <= second.to];
  for (let k = 0; k < digest.count; k += 1) {
    const index = digest.index[k]!;
    const [i, j] = [Math.floor(index / h), index % h];
    const at = (((flipY ? h - 1 - j : j) * w + (flipX ? w - 1 - i : i)) * 4) | 0;
    const v = digestValue(digest, k, metric);
    if (Number.isNaN(v)) {
      rgba[at] = failed[0]!;
      rgba[at + 1] = failed[1]!;
      rgba[at + 2] = failed[2]!;
    } else {
      const t = Math.round((((scale.log ? Math.log10(v) : v) - scale.low) / span) * 255) * 3;
      rgba[at] = RAMP_TABLE[t]!;
      rgba[at + 1] = RAMP_TABLE[t + 1]!;
      rgba[at + 2] = RAMP_TABLE[t + 2]!;
    }
    rgba[at + 3] = 255;
  }
  return { width: w, height: h, rgba, scale };
}

/** The ring around a selected cell: its centre and a size a little over one cell (`cellPx` on screen). */
export function heatmapTarget(result: SweepResult, index: number, cellPx: readonly [number, number] = [8, 8]): RingTarget | null {
  if (!findPoint(result, index)) return null;
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  const [i, j] = gridCell(index, second.steps);
  return { value: [stepValue(first, i), stepValue(second, j)], width: Math.max(12, cellPx[0] + 4), height: Math.max(12, cellPx[1] + 4) };
}

/** A colour legend: the continuous visual map, tied to no series (the image carries the colours). */
function colourLegend(result: SweepResult, metric: SweepMetric, scale: ColourScale, palette: ChartPalette, plotHeight: number): Record<string, unknown> {
  const shown = (c: number): string => legendFigure(scale.log ? 10 ** c : c, metric);
  const any = digestOf(result).valid > 0;
  return {
    type: 'continuous',
    seriesIndex: [],
    min: scale.low,
    max: scale.high,
    calculable: false,
    orient: 'vertical',
    right: 4,
    top: HEATMAP_GRID.top + 4,
    itemWidth: 10,
    itemHeight: Math.max(80, plotHeight - HEATMAP_GRID.top - HEATMAP_GRID.bottom - 40),
    text: any ? [shown(scale.high), shown(scale.low)] : ['', ''],
    textGap: 6,
    textStyle: { color: palette.mutedText, fontSize: 11 },
    inRange: { color: HEAT_RAMP },
    formatter: shown,
  };
}

function gridAxis(axis: SweepAxisInfo, palette: ChartPalette, across: boolean): Record<string, unknown> {
  const [lo, hi] = axisEdges(axis);
  const name = across ? { nameLocation: 'middle', nameGap: 26 } : { nameLocation: 'middle', nameRotate: 90, nameGap: 46 };
  return { ...tickedAxis(lo, hi, axis.scale, palette, axis.unit === '1'), name: axisTitle(axis), ...name };
}

/**
 * The metric over the grid of two parameters. `image` is heatmapCells drawn on a canvas (the page
 * does that; any image source ECharts can draw); `plotHeight` is the chart's height in pixels.
 */
export function sweepHeatmapOption(result: SweepResult, metric: SweepMetric, palette: ChartPalette, image: unknown, scale: ColourScale, plotHeight = 320): EChartsCoreOption {
  const [first, second] = [result.axes[0]!, result.axes[1]!];
  const [[x0, x1], [y0, y1]] = [axisEdges(first), axisEdges(second)];
  const front = result.front.filter((i) => findPoint(result, i));
  return {
    ...baseChart(result, palette),
    // The page draws its own tooltip from the cell under the pointer: the image has no items.
    tooltip: { show: false },
    grid: fixedGrid(HEATMAP_GRID),
    xAxis: gridAxis(first, palette, true),
    yAxis: gridAxis(second, palette, false),
    visualMap: colourLegend(result, metric, scale, palette, plotHeight),
    series: [
      {
        name: 'cells',
        type: 'custom',
        silent: true,
        clip: true,
        data: [[x0, y0]],
        renderItem: (_params: unknown, api: { coord: (v: number[]) => number[] }) => {
          const [left, top] = api.coord([x0, y1]);
          const [right, bottom] = api.coord([x1, y0]);
          return { type: 'image', silent: true, style: { image, x: left, y: top, width: right! - left!, height: bottom! - top! } };
        },
      },
      {
        name: 'Pareto front',
        type: 'scatter',
        silent: true,
        data: front.map((i) => {
          const [a, b] = gridCell(i, second.steps);
          return [stepValue(first, a), stepValue(second, b), i];
        }),
        symbolSize: 7,
        itemStyle: { color: '#ffffff', borderColor: '#1d2330', borderWidth: 1.5 },
        z: 4,
      },
    ],
  };
}
