import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { paperFigureSize, paperOption, type PaperStyle } from './paper-theme.ts';
import { chartFileName } from './file-name.ts';
import { dataUrlToBytes } from './save.ts';
import { estimateTextWidth, type MeasureText } from './legend-layout.ts';
import { withLegendRoom } from './legend-room.ts';
import { cssPxToPt, PDF_LAYOUT_FONT, withFontFamily } from './pdf-fonts.ts';

// Turning a chart into a file. PNG comes from a canvas at 2x or 4x the CSS pixels; SVG from the
// same option rendered again by ECharts' SVG renderer (server-side mode, no DOM needed); PDF from
// that SVG laid out in the font the PDF embeds. The paper style renders the restyled option
// offscreen at the figure's size instead of the on-screen one.
// The renderers and components must be registered (EChart.vue does it for the app).

export type ChartFormat = 'png' | 'svg' | 'pdf';

export interface ChartExportRequest {
  readonly format: ChartFormat;
  /** PNG only: 2 or 4 device pixels per CSS pixel. */
  readonly pixelRatio: number;
  /** null: as shown on screen. */
  readonly paper: PaperStyle | null;
}

export interface ChartFile {
  readonly fileName: string;
  readonly blob: Blob;
  /** Size of the image: in device pixels for PNG, CSS pixels for SVG, points for PDF. */
  readonly width: number;
  readonly height: number;
  readonly unit: 'px' | 'pt';
}

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

/** The option drawn by ECharts' SVG renderer into a standalone SVG document. */
export function renderSvg(option: EChartsCoreOption, width: number, height: number, background: string): string {
  const chart = init(null, undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: background }, { notMerge: true });
    return XML_PROLOG + chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The option drawn on an offscreen canvas of `width` x `height` CSS pixels, as a PNG data URL. */
function renderPngOffscreen(option: EChartsCoreOption, width: number, height: number, pixelRatio: number, background: string): string {
  const host = document.createElement('div');
  const chart = init(host, undefined, { renderer: 'canvas', width, height, devicePixelRatio: pixelRatio });
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true });
    return chart.getDataURL({ type: 'png', pixelRatio, backgroundColor: background });
  } finally {
    chart.dispose();
  }
}

let measuring: CanvasRenderingContext2D | null = null;

/** Text widths as ECharts measures them in the page when it lays out the same text: on a 2D canvas. */
export const measureLikeECharts: MeasureText = (text, fontSize, fontFamily) => {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return estimateTextWidth(text, fontSize, fontFamily);
  measuring.font = `${fontSize}px ${fontFamily}`;
  return measuring.measureText(text).width;
};

function pngBlob(dataUrl: string): Blob {
  const { bytes } = dataUrlToBytes(dataUrl);
  return new Blob([bytes], { type: 'image/png' });
}

interface Figure {
  readonly option: EChartsCoreOption;
  readonly width: number;
  readonly height: number;
  readonly ground: string;
}

/** What an SVG or PDF export draws: the option as shown (its legend's rows for this width) or as a paper figure. */
function figureOf(live: ECharts, option: EChartsCoreOption, paper: PaperStyle | null, background: string, measure: MeasureText): Figure {
  if (paper) return { option: paperOption(option, paper, measure), ...paperFigureSize(paper.columns), ground: '#ffffff' };
  const width = live.getWidth();
  return { option: withLegendRoom(option, width, measure), width, height: live.getHeight(), ground: background };
}

/**
 * The PDF's figure: the same as the SVG's, but laid out in Inter, the font it embeds, with text
 * measured in Inter (the paper style's own font would leave the legend's rows too narrow).
 */
async function exportPdf(live: ECharts, option: EChartsCoreOption, title: string, paper: PaperStyle | null, background: string): Promise<ChartFile> {
  const fileName = chartFileName(title, { format: 'pdf', paperColumns: paper?.columns ?? null });
  // The canvas that measures text falls back to another font until Inter is loaded.
  await document.fonts.load(`12px ${PDF_LAYOUT_FONT}`);
  const inInter: MeasureText = (text, fontSize) => measureLikeECharts(text, fontSize, PDF_LAYOUT_FONT);
  const figure = figureOf(live, withFontFamily(option, PDF_LAYOUT_FONT), paper, background, inInter);
  const svg = renderSvg(withFontFamily(figure.option, PDF_LAYOUT_FONT), figure.width, figure.height, figure.ground);
  const { svgToPdf } = await import('./chart-pdf.ts');
  const blob = await svgToPdf(svg, figure.width, figure.height, { title, creator: 'PIM Workbench' });
  return { fileName, blob, width: cssPxToPt(figure.width), height: cssPxToPt(figure.height), unit: 'pt' };
}

/**
 * The file for one export of the chart on screen. `background` is the page's card colour, so an
 * export as shown keeps the theme; the paper style always has a white ground.
 */
export async function exportChart(live: ECharts, option: EChartsCoreOption, title: string, request: ChartExportRequest, background: string): Promise<ChartFile> {
  if (request.format === 'pdf') return exportPdf(live, option, title, request.paper, background);
  const fileName = chartFileName(title, { format: request.format, pixelRatio: request.pixelRatio, paperColumns: request.paper?.columns ?? null });
  if (request.format === 'svg') {
    const figure = figureOf(live, option, request.paper, background, measureLikeECharts);
    const blob = new Blob([renderSvg(figure.option, figure.width, figure.height, figure.ground)], { type: 'image/svg+xml' });
    return { fileName, blob, width: figure.width, height: figure.height, unit: 'px' };
  }
  const size = request.paper ? paperFigureSize(request.paper.columns) : { width: live.getWidth(), height: live.getHeight() };
  const dataUrl = request.paper
    ? renderPngOffscreen(paperOption(option, request.paper, measureLikeECharts), size.width, size.height, request.pixelRatio, '#ffffff')
    : live.getDataURL({ type: 'png', pixelRatio: request.pixelRatio, backgroundColor: background });
  return { fileName, blob: pngBlob(dataUrl), width: size.width * request.pixelRatio, height: size.height * request.pixelRatio, unit: 'px' };
}
