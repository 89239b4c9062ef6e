/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { shootBothSizes, openBrowser, paintedPixels, screenshot, SCREENSHOTS, useWorkbenchPage, type BrowserSession, type Served, callInPage } from './harness.ts';

// The Compare page: the paper reproduction in one click, experiments normalised to a baseline,
// and the exports for papers (chart to SVG and PNG, table to LaTeX), in both themes.
const chromiumPath = inject('chromiumPath');

const PAPER_CHART = 'Paper reproduction ratios';
const COMPARE_CHART = 'Experiments normalised to the baseline';


interface Box {
  readonly x: number;
  readonly y: number;
  readonly right: number;
  readonly bottom: number;
  readonly text: string;
}

interface SvgLayout {
  readonly width: number;
  readonly height: number;
  /** Legend swatches, each with whether a decal pattern is drawn over it. */
  readonly swatches: (Box & { patterned: boolean })[];
  readonly legendTexts: Box[];
  /** Every other text: axis labels, bar labels, the axis name. */
  readonly otherTexts: Box[];
}

/**
 * The exported SVG drawn as a browser draws it, on a blank page of its own (the workbench's CSP would
 * refuse the file's inline styles), with the boxes of its legend and its texts in SVG pixels.
 */
async function svgLayout(context: BrowserContext, svg: string, rendered: string): Promise<SvgLayout> {
  const probe = await context.newPage();
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  try {
    await probe.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
    await probe.locator('svg').screenshot({ path: join(SCREENSHOTS, 'exports', rendered) });
    return await probe.evaluate(() => {
      const root = document.querySelector('svg')!;
      const origin = root.getBoundingClientRect();
      const box = (el: Element): Box => {
        const r = el.getBoundingClientRect();
        return { x: r.left - origin.left, y: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top, text: el.textContent?.trim() ?? '' };
      };
      const swatches = Array.from(root.querySelectorAll('path[ecmeta_ssr_type="legend"][ecmeta_silent="true"]')).map((icon) => ({
        ...box(icon),
        patterned: icon.nextElementSibling?.getAttribute('fill')?.startsWith('url(') === true,
      }));
      const texts = Array.from(root.querySelectorAll('text'));
      const legend = texts.filter((t) => t.getAttribute('text-anchor') === 'start');
      return { width: origin.width, height: origin.height, swatches, legendTexts: legend.map(box), otherTexts: texts.filter((t) => !legend.includes(t)).map(box) };
    });
  } finally {
    await probe.close();
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
}

/** Every swatch and legend name inside the figure, and no other text over any of them. */
function expectClearLegend(layout: SvgLayout, series: number): void {
  expect(layout.swatches).toHaveLength(series);
  expect(layout.swatches.every((s) => s.patterned)).toBe(true);
  const legend = [...layout.swatches, ...layout.legendTexts];
  for (const b of legend) {
    expect(b.x, b.text).toBeGreaterThanOrEqual(0);
    expect(b.y, b.text).toBeGreaterThanOrEqual(0);
    expect(b.right, b.text).toBeLessThanOrEqual(layout.width + 0.5);
    expect(b.bottom, b.text).toBeLessThanOrEqual(layout.height + 0.5);
  }
  for (const other of layout.otherTexts) for (const b of legend) expect(overlaps(other, b), `"${other.text}" over the legend's "${b.text}"`).toBe(false);
}

/** Runs a design on a network through the page's own API transport (same origin, same session token). */
async function runExperiment(page: Page, design: string, name: string): Promise<string> {
  return page.evaluate(
    async ({ design, name }) => {
      const token = sessionStorage.getItem('pimwb.sessionToken') ?? '';
      const response = await fetch('/api/experiments.run', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ design, network: 'alexnet', name }),
      });
      const result = (await response.json()) as { ok: boolean; value?: { experimentId: string }; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value!.experimentId;
    },
    { design, name },
  );
}

async function reproducePaper(page: Page): Promise<void> {
  await page.getByTestId('reproduce-paper').click();
  await page.getByTestId('paper-table').waitFor();
  await page.locator(`[data-chart="${PAPER_CHART}"] canvas`).waitFor();
  await page.waitForTimeout(200);
}

async function pickExperiments(page: Page, names: readonly string[], baseline: string): Promise<void> {
  const list = page.getByTestId('compare-experiments');
  for (const name of names) await list.getByRole('checkbox', { name, exact: true }).check();
  await page.getByTestId('baseline-select').selectOption({ label: baseline });
  await page.getByTestId('ratio-table').waitFor();
  await page.waitForTimeout(200);
}

