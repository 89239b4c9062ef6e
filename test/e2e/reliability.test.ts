/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { go, openBrowser, paintedPixels, screenshot, SCREENSHOTS, scrollTo, shootBothSizes, useWorkbenchPage, type BrowserSession, type Served, callApi } from './harness.ts';

// Lifetime and device-variation errors against the real `pimwb serve`: a FloatPIM run on LeNet-5
// shows its lifetime (days, the hottest rows, endurance in write cycles) and its expected wrong
// results per step, operation and primitive; Compare puts lifetimes beside the ratios; a sweep
// offers lifetime as a metric. Screenshots at both sizes, light and dark.
const chromiumPath = inject('chromiumPath');

interface Lifetime {
  hottest: 'scratch' | 'operands' | 'weights';
  endurance: number | null;
  days: number | null;
}

interface Reliability {
  perOp: unknown[];
  primitives: Record<string, unknown>;
}

/** "964.5 days", "1,235 days", "32 M days", "8.13e-4 days". */
const DAYS = /^[\d,.]+(e-\d+)?( [kMGT])? days?$/;
/** How the page writes a probability: 0, "3.2e-9", or up to 3 significant digits. */
const PROBABILITY = /^(0|1|0\.\d+|\d(\.\d+)?e-\d+)$/;



/** True when no cell of the card is wider than the card: nothing spills out sideways. */
async function fitsInside(page: Page, testid: string): Promise<boolean> {
  return page.getByTestId(testid).evaluate((card) => {
    const edge = card.getBoundingClientRect().right + 1;
    return Array.from(card.querySelectorAll('*')).every((el) => el.getBoundingClientRect().right <= edge || el.closest('.scroll') !== null);
  });
}

async function openResult(page: Page, id: string): Promise<void> {
  await go(page, `#/experiments/${id}`);
  await page.getByTestId('experiment-result').waitFor();
  await page.getByTestId('lifetime-card').waitFor();
}

