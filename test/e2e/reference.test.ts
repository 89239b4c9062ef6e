/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PARAMETERS } from '../../src-main/shared/parameters.ts';
import { PUBLICATIONS } from '../../src-main/shared/publications.ts';
import { shootBothSizes, openBrowser, useWorkbenchPage, type BrowserSession, type Served } from './harness.ts';

// The Reference page: every parameter the built-in designs and cells carry, with its meaning, unit
// and the publications behind it in full; parameter labels elsewhere lead to the right entry.
const chromiumPath = inject('chromiumPath');


/** The unit as the page typesets it (see ParameterEntry). */
function shownUnit(unit: string): string {
  if (unit === '') return 'none (a word)';
  if (unit === '1') return 'none (a count)';
  return unit.replace(/^u(?=[A-Za-z])/, 'µ').replace('^2', '²');
}

/** Every value key of the built-in designs and cells, read through the page's own API session. */
async function builtinKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const token = sessionStorage.getItem('pimwb.sessionToken') ?? '';
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const response = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      const result = (await response.json()) as { ok: boolean; value: T };
      return result.value;
    };
    const designs = (await call<{ items: { id: string; builtIn: boolean }[] }>('designs.list', {})).items.filter((d) => d.builtIn);
    const cells = (await call<{ items: { id: string; builtIn: boolean }[] }>('cells.list', {})).items.filter((c) => c.builtIn);
    const keys = new Set<string>();
    for (const d of designs) for (const v of (await call<{ values: { key: string }[] }>('designs.get', { ref: d.id })).values) keys.add(v.key);
    for (const c of cells) for (const v of (await call<{ library: { values: { key: string }[] } }>('cells.get', { ref: c.id })).library.values) keys.add(v.key);
    return [...keys];
  });
}

interface ShownEntry {
  readonly key: string;
  readonly unit: string;
  readonly sources: string[];
}

async function shownEntries(page: Page): Promise<Map<string, ShownEntry>> {
  const entries = await page.locator('[data-testid="reference-entry"]').evaluateAll((els) =>
    els.map((el) => ({
      key: el.getAttribute('data-key') ?? '',
      unit: el.querySelector('[data-testid="reference-unit"]')?.textContent?.trim() ?? '',
      sources: Array.from(el.querySelectorAll('[data-testid="reference-source"]')).map((s) => s.textContent?.trim() ?? ''),
    })),
  );
  return new Map(entries.map((e) => [e.key, e]));
}

/** Whether the entry's top is inside the scrolling entries pane, where a reader sees it. */
async function entryInView(page: Page, key: string): Promise<boolean> {
  return page.evaluate((k) => {
    const entry = document.querySelector(`[data-testid="reference-entry"][data-key="${k}"]`);
    const pane = entry?.closest('.entries');
    if (!entry || !pane) return false;
    const e = entry.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return e.top >= p.top - 1 && e.top < p.bottom - 40;
  }, key);
}

