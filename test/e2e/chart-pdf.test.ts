/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { go, SCREENSHOTS, useWorkbenchPage, type BrowserSession, callApi } from './harness.ts';

// PDF export of a chart against the real `pimwb serve` and the production build of the renderer
// (strict CSP): the file is a one-page PDF the chart's size, its font is embedded, and the chart's
// words can be read back out of it through the font's ToUnicode map, as a PDF reader would.
const chromiumPath = inject('chromiumPath');

const CHART = 'Energy per layer';

/** The file a click downloads; a copy is kept beside the screenshots for a look by eye. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await file.path())!);
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'exports', file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

async function exportAs(page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> {
  const frame = page.locator(`.echart-frame:has([data-chart="${CHART}"])`);
  await frame.hover();
  await frame.getByTestId('chart-export').click();
  return download(page, () => frame.getByTestId(testid).click());
}

async function chooseStyle(page: Page, columns: 0 | 1 | 2): Promise<void> {
  const frame = page.locator(`.echart-frame:has([data-chart="${CHART}"])`);
  await frame.hover();
  await frame.getByTestId('chart-export').click();
  await frame.getByTestId(`export-style-${columns}`).click();
  await page.keyboard.press('Escape');
}

/** Every stream of the file, inflated where it is compressed (jsPDF compresses with Flate). */
function streamsOf(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const start = /stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    if (text.slice(m.index - 3, m.index) === 'end') continue;
    const end = text.indexOf('endstream', m.index);
    const raw = pdf.subarray(m.index + m[0].length, end);
    try {
      streams.push(inflateSync(raw).toString('latin1'));
    } catch {
      streams.push(raw.toString('latin1'));
    }
    start.lastIndex = end;
  }
  return streams;
}

/** Glyph code -> character, from every ToUnicode CMap; a code given two characters fails the test. */
function toUnicode(streams: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const cmap of streams.filter((s) => s.includes('begincmap'))) {
    for (const [, code, unicode] of cmap.matchAll(/<([0-9a-f]{4})>\s*<([0-9a-f]{4})>/gi)) {
      const char = String.fromCharCode(parseInt(unicode!, 16));
      const known = map.get(code!.toLowerCase());
      expect(known === undefined || known === char, `glyph ${code} is both "${known}" and "${char}"`).toBe(true);
      map.set(code!.toLowerCase(), char);
    }
  }
  return map;
}

/** The text of each BT ... ET block of the page, its hex glyph codes read through the ToUnicode map. */
function pageTexts(pdf: Buffer): string[] {
  const streams = streamsOf(pdf);
  const map = toUnicode(streams);
  const texts: string[] = [];
  for (const content of streams.filter((s) => /\bBT\b/.test(s))) {
    for (const [block] of content.matchAll(/\bBT\b[\s\S]*?\bET\b/g)) {
      const hex = [...block.matchAll(/<([0-9a-f]+)>/gi)].map((h) => h[1]!).join('');
      const codes = hex.match(/.{4}/g) ?? [];
      texts.push(codes.map((c) => map.get(c.toLowerCase()) ?? '\uFFFD').join(''));
    }
  }
  return texts;
}

/** The texts of an exported SVG, entities decoded. */
function svgTexts(svg: Buffer): string[] {
  const decode = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...svg.toString('utf8').matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]!));
}

/** The size in points of each text block on the page: its Tf size scaled by its text matrix (Tm). */
function textSizes(pdf: Buffer): number[] {
  const sizes: number[] = [];
  for (const content of streamsOf(pdf).filter((s) => /\bBT\b/.test(s))) {
    for (const [block] of content.matchAll(/\bBT\b[\s\S]*?\bET\b/g)) {
      const size = /([\d.]+) Tf/.exec(block);
      const matrix = /(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) -?[\d.]+ -?[\d.]+ Tm/.exec(block);
      if (!size || !matrix) continue;
      sizes.push(Number(size[1]) * Math.hypot(Number(matrix[1]), Number(matrix[2])));
    }
  }
  return sizes;
}

