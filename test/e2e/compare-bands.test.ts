/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, paintedPixels, SCREENSHOTS, screenshot, shootBothSizes, useWorkbenchPage, type BrowserSession, type Served, callInPage } from './harness.ts';

// Compare's error bars from the uncertainty study: on the paper reproduction's geometric means (with
// which published claims the band holds, per basis) and on picked experiments' ratios to the baseline.
const chromiumPath = inject('chromiumPath');

const PAPER_CHART = 'Paper reproduction ratios';
const COMPARE_CHART = 'Experiments normalised to the baseline';
/** The error bars' halo is the card's colour, which nothing else on these charts paints. */
const HALO = { light: [0xff, 0xff, 0xff], dark: [0x1b, 0x20, 0x29] } as const;

/** Opaque canvas pixels of exactly this colour in the chart with this label. */
async function pixelsOf(page: Page, chartLabel: string, rgb: readonly number[]): Promise<number> {
  return page.evaluate(
    ({ label, rgb }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${label}"] canvas`);
      const data = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      if (!data) return -1;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2] && data[i + 3] === 255) n += 1;
      return n;
    },
    { label: chartLabel, rgb },
  );
}

async function reproducePaper(page: Page): Promise<void> {
  await page.getByTestId('reproduce-paper').click();
  await page.getByTestId('paper-table').waitFor();
  await page.locator(`[data-chart="${PAPER_CHART}"] canvas`).waitFor();
  await page.waitForTimeout(200);
}

async function runPaperBand(page: Page, samples: string): Promise<void> {
  await page.getByTestId('paper-band-samples').fill(samples);
  const [response] = await Promise.all([page.waitForResponse('**/api/analysis.paperBands'), page.getByTestId('paper-band-run').click()]);
  expect(response.ok()).toBe(true);
  await page.getByTestId('paper-claims').waitFor();
  await page.waitForTimeout(200);
}

async function pickExperiments(page: Page, names: readonly string[], baseline: string): Promise<void> {
  const list = page.getByTestId('compare-experiments');
  for (const name of names) await list.getByRole('checkbox', { name, exact: true }).check();
  await page.getByTestId('baseline-select').selectOption({ label: baseline });
  await page.getByTestId('ratio-table').waitFor();
  await page.waitForTimeout(200);
}

async function cellNumbers(page: Page, testid: string, row: string): Promise<number[]> {
  return (await page.getByTestId(testid).locator('tbody tr').filter({ hasText: row }).locator('td').allTextContents()).slice(1).map(Number);
}

/** Runs the experiments band with few samples and waits for its table. */
async function runExperimentBands(page: Page, samples: string): Promise<string[]> {
  await page.getByTestId('experiments-band-samples').fill(samples);
  const bodies: string[] = [];
  const listen = (request: { url(): string; postData(): string | null }): void => {
    if (request.url().endsWith('/api/analysis.uncertainty')) bodies.push(request.postData() ?? '');
  };
  page.on('request', listen);
  await page.getByTestId('experiments-band-run').click();
  await page.getByTestId('band-table').waitFor();
  await page.getByTestId('study-progress').waitFor({ state: 'detached' });
  page.off('request', listen);
  await page.waitForTimeout(200);
  return bodies;
}

