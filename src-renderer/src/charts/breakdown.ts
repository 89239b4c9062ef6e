import type { EChartsCoreOption } from 'echarts/core';
import { COMPONENT_NAMES, OP_NAMES, PHASE_NAMES, type Evaluation } from '@shared/schemas/evaluation.ts';
import { displaySI } from '@/display.ts';
import type { ChartPalette } from './palette.ts';

// How a run's totals divide into parts (training phases, hardware components, operations): one
// 100 % stacked bar per metric, so the shares of energy and of latency (or area) read side by side.
// Absolute values with their units are in the tooltip and in the table next to the chart.

export interface BreakdownMetric {
  readonly key: string;
  readonly label: string;
  /** SI unit of the absolute values ("J", "s", "m^2"). */
  readonly unit: string;
}

export interface BreakdownPart {
  readonly key: string;
  readonly label: string;
  /** Absolute SI values, one per metric, in the order of `metrics`. */
  readonly values: readonly number[];
}

export interface Breakdown {
  readonly title: string;
  readonly metrics: readonly BreakdownMetric[];
  readonly parts: readonly BreakdownPart[];
}

const ENERGY: BreakdownMetric = { key: 'energy', label: 'Energy', unit: 'J' };
const LATENCY: BreakdownMetric = { key: 'latency', label: 'Latency', unit: 's' };
const AREA: BreakdownMetric = { key: 'area', label: 'Area', unit: 'm^2' };

const PHASE_LABELS: Record<(typeof PHASE_NAMES)[number], string> = {
  forward: 'Forward',
  activationGradient: 'Activation gradient',
  weightGradient: 'Weight gradient',
  weightUpdate: 'Weight update',
};

const COMPONENT_LABELS: Record<(typeof COMPONENT_NAMES)[number], string> = {
  cells: 'Cells',
  periphery: 'Periphery',
  interconnect: 'Interconnect',
  controller: 'Controller',
};

/** On a GPU run the components hold the roofline's parts (evaluation.ts says how): no cells. */
const GPU_COMPONENT_LABELS: Record<(typeof COMPONENT_NAMES)[number], string> = {
  cells: 'Cells (none)',
  periphery: 'Compute (SMs; die area)',
  interconnect: 'DRAM traffic',
  controller: 'Idle power',
};

const OP_LABELS: Record<(typeof OP_NAMES)[number], string> = {
  fpMul: 'FP multiply',
  fpAdd: 'FP add',
  compare: 'Compare',
  fpDiv: 'FP divide',
  fpExp: 'FP exp',
  fpSqrt: 'FP sqrt',
  write: 'Write',
  transfer: 'Transfer',
  static: 'Static',
};

/** Parts that are zero in every metric say nothing and only crowd the legend. */
function nonZero(parts: BreakdownPart[]): BreakdownPart[] {
  return parts.filter((p) => p.values.some((v) => v !== 0));
}

export function phaseBreakdown(result: Evaluation): Breakdown {
  const parts = PHASE_NAMES.map((k) => ({ key: k, label: PHASE_LABELS[k], values: [result.breakdown.byPhase[k].energy_J, result.breakdown.byPhase[k].latency_s] }));
  return { title: 'By training phase', metrics: [ENERGY, LATENCY], parts: nonZero(parts) };
}

/** A GPU run's memory-bound kernels are its `transfer`, launch gaps and idle power its `static`. */
const GPU_OP_LABELS: Partial<Record<(typeof OP_NAMES)[number], string>> = {
  transfer: 'Memory-bound kernels',
  static: 'Idle and launch gaps',
};

export function componentBreakdown(result: Evaluation): Breakdown {
  const labels = result.gpu ? GPU_COMPONENT_LABELS : COMPONENT_LABELS;
  const parts = COMPONENT_NAMES.map((k) => ({ key: k, label: labels[k], values: [result.breakdown.byComponent[k].energy_J, result.breakdown.byComponent[k].area_m2] }));
  return { title: 'By component', metrics: [ENERGY, AREA], parts: nonZero(parts) };
}

