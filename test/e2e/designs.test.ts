import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useWorkbenchPage, paintedPixels, screenshot, type BrowserSession, type Served } from './harness.ts';

// Designs in Libraries: a built-in architecture library shows what the simulator makes of it.
const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('designs in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/libraries/builtin:floatpim');
  let session: BrowserSession;
  let served: Served;

  beforeAll(async () => {
    session = workbench.session();
    served = workbench.served();
    await session.page.getByTestId('design-panel').waitFor();
  });

  it('shows FloatPIM\'s modelled area and power, with an area chart, and offers to run it', async () => {
    const { page } = session;
    await page.getByTestId('design-area').waitFor();
    expect(await page.getByTestId('design-area').textContent()).toMatch(/^\d+(\.\d+)? mm²$/);
    const panel = (await page.getByTestId('design-panel').textContent()) ?? '';
    expect(panel).toMatch(/of 8192/);
    expect(panel).toContain('ReRAM crossbar, MAGIC NOR');
    await page.waitForTimeout(200);
    expect(await paintedPixels(page, 'Area by component')).toBeGreaterThan(300);
    expect(await page.getByTestId('run-design').getAttribute('href')).toContain('design=builtin:floatpim');
    await screenshot(page, 'libraries-design');
  });

  it('checks a design while it is edited, naming the value the simulator cannot build a chip from', async () => {
    const { page } = session;
    const clone = await page.evaluate(
      async ({ token }) => {
        const response = await fetch('/api/libraries.clone', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ ref: 'builtin:floatpim', name: 'Narrow FloatPIM' }),
        });
        return ((await response.json()) as { value: { id: string } }).value.id;
      },
      { token: served.token },
    );
    await page.goto(page.url().replace(/#.*$/, `#/libraries/${clone}`));
    await page.getByTestId('edit-values').click();
    const editor = page.getByTestId('library-editor');
    await editor.getByLabel('cols value').fill('64');
    const note = editor.locator('[data-testid="value-note"][data-note-for="cols"]');
    await note.getByText(/a lane of 64 bits cannot hold/).waitFor();
    const check = page.getByTestId('cell-check');
    expect(await check.textContent()).toMatch(/cannot simulate\s*cols/);
    expect(await page.getByTestId('save-version').isDisabled()).toBe(true);
    await screenshot(page, 'libraries-design-editor');
    await editor.getByLabel('cols value').fill('1024');
    // What stays is a warning against the cell (FloatPIM's rows cannot be written with NVSim's drivers), not an error.
    await note.waitFor({ state: 'detached' });
    await expect.poll(async () => check.textContent()).not.toContain('cannot simulate');
    expect(await check.textContent()).toMatch(/unusual\s*cell/);
    await editor.getByRole('button', { name: /Discard|Close editor/ }).click();
    const confirm = page.getByTestId('confirm-dialog');
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: /Discard/ }).click();
    await editor.waitFor({ state: 'detached' });
  });

  it('says plainly when an architecture library is a reference sheet, not a runnable design', async () => {
    const { page } = session;
    await page.goto(page.url().replace(/#.*$/, '#/libraries/builtin:floatpim-published'));
    await page.getByTestId('design-panel').getByText('Not a runnable design').waitFor();
    expect(session.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
