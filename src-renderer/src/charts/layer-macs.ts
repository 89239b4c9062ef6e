import type { EChartsCoreOption } from 'echarts/core';
import type { NetworkDetail } from '@shared/schemas/network-api.ts';
import type { ChartPalette } from './palette.ts';

// Forward MACs of each compute layer, in network order: where a network's work is.

export interface LayerBar {
  readonly name: string;
  readonly macs: number;
}

export function computeLayers(detail: NetworkDetail): LayerBar[] {
  return detail.layerTable.filter((l) => l.macs > 0).map((l) => ({ name: l.name, macs: l.macs }));
}

export function layerMacsChartOption(bars: readonly LayerBar[], palette: ChartPalette): EChartsCoreOption {
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    grid: { left: 8, right: 8, top: 24, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { ...axisLabel, show: bars.length <= 24, rotate: 45 }, axisLine: { lineStyle: { color: palette.grid } } },
    yAxis: { type: 'value', name: 'M MACs per image', nameTextStyle: { ...axisLabel, align: 'left' }, axisLabel, splitLine: { lineStyle: { color: palette.grid } } },
    series: [{ name: 'forward MACs (M)', type: 'bar', barMaxWidth: 14, itemStyle: { color: palette.series[0] }, data: bars.map((b) => Number((b.macs / 1e6).toPrecision(4))) }],
  };
}
