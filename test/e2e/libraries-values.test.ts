/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay } from '../../src-main/shared/edited-source.ts';
import { useWorkbenchPage, screenshot, type BrowserSession, type Served } from './harness.ts';

// Values the simulator cannot use are refused where they are typed and by the service; an edited
// value stops citing its old source; parameters are explained; units are typeset; text shows as
// typed; a deleted library can be brought back.
const chromiumPath = inject('chromiumPath');

async function post<T>(page: Page, served: Served, channel: string, body: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string; issues: { path: string; message: string }[] } }> {
  return page.evaluate(
    async ({ token, channel, body }) => {
      const response = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return response.json();
    },
    { token: served.token, channel, body },
  );
}

async function openLibrary(page: Page, served: Served, id: string): Promise<void> {
  await page.goto(`${served.url.replace(/#.*$/, '')}#/libraries/${encodeURIComponent(id)}`);
  await page.getByTestId('library-name').waitFor();
}

async function cloneAndEdit(page: Page, served: Served, ref: string, name: string): Promise<{ id: string; values: { key: string; value: unknown; unit: string; source: string; range?: unknown }[] }> {
  const copy = await post<{ id: string; values: { key: string; value: unknown; unit: string; source: string; range?: unknown }[] }>(page, served, 'libraries.clone', { ref, name });
  await openLibrary(page, served, copy.value!.id);
  await page.getByTestId('edit-values').click();
  await page.getByTestId('library-editor').waitFor();
  return copy.value!;
}

async function discard(page: Page): Promise<void> {
  await page.getByTestId('library-editor').getByRole('button', { name: /Discard|Close editor/ }).click();
  const confirm = page.getByTestId('confirm-dialog');
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Discard/ }).click();
  await page.getByTestId('library-editor').waitFor({ state: 'detached' });
}

