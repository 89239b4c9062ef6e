import type { EChartsCoreOption } from 'echarts/core';
import type { AnalysisMetric, SensitivityOutput } from '@shared/schemas/analysis.ts';
import { displaySI, prettyUnit } from '@/display.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import { columnUnit } from './normalized.ts';
import type { ChartPalette } from './palette.ts';

// Which value decides a result, as a tornado: one row per value, most influential first, a bar
// from the baseline to the metric with the value lowered and one to the metric with it raised, so
// each row spans the metric at the low end to the metric at the high end.

export type SensitivityRow = SensitivityOutput['parameters'][number];

/** Rows shown until the user asks for all of them. */
export const TORNADO_TOP = 15;

export const METRIC_LABELS: Readonly<Record<AnalysisMetric, string>> = { energy: 'energy per step', latency: 'latency per step', area: 'chip area', power: 'average power' };

/** What a study's figures are in: its metric, SI unit ("1" for a ratio) and, for a ratio, the two designs. */
export interface StudyFigures {
  readonly metric: AnalysisMetric;
  readonly unit: string;
  readonly vs?: string | null;
}

/** One prefixed unit for a set of figures ("mm²" for areas of a few mm²); "×" for a ratio. */
export function metricScale(values: readonly number[], unit: string): { unit: string; factor: number } {
  if (unit === '1') return { unit: '×', factor: 1 };
  return columnUnit(values, unit);
}

/** "240 J", "1.925 mm²", or "0.3012×" for a ratio. */
export function formatMetric(value: number | null, unit: string, digits = 4): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return unit === '1' ? `${Number(value.toPrecision(digits))}×` : displaySI(value, unit);
}

/** A value of a library with its unit as typeset: "0.9 V", "140 F²", "1024" (a count). */
export function formatValue(value: number, unit: string): string {
  const shown = Number(value.toPrecision(4));
  return unit && unit !== '1' ? `${shown} ${prettyUnit(unit)}` : String(shown);
}

/** The axis name of a study's metric: "energy per step (J)", "energy ratio (×)". */
export function metricAxisName(figures: StudyFigures, shownUnit: string): string {
  return figures.unit === '1' ? `${figures.metric} ratio (×)` : `${METRIC_LABELS[figures.metric]} (${prettyUnit(shownUnit)})`;
}

/** A library's name without its parenthesised note: "SOT-MRAM PIM (2T2MTJ …)" -> "SOT-MRAM PIM". */
export function shortLibrary(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '') || name;
}

export interface KnobRef {
  readonly key: string;
  readonly library: string;
  readonly unit: string;
  readonly side: 'design' | 'vs';
}

export interface StudyNames {
  readonly design: string;
  readonly vs: string | null;
}

/**
 * The library a value belongs to, as a row names it. With a second design, a library both designs
 * share (their node) says whose value it is.
 */
export function libraryText(knob: KnobRef, names: StudyNames, shared: ReadonlySet<string>): string {
  const library = shortLibrary(knob.library);
  if (!names.vs || !shared.has(knob.library)) return library;
  return `${library} of ${shortLibrary(knob.side === 'vs' ? names.vs : names.design)}`;
}

/** Libraries that hold values of both designs of a ratio (their node, or one cell). */
export function sharedLibraries(knobs: readonly KnobRef[]): Set<string> {
  const sides = new Map<string, Set<string>>();
  for (const k of knobs) sides.set(k.library, (sides.get(k.library) ?? new Set()).add(k.side));
  return new Set([...sides].filter(([, s]) => s.size > 1).map(([library]) => library));
}

