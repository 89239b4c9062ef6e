import type { EChartsCoreOption } from 'echarts/core';
import { estimateTextWidth, LEGEND_LINE_HEIGHT, legendLayout, type LegendLayout, type LegendStyle, type MeasureText } from './legend-layout.ts';

// The "paper" style of an exported chart: a figure sized for one or two columns of a two-column
// paper, 8-9 pt type in the paper's font, and black and greys with patterns so the series stay
// apart in grey-scale print. It transforms any option a chart function made, so every chart of the
// workbench can be exported this way without knowing about it.

export interface PaperStyle {
  readonly columns: 1 | 2;
  readonly font: 'serif' | 'sans';
}

/** CSS pixels per inch: an SVG of 336 px placed at 3.5 in keeps its 8 pt text at 8 pt. */
export const CSS_PX_PER_INCH = 96;

export function pt(points: number): number {
  return Math.round(((points * CSS_PX_PER_INCH) / 72) * 100) / 100;
}

/** IEEE and ACM two-column layouts: a column is about 3.5 in wide, the full text width about 7 in. */
export const PAPER_SIZES_IN: Readonly<Record<1 | 2, { width: number; height: number }>> = {
  1: { width: 3.5, height: 2.4 },
  2: { width: 7, height: 2.8 },
};

export function paperFigureSize(columns: 1 | 2): { width: number; height: number } {
  const size = PAPER_SIZES_IN[columns];
  return { width: Math.round(size.width * CSS_PX_PER_INCH), height: Math.round(size.height * CSS_PX_PER_INCH) };
}

export const PAPER_FONTS: Readonly<Record<PaperStyle['font'], string>> = {
  serif: "'Times New Roman', Times, 'Nimbus Roman', 'Liberation Serif', serif",
  sans: "Helvetica, Arial, 'Nimbus Sans', 'Liberation Sans', sans-serif",
};

const INK = '#000000';
const RULE = '#cccccc';
/** Fills from dark to light; a pattern on top tells neighbours apart when greys print alike. */
export const PAPER_FILLS = ['#404040', '#a6a6a6', '#ffffff', '#7a7a7a', '#d9d9d9', '#1a1a1a'] as const;

type Obj = Record<string, unknown>;

const DARK_DECAL = 'rgba(255, 255, 255, 0.7)';
const LIGHT_DECAL = 'rgba(0, 0, 0, 0.7)';

/** One pattern per fill: solid, diagonal stripes, dots, horizontal lines, vertical lines, crossing stripes. */
export const PAPER_DECALS: readonly Obj[] = [
  { symbol: 'none', color: DARK_DECAL },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: LIGHT_DECAL },
  { symbol: 'circle', symbolSize: 0.9, dashArrayX: [2, 3], dashArrayY: [2, 3], color: LIGHT_DECAL },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [1, 3], color: DARK_DECAL },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [1, 3], rotation: Math.PI / 2, color: LIGHT_DECAL },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color: DARK_DECAL },
];

const LINE_DASHES = ['solid', 'dashed', 'dotted'] as const;
const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect'] as const;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

/** Applies `fix` to a component given as one object or an array of them. */
function mapComponent(value: unknown, fix: (component: Obj) => Obj): unknown {
  if (Array.isArray(value)) return value.map((c) => fix(asObj(c)));
  return isObj(value) ? fix(value) : value;
}

function text(style: unknown, size: number, font: string, color = INK): Obj {
  return { ...asObj(style), color, fontSize: size, fontFamily: font };
}

function richText(rich: unknown, size: number, font: string): Obj | undefined {
  if (!isObj(rich)) return undefined;
  return Object.fromEntries(Object.entries(rich).map(([key, style]) => [key, text(style, size, font)]));
}

function lineStyle(component: unknown, color: string, width: number): Obj {
  const c = asObj(component);
  return { ...c, lineStyle: { ...asObj(c.lineStyle), color, width } };
}

/** How far a value label stands above its bar (ECharts' default label distance). */
const LABEL_DISTANCE = 5;

/**
 * Room between the legend and the plot: a bar as tall as the axis carries its value label above
 * the plot ("1×" on a baseline bar), and the top tick label stands half above it.
 */
function roomAbovePlot(series: readonly Obj[], fontSize: number): number {
  const labelled = series.some((s) => asObj(s.label).show === true);
  return Math.round((labelled ? LABEL_DISTANCE + fontSize * 1.25 + 3 : fontSize * 0.65 + 3) * 100) / 100;
}

/** The legend's names: its own data when it lists them, else the series names. */
export function legendNames(legend: Obj, series: readonly Obj[]): string[] {
  if (Array.isArray(legend.data)) return legend.data.map((d) => (isObj(d) ? String(d.name) : String(d)));
  return series.map((s) => s.name).filter((n): n is string => typeof n === 'string');
}

/** The legend in paper type, with names too wide for the figure wrapped instead of cut off. */
function fixLegend(legend: Obj, style: LegendStyle, layout: LegendLayout, names: readonly string[]): Obj {
  const fixed: Obj = { ...legend, top: 0, textStyle: text(legend.textStyle, style.fontSize, style.fontFamily), itemWidth: style.itemWidth, itemHeight: style.itemHeight, itemGap: style.itemGap };
  // A wrapped name needs its line height said: ECharts' default sets the lines of a legend item too close.
  const wrap = { width: layout.maxTextWidth, overflow: 'break', lineHeight: LEGEND_LINE_HEIGHT * style.fontSize };
  if (layout.wrapped.size > 0) fixed.data = names.map((name) => (layout.wrapped.has(name) ? { name, textStyle: wrap } : name));
  return fixed;
}

/**
 * A value axis's name along its middle, so a long name fits a narrow figure: turned beside a
 * vertical axis, level under a horizontal one (a chart of horizontal bars).
 */
