import type { EChartsCoreOption } from 'echarts/core';
import type { ChartPalette } from './palette.ts';
import { VALUE_GRID, axisStyle, fixedGrid, axisTitle, baseChart, displayScale, extent, findPoint, metricInfo, metricValue, tickedAxis, type DisplayScale, type RingTarget, type SweepMetric, type SweepPoint, type SweepResult } from './sweep-common.ts';

// One parameter: the metric against the parameter, with the front's points marked. Every data item
// is an array whose last element is the point's index, so a click on any of them opens that point.
// A line of thousands of points is drawn from a sample that keeps its shape (ECharts' LTTB); the
// tooltip still reads each sampled point's own figures.

/** Above this many points the line is drawn without a symbol per point, and sampled. */
const SYMBOL_LIMIT = 1000;

function lineScale(result: SweepResult, metric: SweepMetric): DisplayScale {
  const info = metricInfo(metric);
  return displayScale(extent(result.points.map((p) => metricValue(p, metric))).max, info.base, info.suffix);
}

export function lineTarget(result: SweepResult, metric: SweepMetric, index: number): RingTarget | null {
  const p = findPoint(result, index);
  const v = p ? metricValue(p, metric) : null;
  const x = p?.values[result.axes[0]!.key];
  return v === null || x === undefined ? null : { value: [x, v / lineScale(result, metric).factor], width: 16, height: 16 };
}

export function sweepLineOption(result: SweepResult, metric: SweepMetric, palette: ChartPalette): EChartsCoreOption {
  const axis = result.axes[0]!;
  const info = metricInfo(metric);
  const scale = lineScale(result, metric);
  const front = new Set(result.front);
  const item = (p: SweepPoint): (number | null)[] => {
    const v = metricValue(p, metric);
    return [p.values[axis.key] ?? null, v === null ? null : v / scale.factor, p.index];
  };
  const data = result.points.map(item);
  const style = axisStyle(palette);
  const big = data.length > SYMBOL_LIMIT;
  return {
    ...baseChart(result, palette),
    grid: fixedGrid(VALUE_GRID),
    xAxis: { ...tickedAxis(Math.min(axis.from, axis.to), Math.max(axis.from, axis.to), axis.scale, palette, axis.unit === '1'), name: axisTitle(axis), nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', scale: true, name: `${info.label} (${scale.unit})`, nameLocation: 'middle', nameRotate: 90, nameGap: 46, ...style },
    series: [
      {
        name: info.label,
        type: 'line',
        data,
        showSymbol: !big,
        symbolSize: 5,
        ...(big ? { sampling: 'lttb' } : {}),
        connectNulls: false,
        lineStyle: { color: palette.series[0], width: 1.5 },
        itemStyle: { color: palette.series[0] },
      },
      {
        name: 'Pareto front',
        type: 'scatter',
        data: result.points.flatMap((p) => (front.has(p.index) ? [item(p)] : [])),
        symbolSize: 9,
        itemStyle: { color: palette.series[1], borderColor: palette.highlight, borderWidth: 1 },
        z: 4,
      },
    ],
  };
}
