import type { EChartsCoreOption } from 'echarts/core';
import type { Evaluation } from '@shared/schemas/evaluation.ts';
import { DISPLAY_PREFIXES, SI_PREFIXES } from '@shared/units.ts';
import { prettyUnit } from '@/display.ts';
import type { ChartPalette } from './palette.ts';
import { categoryColours, formatShare, formatValue } from './breakdown.ts';

// Energy (or latency) of every layer of one training step, in network order, coloured by the
// layer's kind: where the step's cost is, and which kinds of layer carry it.

export type LayerMetric = 'energy' | 'latency';

/** Width a layer needs for its bar and its name turned upright at 10 px (a line of text plus air). */
export const LAYER_PX = 15;
/** Above this many layers names stand upright; fewer lean at 40 degrees, easier to read. */
const UPRIGHT_FROM = 24;

/**
 * The narrowest chart that names every layer: the host scrolls sideways when its card is narrower,
 * so no name is left out (the axis and the legend take about 90 px).
 */
export function layerChartMinWidth(layers: number): number {
  return layers * LAYER_PX + 90;
}

/** Upright names need more height under the plot than leaning ones. */
export function layerChartHeight(layers: number): number {
  return layers > UPRIGHT_FROM ? 360 : 300;
}

export interface LayerRow {
  readonly name: string;
  readonly kind: string;
  readonly energy_J: number;
  readonly latency_s: number;
}

export function layerRows(result: Evaluation): LayerRow[] {
  return result.breakdown.byLayer.map((l) => ({ name: l.name, kind: l.kind, energy_J: l.energy_J, latency_s: l.latency_s }));
}

/** Layer kinds in order of first appearance, so colours follow the network. */
export function layerKinds(rows: readonly LayerRow[]): string[] {
  return [...new Set(rows.map((r) => r.kind))];
}

/** The SI prefix that keeps the largest value between 1 and 1000, e.g. (0.0139, "J") -> mJ, factor 1e-3. */
export function axisScale(max: number, unit: string): { factor: number; unit: string } {
  let prefix = '';
  for (const p of DISPLAY_PREFIXES) if (max > 0 && max / SI_PREFIXES[p]! >= 1) prefix = p;
  return { factor: SI_PREFIXES[prefix]!, unit: prettyUnit(`${prefix}${unit}`) };
}

function valueOf(row: LayerRow, metric: LayerMetric): number {
  return metric === 'energy' ? row.energy_J : row.latency_s;
}

export function layerChartOption(rows: readonly LayerRow[], metric: LayerMetric, palette: ChartPalette): EChartsCoreOption {
  const unit = metric === 'energy' ? 'J' : 's';
  const values = rows.map((r) => valueOf(r, metric));
  const total = values.reduce((a, b) => a + b, 0);
  const scale = axisScale(Math.max(0, ...values), unit);
  const kinds = layerKinds(rows);
  const colours = categoryColours(palette, kinds.length);
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  const tooltip = (params: { dataIndex: number }[]): string => {
    const row = rows[params[0]?.dataIndex ?? -1];
    if (!row) return '';
    const v = valueOf(row, metric);
    // No inline styles: the page's CSP refuses style attributes in markup.
    return `${row.name} (${row.kind})<br/>${metric}: <b>${formatValue(v, unit)}</b> (${formatShare(total ? (100 * v) / total : 0)})<br/>${metric === 'energy' ? `latency: ${formatValue(row.latency_s, 's')}` : `energy: ${formatValue(row.energy_J, 'J')}`}`;
  };
  return {
    backgroundColor: palette.background,
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    // On the left, in view when a long network's chart scrolls sideways; clear of the export button on the right.
    legend: { top: 0, left: 48, itemWidth: 10, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { left: 8, right: 8, top: 44, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: tooltip },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      // Every layer named: the card gives each LAYER_PX (scrolling sideways when needed), so none overlap.
      axisLabel: { ...axisLabel, fontSize: 10, rotate: rows.length > UPRIGHT_FROM ? 90 : 40, interval: 0, hideOverlap: false },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: { type: 'value', name: `${metric} per step (${scale.unit})`, nameTextStyle: { ...axisLabel, align: 'left' }, axisLabel, splitLine: { lineStyle: { color: palette.grid } } },
    // One series per kind on a shared stack: each bar has a single non-empty segment, in its kind's colour.
    series: kinds.map((kind, i) => ({
      name: kind,
      type: 'bar',
      stack: 'layer',
      barMaxWidth: 14,
      itemStyle: { color: colours[i] },
      data: rows.map((r) => (r.kind === kind ? Number((valueOf(r, metric) / scale.factor).toPrecision(4)) : null)),
    })),
  };
}
