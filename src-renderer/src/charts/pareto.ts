import type { EChartsCoreOption } from 'echarts/core';
import { formatSI } from '@shared/units.ts';
import type { ChartPalette } from './palette.ts';
import { VALUE_GRID, axisStyle, baseChart, displayScale, extent, pointsByIndex, wideSpan, type DisplayScale, type RingTarget, type SweepPoint, type SweepResult } from './sweep-line.ts';

// Energy against latency for every valid point, chip area as marker size (the legend lists the
// size classes; the page names the front's colour), the Pareto front highlighted and joined by a
// staircase. Area is binned into a few marker sizes, one series each, so that every series can be
// drawn in ECharts' large mode (one path, one marker size per series) however big the sweep.

export interface AreaClass {
  /** Upper bound of the class, m^2. */
  readonly upTo: number;
  readonly size: number;
  readonly label: string;
}

/** Marker sizes of the area classes, small to large: three read at a glance and fit one legend row. */
const SIZES = [5, 9, 14];
/** Above this many points the markers shrink and fade so that a dense cloud keeps its shape. */
const DENSE = 2000;

/** Log-spaced classes between the smallest and largest area (a single class when all are equal). */
export function areaClasses(areas: Iterable<number | null>, scale = 1): AreaClass[] {
  const { min, max } = extent(areas);
  if (!Number.isFinite(min)) return [];
  const sizes = SIZES.map((s) => Math.max(2, Math.round(s * scale)));
  if (!(max > min * 1.0001) || !(min > 0)) return [{ upTo: max, size: sizes[1]!, label: formatSI(max, 'm^2', 3) }];
  const ratio = (max / min) ** (1 / sizes.length);
  return sizes.map((size, i) => {
    const upTo = i === sizes.length - 1 ? max : min * ratio ** (i + 1);
    return { upTo, size, label: `≤ ${formatSI(upTo, 'm^2', 3)}` };
  });
}

export function classOf(area: number, classes: readonly AreaClass[]): number {
  const i = classes.findIndex((c) => area <= c.upTo * (1 + 1e-9));
  return i < 0 ? classes.length - 1 : i;
}

type Valid = SweepPoint & { energy_J: number; latency_s: number; area_m2: number };

function isValid(p: SweepPoint): p is Valid {
  return p.energy_J !== null && p.latency_s !== null && p.area_m2 !== null;
}

/** The front's points from lowest energy to highest (its staircase order). */
export function frontPoints(result: SweepResult): Valid[] {
  const byIndex = pointsByIndex(result);
  return result.front
    .map((i) => byIndex.get(i))
    .filter((p): p is Valid => p !== undefined && isValid(p))
    .sort((a, b) => a.energy_J - b.energy_J);
}

/** Each class is one path (ECharts' large mode: one size per series), drawn in chunks of 20,000. */
const LARGE = { large: true, largeThreshold: 0, progressive: 20_000, progressiveThreshold: 40_000 };

function scales(valid: readonly Valid[]): { energy: DisplayScale; latency: DisplayScale; classes: AreaClass[] } {
  return {
    energy: displayScale(extent(valid.map((p) => p.energy_J)).max, 'J'),
    latency: displayScale(extent(valid.map((p) => p.latency_s)).max, 's'),
    classes: areaClasses(valid.map((p) => p.area_m2), valid.length > DENSE ? 0.6 : 1),
  };
}

export function paretoTarget(result: SweepResult, index: number): RingTarget | null {
  const p = result.points.find((q) => q.index === index);
  if (!p || !isValid(p)) return null;
  const { energy, latency, classes } = scales(result.points.filter(isValid));
  const size = (classes[classOf(p.area_m2, classes)]?.size ?? SIZES[1]!) + 10;
  return { value: [p.energy_J / energy.factor, p.latency_s / latency.factor], width: size, height: size };
}

export function paretoOption(result: SweepResult, palette: ChartPalette): EChartsCoreOption {
  const valid = result.points.filter(isValid);
  const { energy, latency, classes } = scales(valid);
  const item = (p: Valid): number[] => [p.energy_J / energy.factor, p.latency_s / latency.factor, p.area_m2, p.index];
  const front = frontPoints(result);
  const style = axisStyle(palette);
  const bins = classes.map(() => [] as number[][]);
  for (const p of valid) bins[classOf(p.area_m2, classes)]!.push(item(p));
  // Empty classes are left out: ECharts' large mode cannot draw a series without points.
  const used = classes.map((c, i) => ({ c, data: bins[i]! })).filter((u) => u.data.length > 0);
  return {
    ...baseChart(result, palette),
    legend: {
      type: 'scroll',
      top: 0,
      left: 56,
      // Clear of the chart host's export button in the top right corner.
      right: 32,
      itemGap: 8,
      itemWidth: 10,
      itemHeight: 10,
      textStyle: { color: palette.mutedText, fontSize: 11 },
      data: used.map(({ c }) => c.label),
    },
    grid: VALUE_GRID,
    xAxis: { type: wideSpan(valid.map((p) => p.energy_J)) ? 'log' : 'value', scale: true, name: `energy per step (${energy.unit})`, nameLocation: 'middle', nameGap: 26, ...style },
    yAxis: { type: wideSpan(valid.map((p) => p.latency_s)) ? 'log' : 'value', scale: true, name: `latency per step (${latency.unit})`, nameLocation: 'middle', nameRotate: 90, nameGap: 46, ...style },
    series: [
      ...used.map(({ c, data }) => ({
        name: c.label,
        type: 'scatter',
        data,
        symbolSize: c.size,
        itemStyle: { color: palette.series[0], opacity: valid.length > DENSE ? 0.3 : 0.5 },
        emphasis: { itemStyle: { opacity: 1, borderColor: palette.highlight, borderWidth: 1 } },
        ...LARGE,
      })),
      {
        name: 'Pareto front',
        type: 'line',
        data: front.map((p) => [p.energy_J / energy.factor, p.latency_s / latency.factor]),
        step: 'end',
        showSymbol: false,
        silent: true,
        lineStyle: { color: palette.series[1], width: 1.5 },
        itemStyle: { color: palette.series[1] },
        z: 3,
      },
      {
        name: 'Pareto front',
        type: 'scatter',
        data: front.map(item),
        symbolSize: (value: number[]) => classes[classOf(value[2]!, classes)]!.size + 3,
        itemStyle: { color: palette.series[1], borderColor: palette.highlight, borderWidth: 1 },
        z: 4,
      },
    ],
  };
}
