import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, startServe, type Served } from './harness.ts';

// Every page as a user first sees it, at the two smallest window sizes the workbench supports and
// in both themes: a screenshot each to look at, and no page that scrolls sideways.
const chromiumPath = inject('chromiumPath');

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Stop {
  readonly name: string;
  readonly route: string;
  readonly heading: string;
}

const PAGES: readonly Stop[] = [
  { name: 'libraries-design', route: '#/libraries/builtin:sot-mram-pim', heading: 'Libraries' },
  { name: 'libraries-cell', route: '#/libraries/builtin:sot-mram-2t2mtj', heading: 'Libraries' },
  { name: 'workloads', route: '#/workloads', heading: 'Workloads' },
  { name: 'experiments', route: '#/experiments', heading: 'Experiments' },
  { name: 'compare', route: '#/compare', heading: 'Compare' },
  { name: 'sweeps', route: '#/sweeps', heading: 'Sweeps' },
  { name: 'history', route: '#/history', heading: 'History' },
  { name: 'reference', route: '#/reference', heading: 'Reference' },
];

async function visit(page: Page, served: Served, stop: Stop): Promise<void> {
  await page.goto(`${served.url}${stop.route}`);
  await page.getByRole('heading', { name: stop.heading, level: 1 }).waitFor();
  // Charts animate in; let them settle before the picture.
  await page.waitForTimeout(600);
}

async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe.skipIf(!chromiumPath)('a tour of every page', () => {
  it('shows every page at 1024x700 and 1280x800 in both themes without sideways scrolling', { timeout: 240_000 }, async () => {
    const served = await startServe();
    try {
      for (const theme of THEMES) {
        const session = await openBrowser(chromiumPath!, served.url, theme);
        try {
          for (const size of SIZES) {
            await session.page.setViewportSize(size);
            for (const stop of PAGES) {
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
    } finally {
      await served.stop();
    }
  });
});
