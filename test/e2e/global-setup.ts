import type { TestProject } from 'vitest/node';
import { fileURLToPath } from 'node:url';
import { buildRenderer, rendererBuildReason } from '../../src-main/serve/renderer-build.ts';
import { findChromium } from './chromium.ts';

// Runs once before the browser tests: finds Chromium (or explains loudly why they are skipped;
// under CI=true a missing Chromium is a failure) and makes sure the renderer build is current.

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default function setup(project: TestProject): void {
  const chromium = findChromium();
  if (!chromium) {
    const why = 'no Chromium found (install the "chromium" package or set CHROME_PATH)';
    if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI=true: ${why}`);
    console.warn(`\n${'!'.repeat(78)}\n!!! BROWSER TESTS SKIPPED: ${why}\n${'!'.repeat(78)}\n`);
  }
  project.provide('chromiumPath', chromium);
  const reason = rendererBuildReason(ROOT);
  if (reason) {
    console.warn(`building the renderer for the browser tests (${reason})`);
    buildRenderer(ROOT);
  }
}
