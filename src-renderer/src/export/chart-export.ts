import { init, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { paperFigureSize, paperOption, type PaperStyle } from './paper-theme.ts';
import { chartFileName } from './file-name.ts';
import { dataUrlToBytes } from './save.ts';
import { estimateTextWidth, type MeasureText } from './legend-layout.ts';

// Turning a chart into a file. PNG comes from a canvas at 2x or 4x the CSS pixels; SVG from the
// same option rendered again by ECharts' SVG renderer (server-side mode, no DOM needed). The
// paper style renders the restyled option offscreen at the figure's size instead of the on-screen one.
// The renderers and components must be registered (EChart.vue does it for the app).

export interface ChartExportRequest {
  readonly format: 'png' | 'svg';
  /** PNG only: 2 or 4 device pixels per CSS pixel. */
  readonly pixelRatio: number;
  /** null: as shown on screen. */
  readonly paper: PaperStyle | null;
}

export interface ChartFile {
  readonly fileName: string;
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
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

/**
 * The file for one export of the chart on screen. `background` is the page's card colour, so an
 * export as shown keeps the theme; the paper style always has a white ground.
 */
export function exportChart(live: ECharts, option: EChartsCoreOption, title: string, request: ChartExportRequest, background: string): ChartFile {
  const fileName = chartFileName(title, { format: request.format, pixelRatio: request.pixelRatio, paperColumns: request.paper?.columns ?? null });
  const size = request.paper ? paperFigureSize(request.paper.columns) : { width: live.getWidth(), height: live.getHeight() };
  const shown = request.paper ? paperOption(option, request.paper, measureLikeECharts) : option;
  const ground = request.paper ? '#ffffff' : background;
  if (request.format === 'svg') {
    const blob = new Blob([renderSvg(shown, size.width, size.height, ground)], { type: 'image/svg+xml' });
    return { fileName, blob, ...size };
  }
  const dataUrl = request.paper
    ? renderPngOffscreen(shown, size.width, size.height, request.pixelRatio, ground)
    : live.getDataURL({ type: 'png', pixelRatio: request.pixelRatio, backgroundColor: ground });
  return { fileName, blob: pngBlob(dataUrl), width: size.width * request.pixelRatio, height: size.height * request.pixelRatio };
}
