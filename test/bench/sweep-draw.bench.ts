/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser, so this file also sees DOM types.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import type { BenchCase } from './bench-case.ts';

// A 316 x 316 sweep (99,856 points) in Chromium against `pimwb serve`, as a user runs it: set up
// in the form, Run, and the charts drawn. Measured in the page: from the sweep finishing (the last
// progress event, every point evaluated) and from its answer arriving, to both charts drawn (the
// page marks that with data-drawn); the longest main-thread task meanwhile (a PerformanceObserver
// for 'longtask', which reports tasks of 50 ms and more; 0 means none) and the longest stall a 10 ms
// timer saw. Then the same sweep re-opened from its address in a fresh tab, as from History. Each
// figure is the median of RUNS runs.

const PIMWB = fileURLToPath(new URL('../../src-main/cli/pimwb.mjs', import.meta.url));
const RUNS = 3;
const STEPS = 316;

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServe(db: string): Promise<Served> {
  const child = spawn(process.execPath, [PIMWB, 'serve', '--port', '0', '--db', db, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    out += chunk.toString();
    try {
      return { child, url: (JSON.parse(out) as { url: string }).url };
    } catch {
      // Not a whole JSON object yet.
    }
  }
  throw new Error(`pimwb serve stopped before printing its URL: ${out}`);
}

/** What the page recorded, in ms of its clock. */
interface Probe {
  finished: number;
  answered: number;
  drawn: number;
  longTasks: { start: number; duration: number }[];
  stalls: { at: number; gap: number }[];
}

/** Starts recording in the page: long tasks, timer stalls, the last progress event, the sweep's answer, data-drawn. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = { finished: NaN, answered: NaN, drawn: NaN, longTasks: [], stalls: [] };
    (window as unknown as { __probe: Probe }).__probe = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      probe.stalls.push({ at: last, gap: now - last });
      last = now;
    }, 10);
    const token = sessionStorage.getItem('pimwb.sessionToken') ?? '';
    new EventSource(`/api/events?token=${encodeURIComponent(token)}`).addEventListener('sweeps.progress', (m) => {
      const p = JSON.parse((m as MessageEvent<string>).data) as { done: number; total: number };
      if (p.total > 0 && p.done === p.total) probe.finished = performance.now();
    });
    const plain = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await plain(input, init);
      if (String(input).endsWith('/api/sweeps.run')) probe.answered = performance.now();
      return response;
    };
    new MutationObserver(() => {
      if (Number.isNaN(probe.drawn) && !Number.isNaN(probe.answered) && document.querySelector('[data-drawn^="swp_"]')) probe.drawn = performance.now();
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-drawn'], childList: true });
  });
}

async function setUpBigSweep(page: Page): Promise<void> {
  await page.getByTestId('sweep-axis-0').getByTestId('axis-key').locator('option[value="rows"]').waitFor({ state: 'attached' });
  await page.getByTestId('sweep-network').selectOption({ label: 'ResNet-18' });
  for (const [i, key] of [[0, 'rows'], [1, 'cols']] as const) {
    if (i === 1 && (await page.getByTestId('sweep-axis-1').count()) === 0) await page.getByTestId('add-axis').click();
    const fields = page.getByTestId(`sweep-axis-${i}`);
    await fields.getByTestId('axis-key').selectOption(key);
    await fields.getByTestId('axis-from').fill('64');
    await fields.getByTestId('axis-to').fill('4096');
    await fields.getByTestId('axis-steps').fill(String(STEPS));
    await fields.getByTestId('axis-log').click();
  }
}

/** Figures of one window [from, to] of the page's clock. */
function during(probe: Probe, from: number, to: number): { longest: number; stall: number } {
  const tasks = probe.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const stalls = probe.stalls.filter((s) => s.at + s.gap >= from && s.at <= to);
  return { longest: Math.max(0, ...tasks.map((t) => t.duration)), stall: Math.max(0, ...stalls.map((s) => s.gap)) };
}

interface Run {
  finishedToDrawn: number;
  answerToDrawn: number;
  longestTask: number;
  longestStall: number;
  reopenToDrawn: number;
  reopenLongestTask: number;
}

async function measureOnce(url: string, executablePath: string): Promise<Run> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}#/sweeps`);
    await setUpBigSweep(page);
    await installProbe(page);
    await page.getByTestId('run-sweep').click();
    await page.waitForFunction(() => !Number.isNaN((window as unknown as { __probe: Probe }).__probe.drawn), undefined, { timeout: 180_000, polling: 100 });
    const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    const id = await page.locator('[data-drawn^="swp_"]').getAttribute('data-drawn');
    const drawing = during(probe, probe.finished, probe.drawn);

    // Re-opened in a new tab from its address, as History's "Open on Sweeps" or a reload does.
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await tab.goto(`${url}#/history`);
    await tab.evaluate(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { __tasks: typeof tasks }).__tasks = tasks;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
    });
    const opened = await tab.evaluate(() => performance.now());
    await tab.evaluate((sweep) => (window.location.hash = `#/sweeps/${sweep}`), id);
    await tab.locator(`[data-drawn="${id}"]`).waitFor({ timeout: 60_000 });
    const reopened = await tab.evaluate(() => ({ now: performance.now(), tasks: (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks }));
    return {
      finishedToDrawn: probe.drawn - probe.finished,
      answerToDrawn: probe.drawn - probe.answered,
      longestTask: drawing.longest,
      longestStall: drawing.stall,
      reopenToDrawn: reopened.now - opened,
      reopenLongestTask: Math.max(0, ...reopened.tasks.filter((t) => t.start >= opened).map((t) => t.duration)),
    };
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(): Promise<Run> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (install the "chromium" package or set CHROME_PATH)');
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  const served = await startServe(join(dir, 'bench.sqlite'));
  try {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await measureOnce(served.url, executablePath));
    const keys = Object.keys(runs[0]!) as (keyof Run)[];
    return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as Run;
  } finally {
    served.child.kill('SIGTERM');
    await new Promise((resolve) => served.child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

let measured: Promise<Run> | undefined;
/** One set of runs feeds every figure below. */
const scenario = (): Promise<Run> => (measured ??= measure());

const LABEL = `${STEPS} x ${STEPS} sweep (${STEPS * STEPS} points) in Chromium, median of ${RUNS}`;

const cases: BenchCase[] = [
  { name: `finished sweep to charts drawn (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).finishedToDrawn },
  { name: `sweep answer to charts drawn (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).answerToDrawn },
  { name: `longest main-thread task while drawing, longtask observer, 0 = none over 50 ms (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).longestTask },
  { name: `longest main-thread stall while drawing, 10 ms timer (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).longestStall },
  { name: `kept sweep re-opened to charts drawn (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).reopenToDrawn },
  { name: `longest main-thread task while re-opening (${LABEL})`, unit: 'ms', measure: async () => (await scenario()).reopenLongestTask },
];

export default cases;
