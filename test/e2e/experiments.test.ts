/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, paintedPixels, screenshot, useWorkbenchPage, type BrowserSession, type Served } from './harness.ts';

// The Experiments page against the real `pimwb serve`: runs from the form through the worker pool,
// progress and cancel, and a result page with totals, breakdowns, the per-layer chart and the
// assumptions the run used; in the light and the dark theme.
const chromiumPath = inject('chromiumPath');

const CHARTS = ['Breakdown by training phase', 'Breakdown by component', 'Breakdown by operation', 'Energy per layer'];
/** A number, a space, then an SI-prefixed unit, e.g. "197.1 J", "3.592 s", "1925 mm²". */
const WITH_UNIT = (unit: string) => new RegExp(`^-?[\\d.]+(e[-+]?\\d+)? [afpnuµmkMGT]?${unit}$`);

async function chooseRun(page: Page, designs: readonly string[], network: string): Promise<void> {
  const boxes = page.getByTestId('run-form').locator('input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i += 1) {
    const box = boxes.nth(i);
    await box.setChecked(designs.includes((await box.getAttribute('data-design-id')) ?? ''));
  }
  await page.getByTestId('run-network').selectOption(network);
}

async function runAndWait(page: Page, count: number): Promise<void> {
  await page.getByTestId('run').click();
  await page.locator('[data-testid="run-progress"][data-state="finished"]').waitFor();
  expect(await page.getByTestId('run-count').textContent()).toBe(`${count} of ${count}`);
}

async function checkResult(page: Page): Promise<void> {
  await page.getByTestId('experiment-result').waitFor();
  const total = (key: string) => page.locator(`[data-total="${key}"] .value`).textContent();
  expect(await total('energy')).toMatch(WITH_UNIT('J'));
  expect(await total('latency')).toMatch(WITH_UNIT('s'));
  expect(await total('power')).toMatch(WITH_UNIT('W'));
  expect(await total('area')).toMatch(WITH_UNIT('m²'));
  for (const label of CHARTS) await page.locator(`[data-chart="${label}"] canvas`).waitFor();
  await page.waitForTimeout(300);
  for (const label of CHARTS) expect(await paintedPixels(page, label), label).toBeGreaterThan(200);
  expect(await page.getByTestId('assumptions').locator('tbody tr').count()).toBeGreaterThan(0);
}

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('experiments in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/experiments');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('run-form').locator('input[type="checkbox"]').first().waitFor();
  });

  it('says what to do when there are no experiments, and shows form problems next to their fields', async () => {
    const { page } = session;
    await page.getByTestId('no-experiments').waitFor();
    expect(await page.getByTestId('no-experiments').textContent()).toContain('Choose one or more designs');
    await chooseRun(page, [], 'builtin:resnet18');
    await page.getByTestId('run-batch').fill('0');
    await page.getByTestId('run-batch').press('Enter');
    const form = page.getByTestId('run-form');
    await form.getByRole('alert').first().waitFor();
    const alerts = await form.getByRole('alert').allTextContents();
    expect(alerts).toEqual(['Choose at least one design.', 'Must be between 1 and 65536.']);
    expect(await page.getByTestId('run-batch').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('run-progress').count()).toBe(0);
    await page.getByTestId('run-batch').fill('');
    expect(await form.getByRole('alert').allTextContents()).toEqual(['Choose at least one design.']);
    const modes = await page.getByTestId('run-mode-select').locator('option').allTextContents();
    expect(modes).toEqual([expect.stringMatching(/own/), expect.stringMatching(/^ieee/), expect.stringMatching(/^ftz-trunc/)]);
  });

  it('runs SOT-MRAM PIM and FloatPIM on ResNet-18 one after the other, with progress', async () => {
    const { page } = session;
    await chooseRun(page, ['builtin:sot-mram-pim', 'builtin:floatpim'], 'builtin:resnet18');
    expect(await page.getByTestId('run').textContent()).toContain('Run 2 experiments');
    await runAndWait(page, 2);
    const rows = page.getByTestId('run-progress').locator('tbody tr[data-run-status]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-status')))).toEqual(['done', 'done']);
    expect(await rows.first().locator('td').nth(2).textContent()).toMatch(WITH_UNIT('J'));
    expect(await page.getByTestId('recent-experiments').locator('tbody tr').count()).toBe(2);
    await page.waitForTimeout(300);
    await screenshot(page, 'experiments-run');
  });

  it('opens a result with totals in units, every chart drawn, and the assumptions of the run', async () => {
    const { page } = session;
    await page.getByTestId('open-result').first().click();
    await checkResult(page);
    expect(await page.getByTestId('experiment-name').textContent()).toContain('SOT-MRAM PIM');
    expect(await page.getByTestId('result-inputs').textContent()).toContain('ResNet-18');
    expect(await page.getByTestId('assumptions').textContent()).toContain('arithMode');
    await screenshot(page, 'experiment-result');
    await page.getByRole('region', { name: 'Per-layer breakdown' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'experiment-result-layers');
    await page.getByRole('button', { name: 'Latency', exact: true }).click();
    await page.locator('[data-chart="Latency per layer"] canvas').waitFor();
  });

  it('runs again from a result with its inputs in the form', async () => {
    const { page } = session;
    await page.getByTestId('run-again').click();
    await page.getByTestId('run-form').waitFor();
    expect(await page.locator('[data-design-id="builtin:sot-mram-pim"]').isChecked()).toBe(true);
    expect(await page.locator('[data-design-id="builtin:floatpim"]').isChecked()).toBe(false);
    expect(await page.getByTestId('run-network').inputValue()).toBe('builtin:resnet18');
  });

  it('cancels with Esc before the next run and keeps the finished ones', async () => {
    const { page } = session;
    // Slow each run down so Esc lands while the first is under way.
    await page.route('**/api/experiments.run', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await chooseRun(page, ['builtin:sot-mram-pim', 'builtin:floatpim', 'builtin:stt-mram-pim'], 'builtin:lenet5');
    await page.getByTestId('run').click();
    await page.locator('tr[data-run-status="running"]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="run-progress"][data-state="finished"]').waitFor();
    await page.unroute('**/api/experiments.run');
    const statuses = await page.locator('tr[data-run-status]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-status')));
    expect(statuses).toEqual(['done', 'cancelled', 'cancelled']);
    expect(await page.getByTestId('run-progress').locator('h2').textContent()).toBe('Cancelled after 1 of 3');
    expect(session.problems).toEqual([]);
  });

  it('looks finished in the dark theme too', async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/experiments`, 'dark');
    try {
      const { page } = dark;
      await page.getByTestId('recent-experiments').locator('tbody tr').first().waitFor();
      await chooseRun(page, ['builtin:sot-mram-pim', 'builtin:floatpim'], 'builtin:resnet18');
      await page.getByTestId('run-batch').fill('32');
      await page.getByTestId('run-batch').press('Enter');
      await page.locator('[data-testid="run-progress"][data-state="finished"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.getByTestId('recent-experiments').locator('tbody tr').count()).toBe(5);
      await page.waitForTimeout(300);
      await screenshot(page, 'experiments-run-dark');
      await page.getByTestId('open-result').nth(1).click();
      await checkResult(page);
      expect(await page.getByTestId('result-inputs').textContent()).toContain('32 images');
      await screenshot(page, 'experiment-result-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