describe.skipIf(!chromiumPath)('lifetime and reliability in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/experiments');
  let served: Served;
  let session: BrowserSession;
  let floatpim: string;
  let sot: string;
  let results: { lifetime?: Lifetime; reliability?: Reliability };
  let sweepId = '';

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('run-form').waitFor();
    floatpim = (await callApi<{ experimentId: string }>(served, 'experiments.run', { design: 'builtin:floatpim', network: 'builtin:lenet5' })).experimentId;
    sot = (await callApi<{ experimentId: string }>(served, 'experiments.run', { design: 'builtin:sot-mram-pim', network: 'builtin:lenet5' })).experimentId;
    results = (await callApi<{ results: typeof results }>(served, 'experiments.get', { ref: floatpim })).results;
  });

  it('shows the lifetime of a FloatPIM run: days, the hottest rows, endurance in write cycles', async () => {
    const { page } = session;
    const life = results.lifetime!;
    expect(life, 'the run returns a lifetime').toBeDefined();
    // FloatPIM's ReRAM cell gives an endurance, so there is a lifetime in days.
    expect(life.endurance).not.toBeNull();
    await openResult(page, floatpim);
    const figure = (key: string) => page.locator(`[data-lifetime="${key}"] .value`).textContent();
    expect(await figure('days')).toMatch(DAYS);
    expect(await figure('endurance')).toMatch(/ write cycles$/);
    expect(await figure('steps')).toMatch(/ steps$/);
    const hottest = page.getByTestId('lifetime-classes').locator('tr.hottest');
    expect(await hottest.count()).toBe(1);
    expect(await hottest.getAttribute('data-class')).toBe(life.hottest);
    expect(await hottest.getByTestId('lifetime-hottest').textContent()).toBe('hottest');
    expect(await page.locator('[data-lifetime="writes"] .detail').textContent()).toContain(`${life.hottest === 'operands' ? 'operand' : life.hottest === 'weights' ? 'weight' : 'scratch'} rows`);
    expect(await page.getByTestId('lifetime-levelling').textContent()).toMatch(/^rotate: .*× fewer writes/);
    expect(await page.getByTestId('lifetime-card').locator('.assumptions li').count()).toBe(4);
    expect(await fitsInside(page, 'lifetime-card')).toBe(true);
    await scrollTo(page, '[data-testid="lifetime-card"]');
    await shootBothSizes(page, 'lifetime-card-light');
    expect(session.problems).toEqual([]);
  });

  it('shows the errors from device variation per step, per operation and per primitive', async () => {
    const { page } = session;
    const figures = results.reliability!;
    expect(figures, 'the run returns its reliability').toBeDefined();
    await openResult(page, floatpim);
    const perOp = page.getByTestId('reliability-per-op').locator('tbody tr');
    expect(await perOp.count()).toBe(figures.perOp.length);
    expect(figures.perOp.length).toBeGreaterThan(0);
    for (const row of await perOp.all()) {
      const cells = await row.locator('td').allTextContents();
      expect(cells[1]).toMatch(/^(multiply|add)$/);
      for (const p of cells.slice(3)) expect(p).toMatch(PROBABILITY);
    }
    expect(await page.getByTestId('reliability-per-step').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('reliability-primitives').locator('tbody tr').count()).toBe(Object.keys(figures.primitives).length);
    const csv = await download(page, () => page.locator('section[aria-label="Per operation"]').getByTestId('export-csv').click());
    expect(csv.text.split('\r\n')[0]).toBe('Format,Operation,Expected flips (per op),P(wrong),P(catastrophic)');
    expect(await fitsInside(page, 'reliability-card')).toBe(true);
    await scrollTo(page, '[data-testid="reliability-card"]');
    await shootBothSizes(page, 'reliability-card-light');
    expect(session.problems).toEqual([]);
  });

  it('puts each run\'s lifetime in days beside the ratios on Compare', async () => {
    const { page } = session;
    await go(page, `#/compare?ids=${sot},${floatpim}&baseline=${floatpim}`);
    const table = page.getByTestId('ratio-table');
    await table.waitFor();
    expect(await table.locator('thead').textContent()).toMatch(/Lifetime \(higher is better\).*value \(days\).*÷ baseline \(×\)/s);
    const baseline = table.locator('tbody tr').filter({ hasText: '(baseline)' });
    await expect.poll(async () => (await baseline.locator('td').allTextContents()).slice(-2)).toEqual([expect.stringMatching(/^[\d.]+(e[+-]\d+)?$/), '1']);
    const other = await table.locator('tbody tr').filter({ hasNotText: '(baseline)' }).locator('td').allTextContents();
    expect(other.at(-2)).toMatch(/^([\d.]+|no endurance given)$/);
    await scrollTo(page, '[data-testid="ratio-table"]');
    await shootBothSizes(page, 'lifetime-compare-light');
    expect(session.problems).toEqual([]);
  });

  it('offers lifetime as a sweep metric, the longest lifetime as the best point', async () => {
    const { page } = session;
    const axes = [
      { key: 'rows', from: 256, to: 1024, steps: 3, scale: 'log' },
      { key: 'cols', from: 256, to: 1024, steps: 3, scale: 'log' },
    ];
    const run = await callApi<{ sweepId: string }>(served, 'sweeps.run', { jobId: 'e2e-lifetime', design: 'builtin:floatpim', network: 'builtin:lenet5', axes, returnPoints: false });
    sweepId = run.sweepId;
    await go(page, `#/sweeps/${sweepId}`);
    await page.locator(`[data-drawn="${sweepId}"]`).waitFor({ timeout: 30_000 });
    await page.getByTestId('metric-lifetime').click();
    expect(await page.getByTestId('metric-heading').textContent()).toMatch(/^Lifetime \(days(, log colour)?\)$/);
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    const best = page.getByTestId('best-lifetime');
    expect(await best.locator('.label').textContent()).toBe('Longest lifetime');
    expect(await best.locator('.value').textContent()).toMatch(/^[\d.]+(e-\d+)? days$/);
    await best.click();
    expect(await page.getByTestId('point-figures').locator('[data-metric="lifetime"] dd').textContent()).toMatch(/^[\d.]+(e-\d+)? days$/);
    expect(await page.getByTestId('front-table').locator('thead').textContent()).toContain('Lifetime');
    await shootBothSizes(page, 'lifetime-sweep-light');
    expect(session.problems).toEqual([]);
  });

  it('reads well in the dark theme too', async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/experiments/${floatpim}`, 'dark');
    try {
      const { page } = dark;
      await page.getByTestId('lifetime-card').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await scrollTo(page, '[data-testid="lifetime-card"]');
      await screenshot(page, 'lifetime-card-dark');
      await scrollTo(page, '[data-testid="reliability-card"]');
      await screenshot(page, 'reliability-card-dark');
      await go(page, `#/sweeps/${sweepId}`);
      await page.locator(`[data-drawn="${sweepId}"]`).waitFor({ timeout: 30_000 });
      await page.getByTestId('metric-lifetime').click();
      await page.waitForTimeout(300);
      await screenshot(page, 'lifetime-sweep-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});

/** The file a click downloads, as text; a copy is kept beside the screenshots for a look by eye. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await file.path())!);
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'exports', file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8') };
}
