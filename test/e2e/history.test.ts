/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, paintedPixels, screenshot, useWorkbenchPage, type BrowserSession, type Served } from './harness.ts';

// The History page against the real `pimwb serve`: runs made through the page's API are found by
// name and tag, a note is edited, a re-run gives the same numbers, a bundle goes out and comes back
// in, one run is deleted (and undone); screenshots in the light and the dark theme.
const chromiumPath = inject('chromiumPath');

/** A number, a space, then an SI-prefixed unit, e.g. "197.1 J", "3.592 s", "1925 mm²". */
const WITH_UNIT = (unit: string) => new RegExp(`^-?[\\d.]+(e[-+]?\\d+)? [afpnuµmkMGT]?${unit}$`);

/** Calls the contract the way the page does (same origin, the session's token). */
async function invoke(page: Page, token: string, channel: string, input: unknown): Promise<unknown> {
  const result = await page.evaluate(
    async ([c, body, t]) => {
      const response = await fetch(`/api/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [channel, input, token] as const,
  );
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function rows(page: Page) {
  return page.getByTestId('history-table').locator('tbody tr');
}

async function names(page: Page): Promise<string[]> {
  return rows(page).locator('td.name .ellipsis').allTextContents();
}

async function waitForRows(page: Page, count: number, atLeast = false): Promise<void> {
  await page.waitForFunction(
    ([n, more]) => {
      const shown = document.querySelectorAll('[data-testid="history-table"] tbody tr').length;
      return more ? shown >= n : shown === n;
    },
    [count, atLeast] as const,
  );
}

async function waitForDetail(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => document.querySelector<HTMLInputElement>('[data-testid="history-name"]')?.value === n, name);
}

function row(page: Page, name: string) {
  return rows(page).filter({ has: page.locator('td.name').getByText(name, { exact: true }) });
}

async function selectRow(page: Page, name: string): Promise<void> {
  await row(page, name).click();
  await waitForDetail(page, name);
}

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('history in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/history');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
  });

  it('says what to do while nothing is kept yet', async () => {
    const { page } = session;
    await page.getByTestId('history-empty').waitFor();
    expect(await page.getByTestId('history-empty').textContent()).toContain('Run a design on a workload in Experiments');
    await screenshot(page, 'history-empty');
  });

  it('finds runs by name, by tag and by date, with units on every figure', async () => {
    const { page } = session;
    await invoke(page, served.token, 'experiments.run', { design: 'sot-mram-pim', network: 'resnet18', tags: ['paper'] });
    await invoke(page, served.token, 'experiments.run', { design: 'floatpim', network: 'resnet18', tags: ['paper', 'baseline'] });
    await invoke(page, served.token, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', name: 'Quick LeNet check', tags: ['smoke'] });
    // The page hears of the runs through the server's events and reloads.
    await waitForRows(page, 3);
    expect(await names(page)).toEqual(['Quick LeNet check', 'FloatPIM (ReRAM, MAGIC NOR) / ResNet-18', 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / ResNet-18']);
    expect(await page.getByTestId('history-count').textContent()).toBe('3 of 3 kept results');
    const first = rows(page).first().locator('td.num');
    expect(await first.nth(1).textContent()).toMatch(WITH_UNIT('J'));
    expect(await first.nth(2).textContent()).toMatch(WITH_UNIT('s'));
    expect(await first.nth(3).textContent()).toMatch(WITH_UNIT('m²'));

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('history-search');
    await page.keyboard.type('lenet');
    await waitForRows(page, 1);
    expect(await names(page)).toEqual(['Quick LeNet check']);
    await page.getByTestId('history-clear').click();
    await waitForRows(page, 3);

    await page.getByTestId('history-tag').selectOption('baseline');
    await waitForRows(page, 1);
    expect(await names(page)).toEqual(['FloatPIM (ReRAM, MAGIC NOR) / ResNet-18']);
    await page.getByTestId('history-tag').selectOption('paper');
    await waitForRows(page, 2);

    await page.getByTestId('history-from').fill('2999-01-01');
    await page.getByTestId('history-no-match').waitFor();
    await page.getByTestId('history-to').fill('2000-01-01');
    expect(await page.getByTestId('history-to-error').textContent()).toContain('before the start date');
    await page.getByTestId('history-clear').click();
    await waitForRows(page, 3);
  });

  it('edits a note (Ctrl+S) and a tag, and re-runs from the stored inputs to the same numbers', async () => {
    const { page } = session;
    await selectRow(page, 'Quick LeNet check');
    const notes = page.getByTestId('history-notes');
    await notes.fill('Smoke test: LeNet-5 on the proposed design.');
    await notes.press('Control+s');
    await page.getByTestId('history-notes-status').filter({ hasText: /^\s*Saved\s*$/ }).waitFor();
    await page.getByTestId('history-add-tag').fill('checked');
    await page.getByTestId('history-add-tag').press('Enter');
    // Beside the open panel the tags column is hidden; the row still carries the new tag.
    await rows(page).first().locator('.badge', { hasText: 'checked' }).waitFor({ state: 'attached' });
    expect(await page.getByTestId('history-detail').locator('.chip').allTextContents()).toEqual(['checked', 'smoke'].map((t) => expect.stringContaining(t)));
    const id = await rows(page).first().getAttribute('data-history-id');
    const stored = (await invoke(page, served.token, 'experiments.get', { ref: id })) as { notes: string; tags: string[] };
    expect(stored).toMatchObject({ notes: 'Smoke test: LeNet-5 on the proposed design.', tags: ['checked', 'smoke'] });

    await page.getByTestId('history-rerun').click();
    const outcome = page.getByTestId('history-rerun-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Same numbers');
    await waitForRows(page, 4);
    expect((await names(page))[0]).toBe('Quick LeNet check (re-run)');
  });

  it('exports a bundle (a download of valid JSON) and imports it back', async () => {
    const { page } = session;
    await selectRow(page, 'Quick LeNet check');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export').click()]);
    expect(download.suggestedFilename()).toBe('quick-lenet-check.pimwb-experiment.json');
    const text = readFileSync((await download.path())!, 'utf8');
    const bundle = JSON.parse(text) as { format: string; schemaVersion: number; name: string; notes: string; results: { energy_J: number } };
    expect(bundle).toMatchObject({ format: 'pimwb-experiment', schemaVersion: 1, name: 'Quick LeNet check', notes: 'Smoke test: LeNet-5 on the proposed design.' });
    expect(bundle.results.energy_J).toBeGreaterThan(0);

    const file = join(served.dir, 'shared.pimwb-experiment.json');
    writeFileSync(file, text.replace('"name": "Quick LeNet check"', '"name": "LeNet from a colleague"'));
    await page.getByTestId('history-import-file').setInputFiles(file);
    await waitForDetail(page, 'LeNet from a colleague');
    await waitForRows(page, 5);
    expect(await page.getByTestId('history-notes').inputValue()).toBe('Smoke test: LeNet-5 on the proposed design.');

    const bad = join(served.dir, 'bad.pimwb-experiment.json');
    writeFileSync(bad, JSON.stringify({ ...bundle, schemaVersion: 7 }));
    await page.getByTestId('history-import-file').setInputFiles(bad);
    const dialog = page.getByTestId('problems-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('newer PIM Workbench');
    expect(await dialog.textContent()).toContain('schemaVersion');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await rows(page).count()).toBe(5);
  });

  it('deletes a run after a confirm that lists what goes, and can undo it', async () => {
    const { page } = session;
    await selectRow(page, 'LeNet from a colleague');
    await page.getByTestId('history-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Delete “LeNet from a colleague”');
    expect(await dialog.textContent()).toContain('its tags: checked, smoke');
    expect(await dialog.textContent()).toContain('its notes');
    await screenshot(page, 'dialog-delete-experiment');
    await page.getByTestId('confirm-delete').click();
    await waitForRows(page, 4);
    expect(await names(page)).not.toContain('LeNet from a colleague');
    await page.getByTestId('history-undo-button').click();
    await waitForRows(page, 5);
    expect(await names(page)).toContain('LeNet from a colleague');

    // Keyboard: select with the arrows, Delete asks, the confirm deletes for good.
    await selectRow(page, 'LeNet from a colleague');
    await page.getByTestId('history-table').focus();
    await page.keyboard.press('Delete');
    await page.getByTestId('confirm-delete').click();
    await waitForRows(page, 4);
    expect(await names(page)).not.toContain('LeNet from a colleague');
    expect(session.problems).toEqual([]);
  });

  it('opens the result page with Enter', async () => {
    const { page } = session;
    await selectRow(page, 'Quick LeNet check');
    const id = await row(page, 'Quick LeNet check').getAttribute('data-history-id');
    await page.getByTestId('history-table').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/experiments/${id}$`));
    await page.goBack();
    await page.getByTestId('history-table').waitFor();
  });

  it('lists a sweep and a paper reproduction beside the runs, with the settings that tell them apart', async () => {
    const { page } = session;
    const before = await rows(page).count();
    const axes = [
      { key: 'rows', from: 64, to: 1024, steps: 5, scale: 'log' },
      { key: 'powerBudget', from: 10, to: 200, steps: 4, scale: 'log' },
    ];
    await invoke(page, served.token, 'sweeps.run', { jobId: 'history-sweep', design: 'sot-mram-pim', network: 'lenet5', axes, name: 'Rows against power', returnPoints: false });
    await invoke(page, served.token, 'paper.reproduce', { basis: 'all', name: 'Paper, every basis' });
    await waitForRows(page, before + 2);
    expect((await names(page)).slice(0, 2)).toEqual(['Paper, every basis', 'Rows against power']);
    const sweep = row(page, 'Rows against power');
    expect(await sweep.getByTestId('history-kind-badge').textContent()).toBe('Sweep');
    expect(await sweep.getByTestId('history-settings').textContent()).toMatch(/^rows × powerBudget · 20 points · front \d+$/);
    const paper = row(page, 'Paper, every basis');
    expect(await paper.getByTestId('history-kind-badge').textContent()).toBe('Paper');
    expect(await paper.getByTestId('history-settings').textContent()).toMatch(/^energy [\d.]+×, latency [\d.]+×, area [\d.]+× · all bases$/);
    expect(await rows(page).first().locator('td').nth(2).textContent()).toMatch(/vs FloatPIM/);

    await page.getByTestId('history-kind').selectOption('sweep');
    await waitForRows(page, 1);
    expect(await page.getByTestId('history-count').textContent()).toBe('1 of 1 sweeps');
    await page.getByTestId('history-kind').selectOption('');
    await waitForRows(page, before + 2);
    expect(await page.getByTestId('history-kind').locator('option').allTextContents()).toEqual(['All kinds', `Experiments (${before})`, 'Sweeps (1)', 'Paper reproductions (1)']);
  });

  it('re-runs a kept sweep to the same numbers, exports its points as CSV, and deletes it with Undo', async () => {
    const { page } = session;
    await selectRow(page, 'Rows against power');
    expect(await page.getByTestId('sweep-settings').textContent()).toMatch(/rows 64–1024 \(log, 5 steps\).*powerBudget 10–200 W \(log, 4 steps\)/);
    await page.getByTestId('history-rerun').click();
    const outcome = page.getByTestId('history-rerun-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Every one of the 20 points matches bit for bit.');
    await row(page, 'Rows against power (re-run)').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('history-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('rows-against-power.csv');
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('index,rows,powerBudget_W,energy_J,latency_s,area_m2,lifetime_days,pareto_front,error');
    expect(lines).toHaveLength(21);

    const count = await rows(page).count();
    await page.getByTestId('history-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('its 20 points, its Pareto front');
    await page.getByTestId('confirm-delete').click();
    await waitForRows(page, count - 1);
    expect(await names(page)).not.toContain('Rows against power');
    await page.getByTestId('history-undo-button').click();
    await waitForRows(page, count);
    await waitForDetail(page, 'Rows against power');
    expect(await names(page)).toContain('Rows against power');
    expect(session.problems).toEqual([]);
  });

  it('opens a kept reproduction on Compare with its chart, at an address that survives a reload', async () => {
    const { page } = session;
    await selectRow(page, 'Paper, every basis');
    expect(await page.getByTestId('reproduction-ratios').textContent()).toMatch(/Energy[\d.]+×/);
    const before = ((await invoke(page, served.token, 'history.list', {})) as { total: number }).total;
    await page.getByTestId('history-open').click();
    await page.waitForURL(/#\/compare\?reproduction=rep_/);
    for (const reloaded of [false, true]) {
      if (reloaded) await page.reload();
      await page.getByTestId('paper-panel').waitFor();
      await page.locator('[data-chart="Paper reproduction ratios"] canvas').first().waitFor();
      await page.waitForTimeout(300);
      expect(await paintedPixels(page, 'Paper reproduction ratios')).toBeGreaterThan(1000);
    }
    // Opening a kept comparison shows it; it runs and keeps nothing new.
    expect(((await invoke(page, served.token, 'history.list', {})) as { total: number }).total).toBe(before);
    await page.goBack();
    await page.getByTestId('history-table').waitFor();
  });

  it('looks finished in the light and the dark theme, at 1280x800 and 1024x700', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const other = await openBrowser(chromiumPath!, `${served.url}#/history`, theme);
      try {
        const { page } = other;
        await waitForRows(page, 6, true);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        // Not `history-${theme}`: the shell test writes those, of an empty store.
        await screenshot(page, `history-list-${theme}`);
        await page.setViewportSize({ width: 1024, height: 700 });
        await screenshot(page, `history-list-${theme}-1024x700`);
        await selectRow(page, 'Rows against power');
        await screenshot(page, `history-sweep-${theme}-1024x700`);
        await page.setViewportSize({ width: 1280, height: 800 });
        await screenshot(page, `history-sweep-${theme}`);
        await selectRow(page, 'Quick LeNet check');
        await page.getByTestId('history-rerun').click();
        await page.getByTestId('history-rerun-outcome').waitFor();
        await page.waitForTimeout(200);
        await screenshot(page, `history-detail-${theme}`);
        expect(other.problems).toEqual([]);
      } finally {
        await other.close();
      }
    }
  });
});
