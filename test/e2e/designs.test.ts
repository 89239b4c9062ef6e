import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useWorkbenchPage, paintedPixels, screenshot, type BrowserSession } from './harness.ts';

// Designs in Libraries: a built-in architecture library shows what the simulator makes of it.
const chromiumPath = inject('chromiumPath');

describe.skipIf(!chromiumPath)('designs in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/libraries/builtin:floatpim');
  let session: BrowserSession;

  beforeAll(async () => {
    session = workbench.session();
    await session.page.getByTestId('design-panel').waitFor();
  });

  it('shows FloatPIM\'s modelled area and power, with an area chart, and offers to run it', async () => {
    const { page } = session;
    await page.getByTestId('design-area').waitFor();
    expect(await page.getByTestId('design-area').textContent()).toMatch(/^3\d\.\d+ mm\^2$/);
    const panel = (await page.getByTestId('design-panel').textContent()) ?? '';
    expect(panel).toMatch(/of 8192/);
    expect(panel).toContain('ReRAM crossbar, MAGIC NOR');
    await page.waitForTimeout(200);
    expect(await paintedPixels(page, 'Area by component')).toBeGreaterThan(300);
    expect(await page.getByTestId('run-design').getAttribute('href')).toContain('design=builtin:floatpim');
    await screenshot(page, 'libraries-design');
  });

  it('says plainly when an architecture library is a reference sheet, not a runnable design', async () => {
    const { page } = session;
    await page.goto(page.url().replace(/#.*$/, '#/libraries/builtin:floatpim-published'));
    await page.getByTestId('design-panel').getByText('Not a runnable design').waitFor();
    expect(session.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
