/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { shootBothSizes, openBrowser, paintedPixels, screenshot, SCREENSHOTS, useWorkbenchPage, type BrowserSession, type Served } from './harness.ts';

// The Experiments page against the real `pimwb serve`: runs from the form through the worker pool,
// progress and cancel, and a result page with totals, breakdowns, the per-layer chart and the
// assumptions the run used; in the light and the dark theme.
const chromiumPath = inject('chromiumPath');

const CHARTS = ['Breakdown by training phase', 'Breakdown by component', 'Breakdown by operation', 'Energy per layer'];
/** A number, a space, then an SI-prefixed unit, e.g. "197.1 J", "3.592 s", "1925 mm²". */
const WITH_UNIT = (unit: string) => new RegExp(`^-?[\\d.]+(e[-+]?\\d+)? [afpnuµmkMGT]?${unit}$`);


/** Scrolls the result pane (not the page frame around it) to put this region at its top. */
async function scrollResultTo(page: Page, region: string): Promise<void> {
  await page.locator('.result-pane').evaluate((pane, name) => {
    const target = pane.querySelector(`[aria-label="${name}"]`);
    if (target) pane.scrollTo({ top: target.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop - 8 });
  }, region);
  await page.waitForTimeout(150);
}

/** The file a click downloads, as text; a copy is kept beside the screenshots for a look by eye. */
async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await file.path())!);
  mkdirSync(join(SCREENSHOTS, 'exports'), { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'exports', file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8') };
}

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
    await shootBothSizes(page, 'experiments-form-light');
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
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(WITH_UNIT('J'));
    expect(await page.getByTestId('recent-experiments').locator('tbody tr').count()).toBe(2);
    await page.waitForTimeout(300);
    await screenshot(page, 'experiments-run');
    // At the smallest window the card and its links fit beside the form, with nothing cut off.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.waitForTimeout(250);
    for (const link of await page.getByTestId('open-result').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1024 - 16);
    }
    for (const card of ['run-progress', 'recent-experiments']) {
      expect(await page.getByTestId(card).evaluate((el) => el.scrollWidth <= el.clientWidth + 1), card).toBe(true);
    }
    await shootBothSizes(page, 'experiments-progress-light');
  });

  it('opens a result with totals in units, every chart drawn, and the assumptions of the run', async () => {
    const { page } = session;
    await page.getByTestId('open-result').first().click();
    await checkResult(page);
    expect(await page.getByTestId('experiment-name').textContent()).toContain('SOT-MRAM PIM');
    expect(await page.getByTestId('result-inputs').textContent()).toContain('ResNet-18');
    expect(await page.getByTestId('assumptions').textContent()).toContain('arithMode');
    await screenshot(page, 'experiment-result');
    await shootBothSizes(page, 'experiment-result-light');
    await scrollResultTo(page, 'Per-layer breakdown');
    await screenshot(page, 'experiment-result-layers');
    await page.getByRole('button', { name: 'Latency', exact: true }).click();
    await page.locator('[data-chart="Latency per layer"] canvas').waitFor();
  });

  it('names every layer of the per-layer chart, scrolling sideways when the card is narrower', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1024, height: 700 });
    await scrollResultTo(page, 'Per-layer breakdown');
    const layers = Number((await page.getByRole('region', { name: 'Per-layer breakdown' }).locator('.count').textContent())!.match(/\d+/)![0]);
    expect(layers).toBe(69);
    const scroll = page.getByTestId('layer-chart-scroll');
    const { scrollWidth, clientWidth, chartWidth } = await scroll.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      chartWidth: el.querySelector('canvas')!.getBoundingClientRect().width,
    }));
    // 15 px a layer (a 10 px name turned upright) plus the axis: wider than the card at 1024 px.
    expect(chartWidth).toBeGreaterThanOrEqual(layers * 15 + 90 - 1);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await screenshot(page, 'experiment-result-layers-1024x700');
    await scroll.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page.waitForTimeout(150);
    await screenshot(page, 'experiment-result-layers-end-1024x700');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports the phase, component and operation tables of a result as CSV and LaTeX', async () => {
    const { page } = session;
    const cards = [
      { region: 'Breakdown by training phase', file: 'breakdown-by-training-phase', parts: ['Forward', 'Activation gradient', 'Weight gradient', 'Weight update'], metrics: ['Energy', 'Latency'] },
      { region: 'Breakdown by component', file: 'breakdown-by-component', parts: ['Cells', 'Periphery', 'Interconnect', 'Controller'], metrics: ['Energy', 'Area'] },
      { region: 'Breakdown by operation', file: 'breakdown-by-operation', parts: ['FP multiply', 'FP add'], metrics: ['Energy', 'Latency'] },
    ];
    for (const card of cards) {
      const region = page.getByRole('region', { name: card.region });
      const csv = await downloadText(page, () => region.getByTestId('export-csv').click());
      expect(csv.name).toMatch(new RegExp(`^${card.file}-sot-mram-pim-.*\\.csv$`));
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toMatch(new RegExp(`^Part,"${card.metrics[0]}, value \\([a-zµ]*J\\)","${card.metrics[0]}, share \\(%\\)","${card.metrics[1]}, value`));
      for (const part of card.parts) expect(lines.some((l) => l.startsWith(`${part},`)), `${card.region}: ${part}`).toBe(true);
      expect(lines.at(-1)).toMatch(/^Total,[\d.e+-]+,100,[\d.e+-]+,100$/);
      // The saved shares are the ones the card shows, to its 0.1 %.
      const first = lines[1]!.split(',');
      const shown = await region.locator('tbody tr').first().locator('td.share').first().textContent();
      expect(Math.abs(Number(first[2]) - Number(shown!.replace(/[^\d.]/g, '')))).toBeLessThanOrEqual(0.05);
      const tex = await downloadText(page, () => region.getByTestId('export-latex').click());
      expect(tex.name).toMatch(new RegExp(`^${card.file}-.*\\.tex$`));
      for (const text of ['\\toprule', '\\midrule', '\\bottomrule', `\\multicolumn{2}{c}{${card.metrics[0]}}`, card.parts[0]!, 'Total & ']) expect(tex.text, `${card.region}: ${text}`).toContain(text);
    }
    await scrollResultTo(page, 'Breakdown by training phase');
    await shootBothSizes(page, 'experiment-result-breakdowns-light');
  });

  it('explains the parameters of the assumptions table on hover and links each to the Reference', async () => {
    const { page } = session;
    const label = page.getByTestId('assumptions').locator('a.param-label[data-param="arithMode"]');
    expect(await label.getAttribute('title')).toMatch(/^arithmetic mode: ieee: round to nearest even/);
    expect(await label.getAttribute('href')).toBe('#/reference/arithMode');
    await label.click();
    await page.getByRole('heading', { name: 'Reference', level: 1 }).waitFor();
    expect(await page.locator('[data-testid="reference-entry"][data-key="arithMode"]').getAttribute('aria-current')).toBe('true');
    await page.goBack();
    await page.getByTestId('experiment-result').waitFor();
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
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await chooseRun(page, ['builtin:sot-mram-pim', 'builtin:floatpim', 'builtin:stt-mram-pim'], 'builtin:lenet5');
    await page.getByTestId('run').click();
    await page.locator('tr[data-run-status="running"]').waitFor();
    await shootBothSizes(page, 'experiments-running-light');
    expect(await page.locator('tr[data-run-status="running"]').count()).toBe(1);
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
      await shootBothSizes(page, 'experiments-form-dark');
      await chooseRun(page, ['builtin:sot-mram-pim', 'builtin:floatpim'], 'builtin:resnet18');
      await page.getByTestId('run-batch').fill('32');
      await page.getByTestId('run-batch').press('Enter');
      await page.locator('[data-testid="run-progress"][data-state="finished"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.getByTestId('recent-experiments').locator('tbody tr').count()).toBe(5);
      await page.waitForTimeout(300);
      await screenshot(page, 'experiments-run-dark');
      await shootBothSizes(page, 'experiments-progress-dark');
      await page.getByTestId('open-result').nth(1).click();
      await checkResult(page);
      expect(await page.getByTestId('result-inputs').textContent()).toContain('32 images');
      await screenshot(page, 'experiment-result-dark');
      await shootBothSizes(page, 'experiment-result-dark');
      await scrollResultTo(page, 'Per-layer breakdown');
      await shootBothSizes(page, 'experiment-result-layers-dark');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
