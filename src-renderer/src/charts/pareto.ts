import type { EChartsCoreOption } from 'echarts/core';
import { displaySI } from '@/display.ts';
import type { ChartPalette } from './palette.ts';
import { LOG_SPAN, VALUE_GRID, axisStyle, fixedGrid, baseChart, displayScale, extent, findPoint, tickedAxis, type DisplayScale, type RingTarget, type SweepPoint, type SweepResult } from './sweep-common.ts';
import { digestOf, wideMetric, type SweepDigest } from './sweep-digest.ts';

// Energy against latency for every valid point, chip area as marker size (the legend shows each
// size class with its own marker size), the Pareto front highlighted and joined by a staircase.
// Area is binned into a few marker sizes, one series each, drawn in ECharts' large mode (one path
// per series). A big sweep is thinned before drawing: of the points of one size class that fall in
// the same small patch of the plot (about 2 px), one is drawn; they would cover each other anyway.
// Every front point is drawn, and tooltips read each drawn point's own figures.

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
/** Above this many points the cloud is thinned to one point per patch and class. */
export const THIN_ABOVE = 5000;
/** Patches across and up the plot when thinning: about 2 px each on the page's chart. */
export const PATCHES: readonly [number, number] = [240, 140];

/** Log-spaced classes between the smallest and largest area (a single class when all are equal). */
export function areaClasses(areas: Iterable<number | null>, scale = 1): AreaClass[] {
  const { min, max } = extent(areas);
  if (!Number.isFinite(min)) return [];
  const sizes = SIZES.map((s) => Math.max(2, Math.round(s * scale)));
  if (!(max > min * 1.0001) || !(min > 0)) return [{ upTo: max, size: sizes[1]!, label: displaySI(max, 'm^2') }];
  const ratio = (max / min) ** (1 / sizes.length);
  return sizes.map((size, i) => {
    const upTo = i === sizes.length - 1 ? max : min * ratio ** (i + 1);
    return { upTo, size, label: `≤ ${displaySI(upTo, 'm^2')}` };
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
  return result.front
    .map((i) => findPoint(result, i))
    .filter((p): p is Valid => p !== undefined && isValid(p))
    .sort((a, b) => a.energy_J - b.energy_J);
}

/** Each class is one path (ECharts' large mode: one size per series), drawn in chunks of 20,000. */
const LARGE = { large: true, largeThreshold: 0, progressive: 20_000, progressiveThreshold: 40_000 };

interface Scales {
  readonly digest: SweepDigest;
  readonly energy: DisplayScale;
  readonly latency: DisplayScale;
  readonly classes: AreaClass[];
  readonly logEnergy: boolean;
  readonly logLatency: boolean;
}

// A selected point rings itself with these, once per click: computed once per result.
const scalesOf = new WeakMap<SweepResult, Scales>();

function scales(result: SweepResult): Scales {
  let found = scalesOf.get(result);
  if (!found) {
    const digest = digestOf(result);
    const { energy, latency, area } = digest.stats;
    found = {
      digest,
      energy: displayScale(energy.max, 'J'),
      latency: displayScale(latency.max, 's'),
      classes: areaClasses([area.min, area.max], digest.valid > DENSE ? 0.6 : 1),
      logEnergy: wideMetric(digest, 'energy', LOG_SPAN),
      logLatency: wideMetric(digest, 'latency', LOG_SPAN),
    };
    scalesOf.set(result, found);
  }
  return found;
}

export function paretoTarget(result: SweepResult, index: number): RingTarget | null {
  const p = findPoint(result, index);
  if (!p || !isValid(p)) return null;
  const { energy, latency, classes } = scales(result);
  const size = (classes[classOf(p.area_m2, classes)]?.size ?? SIZES[1]!) + 10;
  return { value: [p.energy_J / energy.factor, p.latency_s / latency.factor], width: size, height: size };
}

/** Where a value falls among `n` patches of [min, max], on a log or linear scale. */
function patch(v: number, min: number, max: number, log: boolean, n: number): number {
  const f = log ? Math.log(v / min) / Math.log(max / min) : (v - min) / (max - min);
  return Math.min(n - 1, Math.max(0, Math.floor((Number.isFinite(f) ? f : 0) * n)));
}

/**
 * The positions (in the result's points) to draw, by class: every valid point of a small sweep, one
 * per patch and class of a big one. Reads the digest's columns only.
 */
export function drawnByClass(s: Scales): number[][] {
  const d = s.digest;
  const bins = s.classes.map(() => [] as number[]);
  const thin = d.valid > THIN_ABOVE;
  const [nx, ny] = PATCHES;
  const e = d.stats.energy;
  const l = d.stats.latency;
  const taken = thin ? new Uint8Array(s.classes.length * nx * ny) : null;
  for (let k = 0; k < d.count; k += 1) {
    const area = d.area[k]!;
    if (Number.isNaN(area)) continue;
    const c = classOf(area, s.classes);
    if (taken) {
      const key = (c * nx + patch(d.energy[k]!, e.min, e.max, s.logEnergy, nx)) * ny + patch(d.latency[k]!, l.min, l.max, s.logLatency, ny);
      if (taken[key]) continue;
      taken[key] = 1;
    }
    bins[c]!.push(k);
  }
  return bins;
}

/** A marker of `size` px centred in a `box` px square, as a legend icon: the legend fits the square, so the marker keeps its size. */
export function legendIcon(size: number, box: number): string {
  const r = size / 2;
  const c = box / 2;
  return `path://M0 0M${box} ${box}M${c - r} ${c}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

/** An energy or latency axis over [min, max]: a log one (labelled at round values) over a wide span, else ECharts' own round ticks. */
function figureAxis(min: number, max: number, log: boolean, name: string, palette: ChartPalette): Record<string, unknown> {
  if (!log) return { type: 'value', scale: true, name, ...axisStyle(palette) };
  const pad = (max / min) ** 0.04;
  return { ...tickedAxis(min / pad, max * pad, 'log', palette), name, splitLine: { show: true, lineStyle: { color: palette.grid } } };
}

export function paretoOption(result: SweepResult, palette: ChartPalette): EChartsCoreOption {
  const s = scales(result);
  const { energy, latency, classes } = s;
  const d = s.digest;
  const item = (p: Valid): number[] => [p.energy_J / energy.factor, p.latency_s / latency.factor, p.area_m2, p.index];
  const at = (k: number): number[] => [d.energy[k]! / energy.factor, d.latency[k]! / latency.factor, d.area[k]!, d.index[k]!];
  const front = frontPoints(result);
  const box = Math.max(...classes.map((c) => c.size), 2) + 2;
  // Empty classes are left out: ECharts' large mode cannot draw a series without points.
  const drawn = drawnByClass(s);
  const used = classes.map((c, i) => ({ c, data: drawn[i]!.map(at) })).filter((u) => u.data.length > 0);
  return {
    ...baseChart(result, palette),
    legend: {
      type: 'scroll',
      top: 0,
      left: 56,
      // Clear of the chart host's export button in the top right corner.
      right: 32,
      itemGap: 10,
      itemWidth: box,
      itemHeight: box,
      textStyle: { color: palette.mutedText, fontSize: 11 },
      data: used.map(({ c }) => ({ name: c.label, icon: legendIcon(c.size, box) })),
    },
    grid: fixedGrid(VALUE_GRID),
    xAxis: { ...figureAxis(d.stats.energy.min / energy.factor, d.stats.energy.max / energy.factor, s.logEnergy, `energy per step (${energy.unit})`, palette), nameLocation: 'middle', nameGap: 26 },
    yAxis: { ...figureAxis(d.stats.latency.min / latency.factor, d.stats.latency.max / latency.factor, s.logLatency, `latency per step (${latency.unit})`, palette), nameLocation: 'middle', nameRotate: 90, nameGap: 46 },
    series: [
      ...used.map(({ c, data }) => ({
        name: c.label,
        type: 'scatter',
        data,
        symbolSize: c.size,
        itemStyle: { color: palette.series[0], opacity: d.valid > DENSE ? 0.3 : 0.5 },
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
