/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { go, openBrowser, paintedPixels, screenshot, SCREENSHOTS, scrollTo, shootBothSizes, useWorkbenchPage, type BrowserSession, type Served, callInPage } from './harness.ts';

// Which value decides a result, against the real `pimwb serve`: the Sensitivity tab of a ResNet-18
// experiment (tornado, goal seek on a row, Sobol indices, the uncertainty band, cancel, errors in
// words) and the ratio of two designs on Compare; screenshots at both sizes in both themes.
const chromiumPath = inject('chromiumPath');

const TORNADO = 'Sensitivity tornado';
const SOBOL = 'Sobol indices';
/** A number, a space, then an SI-prefixed unit, e.g. "240 J", "1.925 mm²". */
const WITH_UNIT = (unit: string) => new RegExp(`^-?[\\d.]+(e[-+]?\\d+)? [afpnuµmkMGT]?${unit}$`);



async function drawn(page: Page, label: string): Promise<number> {
  await page.locator(`[data-chart="${label}"] canvas`).waitFor();
  await page.waitForTimeout(300);
  return paintedPixels(page, label);
}

/** The file a click downloads, as text; a copy is kept beside the screenshots for a look by eye. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await file.path())!);
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'exports', file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8') };
}

/** A chart exported as a one-column paper figure (SVG), drawn on a page of its own and saved as PNG for a look. */
async function exportPaperSvg(page: Page, context: BrowserContext, chart: string): Promise<{ name: string; text: string }> {
  const frame = page.locator(`.echart-frame:has([data-chart="${chart}"])`);
  await frame.hover();
  await frame.getByTestId('chart-export').click();
  await frame.getByTestId('export-style-1').click();
  const svg = await download(page, () => frame.getByTestId('export-svg').click());
  const probe = await context.newPage();
  try {
    await probe.setContent(`<!doctype html><body style="margin:0">${svg.text.replace(/^<\?xml[^>]*>\s*/, '')}</body>`);
    await probe.locator('svg').screenshot({ path: join(SCREENSHOTS, 'exports', `${svg.name}.png`) });
  } finally {
    await probe.close();
  }
  await frame.getByTestId('chart-export').click();
  await frame.getByTestId('export-style-0').click();
  await page.keyboard.press('Escape');
  return svg;
}

async function runTornado(page: Page): Promise<void> {
  await page.getByTestId('result-view-sensitivity').click();
  await page.getByTestId('run-sensitivity').click();
  await page.locator(`[data-chart="${TORNADO}"] canvas`).waitFor({ timeout: 60_000 });
}

async function runSobol(page: Page, samples: string): Promise<void> {
  await page.getByTestId('sensitivity-tab-sobol').click();
  await page.getByTestId('sobol-samples').fill(samples);
  await page.getByTestId('run-sobol').click();
  await page.locator(`[data-chart="${SOBOL}"] canvas`).waitFor({ timeout: 60_000 });
}

async function runBand(page: Page, samples: string): Promise<void> {
  await page.getByTestId('sensitivity-tab-uncertainty').click();
  await page.getByTestId('uncertainty-samples').fill(samples);
  await page.getByTestId('run-uncertainty').click();
  await page.getByTestId('uncertainty-band').waitFor({ timeout: 60_000 });
}

