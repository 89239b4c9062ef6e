/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SIZES, openBrowser, screenshot, startServe, type BrowserSession, type Served } from './harness.ts';

// Every value of a library can be read, in view and in edit mode, at the smallest window the
// workbench supports and at a usual one: each row scrolls into its pane's visible area with nothing
// over it, the editor's Save bar stays in view, and nothing scrolls sideways.
const chromiumPath = inject('chromiumPath');

const DESIGN = 'builtin:sot-mram-pim';
const CELL = 'builtin:sot-mram-2t2mtj';

async function clone(page: Page, served: Served, ref: string, name: string): Promise<string> {
  return page.evaluate(
    async ({ token, ref, name }) => {
      const response = await fetch('/api/libraries.clone', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ ref, name }),
      });
      return ((await response.json()) as { value: { id: string } }).value.id;
    },
    { token: served.token, ref, name },
  );
}

async function open(page: Page, served: Served, id: string): Promise<void> {
  await page.goto(`${served.url.replace(/#.*$/, '')}#/libraries/${encodeURIComponent(id)}`);
  await page.getByTestId('library-detail').waitFor();
  await page.getByTestId('library-name').waitFor();
}

/** Why `target` (a point inside `row`) is not readable where it is, or null when it is. */
async function unreadable(page: Page, row: Locator, target: Locator, scroller: Locator): Promise<string | null> {
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  const pane = await scroller.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || !pane) return 'not laid out';
  const inside = (outer: { x: number; y: number; width: number; height: number }): boolean =>
    box.y >= outer.y - 0.5 && box.y + box.height <= outer.y + outer.height + 0.5 && box.x >= outer.x - 0.5 && box.x + box.width <= outer.x + outer.width + 0.5;
  if (!inside({ x: 0, y: 0, ...viewport })) return `outside the window (${JSON.stringify(box)})`;
  if (!inside(pane)) return `outside its scrolling pane (${JSON.stringify(box)} in ${JSON.stringify(pane)})`;
  const covered = await target.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && (element === hit || element.contains(hit)) ? null : `covered by ${hit?.tagName}.${String(hit?.className)}`;
  });
  return covered;
}

/** The Save bar is in the window and nothing is over it. */
async function saveBarVisible(page: Page): Promise<boolean> {
  const save = page.getByTestId('save-version');
  const box = await save.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || box.y < 0 || box.y + box.height > viewport.height) return false;
  return save.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (element === hit || element.contains(hit));
  });
}

/** Elements that scroll sideways: the page itself, the detail body or the editor's rows. */
async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const candidates = [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>('[data-testid="detail-body"], [data-testid="editor-scroll"], main'))];
    return candidates.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${e.tagName}[${e.dataset.testid ?? ''}] ${e.scrollWidth} > ${e.clientWidth}`);
  });
}

async function checkViewMode(page: Page, keys: readonly string[]): Promise<void> {
  const table = page.getByTestId('values-table');
  const scroller = page.getByTestId('detail-body');
  expect(await table.locator('tbody tr').count()).toBe(keys.length);
  for (const key of keys) {
    const row = table.locator(`tbody tr[data-key="${key}"]`);
    expect(await unreadable(page, row, row.locator('td').nth(1), scroller), `${key} (view)`).toBeNull();
    expect(await unreadable(page, row, row.locator('td').first(), scroller), `${key} label (view)`).toBeNull();
    expect(await row.textContent()).toContain(key);
  }
  expect(await sidewaysScrollers(page)).toEqual([]);
}

async function checkEditMode(page: Page, keys: readonly string[]): Promise<void> {
  const scroller = page.getByTestId('editor-scroll');
  const editor = page.getByTestId('values-editor');
  for (const key of keys) {
    const row = editor.locator(`tr[data-key="${key}"]`);
    expect(await unreadable(page, row, row.locator('[data-field="value"]'), scroller), `${key} (edit)`).toBeNull();
    expect(await saveBarVisible(page), `Save bar while ${key} is shown`).toBe(true);
  }
  // The wheel scrolls the rows (back to the top, then down), and the Save bar stays.
  await scroller.evaluate((e) => e.scrollTo(0, 0));
  const box = (await scroller.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const room = await scroller.evaluate((e) => e.scrollHeight - e.clientHeight);
  expect(room).toBeGreaterThan(100);
  for (let i = 0; i < 3; i += 1) await page.mouse.wheel(0, 300);
  await expect.poll(() => scroller.evaluate((e) => e.scrollTop)).toBeGreaterThanOrEqual(Math.min(room, 300) - 1);
  expect(await saveBarVisible(page)).toBe(true);
  expect(await sidewaysScrollers(page)).toEqual([]);
}

describe.skipIf(!chromiumPath)('reading and editing a library at 1024x700 and 1280x800', () => {
  let served: Served;

  beforeAll(async () => {
    served = await startServe();
  });

  afterAll(async () => {
    await served?.stop();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`shows every value of the SOT-MRAM PIM design and of a cell, in view and edit mode, with the Save bar in view (${theme})`, { timeout: 240_000 }, async () => {
      const session: BrowserSession = await openBrowser(chromiumPath!, served.url, theme);
      try {
        const { page } = session;
        await page.getByTestId('library-detail').waitFor();
        const designCopy = await clone(page, served, DESIGN, `PIM copy (${theme})`);
        const cellCopy = await clone(page, served, CELL, `Cell copy (${theme})`);
        for (const size of SIZES) {
          await page.setViewportSize(size);
          const suffix = `${size.width}x${size.height}-${theme}`;
          for (const [kind, builtin, copy] of [['design', DESIGN, designCopy], ['cell', CELL, cellCopy]] as const) {
            await open(page, served, builtin);
            await page.getByTestId(kind === 'design' ? 'design-panel' : 'cell-panel').waitFor();
            await page.waitForTimeout(400);
            const keys = await page.getByTestId('values-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.key!));
            expect(keys.length, kind).toBeGreaterThan(15);
            await page.getByTestId('detail-body').evaluate((e) => e.scrollTo(0, 0));
            await screenshot(page, `libraries-${kind}-view-${suffix}`);
            await checkViewMode(page, keys);
            await open(page, served, copy);
            await page.getByTestId('edit-values').click();
            await page.getByTestId('library-editor').waitFor();
            await page.waitForTimeout(400);
            await screenshot(page, `libraries-${kind}-edit-${suffix}`);
            await checkEditMode(page, keys);
            await page.getByRole('button', { name: 'Close editor' }).click();
            await page.getByTestId('library-editor').waitFor({ state: 'detached' });
          }
        }
        expect(session.problems).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