/** "setCurrent (µA)", "rows": a value's key with its unit as typeset. */
export function keyText(knob: Pick<KnobRef, 'key' | 'unit'>): string {
  return knob.unit && knob.unit !== '1' ? `${knob.key} (${prettyUnit(knob.unit)})` : knob.key;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Which library a value belongs to, in a word: "cell", "design", or nothing for a node value (its
 * key says "node."); with a second design, whose: "FloatPIM cell", "SOT-MRAM PIM".
 */
export function libraryKind(knob: KnobRef, names: StudyNames): string {
  const own = knob.side === 'vs' ? names.vs : names.design;
  const kind = knob.key.startsWith('node.') || /\bnode$/.test(knob.library) ? '' : knob.library === own ? 'design' : 'cell';
  if (!names.vs) return kind;
  const whose = shortLibrary(own ?? '');
  return kind === 'cell' ? `${whose} cell` : whose;
}

/** A row's label: "setCurrent (µA, cell)", "node.vdd (V)", "rows (design)". */
export function knobLabel(knob: KnobRef, names: StudyNames): string {
  const unit = knob.unit && knob.unit !== '1' ? prettyUnit(knob.unit) : '';
  const notes = [unit, libraryKind(knob, names)].filter(Boolean);
  return notes.length ? `${knob.key} (${notes.join(', ')})` : knob.key;
}

/**
 * Category labels on one line and short ("setCurrent (µA, cell)"), so every row stays named in a
 * one-column paper figure too; the library's full name is in the tooltip and the table.
 */
export function knobAxis(knobs: readonly KnobRef[], names: StudyNames, palette: ChartPalette): Record<string, unknown> {
  return {
    type: 'category',
    inverse: true,
    // Unique names: a key may stand in both designs of a ratio.
    data: knobs.map((k, i) => `${i + 1}. ${k.key} · ${k.library} · ${k.side}`),
    axisTick: { show: false },
    axisLine: { lineStyle: { color: palette.grid } },
    axisLabel: {
      interval: 0,
      color: palette.text,
      fontSize: 11,
      formatter: (_: string, index: number) => {
        const k = knobs[index];
        return k ? clip(knobLabel(k, names), 40) : '';
      },
    },
  };
}

/** Grid margins of the study charts: the legend above, the axis labels and the axis name inside the box. */
export const STUDY_GRID = { left: 8, right: 24, top: 30, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'all' } as const;

/** The first `limit` rows (all with null), in the services' order: most influential first. */
export function tornadoRows(output: SensitivityOutput, limit: number | null): SensitivityRow[] {
  return limit === null ? [...output.parameters] : output.parameters.slice(0, limit);
}

/** Height of the tornado for this many rows: 24 px a row and the legend and axis. */
export function tornadoHeight(rows: number): number {
  return Math.max(160, 24 * rows + 80);
}

/**
 * One bar of a row: from the baseline to the metric at this end. The longer bar of a row lies
 * under the shorter, and when both ends move the metric the same way the shorter is drawn
 * narrower, so neither ever hides the other.
 */
export interface TornadoBar {
  readonly x: number;
  readonly width: number;
  readonly y: number;
  readonly height: number;
  readonly z2: number;
}

export function tornadoBar(baseX: number, endX: number, otherX: number | null, centreY: number, band: number, lowEnd: boolean): TornadoBar {
  const own = endX - baseX;
  const other = otherX === null ? 0 : otherX - baseX;
  // A tie goes to the low end, so two equal bars still differ in width.
  const longer = Math.abs(own) > Math.abs(other) || (Math.abs(own) === Math.abs(other) && lowEnd);
  const sameSide = otherX !== null && Math.sign(own) === Math.sign(other) && own !== 0;
  const height = band * (sameSide && !longer ? 0.36 : 0.62);
  return { x: Math.min(baseX, endX), width: Math.abs(own), y: centreY - height / 2, height, z2: longer ? 1 : 2 };
}

interface RenderApi {
  value(dim: number): number;
  coord(point: number[]): number[];
  size(point: number[]): number[];
  visual(name: string): unknown;
}

function renderEnd(_params: unknown, api: RenderApi): Record<string, unknown> | null {
  const [end, row, base, other, lowEnd] = [api.value(0), api.value(1), api.value(2), api.value(3), api.value(4)];
  if (!Number.isFinite(end)) return null;
  const [baseX, centreY] = api.coord([base, row]) as [number, number];
  const [endX] = api.coord([end, row]) as [number];
  const otherX = Number.isFinite(other) ? (api.coord([other, row])[0] as number) : null;
  const band = api.size([0, 1])[1] ?? 20;
  const bar = tornadoBar(baseX, endX, otherX, centreY, band, lowEnd === 1);
  return { type: 'rect', z2: bar.z2, shape: { x: bar.x, y: bar.y, width: bar.width, height: bar.height }, style: { fill: api.visual('color') as string } };
}

function scaled(value: number | null, factor: number): number | null {
  return value === null ? null : Number((value / factor).toPrecision(10));
}

/** How a row's ends were chosen: "range" (its library's) or "±10 %". */
export function movedText(row: Pick<SensitivityRow, 'moved'>, percent: number): string {
  return row.moved === 'range' ? 'range' : `±${percent} %`;
}

function tooltipOf(output: SensitivityOutput, rows: readonly SensitivityRow[]) {
  return (p: { dataIndex: number }): string => {
    const r = rows[p.dataIndex];
    if (!r) return '';
    const how = r.moved === 'range' ? "the library's range" : `±${output.percent} %`;
    const lines = [
      `${keyText(r)} · ${r.library}`,
      `value ${formatValue(r.value, r.unit)}: ${formatMetric(output.baseline, output.unit)} (baseline)`,
      `low ${formatValue(r.low, r.unit)}: ${formatMetric(r.metricAtLow, output.unit)}`,
      `high ${formatValue(r.high, r.unit)}: ${formatMetric(r.metricAtHigh, output.unit)}`,
      `ends from ${how}; elasticity ${r.elasticity === null ? '—' : Number(r.elasticity.toPrecision(3))}`,
    ];
    return r.refused ? [...lines, `refused: ${r.refused}`].join('\n') : lines.join('\n');
  };
}

/**
 * The tornado of `rows` (in the order given, first at the top). Series 0 is the value lowered
 * (to its low end), series 1 the value raised; each data item is [metric at this end, row, baseline, metric at the
 * other end, 1 for the low end], figures in the axis's prefixed unit (null where refused).
 */
export function tornadoOption(output: SensitivityOutput, rows: readonly SensitivityRow[], palette: ChartPalette): EChartsCoreOption {
  const ends = rows.flatMap((r) => [r.metricAtLow, r.metricAtHigh]).filter((v): v is number => v !== null);
  const scale = metricScale([output.baseline, ...ends], output.unit);
  const base = scaled(output.baseline, scale.factor)!;
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  const names = { design: output.design, vs: output.vs };
  const series = (name: string, low: boolean): Record<string, unknown> => ({
    name,
    type: 'custom',
    renderItem: renderEnd,
    encode: { x: [0, 2], y: 1 },
    data: rows.map((r, i) => {
      const [end, other] = low ? [r.metricAtLow, r.metricAtHigh] : [r.metricAtHigh, r.metricAtLow];
      return [scaled(end, scale.factor), i, base, scaled(other, scale.factor), low ? 1 : 0];
    }),
  });
  return {
    animation: false,
    // The series take their colours from here, so a paper export's greys replace them.
    color: [palette.series[0] ?? palette.text, palette.series[1] ?? palette.mutedText],
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { ...STUDY_GRID },
    tooltip: { trigger: 'item', confine: true, renderMode: 'richText', textStyle: { fontSize: 12 }, formatter: tooltipOf(output, rows) },
    xAxis: {
      type: 'value',
      scale: true,
      name: metricAxisName(output, scale.unit),
      nameLocation: 'middle',
      nameGap: 22,
      nameTextStyle: axisLabel,
      axisLabel: { ...axisLabel, hideOverlap: true },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: knobAxis(rows, names, palette),
    series: [
      {
        ...series('value lowered', true),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [{ xAxis: base }],
          lineStyle: { type: 'dashed', color: palette.text, width: 1 },
          label: { show: true, position: 'start', formatter: `baseline ${formatMetric(output.baseline, output.unit)}`, color: palette.mutedText, fontSize: 10 },
        },
      },
      series('value raised', false),
    ],
  };
}

/** How the study moved its values, in a sentence. */
export function movesText(output: SensitivityOutput): string {
  const ranged = output.parameters.filter((p) => p.moved === 'range').length;
  if (ranged === 0) return `Each value moved ${output.percent} % down and up, one at a time`;
  return `Each value moved to the ends of the range its library gives (${ranged} values) or ${output.percent} % down and up where it gives none, one at a time`;
}

/** The rows as a table to export: every figure, the metric in one prefixed unit. */
export function tornadoTable(output: SensitivityOutput, rows: readonly SensitivityRow[], title: string): ExportTable {
  const scale = metricScale([output.baseline, ...rows.flatMap((r) => [r.metricAtLow, r.metricAtHigh]).filter((v): v is number => v !== null)], output.unit);
  const shared = sharedLibraries(rows);
  const names = { design: output.design, vs: output.vs };
  const metric = output.unit === '1' ? `${output.metric} ratio` : METRIC_LABELS[output.metric];
  const unitCell = (unit: string): string => (unit === '1' ? '' : unit);
  const group = `${output.metric.charAt(0).toUpperCase()}${output.metric.slice(1)}${output.unit === '1' ? ' ratio' : ''}`;
  return {
    title,
    caption: `${movesText(output)}, on ${output.network}; ${metric} ${formatMetric(output.baseline, output.unit)} with the values as they are. Elasticity is d ln M / d ln p between the two ends.${output.vs ? ` The metric is ${shortLibrary(output.design)} ÷ ${shortLibrary(output.vs)}.` : ''}`,
    columns: [
      { label: 'Rank' },
      { label: 'Key' },
      { label: 'Library' },
      { label: 'Unit' },
      { label: 'value', group: 'Value', digits: 4 },
      { label: 'low', group: 'Value', digits: 4 },
      { label: 'high', group: 'Value', digits: 4 },
      { label: 'Ends' },
      { label: 'at low', group, unit: scale.unit, digits: 5 },
      { label: 'at high', group, unit: scale.unit, digits: 5 },
      { label: 'Elasticity', digits: 3 },
      { label: 'Note' },
    ],
    rows: rows.map((r, i): TableCell[] => [
      i + 1,
      r.key,
      libraryText(r, names, shared),
      unitCell(r.unit),
      r.value,
      r.low,
      r.high,
      movedText(r, output.percent),
      scaled(r.metricAtLow, scale.factor),
      scaled(r.metricAtHigh, scale.factor),
      r.elasticity,
      r.refused ?? '',
    ]),
  };
}
