import { describe, expect, it } from 'vitest';
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { PAPER_DECALS, PAPER_FILLS, PAPER_FONTS, paperFigureSize, paperOption, pt } from '@/export/paper-theme.ts';
import { renderSvg } from '@/export/chart-export.ts';
import { normalize, normalizedChartOption } from '@/charts/normalized.ts';
import { LIGHT_PALETTE } from '@/charts/palette.ts';

use([BarChart, AriaComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

type Obj = Record<string, unknown>;

const entries = [
  { id: 'a', name: 'FloatPIM / AlexNet', figures: { energy_J: 82.2, latency_s: 0.0837, area_m2: 3.46e-5 } },
  { id: 'b', name: 'SOT-MRAM / AlexNet', figures: { energy_J: 75.9, latency_s: 0.0487, area_m2: 1.93e-3 } },
];
const screen = normalizedChartOption(normalize(entries, 'a', 'normalised'), 'normalised', LIGHT_PALETTE);

describe('paper style', () => {
  it('sizes figures for one column (3.5 in) and two (7 in) at 96 px per inch, type in points', () => {
    expect(paperFigureSize(1)).toEqual({ width: 336, height: 230 });
    expect(paperFigureSize(2)).toEqual({ width: 672, height: 269 });
    expect(pt(8)).toBeCloseTo(10.67, 2);
    expect(pt(9)).toBe(12);
  });

  it('restyles any option in black, greys and patterns at 8 pt, without touching the input', () => {
    const before = JSON.stringify(screen);
    const paper = paperOption(screen, { columns: 1, font: 'serif' }) as Obj;
    expect(JSON.stringify(screen)).toBe(before);
    expect(paper.tooltip).toBeUndefined();
    expect(paper.backgroundColor).toBe('#ffffff');
    expect(paper.aria).toMatchObject({ enabled: true, decal: { show: true } });
    expect(paper.textStyle).toMatchObject({ fontFamily: PAPER_FONTS.serif, fontSize: pt(8), color: '#000000' });
    const series = paper.series as Obj[];
    expect(series.map((s) => (s.itemStyle as Obj).color)).toEqual([PAPER_FILLS[0], PAPER_FILLS[1]]);
    expect(series.map((s) => (s.itemStyle as Obj).decal)).toEqual([PAPER_DECALS[0], PAPER_DECALS[1]]);
    const yAxis = paper.yAxis as Obj;
    expect(yAxis.axisLabel).toMatchObject({ color: '#000000', fontSize: pt(8), fontFamily: PAPER_FONTS.serif });
    expect(typeof (yAxis.axisLabel as Obj).formatter).toBe('function');
    expect((paper.legend as Obj).textStyle).toMatchObject({ fontSize: pt(8), color: '#000000' });
    expect(((series[0]!.markLine as Obj).lineStyle as Obj).color).toBe('#000000');
  });

  it('turns the value axis name along the side and starts the plot below the legend and the labels over its bars', () => {
    const paper = paperOption(screen, { columns: 1, font: 'sans' }) as Obj;
    expect(paper.yAxis).toMatchObject({ nameLocation: 'middle', nameRotate: 90, nameTextStyle: { align: 'center' } });
    expect((paper.xAxis as Obj).nameLocation).toBeUndefined();
    // One row of legend (5 px padding, a line of 8 pt), then a value label 5 px over a full-height bar.
    const legendBottom = 5 + pt(8) * 1.25;
    const top = (paper.grid as Obj).top as number;
    expect(top).toBeGreaterThanOrEqual(legendBottom + 5 + pt(8));
    expect(top).toBeLessThan(legendBottom + 5 + pt(8) + 8);
  });

  it('wraps a legend name wider than the figure instead of cutting it off, and makes room for its lines', () => {
    const long = 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / ResNet-18 with a longer note';
    const option = normalizedChartOption(normalize([entries[0]!, { ...entries[1]!, name: long }], 'a', 'normalised'), 'normalised', LIGHT_PALETTE);
    const paper = paperOption(option, { columns: 1, font: 'serif' }) as Obj;
    const data = (paper.legend as Obj).data as (string | Obj)[];
    expect(data[0]).toBe('FloatPIM / AlexNet (baseline)');
    expect(data[1]).toMatchObject({ name: long, textStyle: { overflow: 'break', width: 336 - 10 - 12 - 5 } });
    const short = paperOption(screen, { columns: 1, font: 'serif' }) as Obj;
    expect((short.legend as Obj).data).toBeUndefined();
    expect((paper.grid as Obj).top as number).toBeGreaterThan(((short.grid as Obj).top as number) + 2 * pt(8));
  });

  it('leaves no room for a legend that is hidden', () => {
    const paper = paperOption({ legend: { show: false }, grid: {}, series: [{ type: 'bar', data: [1] }] }, { columns: 2, font: 'sans' }) as Obj;
    expect((paper.grid as Obj).top).toBeLessThan(pt(8));
  });

  it('draws lines and markers in black, apart by dash and marker shape', () => {
    const option = { series: [{ type: 'line', data: [1] }, { type: 'line', data: [2] }, { type: 'scatter', data: [[1, 2]] }] };
    const series = (paperOption(option, { columns: 2, font: 'sans' }) as Obj).series as Obj[];
    expect(series.map((s) => (s.lineStyle as Obj).type)).toEqual(['solid', 'dashed', 'dotted']);
    expect(series.map((s) => s.symbol)).toEqual(['circle', 'rect', 'triangle']);
    expect(series.every((s) => (s.itemStyle as Obj).color === '#000000')).toBe(true);
  });

  it('keeps hollow bars hollow with a black outline', () => {
    const option = { series: [{ type: 'bar', itemStyle: { color: 'transparent', borderColor: '#888' }, data: [1] }] };
    const series = (paperOption(option, { columns: 2, font: 'sans' }) as Obj).series as Obj[];
    expect(series[0]!.itemStyle).toMatchObject({ color: 'transparent', borderColor: '#000000' });
  });

  it('renders to a standalone SVG with the series names, the paper font and decal patterns', () => {
    const { width, height } = paperFigureSize(1);
    const svg = renderSvg(paperOption(screen, { columns: 1, font: 'serif' }), width, height, '#ffffff');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain(`<svg width="${width}" height="${height}"`);
    expect(svg).toContain('SOT-MRAM / AlexNet');
    expect(svg).toContain('FloatPIM / AlexNet (baseline)');
    expect(svg).toContain('Times New Roman');
    expect(svg).toContain('<pattern');
  });

  it('renders the screen option as it is, at the size asked', () => {
    const svg = renderSvg(screen, 800, 300, '#1b2029');
    expect(svg).toContain('<svg width="800" height="300"');
    expect(svg).toContain('#1b2029');
    expect(svg).toContain('Energy');
  });
});
