/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, useWorkbenchPage, paintedPixels, screenshot, type BrowserSession, type Served, callApi } from './harness.ts';

// The Sweeps page against the real `pimwb serve`: a 2-parameter sweep with its heat map and Pareto
// front, a point opened and saved as a design, a 10,000-point sweep that leaves the page
// responsive, a big sweep cancelled mid-way that keeps its points, and both themes.
const chromiumPath = inject('chromiumPath');

interface AxisSetting {
  key: string;
  from: number;
  to: number;
  steps: number;
  scale: 'linear' | 'log';
}

async function setAxis(page: Page, i: number, axis: AxisSetting): Promise<void> {
  const fields = page.getByTestId(`sweep-axis-${i}`);
  await fields.getByTestId('axis-key').selectOption(axis.key);
  await fields.getByTestId('axis-from').fill(String(axis.from));
  await fields.getByTestId('axis-to').fill(String(axis.to));
  await fields.getByTestId('axis-steps').fill(String(axis.steps));
  await fields.getByTestId(axis.scale === 'log' ? 'axis-log' : 'axis-linear').click();
}

async function setUp(page: Page, axes: AxisSetting[]): Promise<void> {
  await page.getByTestId('sweep-design').selectOption({ label: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)' });
  await page.getByTestId('sweep-network').selectOption({ label: 'ResNet-18' });
  // The two parameters must differ: set the first alone, then add the second.
  if ((await page.getByTestId('sweep-axis-1').count()) > 0) await page.getByTestId('sweep-axis-1').getByRole('button', { name: /Remove/ }).click();
  await setAxis(page, 0, axes[0]!);
  if (axes[1]) {
    await page.getByTestId('add-axis').click();
    await setAxis(page, 1, axes[1]);
  }
}

/** Starts recording, in the page, whether the progress bar showed and the longest stall of the main thread. */
async function watchRun(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __sweep: { progressSeen: boolean; maxGap: number; longTasks: number[]; stop: () => void } };
    let last = performance.now();
    const probe = { progressSeen: false, maxGap: 0, longTasks: [] as number[], stop: () => undefined as void };
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(Math.round(entry.duration));
    });
    tasks.observe({ type: 'longtask' });
    const timer = setInterval(() => {
      const now = performance.now();
      probe.maxGap = Math.max(probe.maxGap, now - last);
      last = now;
    }, 10);
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-testid="sweep-progress"] [role="progressbar"]')) probe.progressSeen = true;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    probe.stop = () => {
      clearInterval(timer);
      tasks.disconnect();
      observer.disconnect();
    };
    w.__sweep = probe;
  });
}

async function runStats(page: Page): Promise<{ progressSeen: boolean; maxGap: number; longTasks: number[] }> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __sweep: { progressSeen: boolean; maxGap: number; longTasks: number[]; stop: () => void } }).__sweep;
    probe.stop();
    return { progressSeen: probe.progressSeen, maxGap: probe.maxGap, longTasks: probe.longTasks };
  });
}

/** Waits for the answer of the sweep just started (an earlier result stays on screen while it runs). */
async function waitForResult(page: Page, status: 'Done' | 'Cancelled', total: string, timeout = 50_000): Promise<void> {
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout });
  const summary = page.getByTestId('sweep-summary');
  await summary.filter({ hasText: status === 'Done' ? `Done${total} points` : `of ${total} points finished` }).waitFor({ timeout });
}

/** Both charts have drawn the kept sweep `id` (SweepCharts names it in data-drawn). */
async function waitForDrawn(page: Page, id: string, timeout = 30_000): Promise<void> {
  await page.locator(`[data-drawn="${id}"]`).waitFor({ timeout });
}