describe.skipIf(!chromiumPath)('library values in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath);
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('library-detail').waitFor();
  });

  it('refuses a negative resistance and a cell area of 1e308 at the field, and neither Save nor the service saves them', async () => {
    const { page } = session;
    const cell = await cloneAndEdit(page, served, 'builtin:sot-mram-2t2mtj', 'Refusing cell');
    const editor = page.getByTestId('library-editor');
    const save = page.getByTestId('save-version');
    await editor.getByLabel('resistanceLow value').fill('-3');
    const resistance = editor.locator('[data-testid="value-note"][data-note-for="resistanceLow"]');
    await resistance.getByText(/must be positive \(got -3 kOhm\)/).waitFor();
    expect(await editor.getByLabel('resistanceLow value').getAttribute('aria-invalid')).toBe('true');
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByTestId('to-fix').textContent()).toMatch(/1 to fix/);
    await editor.getByLabel('resistanceLow value').fill('10');
    await resistance.waitFor({ state: 'detached' });
    await editor.getByLabel('cellArea value').fill('1e308');
    const area = editor.locator('[data-testid="value-note"][data-note-for="cellArea"]');
    await area.getByText(/must be at most 10000 F² \(cell area\)/).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await editor.getByLabel('cellArea value').scrollIntoViewIfNeeded();
    await screenshot(page, 'libraries-refused-value');
    await page.keyboard.press('Control+s');
    expect(await page.getByTestId('save-dialog').count()).toBe(0);
    // A client that skips the editor is refused by the service, naming the keys (without the range
    // the -3 would fall outside of, which the schema would refuse first).
    const plain = (v: (typeof cell.values)[number]) => ({ key: v.key, value: v.value, unit: v.unit, source: v.source });
    const values = cell.values.map((v) => (v.key === 'resistanceLow' ? { ...plain(v), value: -3 } : v.key === 'cellArea' ? { ...plain(v), value: 1e308 } : v));
    const direct = await post(page, served, 'libraries.saveVersion', { ref: cell.id, baseVersion: 1, values });
    expect(direct.ok).toBe(false);
    expect(direct.error?.issues.map((i) => i.path).sort()).toEqual(['cellArea', 'resistanceLow']);
    await editor.getByLabel('cellArea value').fill('60');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await discard(page);
    expect(await page.getByTestId('version-select').count()).toBe(0);
  });

  it('gives an edited value the source "edited by the user on <today>" as it changes, keeps a source the user typed, and the diff shows the change', async () => {
    const { page } = session;
    await cloneAndEdit(page, served, 'builtin:sot-mram-2t2mtj', 'Edited cell');
    const editor = page.getByTestId('library-editor');
    const source = editor.getByLabel('resistanceLow source');
    const cited = await source.inputValue();
    expect(cited).toMatch(/NeuroSim/);
    await editor.getByLabel('resistanceLow value').fill('8');
    expect(await source.inputValue()).toBe(`edited by the user on ${localDay()}`);
    await editor.getByLabel('resistanceLow value').fill('10');
    expect(await source.inputValue()).toBe(cited);
    await editor.getByLabel('resistanceLow value').fill('8');
    // Re-expressed in ohms it is the same value: its source stays as it is.
    const high = editor.getByLabel('resistanceHigh source');
    const highCited = await high.inputValue();
    await editor.getByLabel('resistanceHigh unit').selectOption('Ohm');
    expect(await editor.getByLabel('resistanceHigh value').inputValue()).toBe('20400');
    expect(await high.inputValue()).toBe(highCited);
    // Its range is re-expressed with it, and keeps its source too.
    expect(await editor.getByLabel('resistanceHigh range low').inputValue()).toBe('8200');
    expect(await editor.getByLabel('resistanceHigh range source').inputValue()).toMatch(/NeuroSim/);
    const pulse = editor.getByLabel('setPulse source', { exact: true });
    await pulse.fill('our 2025 measurement');
    await editor.getByLabel('setPulse value', { exact: true }).fill('0.8');
    expect(await pulse.inputValue()).toBe('our 2025 measurement');
    await screenshot(page, 'libraries-edited-source');
    await expect.poll(() => page.getByTestId('save-version').isEnabled()).toBe(true);
    await page.getByTestId('save-version').click();
    const dialog = page.getByTestId('save-dialog');
    await dialog.getByLabel(/What changed/).fill('R_P and the set pulse from our 2025 measurement');
    await dialog.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByTestId('library-editor').waitFor({ state: 'detached' });
    const row = page.getByTestId('values-table').locator('tr[data-key="resistanceLow"]');
    expect(await row.textContent()).toMatch(new RegExp(`edited\\s*edited by the user on ${localDay()}`));
    // The note asked for on save is shown again: with the version, and in the version list.
    expect(await page.getByTestId('version-note').textContent()).toMatch(/What changed in version 2:\s*R_P and the set pulse/);
    expect(await page.getByTestId('version-select').locator('option').first().textContent()).toMatch(/version 2 \(latest\) · R_P and the set pulse/);
    await page.getByTestId('compare').click();
    const diff = page.getByTestId('diff-table');
    await diff.waitFor();
    const changed = diff.locator('tr[data-kind="changed"]').filter({ hasText: 'resistanceLow' });
    expect(await changed.getByTestId('source-was').textContent()).toMatch(/NeuroSim/);
    expect(await changed.getByTestId('source-now').textContent()).toBe(`edited by the user on ${localDay()}`);
    expect(await changed.textContent()).toMatch(/source changed/);
    expect(await page.getByTestId('diff-note').last().textContent()).toMatch(/Version 2:\s*R_P and the set pulse/);
    await screenshot(page, 'library-diff-edited-source');
    expect(session.problems).toEqual([]);
  });

  it('edits, adds and removes a value\'s range, refuses an impossible one at its field, and shows the saved ranges with their sources after a reload', async () => {
    const { page } = session;
    const cell = await cloneAndEdit(page, served, 'builtin:sot-mram-2t2mtj', 'Ranged cell');
    const editor = page.getByTestId('library-editor');
    const save = page.getByTestId('save-version');
    const note = (key: string) => editor.locator(`[data-testid="value-note"][data-note-for="${key}"]`);
    // The built-in range of R_P, cited.
    expect(await editor.getByLabel('resistanceLow range low').inputValue()).toBe('3.91');
    expect(await editor.getByLabel('resistanceLow range high').inputValue()).toBe('10');
    const rangeSource = editor.getByLabel('resistanceLow range source');
    expect(await rangeSource.inputValue()).toMatch(/^Peng et al\., "DNN\+NeuroSim V2\.0", IEEE TCAD 2021/);
    expect(await editor.getByLabel('resistanceLow range sigma').count()).toBe(0);

    // A high under the value is refused where it is typed.
    await editor.getByLabel('resistanceLow range high').fill('9');
    await note('resistanceLow').getByText('range high: must be at least the value (10)').waitFor();
    expect(await editor.getByLabel('resistanceLow range high').getAttribute('aria-invalid')).toBe('true');
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByTestId('to-fix').textContent()).toMatch(/1 to fix/);
    await screenshot(page, 'libraries-range-refused');
    await editor.getByLabel('resistanceLow range high').fill('12');
    await note('resistanceLow').waitFor({ state: 'detached' });
    // The moved range no longer says what its citation said; a source typed for it is kept.
    expect(await rangeSource.inputValue()).toBe(`edited by the user on ${localDay()}`);
    expect(await editor.getByLabel('resistanceLow source').inputValue()).toMatch(/NeuroSim/);
    await rangeSource.fill('our 2025 wafer measurements');

    // A new range on the read voltage: normal, so it asks for its spread, and for a source.
    await editor.getByRole('button', { name: 'Add a range to readVoltage' }).click();
    const low = editor.getByLabel('readVoltage range low');
    await expect.poll(() => low.evaluate((e) => e === document.activeElement)).toBe(true);
    await low.fill('0.4');
    await editor.getByLabel('readVoltage range high').fill('0.6');
    await editor.getByLabel('readVoltage range distribution').selectOption('normal');
    await note('readVoltage').getByText(/range σ: is needed for a normal range/).waitFor();
    await note('readVoltage').getByText(/range source: must cite a source/).waitFor();
    expect(await save.isDisabled()).toBe(true);
    await editor.getByLabel('readVoltage range sigma').fill('0.05');
    await editor.getByLabel('readVoltage range source').fill('assumption: 20% either side of the NeuroSim read voltage');
    await note('readVoltage').waitFor({ state: 'detached' });

    // The set current's range removed.
    await editor.getByRole('button', { name: 'Remove the range of setCurrent' }).click();
    expect(await editor.getByLabel('setCurrent range low', { exact: true }).count()).toBe(0);
    expect(await editor.getByLabel('resetCurrent range low', { exact: true }).inputValue()).toBe('330');
    await editor.getByLabel('readVoltage range low').scrollIntoViewIfNeeded();
    await screenshot(page, 'libraries-range-edit');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    const dialog = page.getByTestId('save-dialog');
    await dialog.getByLabel(/What changed/).fill('ranges from our wafer data');
    await dialog.getByRole('button', { name: 'Save version 2' }).click();
    await editor.waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('library-name').filter({ hasText: 'Ranged cell' }).waitFor();
    const table = page.getByTestId('values-table');
    const rangeOf = (key: string) => table.locator(`tr[data-key="${key}"]`).getByTestId('value-range');
    expect(await rangeOf('resistanceLow').textContent()).toBe('(3.91–12, uniform)');
    expect(await rangeOf('resistanceLow').getAttribute('title')).toBe('Source of the range: our 2025 wafer measurements');
    expect(await rangeOf('readVoltage').textContent()).toBe('(0.4–0.6, normal, σ 0.05)');
    expect(await rangeOf('setCurrent').count()).toBe(0);
    expect(await rangeOf('resetCurrent').textContent()).toBe('(330–500, uniform)');
    await rangeOf('readVoltage').scrollIntoViewIfNeeded();
    await screenshot(page, 'libraries-range-view');
    const saved = await post<{ values: { key: string; range?: unknown }[] }>(page, served, 'libraries.get', { ref: cell.id });
    expect(saved.value!.values.find((v) => v.key === 'readVoltage')?.range).toEqual({
      low: 0.4,
      high: 0.6,
      distribution: 'normal',
      sigma: 0.05,
      source: 'assumption: 20% either side of the NeuroSim read voltage',
    });

    // The diff says which ranges changed.
    await page.getByTestId('compare').click();
    const diff = page.getByTestId('diff-table');
    await diff.waitFor();
    const kinds = await diff.locator('tbody tr').evaluateAll((rows) => rows.map((r) => `${r.querySelector('td')?.textContent?.trim()}:${(r as HTMLElement).dataset.kind}`));
    expect(kinds).toEqual(['resistanceLow:range-changed', 'readVoltage:range-changed', 'setCurrent:range-changed']);
    expect(await diff.locator('tr[data-kind="range-changed"]').first().getByTestId('range-right').textContent()).toBe('(3.91–12, uniform)');
    expect(await page.getByTestId('diff-summary').textContent()).toMatch(/3 range changed/);
    await screenshot(page, 'library-diff-ranges');
    expect(session.problems).toEqual([]);
  });

  it('picks a design\'s cell from the cell libraries', async () => {
    const { page } = session;
    await cloneAndEdit(page, served, 'builtin:sot-mram-pim', 'Picked PIM');
    const picker = page.getByTestId('library-editor').getByTestId('cell-picker');
    const cellCount = await post<{ items: unknown[] }>(page, served, 'libraries.list', { kind: 'cell' });
    expect(await picker.locator('option').count()).toBe(cellCount.value!.items.length);
    expect(await picker.inputValue()).toBe('builtin:sot-mram-2t2mtj');
    await picker.selectOption({ label: 'SOT-MRAM 2T1MTJ' });
    expect(await picker.inputValue()).toBe('builtin:sot-mram-2t1mtj');
    expect(await page.getByTestId('library-editor').getByLabel('cell source').inputValue()).toMatch(/^edited by the user on /);
    await expect.poll(() => page.getByTestId('save-version').isEnabled()).toBe(true);
    await discard(page);
  });

  it('labels every parameter with its meaning and a link to its reference entry, and typesets units', async () => {
    const { page } = session;
    await openLibrary(page, served, 'builtin:sot-mram-2t2mtj');
    const table = page.getByTestId('values-table');
    const labels = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const link = r.querySelector('a.param-label');
        return { key: (r as HTMLElement).dataset.key, href: link?.getAttribute('href'), title: link?.getAttribute('title') ?? '' };
      }),
    );
    for (const label of labels) {
      expect(label.href, label.key).toBe(`#/reference/${label.key}`);
      expect(label.title.length, label.key).toBeGreaterThan(20);
    }
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('µA');
    expect(text).not.toMatch(/\buA\b|\^2/);
    await openLibrary(page, served, 'builtin:sot-mram-pim');
    const design = (await page.getByTestId('detail-body').textContent()) ?? '';
    expect(design).toMatch(/mm²/);
    expect(design).toMatch(/µm²/);
    expect(design).not.toMatch(/um\^2|mm\^2/);
    await page.getByTestId('library-detail').getByRole('button', { name: 'Clone' }).waitFor();
  });

  it('shows "512x512" as it was typed, in the editor and in the table', async () => {
    const { page } = session;
    await cloneAndEdit(page, served, 'builtin:sot-mram-pim', 'Typed PIM');
    const editor = page.getByTestId('library-editor');
    await editor.getByTestId('add-value').click();
    await editor.getByLabel(/Parameter \d+ name/).last().fill('arrayLabel');
    await editor.getByLabel(/Parameter \d+ type/).last().selectOption('text');
    await editor.getByLabel('arrayLabel value').fill('512x512');
    await editor.getByLabel('arrayLabel source').fill('assumption: a label for the plots');
    expect(await editor.getByLabel('arrayLabel value').evaluate((e) => getComputedStyle(e).fontVariantLigatures)).toBe('no-contextual');
    await expect.poll(() => page.getByTestId('save-version').isEnabled()).toBe(true);
    await page.getByTestId('save-version').click();
    await page.getByTestId('save-dialog').getByRole('button', { name: 'Save version 2' }).click();
    await page.getByTestId('library-editor').waitFor({ state: 'detached' });
    const shown = page.getByTestId('values-table').locator('tr[data-key="arrayLabel"] td').nth(1).locator('span');
    expect(await shown.textContent()).toBe('512x512');
    expect(await shown.evaluate((e) => getComputedStyle(e).fontVariantLigatures)).toBe('no-contextual');
  });

  it('explains an empty name at the field, and deletes a library with an Undo that brings back every version with its note', async () => {
    const { page } = session;
    await page.getByTestId('new-library').click();
    const form = page.getByTestId('library-form');
    await form.getByLabel('Kind').selectOption('other');
    await form.getByRole('button', { name: 'Create' }).click();
    expect(await form.getByRole('alert').textContent()).toBe('The name must not be empty');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'dialog-empty-name');
    await form.getByLabel('Name').fill('Throwaway');
    await form.getByRole('alert').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('library-name').filter({ hasText: 'Throwaway' }).waitFor();
    await page.getByTestId('edit-values').click();
    const editor = page.getByTestId('library-editor');
    await editor.getByTestId('add-value').click();
    await editor.getByLabel(/Parameter \d+ name/).last().fill('budget');
    await editor.getByLabel('budget value').fill('5');
    await editor.getByLabel('budget unit').fill('W');
    await editor.getByLabel('budget source').fill('assumption: a round figure');
    await page.getByTestId('save-version').click();
    await page.getByTestId('save-dialog').getByLabel(/What changed/).fill('a first budget');
    await page.getByTestId('save-dialog').getByRole('button', { name: 'Save version 2' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toMatch(/all 2 of its versions.*Undo brings it back/s);
    await screenshot(page, 'dialog-confirm-delete');
    await confirm.getByTestId('confirm-delete').click();
    const undo = page.getByTestId('library-undo');
    await undo.waitFor();
    await expect.poll(() => page.getByRole('option', { name: /Throwaway/ }).count()).toBe(0);
    await screenshot(page, 'libraries-deleted-undo');
    await undo.getByTestId('library-undo-button').click();
    await page.getByTestId('library-name').filter({ hasText: 'Throwaway' }).waitFor();
    await undo.waitFor({ state: 'detached' });
    expect(await page.getByTestId('version-select').inputValue()).toBe('2');
    expect(await page.getByTestId('version-note').textContent()).toMatch(/a first budget/);
    expect(await page.getByTestId('values-table').textContent()).toMatch(/budget\s*5\s*W/);
    expect(session.problems).toEqual([]);
  });

  it('says in words when the simulator fails on a cell, never with the raw internal error', async () => {
    const { page } = session;
    await page.route('**/api/array.evaluate', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'internal error in array.evaluate: output of array.evaluate breaks the contract: [{"path":"area_m2"}]', issues: [] } }),
      }),
    );
    try {
      await openLibrary(page, served, 'builtin:stt-mram-1t1mtj');
      const problem = page.getByTestId('cell-panel').getByTestId('model-problem');
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(/the workbench failed, not the values/);
      expect(await page.getByTestId('cell-panel').textContent()).not.toMatch(/breaks the contract|internal error|\{"path"/);
    } finally {
      await page.unroute('**/api/array.evaluate');
    }
    // The smallest subarray the panel offers evaluates (it once produced NaN, refused as an internal error).
    await page.reload();
    const panel = page.getByTestId('cell-panel');
    await panel.getByTestId('array-results').waitFor();
    await panel.getByLabel('Rows').fill('16');
    await panel.getByLabel('Columns').fill('16');
    await panel.getByTestId('evaluate-array').click();
    await expect.poll(async () => panel.textContent()).toMatch(/Lanes\s*16/);
    expect(await panel.getByTestId('model-problem').count()).toBe(0);
  });
});
