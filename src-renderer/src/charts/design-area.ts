import type { EChartsCoreOption } from 'echarts/core';
import type { DesignDetail } from '@shared/schemas/design-api.ts';
import { displaySI } from '@/display.ts';
import type { ChartPalette } from './palette.ts';

// Where a design's area goes: one horizontal bar per component (cells, periphery, interconnect,
// controller), in mm², with its share of the chip.

export interface AreaPart {
  readonly part: string;
  readonly area_m2: number;
  readonly share: number;
}

export function designAreaParts(design: Pick<DesignDetail, 'area' | 'area_m2'>): AreaPart[] {
  return Object.entries(design.area).map(([part, area_m2]) => ({ part, area_m2, share: design.area_m2 > 0 ? area_m2 / design.area_m2 : 0 }));
}

export function designAreaOption(parts: readonly AreaPart[], palette: ChartPalette): EChartsCoreOption {
  const axisLabel = { color: palette.mutedText, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', color: palette.text },
    grid: { left: 8, right: 56, top: 8, bottom: 4, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: ${displaySI(p.value * 1e-6, 'm^2')}` },
    xAxis: { type: 'value', name: 'mm²', nameTextStyle: axisLabel, axisLabel, splitLine: { lineStyle: { color: palette.grid } } },
    yAxis: { type: 'category', inverse: true, data: parts.map((p) => p.part), axisLabel, axisLine: { lineStyle: { color: palette.grid } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: palette.series[0] },
        label: { show: true, position: 'right', color: palette.mutedText, fontSize: 11, formatter: (p: { dataIndex: number }) => `${(100 * parts[p.dataIndex]!.share).toFixed(1)}%` },
        data: parts.map((p) => Number((p.area_m2 * 1e6).toPrecision(4))),
      },
    ],
  };
}
