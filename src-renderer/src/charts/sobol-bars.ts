import type { EChartsCoreOption } from 'echarts/core';
import type { SobolOutput, UncertaintyOutput } from '@shared/schemas/analysis.ts';
import { ASSUMPTION_PREFIX } from '@shared/sourced.ts';
import { prettyUnit } from '@/display.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import type { ChartPalette } from './palette.ts';
import { formatValue, knobAxis, libraryText, METRIC_LABELS, sharedLibraries, STUDY_GRID, type StudyNames } from './tornado.ts';

// Global sensitivity: each value's first-order Sobol index (its share of the metric's variance on
// its own) and total index (with every interaction it takes part in), bars with their bootstrap
// confidence intervals drawn as error bars; and what each value was drawn from.

export type SobolIndex = SobolOutput['indices'][number];
type Range = SobolIndex['range'];

/** The indices by total index, largest first (the order the services give, kept when they tie). */
export function sobolRows(output: SobolOutput): SobolIndex[] {
  return [...output.indices].sort((a, b) => b.total - a.total);
}

export function sobolHeight(rows: number): number {
  return Math.max(160, 30 * rows + 80);
}

/** Bars of one row take this share of its band, each; their centres sit this far either side of the row's centre. */
const BAR_SHARE = 0.3;
const BAR_GAP = 0.1;
export const SOBOL_BAR_OFFSET = (BAR_SHARE * (1 + BAR_GAP)) / 2;

interface RenderApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  size(point: number[]): number[];
  visual(name: string): unknown;
}

/** An error bar: a line from the interval's low to its high end with a short cap at each. */
export function errorBar(lowX: number, highX: number, centreY: number, cap: number): { x1: number; x2: number; y: number; cap: number } {
  return { x1: Math.min(lowX, highX), x2: Math.max(lowX, highX), y: centreY, cap };
}

/** Item: [low, high, row, -1 for the first-order bar (above) or 1 for the total (below)]. */
function renderInterval(_params: unknown, api: RenderApi): Record<string, unknown> | null {
  const [low, high, row, side] = [api.value(0), api.value(1), api.value(2), api.value(3)];
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null;
  const band = api.size([0, 1])[1] ?? 20;
  const [lowX, centre] = api.coord([low, row]) as [number, number];
  const [highX] = api.coord([high, row]) as [number];
  const bar = errorBar(lowX, highX, centre + side * SOBOL_BAR_OFFSET * band, Math.max(3, BAR_SHARE * band * 0.35));
  const stroke = { stroke: api.visual('color') as string, lineWidth: 1.2 };
  return {
    type: 'group',
    children: [
      { type: 'line', shape: { x1: bar.x1, y1: bar.y, x2: bar.x2, y2: bar.y }, style: stroke },
      { type: 'line', shape: { x1: bar.x1, y1: bar.y - bar.cap, x2: bar.x1, y2: bar.y + bar.cap }, style: stroke },
      { type: 'line', shape: { x1: bar.x2, y1: bar.y - bar.cap, x2: bar.x2, y2: bar.y + bar.cap }, style: stroke },
    ],
  };
}

function round(v: number): number {
  return Number(v.toPrecision(6));
}

function percent(value: number): string {
  return Number(value.toFixed(3)).toString();
}

function tooltipOf(rows: readonly SobolIndex[], confidence: number) {
  return (p: { dataIndex: number; seriesIndex: number }): string => {
    const r = rows[p.seriesIndex === 0 ? Math.floor(p.dataIndex / 2) : p.dataIndex];
    if (!r) return '';
    const level = Math.round(confidence * 100);
    return [
      `${r.key} · ${r.library}`,
      `first order ${percent(r.first)} (${level} %: ${percent(r.firstCI[0])} to ${percent(r.firstCI[1])})`,
      `total ${percent(r.total)} (${level} %: ${percent(r.totalCI[0])} to ${percent(r.totalCI[1])})`,
      `drawn from ${rangeText(r.range, r.unit)}`,
    ].join('\n');
  };
}

/**
 * First-order and total indices as grouped horizontal bars, most influential at the top, with their
 * intervals. Series 0 draws the intervals (its colour comes from the option's first colour, which a
 * paper export turns to ink), series 1 the first-order bars, series 2 the totals.
 */