function sideName(axis: Obj, plotHeight: number, vertical: boolean): Obj {
  if (axis.type === 'category' || !axis.name) return {};
  if (!vertical) return { nameLocation: 'middle', nameRotate: 0, nameGap: 20 };
  return { nameLocation: 'middle', nameRotate: 90, nameGap: 34, nameTruncate: { maxWidth: plotHeight, ellipsis: '…' } };
}

function fixAxis(axis: Obj, font: string, plotHeight: number, vertical: boolean): Obj {
  const label = asObj(axis.axisLabel);
  const rich = richText(label.rich, pt(8), font);
  const side = sideName(axis, plotHeight, vertical);
  return {
    ...axis,
    ...side,
    axisLabel: { ...text(label, pt(8), font), ...(rich ? { rich } : {}) },
    nameTextStyle: { ...text(axis.nameTextStyle, pt(8), font), ...(side.nameLocation ? { align: 'center' } : {}) },
    axisLine: lineStyle(axis.axisLine, INK, 0.75),
    axisTick: lineStyle(axis.axisTick, INK, 0.75),
    splitLine: lineStyle(axis.splitLine, RULE, 0.5),
  };
}

function fixLabel(label: unknown, font: string): unknown {
  return isObj(label) ? { ...text(label, pt(8), font), textBorderWidth: 0 } : label;
}

function fixMarkLine(markLine: unknown, font: string): unknown {
  if (!isObj(markLine)) return markLine;
  return { ...markLine, lineStyle: { ...asObj(markLine.lineStyle), color: INK, width: 0.75 }, label: fixLabel(markLine.label ?? {}, font) };
}

/** Hollow bars (a transparent fill, such as published targets) stay hollow with a black outline. */
function seriesItemStyle(series: Obj, index: number): Obj {
  const style = asObj(series.itemStyle);
  if (style.color === 'transparent') return { ...style, borderColor: INK, borderWidth: 1 };
  const fill = PAPER_FILLS[index % PAPER_FILLS.length]!;
  return { ...style, color: fill, borderColor: INK, borderWidth: 0.5, decal: PAPER_DECALS[index % PAPER_DECALS.length] };
}

function fixSeries(series: Obj, index: number, font: string): Obj {
  const fixed: Obj = { ...series, markLine: fixMarkLine(series.markLine, font), label: fixLabel(series.label, font) };
  if (series.type === 'bar') {
    fixed.itemStyle = seriesItemStyle(series, index);
    // Colours given per bar would undo the greys.
    if (Array.isArray(series.data)) fixed.data = series.data.map((d) => (isObj(d) && isObj(d.itemStyle) ? { ...d, itemStyle: { ...d.itemStyle, color: undefined } } : d));
  } else if (series.type === 'line' || series.type === 'scatter') {
    // Lines and markers in black told apart by dash and marker shape.
    fixed.itemStyle = { ...asObj(series.itemStyle), color: INK, borderColor: INK };
    fixed.lineStyle = { ...asObj(series.lineStyle), color: INK, type: LINE_DASHES[index % LINE_DASHES.length] };
    if (typeof series.symbol !== 'function') fixed.symbol = MARKERS[index % MARKERS.length];
  } else if (series.type === 'custom' && typeof asObj(series.itemStyle).color === 'string') {
    // Marks a chart colours itself (error bars over bars) print in ink with a white halo.
    fixed.itemStyle = { ...asObj(series.itemStyle), color: INK, borderColor: '#ffffff' };
  }
  return fixed;
}

/**
 * The option restyled as a paper figure; the input is not changed. `measure` gives text widths in
 * the figure's font (the export passes ECharts' own, so the legend's rows are known exactly).
 */
export function paperOption(option: EChartsCoreOption, style: PaperStyle, measure: MeasureText = estimateTextWidth): EChartsCoreOption {
  const src = option as Obj;
  const font = PAPER_FONTS[style.font];
  const size = paperFigureSize(style.columns);
  let barIndex = 0;
  let lineIndex = 0;
  const series = (Array.isArray(src.series) ? src.series : src.series ? [src.series] : []).map((s) => {
    const obj = asObj(s);
    return fixSeries(obj, obj.type === 'bar' ? barIndex++ : lineIndex++, font);
  });
  const out: Obj = {
    ...src,
    animation: false,
    backgroundColor: '#ffffff',
    color: [...PAPER_FILLS],
    textStyle: text(src.textStyle, pt(8), font),
    aria: { enabled: true, decal: { show: true, decals: PAPER_DECALS } },
    series,
  };
  delete out.tooltip;
  const legend = isObj(src.legend) && src.legend.show !== false ? src.legend : null;
  const legendStyle: LegendStyle = { fontSize: pt(8), fontFamily: font, itemWidth: 12, itemHeight: 8, itemGap: 8 };
  const names = legend ? legendNames(legend, series) : [];
  const layout = legend ? legendLayout(names, size.width, legendStyle, measure) : null;
  const top = Math.round(((layout?.bottom ?? 0) + roomAbovePlot(series, pt(8))) * 100) / 100;
  if (isObj(src.grid)) out.grid = { ...src.grid, top, left: 4, right: 8, bottom: 4 };
  const plotHeight = size.height - top - 8;
  for (const key of ['xAxis', 'yAxis'] as const) if (src[key]) out[key] = mapComponent(src[key], (a) => fixAxis(a, font, plotHeight, key === 'yAxis'));
  if (legend && layout) out.legend = fixLegend(legend, legendStyle, layout, names);
  if (src.title) out.title = mapComponent(src.title, (t) => ({ ...t, textStyle: text(t.textStyle, pt(9), font) }));
  return out as EChartsCoreOption;
}