describe.skipIf(!chromiumPath)('sensitivity in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/experiments');
  let served: Served;
  let session: BrowserSession;
  let sot: string;
  let floatpim: string;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    const { page } = session;
    await page.getByTestId('run-form').waitFor();
    sot = (await callInPage<{ experimentId: string }>(page, 'experiments.run', { design: 'builtin:sot-mram-pim', network: 'builtin:resnet18' })).experimentId;
    floatpim = (await callInPage<{ experimentId: string }>(page, 'experiments.run', { design: 'builtin:floatpim', network: 'builtin:resnet18' })).experimentId;
  });

  it('runs the tornado of a ResNet-18 result: bars drawn, rows ranked, all on request', async () => {
    const { page } = session;
    await go(page, `#/experiments/${sot}`);
    await page.getByTestId('experiment-result').waitFor();
    await page.getByTestId('result-view-sensitivity').click();
    expect(await page.getByTestId('sensitivity-subject').textContent()).toBe('SOT-MRAM PIM on ResNet-18, batch 64');
    await runTornado(page);
    expect(await drawn(page, TORNADO)).toBeGreaterThan(8000);
    expect(await page.getByTestId('sensitivity-baseline').textContent()).toMatch(WITH_UNIT('J'));
    const rows = page.getByTestId('tornado-table').locator('tbody tr');
    expect(await rows.count()).toBe(15);
    // By default a value with a range in its library moves to that range's ends, the others ±10 %.
    const ends = await page.getByTestId('tornado-table').locator('tbody td.ends').allTextContents();
    expect(ends).toContain('range');
    expect(ends).toContain('±10 %');
    await page.getByTestId('sensitivity-ends').selectOption({ label: '±10 % for every value' });
    await page.getByTestId('sensitivity-stale').waitFor();
    await page.getByTestId('run-sensitivity').click();
    await page.getByTestId('sensitivity-stale').waitFor({ state: 'detached' });
    expect(new Set(await page.getByTestId('tornado-table').locator('tbody td.ends').allTextContents())).toEqual(new Set(['±10 %']));
    expect(await rows.first().getAttribute('data-key')).toBe('node.vdd');
    await page.getByTestId('tornado-show-all').click();
    expect(await rows.count()).toBeGreaterThan(15);
    await page.getByTestId('tornado-show-all').click();
    expect(await rows.count()).toBe(15);
    await scrollTo(page, '[data-testid="sensitivity-panel"]');
    await shootBothSizes(page, 'sensitivity-tornado-light');
    await scrollTo(page, '[data-testid="tornado-table"]');
    await screenshot(page, 'sensitivity-tornado-table-light');
  });

  it('seeks the supply voltage that gives a target energy, and says why an impossible target is unreachable', async () => {
    const { page } = session;
    await page.locator('tr[data-key="node.vdd"]').getByTestId('goal-seek').click();
    const dialog = page.getByTestId('goal-seek-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('goal-target').inputValue()).toMatch(/^[\d.]+$/);
    await page.getByTestId('goal-target').fill('200');
    await page.getByTestId('goal-run').click();
    const outcome = page.getByTestId('goal-result');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.textContent()).toMatch(/node\.vdd = 0\.7\d+ V gives 200 J/);
    await screenshot(page, 'sensitivity-goal-seek-light');
    await page.getByTestId('goal-target').fill('1');
    await page.getByTestId('goal-run').click();
    await page.locator('[data-testid="goal-result"].unreachable').waitFor({ timeout: 30_000 });
    expect(await outcome.textContent()).toContain('No value found.');
    expect(await outcome.textContent()).toContain('unreachable within');
    await page.getByTestId('goal-target').fill('-3');
    await page.getByTestId('goal-run').click();
    expect(await dialog.getByRole('alert').first().textContent()).toBe('Must be more than 0.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows a wrong setting in words next to it and runs nothing', async () => {
    const { page } = session;
    await page.getByTestId('sensitivity-percent').fill('150');
    await page.getByTestId('run-sensitivity').click();
    expect(await page.getByTestId('sensitivity-panel').getByRole('alert').first().textContent()).toBe('Percent: Must be less than 100.');
    expect(await page.getByTestId('study-progress').count()).toBe(0);
    await page.getByTestId('sensitivity-percent').fill('10');
    // A refusal from the services reads as its message and the field it names.
    await page.route('**/api/analysis.sensitivity', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'network "gone" not found', issues: [{ path: 'network', message: 'no such network' }] } }) }),
    );
    await page.getByTestId('run-sensitivity').click();
    expect(await page.getByTestId('sensitivity-error').textContent()).toBe('Cannot run the sensitivity study: network "gone" not found (network: no such network)');
    await page.unroute('**/api/analysis.sensitivity');
    await page.getByTestId('run-sensitivity').click();
    await page.getByTestId('sensitivity-error').waitFor({ state: 'detached' });
  });

  it('runs Sobol with 64 samples: first and total indices with their intervals, and the ranges used', async () => {
    const { page } = session;
    await runSobol(page, '64');
    expect(await drawn(page, SOBOL)).toBeGreaterThan(5000);
    expect(await page.getByTestId('sobol-ranges').textContent()).toContain('within ±10 % of the value, where the library gives no range');
    expect(await page.getByTestId('sobol-table').locator('tbody tr').count()).toBe(15);
    await scrollTo(page, '[data-testid="sensitivity-panel"]');
    await shootBothSizes(page, 'sensitivity-sobol-light');
  });

  it('exports the tornado and the Sobol bars as paper figures and the rows as CSV', async () => {
    const { page, context } = session;
    const sobol = await exportPaperSvg(page, context, SOBOL);
    expect(sobol.name).toBe('sobol-energy-sot-mram-pim-paper-1col.svg');
    expect(sobol.text).toContain('node.vdd');
    await page.getByTestId('sensitivity-tab-tornado').click();
    const tornado = await exportPaperSvg(page, context, TORNADO);
    expect(tornado.name).toBe('tornado-energy-sot-mram-pim-paper-1col.svg');
    expect(tornado.text).toContain('baseline 240 J');
    const csv = await download(page, () => page.getByTestId('tornado-pane').getByTestId('export-csv').click());
    expect(csv.text.split('\r\n')[0]).toBe('Rank,Key,Library,Unit,"Value, value","Value, low","Value, high",Ends,"Energy, at low (J)","Energy, at high (J)",Elasticity,Note');
    expect(csv.text.split('\r\n')[1]).toMatch(/^1,node\.vdd,28 nm node,V,0\.9/);
    await page.getByTestId('sensitivity-tab-sobol').click();
  });

  it('runs the uncertainty band with 200 samples: P5, P50 and P95 next to the baseline', async () => {
    const { page } = session;
    await runBand(page, '200');
    for (const mark of ['p5', 'p50', 'p95', 'baseline']) expect(await page.getByTestId(`band-${mark}`).textContent()).toMatch(WITH_UNIT('J'));
    const [p5, p95] = await Promise.all(['p5', 'p95'].map(async (m) => Number.parseFloat((await page.getByTestId(`band-${m}`).textContent())!)));
    expect(p5).toBeLessThan(p95!);
    await scrollTo(page, '[data-testid="sensitivity-panel"]');
    await shootBothSizes(page, 'sensitivity-band-light');
  });

  it('cancels a study: the progress goes, the answer shown before stays', async () => {
    const { page } = session;
    await page.getByTestId('sensitivity-tab-sobol').click();
    await page.getByTestId('sobol-samples').fill('512');
    await page.getByTestId('run-sobol').click();
    await page.getByTestId('study-progress').waitFor();
    await page.getByTestId('study-cancel').click();
    expect(await page.getByTestId('study-progress').count()).toBe(0);
    expect(await page.getByTestId('sobol-pane').textContent()).toContain('over 64 samples');
    // Back on the tornado, the study of this experiment is as it was left.
    await page.getByTestId('sensitivity-tab-tornado').click();
    expect(await page.getByTestId('tornado-table').locator('tbody tr').count()).toBe(15);
    expect(session.problems).toEqual([]);
  });

  it('studies the ratio of two designs on Compare', async () => {
    const { page } = session;
    await go(page, `#/compare?ids=${sot},${floatpim}&baseline=${floatpim}`);
    const panel = page.getByTestId('compare-sensitivity');
    await panel.waitFor();
    expect(await panel.getByTestId('sensitivity-subject').textContent()).toBe('SOT-MRAM PIM ÷ FloatPIM on ResNet-18, batch 64');
    await panel.getByTestId('run-sensitivity').click();
    await page.locator(`[data-chart="${TORNADO}"] canvas`).waitFor({ timeout: 60_000 });
    expect(await drawn(page, TORNADO)).toBeGreaterThan(8000);
    expect(await panel.getByTestId('sensitivity-baseline').textContent()).toMatch(/^[\d.]+×$/);
    // FloatPIM's values are in the ratio too; goal seek moves the first design's only.
    const libraries = await panel.getByTestId('tornado-table').locator('tbody td.library').allTextContents();
    expect(libraries.some((l) => l.includes('ReRAM'))).toBe(true);
    await scrollTo(page, '[data-testid="compare-sensitivity"]');
    await shootBothSizes(page, 'sensitivity-compare-light');
    // The paper reproduction studies its two designs on one of its networks.
    await page.getByTestId('reproduce-paper').click();
    await page.getByTestId('paper-panel').waitFor();
    await panel.getByTestId('sensitivity-network').waitFor({ timeout: 60_000 });
    expect(await panel.getByTestId('sensitivity-subject').textContent()).toBe('SOT-MRAM PIM ÷ FloatPIM on AlexNet, batch 64');
    await panel.getByTestId('sensitivity-network').selectOption('VGG-16');
    await panel.getByTestId('run-sensitivity').click();
    await panel.getByTestId('sensitivity-baseline').waitFor({ timeout: 60_000 });
    expect(await panel.textContent()).toContain('on VGG-16');
    expect(session.problems).toEqual([]);
  });

  it('looks finished in the dark theme too', { timeout: 180_000 }, async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/experiments/${sot}`, 'dark');
    try {
      const { page } = dark;
      await page.getByTestId('experiment-result').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await runTornado(page);
      expect(await drawn(page, TORNADO)).toBeGreaterThan(8000);
      await scrollTo(page, '[data-testid="sensitivity-panel"]');
      await shootBothSizes(page, 'sensitivity-tornado-dark');
      await runSobol(page, '64');
      expect(await drawn(page, SOBOL)).toBeGreaterThan(5000);
      await scrollTo(page, '[data-testid="sensitivity-panel"]');
      await shootBothSizes(page, 'sensitivity-sobol-dark');
      await runBand(page, '200');
      await scrollTo(page, '[data-testid="sensitivity-panel"]');
      await shootBothSizes(page, 'sensitivity-band-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
