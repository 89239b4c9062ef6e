/// <reference lib="dom" />
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { go, scrollTo, screenshot, shootBothSizes, useWorkbenchPage, type BrowserSession, type Served, callApi } from './harness.ts';

// A cell's page lists the error probability of each of its primitives from its device variation,
// in the result page's table (exportable), and follows edits to the variation values.
const chromiumPath = inject('chromiumPath');

const CELL = 'builtin:sot-mram-2t2mtj';
/** How the page writes a probability: 0, "3.2e-9", or up to 3 significant digits. */
const PROBABILITY = /^(0|0\.\d+|\d(\.\d+)?e-\d+)$/;

interface CellErrors {
  library: { id: string; name: string; version: number; values: { key: string }[] };
  errors?: Record<string, { probability: number; basis: string }>;
}

async function openCell(page: Page, id: string, name: string): Promise<void> {
  await go(page, `#/libraries/${encodeURIComponent(id)}`);
  await page.getByTestId('library-name').filter({ hasText: name }).waitFor();
  await page.getByTestId('cell-errors-table').waitFor();
}

/** Shown rows as [primitive, probability text, basis]. */
async function shownRows(page: Page): Promise<string[][]> {
  const rows = await page.getByTestId('cell-errors-table').locator('tbody tr').all();
  return Promise.all(rows.map((r) => r.locator('td').allTextContents()));
}

describe.skipIf(!chromiumPath)('error probabilities on a cell page', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/libraries');
  let served: Served;
  let session: BrowserSession;

  beforeAll(async () => {
    served = workbench.served();
    session = workbench.session();
    await session.page.getByTestId('library-detail').waitFor();
  });

  it('lists every primitive of the SOT-MRAM 2T2MTJ cell with its probability and basis, and exports them', async () => {
    const { page } = session;
    const cell = { ...(await callApi<CellErrors>(served, 'cells.get', { ref: CELL })), ...(await callApi<Pick<CellErrors, 'errors'>>(served, 'cells.errors', { ref: CELL })) };
    await openCell(page, CELL, cell.library.name);
    const rows = await shownRows(page);
    expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(cell.errors!).sort());
    const maj3 = rows.find((r) => r[0] === 'maj3')!;
    expect(maj3[1]).toMatch(PROBABILITY);
    expect(Number(maj3[1])).toBeCloseTo(cell.errors!.maj3!.probability, 2);
    expect(maj3[2]).toBe(cell.errors!.maj3!.basis);
    for (const r of rows) expect(r[1], r[0]).toMatch(PROBABILITY);
    expect(await page.getByTestId('cell-errors').textContent()).toMatch(/Clone the cell and edit those values/);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cell-errors').getByTestId('export-csv').click()]);
    const csv = readFileSync((await file.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('Primitive,P(output bit wrong),Basis');
    expect(csv.filter((line) => line.startsWith('maj3,'))).toHaveLength(1);

    await scrollTo(page, '[data-testid="cell-errors"]');
    await shootBothSizes(page, 'cell-errors');
    expect(session.problems).toEqual([]);
  });

  it('shows all 0 once the copy of a cell has no variation values', async () => {
    const { page } = session;
    const copy = await callApi<CellErrors['library']>(served, 'libraries.clone', { ref: CELL, name: 'Cell without variation' });
    const spreads = /^(sigmaLnR|tmrSigma|senseOffsetSigma|referenceSigma|switchingTimeSigma|setSwitchingTime|resetSwitchingTime)/;
    const values = copy.values.filter((v) => !spreads.test(v.key));
    expect(values.length).toBeLessThan(copy.values.length);
    await callApi(served, 'libraries.saveVersion', { ref: copy.id, baseVersion: copy.version, values, note: 'no variation' });
    await openCell(page, copy.id, 'Cell without variation');
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r[1], r[0]).toBe('0');
    expect(await page.getByTestId('cell-errors').textContent()).toMatch(/Edit those values/);
    await scrollTo(page, '[data-testid="cell-errors"]');
    await screenshot(page, 'cell-errors-no-variation');
    expect(session.problems).toEqual([]);
  });
});