describe.skipIf(!chromiumPath)('the reference in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/reference');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByRole('heading', { name: 'Reference', level: 1 }).waitFor();
  });

  it('explains every parameter of the built-in designs and cells: unit, and full references where it cites any', async () => {
    const { page } = session;
    const keys = await builtinKeys(page);
    expect(keys.length).toBeGreaterThan(40);
    const shown = await shownEntries(page);
    const references = new Map(PUBLICATIONS.map((p) => [p.id, p.reference]));
    for (const key of keys) {
      const info = PARAMETERS.find((p) => p.key === key);
      const entry = shown.get(key);
      expect(entry, key).toBeDefined();
      expect(entry!.unit, key).toBe(shownUnit(info!.unit));
      if (info!.sources.length === 0) continue;
      expect(entry!.sources.length, key).toBeGreaterThan(0);
      expect(entry!.sources, key).toEqual(info!.sources.map((id) => references.get(id)));
    }
    const publications = page.getByTestId('reference-publications');
    for (const p of PUBLICATIONS) expect(await publications.textContent()).toContain(p.reference);
    // What the built-ins set a parameter to, and the source each gives.
    await page.goto(`${served.url}#/reference/setPulse`);
    const setPulse = page.locator('[data-testid="reference-entry"][data-key="setPulse"]');
    await setPulse.locator('details[open] tbody tr').first().waitFor();
    expect(await setPulse.getAttribute('aria-current')).toBe('true');
    expect(await setPulse.locator('details tbody').textContent()).toMatch(/NeuroSim V2\.0.*ns/s);
    expect(await entryInView(page, 'setPulse')).toBe(true);
    await shootBothSizes(page, 'reference-light');
  });

  it('filters on key, meaning or unit, and names close matches for an unknown key', async () => {
    const { page } = session;
    await page.goto(`${served.url}#/reference`);
    await page.getByTestId('reference-filter').fill('SOT resistance');
    const keys = await page.locator('[data-testid="reference-entry"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-key')));
    expect(keys).toContain('sotChannelResistance');
    expect(keys.length).toBeLessThan(PARAMETERS.length / 4);
    await page.getByTestId('reference-filter').fill('');
    await page.goto(`${served.url}#/reference/cellarea`);
    const unknown = page.getByTestId('reference-unknown');
    await unknown.waitFor();
    expect(await unknown.textContent()).toMatch(/No parameter “cellarea”.*Did you mean cellArea\?/s);
    await unknown.getByRole('link', { name: 'cellArea' }).click();
    await page.waitForURL(/#\/reference\/cellArea$/);
    expect(await page.locator('[data-key="cellArea"]').getAttribute('aria-current')).toBe('true');
    await page.getByRole('navigation', { name: 'Parameters' }).getByRole('link', { name: /powerBudget/ }).click();
    await page.waitForURL(/#\/reference\/powerBudget$/);
    await page.waitForTimeout(200);
    expect(await entryInView(page, 'powerBudget')).toBe(true);
  });

  it('follows a parameter label from the paper assumptions on Compare to its entry', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /compare/i }).click();
    await page.getByRole('heading', { name: 'Compare', level: 1 }).waitFor();
    await page.getByTestId('reproduce-paper').click();
    await page.getByTestId('paper-table').waitFor();
    const assumptions = page.getByTestId('paper-assumptions');
    await assumptions.locator('summary').click();
    const link = page.locator('a.param-label[data-param="blocksPerTile"]');
    const label = assumptions.locator(link).first();
    expect(await label.getAttribute('title')).toMatch(/^blocks per tile: Blocks in a tile/);
    expect(await assumptions.locator('tbody tr').filter({ has: link }).first().textContent()).toMatch(/SOT-MRAM PIM.*: blocksPerTile/);
    await label.click();
    await page.waitForURL(/#\/reference\/blocksPerTile$/);
    await page.getByRole('heading', { name: 'Reference', level: 1 }).waitFor();
    const entry = page.locator('[data-testid="reference-entry"][data-key="blocksPerTile"]');
    expect(await entry.getAttribute('aria-current')).toBe('true');
    await page.waitForTimeout(300);
    expect(await entryInView(page, 'blocksPerTile')).toBe(true);
    expect(await entry.textContent()).toContain('Imani, Gupta, Kim, Rosing. FloatPIM');
    expect(session.problems).toEqual([]);
  });

  it('is on the rail and looks finished in the dark theme too', async () => {
    const dark = await openBrowser(chromiumPath!, `${served.url}#/libraries`, 'dark');
    try {
      const { page } = dark;
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /reference/i }).click();
      await page.getByRole('heading', { name: 'Reference', level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.goto(`${served.url}#/reference/resistanceHigh`);
      await page.locator('[data-key="resistanceHigh"] details[open] tbody tr').first().waitFor();
      await shootBothSizes(page, 'reference-dark');
      await page.keyboard.press('Alt+7');
      expect(dark.problems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
