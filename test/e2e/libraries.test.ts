import { beforeAll, describe, expect, inject, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useWorkbenchPage, paintedPixels, screenshot, type BrowserSession, type Served } from './harness.ts';
import { sampleFile } from '../helpers/workbench.ts';

// Library management through the UI, end to end on a real store.
const chromiumPath = inject('chromiumPath');

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('libraries in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath);
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('library-detail').waitFor();
  });

  it('creates a library that is still there after a reload', async () => {
    const { page } = session;
    await page.getByTestId('new-library').click();
    const dialog = page.getByTestId('library-form');
    await dialog.getByLabel('Name').fill('My SOT cell');
    await dialog.getByLabel('Kind').selectOption('cell');
    await dialog.getByLabel('Description').fill('Created in the browser test');
    await screenshot(page, 'dialog-new-library');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByTestId('library-name').filter({ hasText: 'My SOT cell' }).waitFor();
    await page.reload();
    await page.getByRole('option', { name: /My SOT cell/ }).waitFor();
    await page.getByRole('option', { name: /My SOT cell/ }).click();
    await page.getByTestId('library-name').filter({ hasText: 'My SOT cell' }).waitFor();
    expect(await page.getByTestId('library-detail').textContent()).toContain('Created in the browser test');
  });

  it('shows the reason next to the name when it is already taken', async () => {
    const { page } = session;
    await page.keyboard.press('Control+n');
    const dialog = page.getByTestId('library-form');
    await dialog.getByLabel('Name').fill('my sot CELL');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/already exists/);
    await screenshot(page, 'dialog-name-taken');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('imports a library file and lists its values with units and sources', async () => {
    const { page } = session;
    const file = join(served.dir, 'sample.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('library-name').filter({ hasText: 'Sample SOT cell' }).waitFor();
    const table = page.getByTestId('values-table');
    expect(await table.locator('tbody tr').count()).toBe(sampleFile.values.length);
    expect(await table.textContent()).toContain('NeuroSim SOT-MRAM preset');
    expect(await table.textContent()).toContain('kOhm');
    await screenshot(page, 'library-imported');
  });

  it('lists what is wrong with a broken file and saves nothing', async () => {
    const { page } = session;
    const countBefore = await page.getByRole('option').count();
    const broken = join(served.dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...sampleFile, name: 'Broken', values: sampleFile.values.map((v, i) => (i === 3 ? { ...v, unit: 'parsecs' } : v)) }));
    await page.getByTestId('import-file').setInputFiles(broken);
    const problems = page.getByTestId('problems-dialog');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('values[3].unit');
    await screenshot(page, 'dialog-import-problems');
    await problems.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('option').count()).toBe(countBefore);
  });

  it('renames with F2 and deletes after confirmation', async () => {
    const { page } = session;
    await page.getByRole('option', { name: /Sample SOT cell/ }).click();
    await page.getByTestId('library-name').filter({ hasText: 'Sample SOT cell' }).waitFor();
    await page.keyboard.press('F2');
    const form = page.getByTestId('library-form');
    await form.getByLabel('Name').fill('Sample renamed');
    await form.getByRole('button', { name: 'Rename' }).click();
    await page.getByTestId('library-name').filter({ hasText: 'Sample renamed' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('Sample renamed');
    await screenshot(page, 'dialog-confirm-delete');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.getByRole('option', { name: /Sample renamed/ }).count()).toBe(0);
    expect(session.problems).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('editing library values in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath);
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    const file = join(served.dir, 'sample.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    await session.page.getByTestId('library-detail').waitFor();
    await session.page.getByTestId('import-file').setInputFiles(file);
    await session.page.getByTestId('library-name').filter({ hasText: 'Sample SOT cell' }).waitFor();
  });

  it('edits a value, shows problems inline, undoes and redoes, and saves a new version with Ctrl+S', async () => {
    const { page } = session;
    await page.getByTestId('edit-values').click();
    const editor = page.getByTestId('library-editor');
    const rp = editor.getByLabel('R_P value');
    await rp.fill('12');
    await editor.getByLabel('R_AP value').fill('twenty');
    await editor.getByText('"twenty" is not a number').waitFor();
    expect(await page.getByTestId('save-version').isDisabled()).toBe(true);
    await screenshot(page, 'library-editor-problem');
    await page.keyboard.press('Control+z');
    expect(await editor.getByLabel('R_AP value').inputValue()).toBe('20.4');
    await page.keyboard.press('Control+Shift+z');
    expect(await editor.getByLabel('R_AP value').inputValue()).toBe('twenty');
    await page.keyboard.press('Control+z');
    await editor.getByLabel('R_P unit').selectOption('Ohm');
    expect(await rp.inputValue()).toBe('12000');
    await page.keyboard.press('Control+s');
    const save = page.getByTestId('save-dialog');
    await save.getByLabel(/What changed/).fill('R_P from a new measurement');
    await screenshot(page, 'dialog-save-version');
    await save.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByTestId('library-editor').waitFor({ state: 'detached' });
    expect(await page.getByTestId('values-table').textContent()).toContain('12000');
    expect(await page.getByTestId('version-select').inputValue()).toBe('2');
  });

  it('compares version 1 with version 2, value by value', async () => {
    const { page } = session;
    await page.getByTestId('compare').click();
    const table = page.getByTestId('diff-table');
    await table.waitFor();
    const changed = table.locator('tr[data-kind="changed"]');
    expect(await changed.count()).toBe(1);
    expect(await changed.textContent()).toMatch(/R_P.*10 kOhm.*12000 Ohm/);
    expect(await page.getByTestId('diff-summary').textContent()).toContain('1 changed');
    await screenshot(page, 'library-diff');
  });

  it('shows an older version read-only and asks before discarding edits', async () => {
    const { page } = session;
    await page.getByTestId('back-to-library').click();
    await page.getByTestId('version-select').selectOption('1');
    await page.getByText('older version · read-only').waitFor();
    expect(await page.getByTestId('values-table').locator('tr', { hasText: 'R_P' }).textContent()).toMatch(/R_P\s*10\s*kOhm/);
    await screenshot(page, 'library-older-version');
    expect(await page.getByTestId('edit-values').isDisabled()).toBe(true);
    await page.getByTestId('version-select').selectOption('2');
    await page.getByText('older version · read-only').waitFor({ state: 'detached' });
    await page.getByTestId('edit-values').click();
    await page.getByTestId('library-editor').getByLabel('writePulse value').fill('2');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /History/ }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Discard unsaved changes?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(page.url()).toContain('/libraries/');
    expect(await page.getByTestId('library-editor').getByLabel('writePulse value').inputValue()).toBe('2');
    expect(session.problems).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('cells in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath);
  let session: BrowserSession;

  beforeAll(async () => {
    session = workbench.session();
    await session.page.getByTestId('library-detail').waitFor();
  });

  it('imports an NVSim .cell file and evaluates a subarray from it, with a chart', async () => {
    const { page } = session;
    await page.getByTestId('import-file').setInputFiles(new URL('../fixtures/cells/nvsim-sample-sttram.cell', import.meta.url).pathname);
    await page.getByTestId('library-name').filter({ hasText: 'nvsim-sample-sttram' }).waitFor();
    const panel = page.getByTestId('cell-panel');
    await panel.getByTestId('array-results').waitFor();
    expect(await panel.textContent()).toContain('stt-mram-1t1mtj');
    await page.waitForTimeout(200);
    expect(await paintedPixels(page, 'Energy and latency per operation')).toBeGreaterThan(500);
    await panel.getByLabel('Rows').fill('1024');
    await panel.getByTestId('evaluate-array').click();
    await expect.poll(async () => panel.textContent()).toMatch(/Lanes\s*256/);
    await screenshot(page, 'cell-imported');
  });

  it('warns while editing a cell value the simulator finds suspicious', async () => {
    const { page } = session;
    await page.getByTestId('edit-values').click();
    const editor = page.getByTestId('library-editor');
    await editor.getByLabel('accessWidth value').fill('40');
    // The reason is at the field, marked as a warning: Save stays possible.
    const note = editor.locator('[data-testid="value-note"][data-note-for="accessWidth"]');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/wider than the cell/);
    expect(await note.locator('.note.warning').count()).toBe(1);
    expect(await page.getByTestId('cell-check').textContent()).toMatch(/unusual\s*accessWidth/);
    await expect.poll(() => page.getByTestId('save-version').isEnabled()).toBe(true);
    await screenshot(page, 'cell-editor-warning');
    expect(session.problems).toEqual([]);
  });
});
