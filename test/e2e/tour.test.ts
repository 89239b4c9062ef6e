import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SIZES, scrollsSideways, openBrowser, screenshot, startServe, type Served, callApi } from './harness.ts';

// Every page at the two smallest window sizes the workbench supports and in both themes: a
// screenshot each to look at, and no page that scrolls sideways. Pages are seen empty (as on a
// fresh store: what to do next) and then with work in them (two runs, a sweep, a reproduction,
// seeded through the same API the page uses), as a user sees them after a day's work.
const chromiumPath = inject('chromiumPath');

const THEMES = ['light', 'dark'] as const;

interface Stop {
  readonly name: string;
  readonly route: string;
  readonly heading: string;
  /** What shows once the page has drawn its content (a test id), if it is not just the heading. */
  readonly ready?: string;
}

const EMPTY: readonly Stop[] = [
  { name: 'libraries-design', route: '#/libraries/builtin:sot-mram-pim', heading: 'Libraries' },
  { name: 'libraries-cell', route: '#/libraries/builtin:sot-mram-2t2mtj', heading: 'Libraries' },
  { name: 'workloads', route: '#/workloads', heading: 'Workloads' },
  { name: 'experiments-empty', route: '#/experiments', heading: 'Experiments' },
  { name: 'compare-empty', route: '#/compare', heading: 'Compare' },
  { name: 'sweeps-empty', route: '#/sweeps', heading: 'Sweeps' },
  { name: 'history-empty', route: '#/history', heading: 'History' },
  { name: 'reference', route: '#/reference', heading: 'Reference' },
];

/** The pages with work in them, given the ids the seeding returned. */
function fullStops(seed: Seed): Stop[] {
  return [
    { name: 'experiments-result', route: `#/experiments/${seed.proposed}`, heading: 'Experiments' },
    { name: 'compare-experiments', route: `#/compare?ids=${seed.proposed},${seed.baseline}&baseline=${seed.baseline}`, heading: 'Compare' },
    { name: 'compare-paper', route: `#/compare?reproduction=${seed.reproduction}`, heading: 'Compare', ready: 'paper-bases' },
    { name: 'sweeps-result', route: `#/sweeps/${seed.sweep}`, heading: 'Sweeps', ready: 'pareto-chart' },
    { name: 'history-list', route: '#/history', heading: 'History', ready: 'history-table' },
    { name: 'reference-entry', route: '#/reference/rows', heading: 'Reference' },
  ];
}

interface Seed {
  readonly proposed: string;
  readonly baseline: string;
  readonly sweep: string;
  readonly reproduction: string;
}

async function seed(served: Served): Promise<Seed> {
  const run = (design: string): Promise<{ experimentId: string }> => callApi(served, 'experiments.run', { design, network: 'resnet18', tags: ['tour'] });
  const proposed = (await run('sot-mram-pim')).experimentId;
  const baseline = (await run('floatpim')).experimentId;
  const axes = [
    { key: 'rows', from: 64, to: 1024, steps: 9, scale: 'log' },
    { key: 'powerBudget', from: 10, to: 200, steps: 9, scale: 'log' },
  ];
  const sweep = await callApi<{ sweepId: string }>(served, 'sweeps.run', { jobId: 'tour-sweep', design: 'sot-mram-pim', network: 'resnet18', axes, name: 'Rows against power', returnPoints: false });
  const paper = await callApi<{ reproductionId: string }>(served, 'paper.reproduce', { basis: 'all', name: 'The paper, every basis' });
  return { proposed, baseline, sweep: sweep.sweepId, reproduction: paper.reproductionId };
}

async function visit(page: Page, served: Served, stop: Stop): Promise<void> {
  await page.goto(`${served.url}${stop.route}`);
  await page.getByRole('heading', { name: stop.heading, level: 1 }).waitFor();
  if (stop.ready) await page.getByTestId(stop.ready).first().waitFor();
  // Charts animate in; let them settle before the picture.
  await page.waitForTimeout(600);
}

describe.skipIf(!chromiumPath)('a tour of every page', () => {
  it('shows every page at 1024x700 and 1280x800 in both themes without sideways scrolling', { timeout: 240_000 }, async () => {
    const served = await startServe();
    try {
      const tour = async (stops: readonly Stop[]): Promise<void> => {
        for (const theme of THEMES) {
          const session = await openBrowser(chromiumPath!, served.url, theme);
          try {
            for (const size of SIZES) {
              await session.page.setViewportSize(size);
              for (const stop of stops) {
                await visit(session.page, served, stop);
                expect(await scrollsSideways(session.page), `${stop.name} at ${size.width}x${size.height}`).toBe(false);
                await screenshot(session.page, `tour-${stop.name}-${size.width}x${size.height}-${theme}`);
              }
            }
            expect(session.problems).toEqual([]);
          } finally {
            await session.close();
          }
        }
      };
      await tour(EMPTY);
      await tour(fullStops(await seed(served)));
    } finally {
      await served.stop();
    }
  });
});
