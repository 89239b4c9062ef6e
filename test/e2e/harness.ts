/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.ts';

// Starts the real `pimwb serve` on a temporary database and a headless Chromium against it.

const PIMWB = fileURLToPath(new URL('../../src-main/cli/pimwb.mjs', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface Served {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly dir: string;
  readonly dbPath: string;
  stop(): Promise<void>;
}

/** Calls a contract channel from the test process, with the served page's session token; a refusal throws, naming the channel. */
export async function callApi<T>(served: Served, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${served.origin}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` }, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Calls a contract channel through the page's own API transport (same origin, same session token). */
export async function callInPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('pimwb.sessionToken') ?? '';
      const response = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
      return result.value as never;
    },
    { channel, input },
  );
}

export async function startServe(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-e2e-'));
  const dbPath = join(dir, 'e2e.sqlite');
  const child = spawn(process.execPath, [PIMWB, 'serve', '--port', '0', '--db', dbPath, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = await waitForUrl(child);
  return {
    ...started,
    origin: new URL(started.url).origin,
    dir,
    dbPath,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`pimwb serve did not start in time: ${err}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        const parsed = JSON.parse(out) as { url: string; token: string };
        clearTimeout(timer);
        resolve(parsed);
      } catch {
        // Not a whole JSON object yet.
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pimwb serve exited with ${code}: ${err}`));
    });
  });
}

export interface BrowserSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openBrowser(executablePath: string, url: string, theme: 'light' | 'dark' = 'light'): Promise<BrowserSession> {
  // Playwright gives every launch a fresh, empty profile of its own.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme, acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every non-2xx response; 400 and 409 are answers to bad input the tests provoke on
    // purpose (and check in the UI). Anything else, a 404 for an asset included, is a problem.
    const provoked = /Failed to load resource: .* status of (400|409) /.test(message.text());
    if (message.type() === 'error' && !provoked) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.goto(url);
  return {
    browser,
    context,
    page,
    problems,
    close: () => browser.close(),
  };
}

/**
 * A served workbench and a browser on it for one describe block: started before its tests,
 * stopped after. `path` is appended to the session URL (a route such as "#/workloads").
 */
export function useWorkbenchPage(executablePath: string | null, path = ''): { served: () => Served; session: () => BrowserSession } {
  let served: Served | undefined;
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    served = await startServe();
    session = await openBrowser(executablePath!, `${served.url}${path}`);
  });
  afterAll(async () => {
    await session?.close();
    await served?.stop();
  });
  return { served: () => served!, session: () => session! };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The two smallest window sizes the workbench supports: every page is laid out for both. */
export const SIZES = [
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
] as const;

/** True when the page itself scrolls sideways (a layout that does not fit the window). */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** The page at both sizes, each checked for sideways scrolling and saved as `name-WxH`; back to 1280x800 after. */
export async function shootBothSizes(page: Page, name: string): Promise<void> {
  // Notices (an export's, a save's) would cover what the picture is of.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    expect(await scrollsSideways(page), `${name} at ${size.width}x${size.height}`).toBe(false);
    await screenshot(page, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Counts canvas pixels that are not fully transparent inside the chart with this label. */
export async function paintedPixels(page: Page, chartLabel: string): Promise<number> {
  return page.evaluate((label) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${label}"] canvas`);
    if (!canvas) return -1;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    if (!data) return -1;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  }, chartLabel);
}

/** Moves the app to a route, as a click on a link would. */
export async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

/** Scrolls the pane holding `selector` (not the page frame around it) to put it at the pane's top. */
export async function scrollTo(page: Page, selector: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el) => {
      let pane = el.parentElement;
      while (pane && !(/(auto|scroll)/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight)) pane = pane.parentElement;
      pane?.scrollTo({ top: el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop - 8 });
    });
  await page.waitForTimeout(150);
}
