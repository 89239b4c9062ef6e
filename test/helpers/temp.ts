import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { StoreClock } from '../../src-main/store/ids.ts';

/** A fresh temporary folder per test, removed afterwards. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    dir ??= mkdtempSync(join(tmpdir(), 'pimwb-test-'));
    return dir;
  };
}

/** Ids and times that increase predictably, so tests can assert on them. */
export function fixedClock(start = Date.UTC(2026, 0, 1)): StoreClock {
  let tick = 0;
  const counters = { lib: 0, exp: 0, net: 0, swp: 0, rep: 0 };
  return {
    now: () => new Date(start + (tick += 1) * 1000).toISOString(),
    newId: (kind) => `${kind}_${String((counters[kind] += 1)).padStart(10, '0')}`,
  };
}

export const RESOURCES_DIR = new URL('../../resources', import.meta.url).pathname;
