import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../src-main/store/db.ts';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';
import { sampleFile } from '../helpers/workbench.ts';
import { CLI_ENTRY, runChild, script } from './child-processes.ts';

// A process killed (as `kill -9` or a power cut would) just before each of its SQL statements in
// turn, while creating a database, storing a run, importing a library, or storing a run while its
// job runs: every file it leaves opens, keeps everything committed before, and holds no run left
// queued or running (recovery marks those interrupted, or they were never written).

interface Stored {
  readonly experiments: { name: string; status: string; has_results: number }[];
  readonly libraries: { name: string; value_count: number }[];
}

interface Scenario {
  readonly args: (db: string) => string[];
  /** What the child adds once its transaction commits. */
  readonly added: (stored: Stored) => boolean;
  readonly baseline: string | null;
}

const KILL_AT = 'PIMWB_TEST_KILL_AT_SQL';

function reopen(path: string): Stored {
  const db = openWorkbenchDb(path);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return {
      experiments: db.prepare('SELECT name, status, results IS NOT NULL AS has_results FROM experiments').all() as Stored['experiments'],
      libraries: db.prepare('SELECT name, value_count FROM libraries JOIN library_versions ON library_id = id').all() as Stored['libraries'],
    };
  } finally {
    db.close();
  }
}

function expectWhole(stored: Stored, baseline: Stored | null): void {
  for (const e of stored.experiments) {
    expect(['done', 'interrupted']).toContain(e.status);
    expect(e.has_results).toBe(e.status === 'done' ? 1 : 0);
  }
  if (baseline) {
    expect(stored.experiments).toEqual(expect.arrayContaining(baseline.experiments));
    expect(stored.libraries).toEqual(expect.arrayContaining(baseline.libraries));
  }
}

/**
 * Kills the scenario's child before its 1st, 2nd, ... statement (two children at a time) until one
 * runs to the end; returns how many points were tried and how many left no database at all.
 */
async function killAtEveryStatement(dir: string, scenario: Scenario): Promise<{ points: number; noFile: number }> {
  const baseline = scenario.baseline ? reopen(scenario.baseline) : null;
  let firstAdded: number | null = null;
  let noFile = 0;
  let ended = false;
  let n = 1;
  for (; !ended; n += 2) {
    const trials = await Promise.all(
      [n, n + 1].map(async (at) => {
        const folder = join(dir, `kill-${at}`);
        mkdirSync(folder, { recursive: true });
        const db = join(folder, 'wb.sqlite');
        if (scenario.baseline) copyFileSync(scenario.baseline, db);
        return { at, folder, db, end: await runChild(scenario.args(db), { [KILL_AT]: String(at) }) };
      }),
    );
    for (const { at, folder, db, end } of trials) {
      if (end.signal !== 'SIGKILL') {
        expect(end).toMatchObject({ code: 0, stderr: '' });
        ended = true;
      }
      if (!existsSync(db)) noFile += 1;
      const stored = reopen(db);
      expectWhole(stored, baseline);
      expect(readdirSync(folder).filter((f) => f.includes('.creating-'))).toEqual([]);
      // Once committed at some point, it is there at every later point: nothing committed is lost.
      if (scenario.added(stored)) firstAdded ??= at;
      else expect(firstAdded, `lost at kill point ${at}`).toBeNull();
    }
  }
  expect(firstAdded).not.toBeNull();
  return { points: n - 1, noFile };
}

async function baselineDb(dir: string): Promise<string> {
  const path = join(dir, 'baseline.sqlite');
  expect((await pimwb(['run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--name', 'kept run', '--db', path])).code).toBe(0);
  expect((await pimwb(['library', 'clone', 'floatpim-published', 'kept library', '--db', path])).code).toBe(0);
  return path;
}

const RUN = ['run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--name', 'new run'];

describe('a process killed at any statement', () => {
  const temp = useTempDir();

  it('creating a database and storing a run while its job runs leaves no database or a whole one, the run done, interrupted or absent', async () => {
    let interrupted = 0;
    const result = await killAtEveryStatement(temp(), {
      args: (db) => [script('lifecycle.ts'), 'finish', db],
      added: (stored) => {
        const job = stored.experiments.find((e) => e.name === 'job in flight');
        if (job?.status === 'interrupted') interrupted += 1;
        return job !== undefined;
      },
      baseline: null,
    });
    expect(result.noFile).toBeGreaterThan(0);
    expect(result.points).toBeGreaterThan(result.noFile);
    expect(interrupted).toBeGreaterThan(0);
  }, 60_000);

  it('storing a run from the CLI keeps what was there and adds the run whole or not at all', async () => {
    const dir = temp();
    await killAtEveryStatement(join(dir, 'run'), {
      args: (db) => [CLI_ENTRY, '--db', db, ...RUN],
      added: (stored) => stored.experiments.some((e) => e.name === 'new run'),
      baseline: await baselineDb(dir),
    });
  }, 60_000);

  it('importing a library from the CLI keeps what was there and adds it whole or not at all', async () => {
    const dir = temp();
    const file = join(dir, 'sample.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    await killAtEveryStatement(join(dir, 'import'), {
      args: (db) => [CLI_ENTRY, '--db', db, 'library', 'import', file],
      added: (stored) => stored.libraries.some((l) => l.name === sampleFile.name && l.value_count === sampleFile.values.length),
      baseline: await baselineDb(dir),
    });
  }, 60_000);
});
