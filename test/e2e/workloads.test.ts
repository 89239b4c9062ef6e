import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useWorkbenchPage, paintedPixels, screenshot, type BrowserSession, type Served } from './harness.ts';

// The Workloads page: built-in networks with their layers, and imports of NeuroSim and Timeloop files.
const chromiumPath = inject('chromiumPath');
const fixtures = fileURLToPath(new URL('../fixtures/workloads/', import.meta.url));

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('workloads in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/workloads');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('network-detail').waitFor();
  });

  it('shows a built-in network with its MACs against the published figure, a layer table and a chart', async () => {
    const { page } = session;
    await page.getByRole('option', { name: /ResNet-50/ }).click();
    await page.getByTestId('network-name').filter({ hasText: 'ResNet-50' }).waitFor();
    expect(await page.getByTestId('forward-macs').textContent()).toBe('4.089 G');
    expect(await page.getByTestId('network-detail').textContent()).toContain('ratio 0.997');
    expect(await page.getByTestId('layer-table').locator('tbody tr').count()).toBe(175);
    await page.waitForTimeout(200);
    expect(await paintedPixels(page, 'Forward MACs per layer')).toBeGreaterThan(500);
    await screenshot(page, 'workloads-resnet50');
  });

  it('imports a NeuroSim NetWork.csv and a set of Timeloop layer files', async () => {
    const { page } = session;
    await page.getByTestId('import-network-file').setInputFiles(join(fixtures, 'vgg8-NetWork.csv'));
    await page.getByTestId('network-name').filter({ hasText: 'vgg8-NetWork' }).waitFor();
    expect(await page.getByTestId('forward-macs').textContent()).toBe('615.918 M');
    const timeloop = join(fixtures, 'timeloop-alexnet');
    await page.getByTestId('import-network-file').setInputFiles(readdirSync(timeloop).map((f) => join(timeloop, f)));
    await page.getByTestId('network-name').filter({ hasText: '3 layers' }).waitFor();
    await screenshot(page, 'workloads-imported');
  });

  it('shows the line and column of a malformed row, and imports nothing', async () => {
    const { page } = session;
    const before = await page.getByRole('option').count();
    const bad = join(served.dir, 'NetWork.csv');
    writeFileSync(bad, '32,32,3,3,3,128,0,1\n32,32,128,x,3,128,1,1\n');
    await page.getByTestId('import-network-file').setInputFiles(bad);
    const dialog = page.getByTestId('problems-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('line 2, column 4 (K_H)');
    await screenshot(page, 'dialog-network-problems');
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('option').count()).toBe(before);
    expect(session.problems).toEqual([]);
  });
});