async function openExportMenu(page: Page, chart: string): Promise<void> {
  const frame = page.locator(`.echart-frame:has([data-chart="${chart}"])`);
  await frame.hover();
  await frame.getByTestId('chart-export').click();
  await frame.getByTestId('chart-export-menu').waitFor();
  // Off the plot, so the chart's tooltip does not cover what the screenshots show.
  await frame.getByTestId('export-png-2').hover();
}

/** The file a click downloads; a copy is kept beside the screenshots for a look by eye. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await file.path())!);
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'exports', file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

describe.skipIf(!chromiumPath)('compare in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/compare');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
  });

  it('offers the paper preset when there are no experiments, and reproduces the paper in one click', async () => {
    const { page } = session;
    const empty = page.getByTestId('compare-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('No experiments to compare yet');
    expect(await empty.getByRole('link', { name: 'Open Experiments' }).getAttribute('href')).toBe('#/experiments');
    await screenshot(page, 'compare-empty-light');
    await reproducePaper(page);
    expect(await paintedPixels(page, PAPER_CHART)).toBeGreaterThan(500);
    const table = page.getByTestId('paper-table');
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.locator('tbody').textContent()).toContain('SqueezeNet');
    expect(await table.locator('tfoot').textContent()).toMatch(/Geometric mean.*Published \(Wang et al\.\).*3\.3.*1\.8.*2\.5/s);
    expect(await table.locator('thead').textContent()).toMatch(/Energy.*proposed \(J\).*ratio \(×\).*baseline \(mm²\)/s);
    expect(await page.getByTestId('paper-gaps').textContent()).toContain('claim does not hold');
    expect(await page.getByTestId('paper-basis-note').textContent()).toContain('device physics');
    expect(await page.getByTestId('paper-per-image').textContent()).toMatch(/GTX 1080/);
    const bases = page.getByTestId('paper-bases');
    expect(await bases.locator('tbody tr').count()).toBe(4);
    expect(await bases.textContent()).toMatch(/FloatPIM as published.*Step count/s);
    const takes = page.getByTestId('paper-what-it-takes');
    expect(await takes.locator('tbody tr').count()).toBe(12);
    expect(await takes.textContent()).toMatch(/unreachable/);
    await screenshot(page, 'compare-paper-light');
    await shootBothSizes(page, 'compare-paper-light');
    const assumptions = page.getByTestId('paper-assumptions');
    expect(await assumptions.getAttribute('open')).toBeNull();
    await assumptions.locator('summary').click();
    expect(await assumptions.textContent()).toContain('comparison basis');
    await page.getByTestId('basis-equal-power').click();
    await page.getByRole('heading', { name: 'Paper reproduction, equal-power', level: 3 }).waitFor();
    expect(await page.getByTestId('basis-equal-power').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('basis-floatpim-published').click();
    await page.getByRole('heading', { name: 'Paper reproduction, floatpim-published', level: 3 }).waitFor();
    await page.getByTestId('paper-bases').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-paper-bases-light');
    await page.getByTestId('basis-step-count').click();
    await page.getByRole('heading', { name: 'Paper reproduction, step-count', level: 3 }).waitFor();
    expect(await page.getByTestId('paper-table').locator('thead').textContent()).toMatch(/proposed \(lane-steps\).*proposed \(steps\)/s);
    await page.getByTestId('bases-row-as-modelled').click();
    await page.getByRole('heading', { name: 'Paper reproduction, as-modelled', level: 3 }).waitFor();
    expect(await page.getByTestId('basis-as-modelled').getAttribute('aria-checked')).toBe('true');
  });

  it('compares two experiments with bars normalised to the chosen baseline', async () => {
    const { page } = session;
    await runExperiment(page, 'floatpim', 'FloatPIM / AlexNet');
    await runExperiment(page, 'sot-mram-pim', 'SOT-MRAM PIM / AlexNet');
    await page.getByTestId('compare-experiments').getByRole('checkbox', { name: 'SOT-MRAM PIM / AlexNet', exact: true }).waitFor();
    await pickExperiments(page, ['SOT-MRAM PIM / AlexNet', 'FloatPIM / AlexNet'], 'FloatPIM / AlexNet');
    expect(await paintedPixels(page, COMPARE_CHART)).toBeGreaterThan(500);
    const rows = page.getByTestId('ratio-table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const baselineRow = rows.filter({ hasText: 'FloatPIM / AlexNet (baseline)' });
    expect((await baselineRow.locator('td').allTextContents()).filter((t, i) => i > 0 && i <= 6 && i % 2 === 0)).toEqual(['1', '1', '1']);
    expect(await page.getByTestId('ratio-table').locator('thead').textContent()).toMatch(/value \(m?J\).*÷ baseline \(×\)/s);
    // Each ratio is the experiment's figure over the baseline's, as the table shows them.
    const cells = async (name: string) => (await rows.filter({ hasText: name }).locator('td').allTextContents()).map(Number);
    const [sot, base] = [await cells('SOT-MRAM PIM / AlexNet'), await cells('FloatPIM / AlexNet (baseline)')];
    for (const col of [1, 3, 5]) expect(Math.abs(sot[col + 1]! / (sot[col]! / base[col]!) - 1)).toBeLessThan(0.005);
    await screenshot(page, 'compare-experiments-light');
    await shootBothSizes(page, 'compare-experiments-light');
  });

  it('exports the chart as SVG and PNG 2x and the table as LaTeX', async () => {
    const { page } = session;
    const trigger = page.locator(`.echart-frame:has([data-chart="${COMPARE_CHART}"])`).getByTestId('chart-export');
    // Keyboard: Enter opens the menu on its first item, Escape closes it and gives focus back.
    await trigger.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-png-2');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-png-4');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('chart-export-menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chart-export');

    await openExportMenu(page, COMPARE_CHART);
    await screenshot(page, 'export-menu-light');
    const svg = await download(page, () => page.getByTestId('export-svg').click());
    expect(svg.name).toBe('experiments-normalised.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText.startsWith('<?xml') || svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('SOT-MRAM PIM / AlexNet');
    expect(svgText).toContain('FloatPIM / AlexNet (baseline)');

    const cssWidth = await page.locator(`[data-chart="${COMPARE_CHART}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().width));
    await openExportMenu(page, COMPARE_CHART);
    const png = await download(page, () => page.getByTestId('export-png-2').click());
    expect(png.name).toBe('experiments-normalised@2x.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.readUInt32BE(16)).toBe(2 * cssWidth);
    expect(png.bytes.readUInt32BE(20)).toBe(2 * 300);

    const latex = await download(page, () => page.locator('.figure-table:has([data-testid="ratio-table"])').getByTestId('export-latex').click());
    expect(latex.name).toBe('experiments-normalised-to-floatpim-alexnet.tex');
    const tex = latex.bytes.toString('utf8');
    for (const rule of ['\\toprule', '\\midrule', '\\bottomrule', '\\begin{tabular}', 'SOT-MRAM PIM / AlexNet']) expect(tex).toContain(rule);
    expect(session.problems).toEqual([]);
  });

  it('exports a paper-style figure (1 column, grey-scale) as SVG', async () => {
    const { page } = session;
    await openExportMenu(page, COMPARE_CHART);
    await page.getByTestId('export-style-1').click();
    expect(await page.getByTestId('export-style-1').getAttribute('aria-checked')).toBe('true');
    const svg = await download(page, () => page.getByTestId('export-svg').click());
    expect(svg.name).toBe('experiments-normalised-paper-1col.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<svg width="336" height="230"');
    expect(text).toContain('Times New Roman');
    expect(text).toContain('<pattern');
    await openExportMenu(page, COMPARE_CHART);
    const png = await download(page, () => page.getByTestId('export-png-2').click());
    expect(png.name).toBe('experiments-normalised-paper-1col@2x.png');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([672, 460]);
    // Back to "as shown" for the other tests and screenshots.
    await openExportMenu(page, COMPARE_CHART);
    await page.getByTestId('export-style-0').click();
    await page.keyboard.press('Escape');
  });

  it('lays out one-column paper figures with every hatched swatch inside and no label over the legend', async () => {
    const { page, context } = session;
    // Default names ("design / network") are long; with the larger design as baseline no bar passes
    // 1x on a linear axis, so the baseline's "1×" labels stand right under the legend.
    await callInPage(page, 'experiments.run', { design: 'sot-mram-pim', network: 'alexnet' });
    await callInPage(page, 'experiments.run', { design: 'sot-mram-2t1mtj-pim', network: 'alexnet' });
    const long = ['SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / AlexNet', 'SOT-MRAM PIM (2T1MTJ) / AlexNet'];
    const list = page.getByTestId('compare-experiments');
    await list.getByRole('checkbox', { name: long[1], exact: true }).waitFor();
    const picked = list.getByRole('checkbox', { checked: true });
    while ((await picked.count()) > 0) await picked.first().uncheck();
    await pickExperiments(page, long, long[0]!);
    await openExportMenu(page, COMPARE_CHART);
    await page.getByTestId('export-style-1').click();
    const svg = await download(page, () => page.getByTestId('export-svg').click());
    const layout = await svgLayout(context, svg.bytes.toString('utf8'), 'experiments-normalised-paper-1col-svg-rendered.png');
    expect([layout.width, layout.height]).toEqual([336, 230]);
    expect(layout.otherTexts.map((t) => t.text)).toContain('0.2×');
    expect(layout.otherTexts.filter((t) => t.text === '1×').length).toBeGreaterThanOrEqual(4);
    expectClearLegend(layout, 2);
    // The longer name wraps onto a second line rather than running off the figure.
    expect(layout.legendTexts.map((t) => t.text)).toContain('(baseline)');
    await openExportMenu(page, COMPARE_CHART);
    const png = await download(page, () => page.getByTestId('export-png-2').click());
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([672, 460]);

    await page.getByTestId('paper-preset').click();
    await openExportMenu(page, PAPER_CHART);
    expect(await page.getByTestId('export-style-1').getAttribute('aria-checked')).toBe('true');
    const paper = await download(page, () => page.getByTestId('export-svg').click());
    expect(paper.name).toBe('paper-ratios-as-modelled-paper-1col.svg');
    expectClearLegend(await svgLayout(context, paper.bytes.toString('utf8'), 'paper-ratios-paper-1col-svg-rendered.png'), 6);
    await openExportMenu(page, PAPER_CHART);
    await page.getByTestId('export-style-0').click();
    await page.keyboard.press('Escape');
  });

  it('reproduces the paper with a cloned design as the proposed one and batch 32', async () => {
    const { page } = session;
    const clone = await callInPage<{ id: string; name: string }>(page, 'libraries.clone', { ref: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM clone' });
    await page.getByTestId('paper-preset').click();
    const proposed = page.getByTestId('paper-proposed');
    await proposed.locator(`option[value="${clone.id}"]`).waitFor({ state: 'attached' });
    expect(await proposed.inputValue()).toBe('builtin:sot-mram-pim');
    expect(await page.getByTestId('paper-baseline').inputValue()).toBe('builtin:floatpim');
    await proposed.selectOption(clone.id);
    await page.getByTestId('paper-batch').fill('0');
    await page.getByTestId('paper-batch').dispatchEvent('change');
    expect(await page.getByTestId('paper-inputs').getByRole('alert').textContent()).toMatch(/whole number of images from 1 to 65536/);
    expect(await page.getByTestId('paper-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('paper-stale').textContent()).toContain('press Run');
    await page.getByTestId('paper-batch').fill('32');
    const [request] = await Promise.all([page.waitForRequest('**/api/paper.reproduce'), page.getByTestId('paper-run').click()]);
    expect(JSON.parse(request.postData()!)).toMatchObject({ basis: 'all', proposed: clone.id, baseline: 'builtin:floatpim', batch: 32 });
    const panel = page.getByTestId('paper-panel');
    await panel.getByRole('heading', { name: 'SOT-MRAM PIM clone against FloatPIM', level: 2 }).waitFor();
    expect(await panel.locator('.toolbar').textContent()).toContain('batch 32 images');
    expect(await page.locator('.figure-table:has([data-testid="paper-table"]) .caption').textContent()).toMatch(/One training step \(batch 32\) of SOT-MRAM PIM clone \(proposed\)/);
    expect(await page.getByTestId('paper-stale').count()).toBe(0);
    await page.locator('.detail').evaluate((el) => el.scrollTo(0, 0));
    await shootBothSizes(page, 'compare-paper-clone-light');
    expect(session.problems).toEqual([]);
  });

  it('looks finished in the dark theme too', async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/compare`, 'dark');
    try {
      const { page } = dark;
      await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await reproducePaper(page);
      expect(await paintedPixels(page, PAPER_CHART)).toBeGreaterThan(500);
      await screenshot(page, 'compare-paper-dark');
      await shootBothSizes(page, 'compare-paper-dark');
      await page.getByTestId('compare-experiments').getByRole('checkbox', { name: 'FloatPIM / AlexNet', exact: true }).waitFor();
      await pickExperiments(page, ['FloatPIM / AlexNet', 'SOT-MRAM PIM / AlexNet'], 'FloatPIM / AlexNet');
      expect(await paintedPixels(page, COMPARE_CHART)).toBeGreaterThan(500);
      await screenshot(page, 'compare-experiments-dark');
      await shootBothSizes(page, 'compare-experiments-dark');
      await openExportMenu(page, COMPARE_CHART);
      await screenshot(page, 'export-menu-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