export function sobolOption(output: SobolOutput, rows: readonly SobolIndex[], palette: ChartPalette, names: StudyNames): EChartsCoreOption {
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  const ends = rows.flatMap((r) => [...r.firstCI, ...r.totalCI, r.first, r.total]);
  const bar = (name: string, pick: (r: SobolIndex) => number, color: string | undefined): Record<string, unknown> => ({
    name,
    type: 'bar',
    barWidth: `${BAR_SHARE * 100}%`,
    barGap: `${BAR_GAP * 100}%`,
    itemStyle: { color },
    data: rows.map((r) => round(pick(r))),
  });
  return {
    animation: false,
    color: [palette.text, palette.series[0] ?? palette.text, palette.series[1] ?? palette.mutedText],
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, data: ['first order', 'total'], textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { ...STUDY_GRID },
    tooltip: { trigger: 'item', confine: true, renderMode: 'richText', textStyle: { fontSize: 12 }, formatter: tooltipOf(rows, output.confidence) },
    xAxis: {
      type: 'value',
      // Estimates from few samples stray below 0 and above 1; the axis shows where they went.
      min: Math.min(0, Math.floor(Math.min(...ends, 0) * 10) / 10),
      max: Math.max(1, Math.ceil(Math.max(...ends, 0) * 10) / 10),
      name: `Sobol index (${output.unit === '1' ? `${output.metric} ratio` : METRIC_LABELS[output.metric]})`,
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: axisLabel,
      axisLabel,
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: knobAxis(rows, names, palette),
    series: [
      {
        name: `${Math.round(output.confidence * 100)} % interval`,
        type: 'custom',
        z: 3,
        renderItem: renderInterval,
        encode: { x: [0, 1], y: 2 },
        data: rows.flatMap((r, i) => [
          [round(r.firstCI[0]), round(r.firstCI[1]), i, -1],
          [round(r.totalCI[0]), round(r.totalCI[1]), i, 1],
        ]),
      },
      bar('first order', (r) => r.first, palette.series[0]),
      bar('total', (r) => r.total, palette.series[1]),
    ],
  };
}

/** "0.81 to 0.99 V, uniform", "8 to 12 kOhm, normal (σ 1 kOhm)". */
export function rangeText(range: Range, unit: string): string {
  const u = unit && unit !== '1' ? ` ${prettyUnit(unit)}` : '';
  const sigma = range.sigma !== undefined ? ` (σ ${formatValue(range.sigma, unit)})` : '';
  // A count with no other whole number within ±percent is not drawn.
  if (!(range.high > range.low)) return `held at ${Number(range.low.toPrecision(4))}${u}`;
  return `${Number(range.low.toPrecision(4))} to ${Number(range.high.toPrecision(4))}${u}, ${range.distribution}${sigma}`;
}

/** True when the library gave no range and the value was drawn within ±percent (an assumption). */
export function isAssumedRange(range: Range): boolean {
  return range.source.trim().startsWith(ASSUMPTION_PREFIX);
}

/** How the values were drawn, in one sentence: "3 from their libraries' ranges; 27 uniformly within ±10 % (no range given)". */
export function rangesSummary(ranges: readonly Range[], percentUsed: number): string {
  const assumed = ranges.filter(isAssumedRange).length;
  const given = ranges.length - assumed;
  const parts = [];
  if (given) parts.push(`${given} from the range their library gives`);
  if (assumed) parts.push(`${assumed} uniformly within ±${percentUsed} % of the value, where the library gives no range`);
  return parts.length ? `${ranges.length} values drawn at once: ${parts.join('; ')}.` : 'No values drawn.';
}

/** The indices as a table to export, with what each value was drawn from. */
export function sobolTable(output: SobolOutput, rows: readonly SobolIndex[], title: string, names: StudyNames): ExportTable {
  const shared = sharedLibraries(rows);
  const level = `${Math.round(output.confidence * 100)} %`;
  return {
    title,
    caption: `First-order and total Sobol indices from ${output.samples} samples (seed ${output.seed}, ${output.evaluations} evaluations${output.refused ? `, ${output.refused} refused` : ''}); intervals at ${level} by bootstrap.`,
    columns: [
      { label: 'Key' },
      { label: 'Library' },
      { label: 'first', group: 'First order', digits: 3 },
      { label: 'low', group: 'First order', digits: 3 },
      { label: 'high', group: 'First order', digits: 3 },
      { label: 'total', group: 'Total', digits: 3 },
      { label: 'low', group: 'Total', digits: 3 },
      { label: 'high', group: 'Total', digits: 3 },
      { label: 'Drawn from' },
      { label: 'Source' },
    ],
    rows: rows.map((r): TableCell[] => [r.key, libraryText(r, names, shared), r.first, r.firstCI[0], r.firstCI[1], r.total, r.totalCI[0], r.totalCI[1], rangeText(r.range, r.unit), r.range.source]),
  };
}

/** Where the baseline falls in the band: below P5, inside, or above P95. */
export function baselineInBand(output: Pick<UncertaintyOutput, 'p5' | 'p95' | 'baseline'>): 'below' | 'inside' | 'above' {
  if (output.baseline < output.p5) return 'below';
  return output.baseline > output.p95 ? 'above' : 'inside';
}

/** Positions (0..1) of the band's marks on a strip from its lowest to its highest figure, with a margin. */
export function bandPositions(output: Pick<UncertaintyOutput, 'p5' | 'p50' | 'p95' | 'baseline' | 'mean'>): Record<'p5' | 'p50' | 'p95' | 'baseline' | 'mean', number> {
  const values = [output.p5, output.p50, output.p95, output.baseline, output.mean];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.01 || 1;
  const at = (v: number): number => (v - (lo - pad)) / (hi - lo + 2 * pad);
  return { p5: at(output.p5), p50: at(output.p50), p95: at(output.p95), baseline: at(output.baseline), mean: at(output.mean) };
}
