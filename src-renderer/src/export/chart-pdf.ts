import type { jsPDF } from 'jspdf';
import { cssPxToPt, PDF_FONT_FAMILY, type PdfFace } from './pdf-fonts.ts';
import { svgForPdf } from './pdf-svg.ts';

// A chart's SVG as a one-page vector PDF with its fonts embedded. jsPDF, svg2pdf and the fonts are
// loaded on the first PDF export only, so the page's own bundle does not carry them. The fonts come
// inlined in a chunk of the app (a base64 data URL that is decoded, never fetched): the window loads
// the app from file://, where fetch cannot read files, and the page's CSP allows nothing remote.

/** Each face's TrueType file, as the base64 data URL Vite inlines. */
const FACE_FILES: Readonly<Record<PdfFace, () => Promise<{ default: string }>>> = {
  normal: () => import('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?inline'),
  bold: () => import('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf?inline'),
};

function base64Of(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:') || !dataUrl.slice(0, comma).endsWith(';base64')) throw new Error('the PDF font is not inlined as base64');
  return dataUrl.slice(comma + 1);
}

async function embedFaces(pdf: jsPDF, faces: readonly PdfFace[]): Promise<void> {
  for (const face of faces) {
    const file = `${PDF_FONT_FAMILY}-${face}.ttf`;
    pdf.addFileToVFS(file, base64Of((await FACE_FILES[face]()).default));
    // jsPDF's default encoding for TrueType, Identity-H, embeds a subset of the font with a ToUnicode
    // map, so the PDF's text can be searched and copied. (A weight argument would rename the style.)
    pdf.addFont(file, PDF_FONT_FAMILY, face);
  }
  pdf.setFont(PDF_FONT_FAMILY, 'normal');
}

function parseSvg(svg: string): Element {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') throw new Error(`the chart's SVG does not parse: ${root.textContent ?? ''}`);
  return root;
}

export interface PdfMetadata {
  readonly title: string;
  readonly creator: string;
}

/**
 * One page the size of the chart (`width_px` x `height_px` CSS pixels, in points at 96 px an inch),
 * with the SVG drawn on it as vector paths and text in embedded Inter.
 */
export async function svgToPdf(svg: string, width_px: number, height_px: number, metadata: PdfMetadata): Promise<Blob> {
  const [{ jsPDF }, { svg2pdf }] = await Promise.all([import('jspdf'), import('svg2pdf.js')]);
  const ready = svgForPdf(svg);
  const width_pt = cssPxToPt(width_px);
  const height_pt = cssPxToPt(height_px);
  // jsPDF turns a page wider than high to portrait unless told it is landscape.
  const pdf = new jsPDF({ unit: 'pt', format: [width_pt, height_pt], orientation: width_pt > height_pt ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  await embedFaces(pdf, ready.faces);
  pdf.setProperties({ title: metadata.title, creator: metadata.creator });
  await svg2pdf(parseSvg(ready.svg), pdf, { x: 0, y: 0, width: width_pt, height: height_pt, loadExternalStyleSheets: false, loadImages: false });
  return pdf.output('blob');
}
