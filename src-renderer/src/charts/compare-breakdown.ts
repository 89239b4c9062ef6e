import type { EChartsCoreOption } from 'echarts/core';
import type { Evaluation } from '@shared/schemas/evaluation.ts';
import { categoryColours, componentBreakdown, formatShare, formatValue, opBreakdown, phaseBreakdown, shares, type Breakdown } from './breakdown.ts';
import type { ChartPalette } from './palette.ts';

// Experiments' breakdowns side by side on Compare: one 100 % stacked bar per experiment, so a GPU
// run and a PIM run read as shares of the same parts (training phases, operations, components)
// whatever their totals; absolute values with units are in the tooltip.

export type BreakdownKind = 'phase' | 'op' | 'component';

export const BREAKDOWN_OF: Readonly<Record<BreakdownKind, (r: Evaluation) => Breakdown>> = {
  phase: phaseBreakdown,
  op: opBreakdown,
  component: componentBreakdown,
};

export interface CompareBreakdownEntry {
  readonly label: string;
  readonly breakdown: Breakdown;
}

interface Series {
  readonly key: string;
  readonly label: string;
  /** Per entry: the part's absolute value and its share in percent (0 when the entry lacks the part). */
  readonly values: number[];
  readonly percent: number[];
}

/** One series per part any entry has, named by the labels the entries give it ("Transfer / Memory-bound kernels"). */
export function breakdownSeries(entries: readonly CompareBreakdownEntry[], metric: number): Series[] {
  const byKey = new Map<string, { labels: Set<string>; values: number[]; percent: number[] }>();
  entries.forEach((entry, e) => {
    const percent = shares(entry.breakdown);
    entry.breakdown.parts.forEach((part, p) => {
      let found = byKey.get(part.key);
      if (!found) byKey.set(part.key, (found = { labels: new Set(), values: entries.map(() => 0), percent: entries.map(() => 0) }));
      found.labels.add(part.label);
      found.values[e] = part.values[metric] ?? 0;
      found.percent[e] = percent[p]?.[metric] ?? 0;
    });
  });
  return [...byKey.entries()].filter(([, s]) => s.values.some((v) => v !== 0)).map(([key, s]) => ({ key, label: [...s.labels].join(' / '), values: s.values, percent: s.percent }));
}

export function compareBreakdownOption(entries: readonly CompareBreakdownEntry[], metric: number, palette: ChartPalette): EChartsCoreOption {
  const series = breakdownSeries(entries, metric);
  const unit = entries[0]?.breakdown.metrics[metric]?.unit ?? '';
  const colours = categoryColours(palette, series.length);
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  const tooltip = (p: { seriesIndex: number; dataIndex: number }): string => {
    const s = series[p.seriesIndex];
    const entry = entries[p.dataIndex];
    if (!s || !entry) return '';
    return `${entry.label} · ${s.label}<br/><b>${formatValue(s.values[p.dataIndex] ?? 0, unit)}</b> (${formatShare(s.percent[p.dataIndex] ?? 0)})`;
  };
  return {
    backgroundColor: palette.background,
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: tooltip },
    xAxis: { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine: { lineStyle: { color: palette.grid } } },
    yAxis: { type: 'category', inverse: true, data: entries.map((e) => e.label), axisLabel: { ...axisLabel, width: 220, overflow: 'truncate' }, axisTick: { show: false }, axisLine: { lineStyle: { color: palette.grid } } },
    series: series.map((s, i) => ({
      name: s.label,
      type: 'bar',
      stack: 'share',
      barMaxWidth: 22,
      itemStyle: { color: colours[i] },
      emphasis: { focus: 'series' },
      data: s.percent.map((v) => Number(v.toFixed(3))),
    })),
  };
}