/** The page's MediaBox: its width and height in points. */
function pageSize(pdf: Buffer): number[] {
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  expect(box, 'a MediaBox').not.toBeNull();
  const [x0, y0, x1, y1] = box!.slice(1).map(Number);
  return [x1! - x0!, y1! - y0!];
}

/** What every PDF the workbench writes has: the header and trailer, one page, Inter embedded, no other font. */
function expectEmbeddedInterPdf(bytes: Buffer): void {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  expect(text.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
  expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
  expect(text).toMatch(/\/BaseFont \/Inter\b/);
  // Every font named is an embedded Inter face: no standard (unembedded) PDF font is used.
  expect([...text.matchAll(/\/BaseFont\s*\/([\w-]+)/g)].map((m) => m[1]).filter((name) => name !== 'Inter')).toEqual([]);
}

describe.skipIf(!chromiumPath)('chart PDF export in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/experiments');
  let session: BrowserSession;
  const requested: string[] = [];

  beforeAll(async () => {
    const served = workbench.served();
    session = workbench.session();
    session.page.on('request', (request) => requested.push(request.url()));
    await session.page.getByTestId('run-form').waitFor();
    const { experimentId } = await callApi<{ experimentId: string }>(served, 'experiments.run', { design: 'builtin:sot-mram-pim', network: 'builtin:lenet5' });
    await go(session.page, `#/experiments/${experimentId}`);
    await session.page.locator(`[data-chart="${CHART}"] canvas`).waitFor();
    await session.page.waitForTimeout(300);
  });

  it('exports the chart as shown to a one-page vector PDF with Inter embedded and the chart’s words in it', async () => {
    const { page } = session;
    const svg = await exportAs(page, 'export-svg');
    const pdf = await exportAs(page, 'export-pdf');
    expect(pdf.name).toBe(svg.name.replace(/\.svg$/, '.pdf'));
    expectEmbeddedInterPdf(pdf.bytes);
    const box = await page.locator(`[data-chart="${CHART}"]`).evaluate((el) => [el.clientWidth, el.clientHeight]);
    // The page is the chart's size in print: 96 CSS px to the inch, 72 pt to the inch.
    expect(pageSize(pdf.bytes)).toEqual(box.map((px) => (px * 72) / 96));
    // The words are read back through the embedded font's ToUnicode map, as a reader's search or
    // copy would: the axis name, the layers and the legend, each one a text of the SVG export too
    // (not necessarily all of them: the PDF is laid out in Inter, which may thin crowded labels).
    const words = pageTexts(pdf.bytes);
    const shown = svgTexts(svg.bytes);
    expect(words).toContain('energy per step (mJ)');
    for (const word of ['C1', 'F6', 'conv', 'pool', 'fc']) expect(words).toContain(word);
    expect(words.filter((w) => !shown.includes(w))).toEqual([]);
    // jsPDF, svg2pdf and the font came from the app itself, and jsPDF's optional paths (HTML
    // rendering, canvg, DOMPurify) were not loaded.
    expect(requested.filter((url) => /jspdf/.test(url)).length).toBeGreaterThan(0);
    expect(requested.filter((url) => /html2canvas|purify|canvg|index\.es-/.test(url))).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it('exports a one-column paper figure to a PDF 3.5 in wide', async () => {
    const { page } = session;
    await chooseStyle(page, 1);
    const pdf = await exportAs(page, 'export-pdf');
    await chooseStyle(page, 0);
    expect(pdf.name).toMatch(/-paper-1col\.pdf$/);
    expectEmbeddedInterPdf(pdf.bytes);
    // 336 x 230 CSS px (3.5 x 2.4 in rounded to whole pixels) in points.
    expect(pageSize(pdf.bytes)).toEqual([252, 172.5]);
    // The paper style's 8 pt type, in points on the page: the font size times the text matrix's scale.
    const sizes = textSizes(pdf.bytes);
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((size) => Math.abs(size - 8) > 0.01)).toEqual([]);
    expect(pageTexts(pdf.bytes)).toContain('energy per step (mJ)');
    expect(session.problems).toEqual([]);
  });
});