/** The id of the sweep just kept: the page's address names it once it is shown (it was `before`). */
async function newSweepId(page: Page, before: string): Promise<string> {
  await page.waitForURL((url) => /#\/sweeps\/swp_\w+$/.test(url.href) && url.href !== before, { timeout: 60_000 });
  return page.url().split('/').at(-1)!;
}

const BIG: AxisSetting[] = [
  { key: 'rows', from: 64, to: 4096, steps: 316, scale: 'log' },
  { key: 'cols', from: 64, to: 4096, steps: 316, scale: 'log' },
];

const ROWS_X_POWER: AxisSetting[] = [
  { key: 'rows', from: 64, to: 1024, steps: 5, scale: 'log' },
  { key: 'powerBudget', from: 10, to: 200, steps: 5, scale: 'log' },
];

async function runTwoParameterSweep(page: Page): Promise<void> {
  await setUp(page, ROWS_X_POWER);
  await page.getByTestId('sweep-axis-1').getByTestId('axis-steps').press('Enter');
  await waitForResult(page, 'Done', '25');
  await page.locator('[data-chart="Sweep heat map"] canvas').first().waitFor();
  await page.locator('[data-chart="Pareto scatter"] canvas').first().waitFor();
  await page.waitForTimeout(300);
}

async function openHeatmapPoint(page: Page): Promise<void> {
  const box = (await page.locator('[data-chart="Sweep heat map"]').boundingBox())!;
  await page.locator('[data-chart="Sweep heat map"]').click({ position: { x: box.width * 0.45, y: box.height * 0.45 } });
  await page.getByTestId('point-panel').waitFor();
}

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('sweeps in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/sweeps');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('sweep-axis-0').getByTestId('axis-key').locator('option[value="rows"]').waitFor({ state: 'attached' });
  });

  it('starts empty with what to do next, and shows a bad range on its field', async () => {
    const { page } = session;
    expect(await page.getByTestId('sweep-empty').textContent()).toContain('No sweep yet');
    await screenshot(page, 'sweeps-empty-light');
    const axis = page.getByTestId('sweep-axis-0');
    await axis.getByTestId('axis-from').fill('abc');
    await axis.getByTestId('axis-from').press('Enter');
    expect(await axis.getByRole('alert').textContent()).toBe('must be a number');
    expect(await axis.getByTestId('axis-from').getAttribute('aria-invalid')).toBe('true');
    await axis.getByTestId('axis-from').fill('0');
    await axis.getByTestId('axis-log').click();
    await page.getByTestId('run-sweep').click();
    expect(await axis.getByRole('alert').textContent()).toBe('a logarithmic range must be above zero at both ends');
    expect(await page.getByTestId('sweep-empty').count()).toBe(1);
  });

  it('runs a 2-parameter sweep (rows x power envelope) with progress, a heat map and a Pareto front', async () => {
    const { page } = session;
    await setUp(page, ROWS_X_POWER);
    expect(await page.getByTestId('point-count').textContent()).toContain('25 points');
    await watchRun(page);
    await page.getByTestId('sweep-axis-1').getByTestId('axis-steps').press('Enter');
    await waitForResult(page, 'Done', '25');
    expect((await runStats(page)).progressSeen).toBe(true);
    await page.locator('[data-chart="Sweep heat map"] canvas').first().waitFor();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    expect(await paintedPixels(page, 'Pareto scatter')).toBeGreaterThan(1000);
    expect(await page.getByTestId('sweep-summary').textContent()).toContain('25 points');
    expect(Number((await page.getByTestId('front-count').textContent())!.split(' ')[0])).toBeGreaterThan(0);
    expect(await page.getByTestId('front-table').locator('tbody tr').count()).toBeGreaterThan(0);
    // Points that failed because of a parameter say so under that parameter, and in the summary.
    expect(await page.getByTestId('sweep-axis-0').getByTestId('axis-failures').textContent()).toMatch(/5 points: rows/);
    expect(await page.getByTestId('sweep-failures').textContent()).toContain('5 of 25 points are not valid designs');
    await screenshot(page, 'sweeps-heatmap-light');
  });

  it('opens a clicked point: its values, figures and a link to its design; saves it as a new design', async () => {
    const { page } = session;
    await openHeatmapPoint(page);
    const panel = page.getByTestId('point-panel');
    expect(await panel.textContent()).toMatch(/Point #\d+/);
    expect(await panel.getByTestId('point-value').count()).toBe(2);
    expect(await panel.getByTestId('point-figures').textContent()).toMatch(/Energy per step\d[\d.]* [mkµu]?J/);
    await page.getByTestId('front-table').locator('tbody tr').first().click();
    expect(await panel.getByTestId('point-front').textContent()).toBe('Pareto front');
    await panel.getByTestId('save-point').click();
    const name = await panel.getByTestId('point-name').inputValue();
    expect(name).toMatch(/@ rows=\d+, powerBudget=[\d.]+ W$/);
    await panel.getByTestId('point-name').press('Enter');
    await panel.getByTestId('point-saved').waitFor();
    await screenshot(page, 'sweeps-point-light');
    // The new design is a copy of the swept one with a second version holding the point's values.
    const shown = await panel.getByTestId('point-value').allTextContents();
    const saved = await callApi<{ version: number; values: { key: string; value: unknown; source: string }[] }>(served, 'libraries.get', { ref: name });
    expect(saved.version).toBe(2);
    const value = (key: string) => saved.values.find((v) => v.key === key)!;
    // The panel shows 4 significant digits, as every figure on the page; the exact value saved is its title.
    expect(String(value('rows').value)).toBe(shown[0]);
    expect(`${Number(Number(value('powerBudget').value).toPrecision(4))} W`).toBe(shown[1]);
    expect(await panel.getByTestId('point-value').nth(1).getAttribute('title')).toBe(`${value('powerBudget').value} W`);
    expect(value('rows').source).toMatch(/^assumption: point #\d+ of a sweep of rows and powerBudget on ResNet-18$/);
    // The same name again is refused next to the name field.
    await panel.getByTestId('save-point').click();
    await panel.getByTestId('point-name').fill(name);
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByTestId('point-name-error').waitFor();
    await panel.getByTestId('point-name').press('Escape');
    await panel.getByTestId('open-design').click();
    await page.waitForURL(/#\/libraries\/builtin:sot-mram-pim/);
    await page.getByTestId('library-detail').waitFor();
    await page.goBack();
    await page.getByTestId('sweep-summary').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('point-panel').count()).toBe(0);
  });

  it('draws a line chart for one parameter, run with Enter', async () => {
    const { page } = session;
    await setUp(page, [{ key: 'powerBudget', from: 5, to: 500, steps: 30, scale: 'log' }]);
    // Enter runs from anywhere on the page that is not a control.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Enter');
    await page.locator('[data-chart="Sweep line chart"] canvas').first().waitFor();
    await waitForResult(page, 'Done', '30');
    await page.getByTestId('metric-latency').click();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Sweep line chart')).toBeGreaterThan(500);
    await screenshot(page, 'sweeps-line-light');
  });

  it('runs 10,000 points without blocking the page', async () => {
    const { page } = session;
    await setUp(page, [
      { key: 'rows', from: 64, to: 4096, steps: 100, scale: 'log' },
      { key: 'cols', from: 64, to: 4096, steps: 100, scale: 'log' },
    ]);
    expect(await page.getByTestId('point-count').textContent()).toContain('10,000 points');
    await watchRun(page);
    await page.getByTestId('run-sweep').click();
    await waitForResult(page, 'Done', '10,000');
    // A click as the charts draw is handled at once.
    const started = Date.now();
    await page.getByTestId('metric-area').click();
    await page.getByTestId('metric-area').and(page.locator('[aria-pressed="true"]')).waitFor({ timeout: 2000 });
    const clickMs = Date.now() - started;
    await page.waitForTimeout(800);
    const stats = await runStats(page);
    console.warn(`10,000-point sweep: longest main-thread stall ${stats.maxGap.toFixed(0)} ms (long tasks ${stats.longTasks.join(', ')} ms), click handled in ${clickMs} ms`);
    expect(stats.progressSeen).toBe(true);
    // Result parsing, the summary and each chart draw in separate tasks; a shared two-core test
    // machine draws 10,000 markers in about 200 ms per chart.
    expect(stats.maxGap).toBeLessThan(750);
    expect(await page.getByTestId('sweep-summary').textContent()).toContain('10,000 points');
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    expect(await paintedPixels(page, 'Pareto scatter')).toBeGreaterThan(1000);
    await openHeatmapPoint(page);
    await screenshot(page, 'sweeps-10000-light');
    await page.keyboard.press('Escape');
  });

  it('cancels a big sweep with Esc and keeps the points it finished; buttons work while it runs', async () => {
    const { page } = session;
    await setUp(page, [
      { key: 'rows', from: 128, to: 4096, steps: 300, scale: 'log' },
      { key: 'cols', from: 64, to: 4096, steps: 300, scale: 'log' },
    ]);
    await page.getByTestId('run-sweep').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="sweep-progress"] [role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0);
    await page.getByTestId('metric-latency').click();
    expect(await page.getByTestId('metric-latency').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('sweep-progress').count()).toBe(1);
    await screenshot(page, 'sweeps-progress-light');
    await page.keyboard.press('Escape');
    await waitForResult(page, 'Cancelled', '90,000');
    const kept = Number((await page.getByTestId('kept-points').textContent())!.replace(/,/g, ''));
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(90_000);
    expect(await page.getByTestId('sweep-summary').textContent()).toContain('of 90,000 points finished and kept');
    await page.locator('[data-chart="Sweep heat map"] canvas').first().waitFor();
    await page.waitForTimeout(500);
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    await screenshot(page, 'sweeps-cancelled-light');
    expect(session.problems).toEqual([]);
  });

  it('keeps every sweep: a reload shows it again, History lists it, and it re-opens there with its charts', async () => {
    const { page } = session;
    await setUp(page, ROWS_X_POWER);
    const before = page.url();
    await page.getByTestId('run-sweep').click();
    await waitForResult(page, 'Done', '25');
    const id = await newSweepId(page, before);
    await waitForDrawn(page, id);
    await page.reload();
    await waitForDrawn(page, id);
    expect(await page.getByTestId('sweep-summary').textContent()).toContain('25 points');
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    // The set-up that produced it is back in the form, ready to run again.
    expect(await page.getByTestId('sweep-axis-1').getByTestId('axis-key').inputValue()).toBe('powerBudget');
    expect(await page.getByTestId('sweep-axis-1').getByTestId('axis-to').inputValue()).toBe('200');

    await page.goto(`${served.origin}/#/history`);
    await page.reload();
    const row = page.locator(`[data-history-id="${id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('history-kind-badge').textContent()).toBe('Sweep');
    expect(await row.getByTestId('history-settings').textContent()).toMatch(/^rows × powerBudget · 25 points · front \d+$/);
    await row.click();
    await page.getByTestId('history-open').click();
    await page.waitForURL(new RegExp(`#/sweeps/${id}$`));
    await waitForDrawn(page, id);
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
    expect(await paintedPixels(page, 'Pareto scatter')).toBeGreaterThan(1000);
    expect(session.problems).toEqual([]);
  });

  it('draws a 316 x 316 sweep (99,856 points) in short tasks, and re-opens it at any size and theme', async () => {
    const { page } = session;
    await setUp(page, BIG);
    expect(await page.getByTestId('point-count').textContent()).toContain('99,856 points');
    const before = page.url();
    await page.getByTestId('run-sweep').click();
    await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await watchRun(page);
    const id = await newSweepId(page, before);
    await waitForDrawn(page, id);
    const stats = await runStats(page);
    console.warn(`99,856-point sweep, from its answer to its charts: longest main-thread stall ${stats.maxGap.toFixed(0)} ms (long tasks ${stats.longTasks.join(', ') || 'none'} ms)`);
    // The bench measures this precisely (under 100 ms here); a shared two-core machine gets slack.
    expect(stats.maxGap).toBeLessThan(400);
    expect(await page.getByTestId('sweep-summary').textContent()).toContain('99,856 points');
    expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(20_000);
    expect(await paintedPixels(page, 'Pareto scatter')).toBeGreaterThan(5000);
    await screenshot(page, 'sweeps-big-light');
    for (const theme of ['light', 'dark'] as const) {
      const other = await openBrowser(chromiumPath!, `${served.url}#/sweeps/${id}`, theme);
      try {
        for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
          await other.page.setViewportSize({ width, height });
          await waitForDrawn(other.page, id);
          await other.page.waitForTimeout(300);
          expect(await paintedPixels(other.page, 'Sweep heat map')).toBeGreaterThan(20_000);
          await screenshot(other.page, `sweeps-big-${theme}-${width}x${height}`);
        }
        expect(other.problems).toEqual([]);
      } finally {
        await other.close();
      }
    }
  });

  describe('in the dark theme', () => {
    let dark: BrowserSession;
    afterAll(async () => dark?.close());

    it('draws the same sweep and point panel', async () => {
      dark = await openBrowser(chromiumPath!, `${served.url}#/sweeps`, 'dark');
      const { page } = dark;
      await page.getByTestId('sweep-axis-0').getByTestId('axis-key').locator('option[value="rows"]').waitFor({ state: 'attached' });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await screenshot(page, 'sweeps-empty-dark');
      await runTwoParameterSweep(page);
      expect(await paintedPixels(page, 'Sweep heat map')).toBeGreaterThan(1000);
      await screenshot(page, 'sweeps-heatmap-dark');
      await openHeatmapPoint(page);
      await screenshot(page, 'sweeps-point-dark');
      expect(dark.problems).toEqual([]);
    });
  });
});
