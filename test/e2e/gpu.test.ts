/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { go, paintedPixels, screenshot, scrollTo, shootBothSizes, useWorkbenchPage, type BrowserSession, callInPage } from './harness.ts';

// GPUs as designs in the browser: ResNet-50 on the GTX 1080 and the A100 from the Experiments
// page, a result with its roofline (which layer is compute- or memory-bound in each phase) instead
// of the PIM-only cards, the two side by side on Compare with a PIM run, History marking them as
// GPU runs, and FloatPIM's GPU comparison on the paper view.
const chromiumPath = inject('chromiumPath');

const GPUS = ['builtin:gtx-1080', 'builtin:a100'];

async function chooseRun(page: Page, designs: readonly string[], network: string): Promise<void> {
  const boxes = page.getByTestId('run-form').locator('input[type="checkbox"]');
  for (let i = 0; i < (await boxes.count()); i += 1) {
    const box = boxes.nth(i);
    await box.setChecked(designs.includes((await box.getAttribute('data-design-id')) ?? ''));
  }
  await page.getByTestId('run-network').selectOption(network);
}

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('GPU designs in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/experiments');
  let session: BrowserSession;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    session = workbench.session();
    await session.page.getByTestId('run-form').locator('input[type="checkbox"]').first().waitFor();
  });

  it('offers the GPUs in the design picker, marked as such, and runs ResNet-50 on the GTX 1080 and the A100', async () => {
    const { page } = session;
    expect(await page.getByTestId('design-kind-gpu').count()).toBe(4);
    await chooseRun(page, GPUS, 'builtin:resnet50');
    await page.getByTestId('run').click();
    await page.locator('[data-testid="run-progress"][data-state="finished"]').waitFor();
    expect(await page.getByTestId('run-count').textContent()).toBe('2 of 2');
    const statuses = await page.getByTestId('run-progress').locator('tbody tr[data-run-status]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run-status')));
    expect(statuses).toEqual(['done', 'done']);
    const listed = await callInPage<{ items: { id: string; designKind?: string; design: { id: string } }[] }>(page, 'experiments.list', {});
    for (const e of listed.items) ids[e.design.id] = e.id;
    expect(listed.items.map((e) => e.designKind)).toEqual(['gpu', 'gpu']);
    await screenshot(page, 'gpu-experiments-run');
  });

  it('opens the A100 result: the GPU roofline with the bound of each layer and phase, no PIM-only cards', async () => {
    const { page } = session;
    await go(page, `#/experiments/${ids['builtin:a100']}`);
    await page.getByTestId('experiment-result').waitFor();
    await page.getByTestId('gpu-card').waitFor();
    expect(await page.getByTestId('result-gpu-kind').textContent()).toContain('a GPU');
    expect(await page.getByTestId('lifetime-card').count()).toBe(0);
    expect(await page.getByTestId('reliability-card').count()).toBe(0);
    expect(await page.getByTestId('gpu-not-modelled').textContent()).toMatch(/not shown: the GPU model has no cell endurance/);
    const table = page.getByTestId('gpu-bound-table');
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(50);
    const bounds = await table.locator('td[data-bound]').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-bound')));
    expect(new Set(bounds)).toEqual(new Set(['compute', 'memory', 'none']));
    // The slowest layer first, with its four phases.
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td[data-phase="forward"]').textContent()).toMatch(/^(compute|memory) · [\d.]+ [µm]?s$/);
    expect(await page.getByTestId('gpu-bound-summary').textContent()).toMatch(/\d+ compute · \d+ memory/);
    expect(await page.getByTestId('gpu-assumptions').locator('li').count()).toBeGreaterThan(3);
    for (const label of ['Breakdown by training phase', 'Breakdown by component', 'Breakdown by operation']) {
      await page.locator(`[data-chart="${label}"] canvas`).waitFor();
    }
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Breakdown by operation')).toBeGreaterThan(200);
    await shootBothSizes(page, 'gpu-result');
    await scrollTo(page, '[data-testid="gpu-card"]');
    await screenshot(page, 'gpu-result-roofline');
  });

  it('compares the two GPU runs and a PIM run side by side: power in the table, lifetime "not modelled", breakdowns in shares', async () => {
    const { page } = session;
    const pim = await callInPage<{ experimentId: string }>(page, 'experiments.run', { design: 'floatpim', network: 'resnet50' });
    await go(page, `#/compare?ids=${ids['builtin:gtx-1080']},${ids['builtin:a100']},${pim.experimentId}&baseline=${ids['builtin:gtx-1080']}`);
    await page.getByTestId('experiments-panel').waitFor();
    await page.locator('[data-chart="Experiments normalised to the baseline"] canvas').waitFor();
    expect(await page.getByTestId(`compare-gpu-${ids['builtin:a100']}`).count()).toBe(1);
    const table = page.getByTestId('ratio-table');
    expect(await table.locator('thead').textContent()).toContain('Power');
    // The lifetime group closes each row: days, then the ratio, which names why a GPU has none.
    const lifetimes = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.lastElementChild?.previousElementSibling?.textContent?.trim(), tr.lastElementChild?.textContent?.trim()].join(' ')));
    expect(lifetimes.filter((t) => t === '- not modelled')).toHaveLength(2);
    await page.getByTestId('compare-breakdowns').locator('canvas').waitFor();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Breakdown of each run, in shares')).toBeGreaterThan(200);
    await page.getByTestId('compare-breakdown-op').click();
    await page.waitForTimeout(200);
    await screenshot(page, 'gpu-compare');
    await scrollTo(page, '[data-testid="ratio-table"]');
    await shootBothSizes(page, 'gpu-compare-table');
  });

  it('marks the GPU runs in History', async () => {
    const { page } = session;
    await go(page, '#/history');
    await page.getByTestId('history-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('history-design-gpu').count()).toBe(2);
    await page.locator(`[data-history-id="${ids['builtin:gtx-1080']}"]`).click();
    await page.getByTestId('history-detail-gpu').waitFor();
    await screenshot(page, 'gpu-history');
  });

  it('shows a GPU design in Libraries with its die, board power, rates and memory instead of arrays', async () => {
    const { page } = session;
    await go(page, `#/libraries/${encodeURIComponent('builtin:gtx-1080')}`);
    await page.getByTestId('gpu-design-figures').waitFor();
    expect(await page.getByTestId('design-kind').textContent()).toBe('GPU');
    expect(await page.getByTestId('design-area').textContent()).toBe('314 mm²');
    expect(await page.locator('[data-peak="fp32"] dd').textContent()).toBe('8.873 TFLOP/s');
    await screenshot(page, 'gpu-library');
  });

  it('sweeps the GTX 1080\'s DRAM bandwidth from the Sweeps page, as it sweeps a PIM design\'s values', async () => {
    const { page } = session;
    await go(page, '#/sweeps');
    await page.getByTestId('sweep-design').selectOption({ label: 'NVIDIA GeForce GTX 1080' });
    await page.getByTestId('sweep-network').selectOption({ label: 'AlexNet' });
    const axis = page.getByTestId('sweep-axis-0');
    await axis.getByTestId('axis-key').locator('option[value="bandwidth"]').waitFor({ state: 'attached' });
    await axis.getByTestId('axis-key').selectOption('bandwidth');
    await axis.getByTestId('axis-from').fill('100');
    await axis.getByTestId('axis-to').fill('1000');
    await axis.getByTestId('axis-steps').fill('12');
    await axis.getByTestId('axis-log').click();
    await page.getByTestId('run-sweep').click();
    await page.getByTestId('sweep-summary').filter({ hasText: 'Done12 points' }).waitFor({ timeout: 50_000 });
    await page.locator('[data-chart="Pareto scatter"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Pareto scatter')).toBeGreaterThan(500);
    expect(await page.getByTestId('best-lifetime').textContent()).toContain('not modelled (GPU)');
    await screenshot(page, 'gpu-sweep');
  });

  it("sets FloatPIM against the GTX 1080 on the paper view, and says 'not comparable' on the step-count basis", async () => {
    const { page } = session;
    await go(page, '#/compare?preset=paper');
    await page.getByTestId('paper-gpu-table').waitFor({ timeout: 60_000 });
    const text = await page.getByTestId('paper-gpu-table').textContent();
    expect(text).toContain('Arithmetic mean');
    expect(text).toContain('Geometric mean');
    expect(text).toContain('FloatPIM published (average)');
    expect(text).toContain('303.2');
    await scrollTo(page, '[data-testid="paper-gpu-table"]');
    await screenshot(page, 'gpu-paper-table');
    await page.getByTestId('basis-step-count').click();
    await page.getByTestId('paper-gpu-note').waitFor();
    expect(await page.getByTestId('paper-gpu-note').textContent()).toContain('not comparable');
    expect(session.problems).toEqual([]);
  });
});
