import type { EChartsCoreOption } from 'echarts/core';
import type { LibrarySummary } from '@shared/schemas/library.ts';
import type { ChartPalette } from './palette.ts';

// "Where do the values come from?": for each library, how many values cite a published source and
// how many are assumptions. The selected library is drawn in bold so it stands out in context.

export interface ProvenanceRow {
  readonly name: string;
  readonly cited: number;
  readonly assumption: number;
  readonly selected: boolean;
}

export function provenanceRows(libraries: readonly LibrarySummary[], selectedId: string | null): ProvenanceRow[] {
  return libraries
    .filter((l) => l.valueCount > 0)
    .map((l) => ({ name: l.name, cited: l.provenance.cited, assumption: l.provenance.assumption, selected: l.id === selectedId }));
}

export function provenanceChartOption(rows: readonly ProvenanceRow[], palette: ChartPalette): EChartsCoreOption {
  const names = rows.map((r) => r.name);
  const label = (value: string | number): string => String(value);
  return {
    backgroundColor: palette.background,
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    grid: { left: 8, right: 16, top: 28, bottom: 4, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: palette.mutedText, fontSize: 11 },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: {
        color: palette.mutedText,
        fontSize: 11,
        width: 180,
        overflow: 'truncate',
        formatter: (value: string, index: number) => (rows[index]?.selected ? `{sel|${value}}` : label(value)),
        rich: { sel: { fontWeight: 'bold', color: palette.highlight, fontSize: 11 } },
      },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      { name: 'cited source', type: 'bar', stack: 'values', barMaxWidth: 16, itemStyle: { color: palette.series[0] }, data: rows.map((r) => r.cited) },
      { name: 'assumption', type: 'bar', stack: 'values', barMaxWidth: 16, itemStyle: { color: palette.series[1] }, data: rows.map((r) => r.assumption) },
    ],
  };
}
