import { describe, expect, it } from 'vitest';
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { renderSvg } from '@/export/chart-export.ts';
import { paperOption } from '@/export/paper-theme.ts';
import { chartFileName } from '@/export/file-name.ts';
import { cssPxToPt, faceOfWeight, PDF_FONT_FAMILY, withFontFamily } from '@/export/pdf-fonts.ts';
import { svgForPdf } from '@/export/pdf-svg.ts';

use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const option = {
  title: { text: 'Energy per step' },
  legend: { top: 0, data: ['SOT-MRAM PIM', 'FloatPIM'] },
  grid: { top: 40, left: 50, right: 10, bottom: 30 },
  xAxis: { type: 'category', data: ['C1', 'F6'], name: 'layer', nameTextStyle: { fontWeight: 600 } },
  yAxis: { type: 'value', name: 'energy (mJ)', axisLabel: { formatter: (v: number) => `${v} mJ` } },
  series: [
    { name: 'SOT-MRAM PIM', type: 'bar', data: [1, 2] },
    { name: 'FloatPIM', type: 'bar', data: [3, 4] },
  ],
};

const texts = (svg: string): string[] => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

describe('svgForPdf', () => {
  const source = renderSvg(paperOption(option, { columns: 1, font: 'serif' }), 336, 230, '#ffffff');
  const ready = svgForPdf(source);

  it('leaves no style attribute or element for the page’s CSP to refuse', () => {
    expect(source).toContain('style="');
    expect(source).toContain('<style');
    expect(ready.svg).not.toMatch(/\sstyle="/);
    expect(ready.svg).not.toContain('<style');
  });

  it('keeps every text and its size, and names only the embedded family', () => {
    expect(texts(ready.svg)).toEqual(texts(source));
    expect(texts(ready.svg)).toContain('energy (mJ)');
    expect(source).toContain('Times New Roman');
    const families = [...ready.svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(families)).toEqual(new Set([PDF_FONT_FAMILY]));
    // Paper type is 8 pt: 10.67 CSS px.
    expect(ready.svg).toContain('font-size="10.67px"');
    expect(ready.svg).toMatch(/^<\?xml[^>]*>\n<svg font-family="Inter" width="336" height="230"/);
  });

  it('draws ECharts’ bold title and 600-weight axis name with the bold face', () => {
    expect(ready.faces).toEqual(['normal', 'bold']);
    expect(ready.svg).toMatch(/font-weight="bold"[^>]*>layer</);
    expect(ready.svg).not.toMatch(/font-weight="(?!normal"|bold")/);
  });

  it('gives each dominant-baseline as an alignment-baseline, which svg2pdf reads', () => {
    const dominant = ready.svg.match(/dominant-baseline="/g)?.length ?? 0;
    expect(dominant).toBeGreaterThan(0);
    expect(ready.svg.match(/alignment-baseline="/g)?.length).toBe(dominant);
  });

  it('lets a style declaration win over the attribute of the same name, entities and all', () => {
    const out = svgForPdf('<svg width="10" height="10"><text fill="red" style="fill:blue;font-family:&quot;Times New Roman&quot;, serif;font-style:italic;font-weight:lighter">a</text><path d="M0 0L1 1" /></svg>');
    expect(out.svg).toBe('<svg font-family="Inter" width="10" height="10"><text fill="blue" font-family="Inter" font-style="normal" font-weight="normal">a</text><path d="M0 0L1 1" /></svg>');
    expect(out.faces).toEqual(['normal']);
  });
});

describe('faceOfWeight', () => {
  it.each([
    ['normal', 'normal'],
    ['400', 'normal'],
    ['500', 'normal'],
    ['lighter', 'normal'],
    ['', 'normal'],
    ['600', 'bold'],
    ['900', 'bold'],
    ['bold', 'bold'],
    ['Bolder', 'bold'],
  ] as const)('%s is drawn %s', (weight, face) => expect(faceOfWeight(weight)).toBe(face));
});

describe('withFontFamily', () => {
  it('sets every family and the default one, leaves the input and the data as they were', () => {
    const paper = paperOption(option, { columns: 1, font: 'serif' }) as Record<string, unknown>;
    const before = JSON.stringify(paper);
    const out = withFontFamily(paper, 'Inter') as Record<string, unknown>;
    expect(JSON.stringify(paper)).toBe(before);
    expect(before).toContain('Times New Roman');
    expect(JSON.stringify(out)).not.toContain('Times New Roman');
    expect([...JSON.stringify(out).matchAll(/"fontFamily":"([^"]*)"/g)].every((m) => m[1] === 'Inter')).toBe(true);
    expect((out.textStyle as { fontFamily: string }).fontFamily).toBe('Inter');
    const series = (s: Record<string, unknown>) => (s.series as { data: unknown }[])[0]!.data;
    expect(series(out)).toBe(series(paper));
    const formatter = (o: Record<string, unknown>) => (o.yAxis as { axisLabel: { formatter: unknown } }).axisLabel.formatter;
    expect(formatter(out)).toBe(formatter(paper));
  });
});

describe('cssPxToPt', () => {
  it('puts a one-column figure of 336 CSS px on a page 252 pt (3.5 in) wide', () => {
    expect(cssPxToPt(336)).toBe(252);
    expect(cssPxToPt(230)).toBe(172.5);
  });
});

describe('chartFileName for PDF', () => {
  it('names a PDF like the SVG beside it, with no pixel ratio', () => {
    expect(chartFileName('Energy per layer', { format: 'pdf', pixelRatio: 2 })).toBe('energy-per-layer.pdf');
    expect(chartFileName('Energy per layer', { format: 'pdf', paperColumns: 1 })).toBe('energy-per-layer-paper-1col.pdf');
  });
});
