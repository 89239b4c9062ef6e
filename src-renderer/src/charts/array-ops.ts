import type { EChartsCoreOption } from 'echarts/core';
import type { ArrayResult } from '@shared/schemas/cell.ts';
import { displaySI } from '@/display.ts';
import type { ChartPalette } from './palette.ts';

// Energy and latency of every operation of a subarray, side by side, one bar per operation.

export interface OpRow {
  readonly op: string;
  readonly energy_J: number;
  readonly latency_s: number;
}

export function arrayOpRows(result: ArrayResult): OpRow[] {
  return Object.entries(result.primitives).map(([op, f]) => ({ op, energy_J: f.energy_J, latency_s: f.latency_s }));
}

export function arrayOpsChartOption(rows: readonly OpRow[], palette: ChartPalette): EChartsCoreOption {
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    legend: { top: 0, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { color: palette.mutedText, fontSize: 11 } },
    grid: { left: 8, right: 8, top: 48, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => String(value),
    },
    xAxis: { type: 'category', data: rows.map((r) => r.op), axisLabel, axisLine: { lineStyle: { color: palette.grid } } },
    yAxis: [
      { type: 'value', name: 'energy (pJ)', nameTextStyle: axisLabel, axisLabel, splitLine: { lineStyle: { color: palette.grid } } },
      { type: 'value', name: 'latency (ns)', nameTextStyle: axisLabel, axisLabel, splitLine: { show: false } },
    ],
    series: [
      { name: 'energy (pJ)', type: 'bar', barMaxWidth: 18, itemStyle: { color: palette.series[0] }, data: rows.map((r) => Number((r.energy_J * 1e12).toPrecision(4))) },
      { name: 'latency (ns)', type: 'bar', yAxisIndex: 1, barMaxWidth: 18, itemStyle: { color: palette.series[1] }, data: rows.map((r) => Number((r.latency_s * 1e9).toPrecision(4))) },
    ],
  };
}

/** "45.69 mm²" style labels for the area breakdown table. */
export function areaRows(result: ArrayResult): { part: string; area: string; share: string }[] {
  return Object.entries(result.breakdown.area_m2).map(([part, a]) => ({ part, area: displaySI(a, 'm^2'), share: `${((100 * a) / result.area_m2).toFixed(1)}%` }));
}
