/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { request } from 'node:http';
import { useWorkbenchPage, paintedPixels, screenshot, type BrowserSession, type Served } from './harness.ts';

// The workbench shell in Chromium against `pimwb serve`: every page of the rail, both themes.
const chromiumPath = inject('chromiumPath');

// Skipped only when global-setup found no Chromium outside CI (it printed why, loudly).
describe.skipIf(!chromiumPath)('workbench shell in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath);
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
  });

  it('opens on Libraries with the rail, the status bar and the built-in libraries', async () => {
    const { page } = session;
    await page.getByRole('heading', { name: 'Libraries', level: 1 }).waitFor();
    for (const label of ['Libraries', 'Workloads', 'Experiments', 'Compare', 'Sweeps', 'History']) {
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label })).toBeTruthy();
    }
    await page.getByTestId('library-detail').waitFor();
    await page.getByRole('option', { name: /FloatPIM \(published figures\)/ }).waitFor();
    await page.getByRole('option', { name: /SOT-MRAM 2T2MTJ/ }).waitFor();
    await expect(page.getByTestId('status-bar').textContent()).resolves.toContain(served.dbPath);
    expect(page.url()).not.toContain('token=');
  });

  it('draws the provenance chart', async () => {
    const { page } = session;
    await page.locator('[data-chart="Provenance of values by library"] canvas').waitFor();
    await page.waitForTimeout(300);
    expect(await paintedPixels(page, 'Provenance of values by library')).toBeGreaterThan(500);
  });

  it('shows every page of the rail in both themes, with no errors', async () => {
    const { page } = session;
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => localStorage.setItem('pimwb.theme', t), theme);
      await page.reload();
      await page.getByRole('heading', { name: 'Libraries', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.getByTestId('library-detail').waitFor();
      await page.waitForTimeout(200);
      await screenshot(page, `libraries-${theme}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /workloads/i }).click();
      await page.getByTestId('network-detail').waitFor();
      await page.waitForTimeout(200);
      await screenshot(page, `workloads-${theme}`);
      for (const key of ['experiments', 'compare', 'sweeps', 'history']) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: new RegExp(key, 'i') }).click();
        await page.getByRole('heading', { name: new RegExp(`^${key}$`, 'i'), level: 1 }).waitFor();
        await page.waitForTimeout(200);
        await screenshot(page, `${key}-${theme}`);
      }
      await page.keyboard.press('Alt+1');
      await page.getByRole('heading', { name: 'Libraries', level: 1 }).waitFor();
    }
    expect(session.problems).toEqual([]);
  });

  it('refuses API calls without the session token (401) and paths outside the app (404)', async () => {
    const status = (path: string, method = 'GET', headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        const port = Number(new URL(served.origin).port);
        const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });
    expect(await status('/api/libraries.list', 'POST')).toBe(401);
    expect(await status('/api/libraries.list', 'POST', { Authorization: `Bearer ${served.token}` })).toBe(200);
    expect(await status('/../package.json')).toBe(404);
    expect(await status('/%2e%2e/package.json')).toBe(404);
    expect(await status('/')).toBe(200);
  });
});