describe.skipIf(!chromiumPath)('uncertainty bands on Compare', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/compare');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
  });

  it('draws the band of the geometric means and says which published claims fall inside it, per basis', async () => {
    const { page } = session;
    await reproducePaper(page);
    expect(await pixelsOf(page, PAPER_CHART, HALO.light)).toBe(0);
    const before = await paintedPixels(page, PAPER_CHART);
    const [request] = await Promise.all([page.waitForRequest('**/api/analysis.paperBands'), runPaperBand(page, '40')]);
    expect(JSON.parse(request.postData()!)).toMatchObject({ proposed: 'builtin:sot-mram-pim', baseline: 'builtin:floatpim', basis: 'as-modelled', samples: 40, seed: 1 });
    // As modelled today no claim holds: every one lies outside the band.
    const claims = page.getByTestId('paper-claims');
    expect(await claims.textContent()).toMatch(/No published claim falls inside the band: energy, latency and area all fall outside it\..*draws of \d+ values at once \(\d+ of them within an assumed ±10 %.*Seed 1\./s);
    const table = page.getByTestId('paper-claims-table');
    expect(await table.locator('tbody tr').count()).toBe(3);
    for (const metric of ['Energy', 'Latency', 'Area']) expect(await table.locator('tbody tr').filter({ hasText: metric }).textContent()).toContain('outside the band');
    expect(await table.locator('thead').textContent()).toMatch(/modelled \(×\).*P5 \(×\).*P95 \(×\).*published \(×\)/s);
    const [energy] = [await cellNumbers(page, 'paper-claims-table', 'Energy')];
    expect(energy[0]).toBeGreaterThan(0);
    expect(energy[1]!).toBeLessThan(energy[2]!);
    expect(energy[3]).toBe(3.3);
    // The modelled ratio is the chart's geometric mean, as the paper table's footer has it.
    const mean = (await page.getByTestId('paper-table').locator('tfoot tr').first().locator('td').allTextContents()).map(Number);
    expect(Math.abs(energy[0]! / mean[2]! - 1)).toBeLessThan(0.005);
    expect(await page.getByTestId('paper-band-off').count()).toBe(0);
    // The error bars are painted, with their halo.
    expect(await pixelsOf(page, PAPER_CHART, HALO.light)).toBeGreaterThan(20);
    expect(await paintedPixels(page, PAPER_CHART)).toBeGreaterThan(before);
    await page.getByTestId('paper-band').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-bands-paper-light');
    await page.locator('.detail').evaluate((el) => el.scrollTo(0, 0));
    await page.locator('.detail').evaluate((el) => el.scrollBy(0, 330));
    await shootBothSizes(page, 'compare-bands-paper-light');

    // Another basis has no band until asked for: the text says whose band there is.
    await page.getByTestId('basis-equal-power').click();
    await page.getByRole('heading', { name: 'Paper reproduction, equal-power', level: 3 }).waitFor();
    expect(await page.getByTestId('paper-band-basis').textContent()).toMatch(/belongs to the basis it was drawn on: there is one on the as modelled basis, none yet on the equal power basis/);
    expect(await page.getByTestId('paper-claims').count()).toBe(0);
    expect(await page.getByTestId('paper-claims-table').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await pixelsOf(page, PAPER_CHART, HALO.light)).toBe(0);
    await runPaperBand(page, '40');
    expect(await page.locator('.figure-table:has([data-testid="paper-claims-table"]) .caption').textContent()).toContain('basis equal-power');
    expect(await page.getByTestId('paper-band-basis').count()).toBe(0);
    // Back to the first basis: its own band again.
    await page.getByTestId('basis-as-modelled').click();
    await page.getByRole('heading', { name: 'Paper reproduction, as-modelled', level: 3 }).waitFor();
    expect(await page.getByTestId('paper-claims').textContent()).toContain('No published claim falls inside the band');

    // Hide and show the error bars.
    await page.getByTestId('paper-band-toggle').click();
    await page.waitForTimeout(200);
    expect(await pixelsOf(page, PAPER_CHART, HALO.light)).toBe(0);
    expect(await page.getByTestId('paper-claims-table').count()).toBe(0);
    await page.getByTestId('paper-band-toggle').click();
    await page.getByTestId('paper-claims-table').waitFor();
    expect(session.problems).toEqual([]);
  });

  it('drops the answer of a band run cancelled', async () => {
    const { page } = session;
    await page.getByTestId('basis-step-count').click();
    await page.getByRole('heading', { name: 'Paper reproduction, step-count', level: 3 }).waitFor();
    await page.getByTestId('paper-band-samples').fill('1000');
    const answered = page.waitForResponse('**/api/analysis.paperBands', { timeout: 60_000 });
    await page.getByTestId('paper-band-run').click();
    const progress = page.getByTestId('paper-band').getByTestId('study-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toContain('Sampling the step count basis…');
    await progress.getByTestId('study-cancel').click();
    await progress.waitFor({ state: 'detached' });
    await answered;
    await page.waitForTimeout(300);
    expect(await page.getByTestId('paper-claims').count()).toBe(0);
    expect(await page.getByTestId('paper-band-basis').textContent()).toContain('none yet on the step count basis');
    await page.getByTestId('basis-as-modelled').click();
    expect(session.problems).toEqual([]);
  });

  it('exports the paper chart with its error bars', async () => {
    const { page } = session;
    const frame = page.locator(`.echart-frame:has([data-chart="${PAPER_CHART}"])`);
    await frame.hover();
    await frame.getByTestId('chart-export').click();
    await page.getByTestId('export-style-1').click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svg = readFileSync((await file.path())!, 'utf8');
    expect(file.suggestedFilename()).toBe('paper-ratios-as-modelled-paper-1col.svg');
    expect(svg).toContain('P5–P95');
    mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'exports', 'paper-ratios-bands-paper-1col.svg'), svg);
    // A look by eye: the figure as a browser draws it.
    const probe = await session.context.newPage();
    try {
      await probe.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
      await probe.locator('svg').screenshot({ path: join(SCREENSHOTS, 'exports', 'paper-ratios-bands-paper-1col-rendered.png') });
    } finally {
      await probe.close();
    }
    await frame.hover();
    await frame.getByTestId('chart-export').click();
    await page.getByTestId('export-style-0').click();
    await page.keyboard.press('Escape');
    expect(session.problems).toEqual([]);
  });

  it('draws bands on picked experiments that share the baseline’s network, inverted with the ratio, and says why not for the others', async () => {
    const { page } = session;
    await callInPage(page, 'experiments.run', { design: 'floatpim', network: 'alexnet', name: 'FloatPIM / AlexNet' });
    await callInPage(page, 'experiments.run', { design: 'sot-mram-pim', network: 'alexnet', name: 'SOT-MRAM PIM / AlexNet' });
    await callInPage(page, 'experiments.run', { design: 'sot-mram-pim', network: 'vgg16', name: 'SOT-MRAM PIM / VGG-16' });
    await page.getByTestId('compare-experiments').getByRole('checkbox', { name: 'SOT-MRAM PIM / VGG-16', exact: true }).waitFor();
    await pickExperiments(page, ['FloatPIM / AlexNet', 'SOT-MRAM PIM / AlexNet', 'SOT-MRAM PIM / VGG-16'], 'FloatPIM / AlexNet');
    expect(await page.getByTestId('experiments-no-band').textContent()).toMatch(/No band for SOT-MRAM PIM \/ VGG-16: it ran VGG-16, the baseline AlexNet: a band needs both designs on one network\./);
    expect(await pixelsOf(page, COMPARE_CHART, HALO.light)).toBe(0);
    const bodies = await runExperimentBands(page, '40');
    expect(bodies.map((b) => JSON.parse(b) as { metric: string }).map((b) => b.metric).sort()).toEqual(['area', 'energy', 'latency']);
    for (const b of bodies) expect(JSON.parse(b)).toMatchObject({ design: 'builtin:sot-mram-pim', vs: 'builtin:floatpim', network: 'builtin:alexnet', samples: 40, seed: 1 });
    const bandRows = page.getByTestId('band-table').locator('tbody tr');
    expect(await bandRows.count()).toBe(1);
    expect(await bandRows.first().textContent()).toContain('SOT-MRAM PIM / AlexNet');
    expect(await page.getByTestId('band-table').locator('thead').textContent()).toMatch(/Energy.*P5 \(×\).*P95 \(×\)/s);
    const normal = await cellNumbers(page, 'band-table', 'SOT-MRAM PIM / AlexNet');
    for (const c of [0, 2, 4]) expect(normal[c]!).toBeLessThan(normal[c + 1]!);
    expect(await page.getByTestId('experiments-band-drawn').textContent()).toMatch(/SOT-MRAM PIM \/ AlexNet: \d+ draws \(seed 1/);
    expect(await pixelsOf(page, COMPARE_CHART, HALO.light)).toBeGreaterThan(20);
    // The normalised table is kept as it was.
    expect(await page.getByTestId('ratio-table').locator('tbody tr').count()).toBe(3);
    await page.getByTestId('experiments-band').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-bands-experiments-light');
    await page.locator('.detail').evaluate((el) => el.scrollTo(0, 0));
    await page.locator('.detail').evaluate((el) => el.scrollBy(0, 150));
    await shootBothSizes(page, 'compare-bands-experiments-light');

    await page.getByTestId('band-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'compare-bands-experiments-table-light');
    // The tooltip names the band of each bar that has one.
    const chart = page.locator(`[data-chart="${COMPARE_CHART}"]`);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForTimeout(300);
    await screenshot(page, 'compare-bands-tooltip-light');
    await page.mouse.move(0, 0);

    // Baseline ÷ value inverts the band: its ends swap.
    await page.getByTestId('mode-improvement').click();
    await page.waitForTimeout(200);
    const inverted = await cellNumbers(page, 'band-table', 'SOT-MRAM PIM / AlexNet');
    for (const c of [0, 2, 4]) {
      expect(Math.abs(inverted[c]! * normal[c + 1]! - 1)).toBeLessThan(0.01);
      expect(Math.abs(inverted[c + 1]! * normal[c]! - 1)).toBeLessThan(0.01);
    }
    expect(await pixelsOf(page, COMPARE_CHART, HALO.light)).toBeGreaterThan(20);
    await shootBothSizes(page, 'compare-bands-experiments-improvement-light');
    await page.getByTestId('mode-normalised').click();

    // Hidden: no error bars and no band table; the answers are kept.
    await page.getByTestId('experiments-band-toggle').click();
    await page.waitForTimeout(200);
    expect(await page.getByTestId('band-table').count()).toBe(0);
    expect(await pixelsOf(page, COMPARE_CHART, HALO.light)).toBe(0);
    await page.getByTestId('experiments-band-toggle').click();
    await page.getByTestId('band-table').waitFor();
    expect(session.problems).toEqual([]);
  });

  it('looks finished in the dark theme too', async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/compare`, 'dark');
    try {
      const { page } = dark;
      await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
      await reproducePaper(page);
      await runPaperBand(page, '40');
      expect(await pixelsOf(page, PAPER_CHART, HALO.dark)).toBeGreaterThan(20);
      await page.locator('.detail').evaluate((el) => el.scrollBy(0, 330));
      await shootBothSizes(page, 'compare-bands-paper-dark');
      await page.getByTestId('compare-experiments').getByRole('checkbox', { name: 'FloatPIM / AlexNet', exact: true }).waitFor();
      await pickExperiments(page, ['FloatPIM / AlexNet', 'SOT-MRAM PIM / AlexNet', 'SOT-MRAM PIM / VGG-16'], 'FloatPIM / AlexNet');
      await runExperimentBands(page, '40');
      expect(await pixelsOf(page, COMPARE_CHART, HALO.dark)).toBeGreaterThan(20);
      await page.locator('.detail').evaluate((el) => el.scrollBy(0, 150));
      await shootBothSizes(page, 'compare-bands-experiments-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