export function opBreakdown(result: Evaluation): Breakdown {
  const label = (k: (typeof OP_NAMES)[number]): string => (result.gpu ? GPU_OP_LABELS[k] : undefined) ?? OP_LABELS[k];
  const parts = OP_NAMES.map((k) => ({ key: k, label: label(k), values: [result.breakdown.byOp[k].energy_J, result.breakdown.byOp[k].latency_s] }));
  return { title: 'By operation', metrics: [ENERGY, LATENCY], parts: nonZero(parts) };
}

/** Each part's share of each metric's total, in percent (0 when the total is 0). */
export function shares(breakdown: Breakdown): number[][] {
  const totals = breakdown.metrics.map((_, m) => breakdown.parts.reduce((sum, p) => sum + (p.values[m] ?? 0), 0));
  return breakdown.parts.map((p) => p.values.map((v, m) => (totals[m] ? (100 * v) / totals[m] : 0)));
}

export interface BreakdownRow {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  /** Per metric: the value with its unit and the share, e.g. { value: "67.17 J", share: "34.1 %" }. */
  readonly cells: readonly { readonly value: string; readonly share: string }[];
}

export function breakdownRows(breakdown: Breakdown, palette: ChartPalette): BreakdownRow[] {
  const colours = categoryColours(palette, breakdown.parts.length);
  const percent = shares(breakdown);
  return breakdown.parts.map((p, i) => ({
    key: p.key,
    label: p.label,
    colour: colours[i]!,
    cells: p.values.map((v, m) => ({ value: formatValue(v, breakdown.metrics[m]!.unit), share: formatShare(percent[i]![m]!) })),
  }));
}

/** An SI value with its prefixed unit, for people: "67.17 J", "199 µs", "1925 mm²", "0.1195 mm²". */
export const formatValue = displaySI;

export function formatShare(percent: number): string {
  if (percent === 0) return '0 %';
  if (percent < 0.1) return '<0.1 %';
  return `${percent.toFixed(1)} %`;
}

// Mid-tone hues that read on both the light and the dark background, after the theme's own series.
const EXTRA_COLOURS = ['#8a6fcf', '#2f9fb5', '#c2603f', '#a39a3a', '#5f7d3a', '#b0497a'];

/** `n` distinct colours: the palette's series first, then extra hues. */
export function categoryColours(palette: ChartPalette, n: number): string[] {
  const all = [...palette.series, ...EXTRA_COLOURS];
  return Array.from({ length: n }, (_, i) => all[i % all.length]!);
}

interface TooltipParams {
  readonly seriesIndex: number;
  readonly dataIndex: number;
}

export function breakdownChartOption(breakdown: Breakdown, palette: ChartPalette): EChartsCoreOption {
  const percent = shares(breakdown);
  const colours = categoryColours(palette, breakdown.parts.length);
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  const tooltip = (p: TooltipParams): string => {
    const part = breakdown.parts[p.seriesIndex];
    const metric = breakdown.metrics[p.dataIndex];
    if (!part || !metric) return '';
    return `${metric.label} · ${part.label}<br/><b>${formatValue(part.values[p.dataIndex] ?? 0, metric.unit)}</b> (${formatShare(percent[p.seriesIndex]?.[p.dataIndex] ?? 0)})`;
  };
  return {
    backgroundColor: palette.background,
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { show: false },
    grid: { left: 4, right: 12, top: 4, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine: { lineStyle: { color: palette.grid } } },
    yAxis: { type: 'category', inverse: true, data: breakdown.metrics.map((m) => m.label), axisLabel, axisTick: { show: false }, axisLine: { lineStyle: { color: palette.grid } } },
    series: breakdown.parts.map((part, i) => ({
      name: part.label,
      type: 'bar',
      stack: 'share',
      barWidth: 18,
      itemStyle: { color: colours[i] },
      emphasis: { focus: 'series' },
      data: percent[i]!.map((v) => Number(v.toFixed(3))),
    })),
  };
}
