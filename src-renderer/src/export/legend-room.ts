import type { EChartsCoreOption } from 'echarts/core';
import { estimateTextWidth, legendLayout, type LegendStyle, type MeasureText } from './legend-layout.ts';
import { legendNames } from './paper-theme.ts';

// A chart's plot is placed below a legend of one row. On a narrow page the legend of long names
// (experiment labels) takes two rows or more and the plot, its axis name and its bar labels would be
// drawn under it: the plot is moved down by the extra rows, for the width the chart has.

type Obj = Record<string, unknown>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** ECharts' legend defaults, for what an option leaves unsaid. */
const DEFAULTS = { fontSize: 12, itemWidth: 25, itemHeight: 14, itemGap: 10 };

export function withLegendRoom(option: EChartsCoreOption, width: number, measure: MeasureText = estimateTextWidth): EChartsCoreOption {
  const o = option as Obj;
  const { legend, grid } = o;
  // Only a plain legend across the top above one grid whose top is in pixels.
  if (!isObj(legend) || !isObj(grid) || legend.type === 'scroll' || legend.orient === 'vertical' || legend.show === false) return option;
  if ((legend.top ?? 0) !== 0 || typeof grid.top !== 'number' || !(width > 0)) return option;
  const series = (Array.isArray(o.series) ? o.series : [o.series]).filter(isObj);
  const names = [...new Set(legendNames(legend, series))];
  if (names.length < 2) return option;
  const text = isObj(legend.textStyle) ? legend.textStyle : {};
  const font = isObj(o.textStyle) && typeof o.textStyle.fontFamily === 'string' ? o.textStyle.fontFamily : 'sans-serif';
  const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
  const style: LegendStyle = {
    fontSize: num(text.fontSize, DEFAULTS.fontSize),
    fontFamily: font,
    itemWidth: num(legend.itemWidth, DEFAULTS.itemWidth),
    itemHeight: num(legend.itemHeight, DEFAULTS.itemHeight),
    itemGap: num(legend.itemGap, DEFAULTS.itemGap),
  };
  // The legend's width: the chart's, less what the legend keeps clear on its sides.
  const sides = num(legend.left, 0) + num(legend.right, 0);
  const rows = legendLayout(names, width - sides, style, measure);
  if (rows.rows < 2) return option;
  const oneRow = legendLayout([names[0]!], Number.MAX_SAFE_INTEGER, style, measure);
  return { ...option, grid: { ...grid, top: grid.top + Math.ceil(rows.bottom - oneRow.bottom) } };
}
