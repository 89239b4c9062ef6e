import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../src-main/store/db.ts';
import { ExperimentRepo } from '../../src-main/store/repos/experiments.ts';
import { LibraryRepo } from '../../src-main/store/repos/libraries.ts';
import { systemClock } from '../../src-main/store/ids.ts';
import { medianMs, ratePerSecond, type BenchCase } from './bench-case.ts';

// Store figures: the first page of 100,000 experiments (History's start-up) and saving a library version.

const EXPERIMENTS = 100_000;

function withStore<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fillExperiments(db: ReturnType<typeof openWorkbenchDb>): void {
  const insert = db.prepare(
    `INSERT INTO experiments (id, name, status, input_snapshot, model_version, app_version, results, created_at, updated_at)
     VALUES (?, ?, 'done', '{"batch":64}', '0.1.0', '0.1.0', '{"energy_J":1.5}', ?, ?)`,
  );
  const tag = db.prepare('INSERT INTO experiment_tags (experiment_id, tag) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < EXPERIMENTS; i += 1) {
      const id = `exp_${String(i).padStart(10, '0')}`;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      insert.run(id, `run ${i}`, at, at);
      tag.run(id, i % 2 ? 'bf16' : 'fp32');
    }
  })();
}

const cases: BenchCase[] = [
  {
    name: 'experiments first page of 50 (100000 stored)',
    unit: 'ms',
    measure: () =>
      withStore(async (dir) => {
        const db = openWorkbenchDb(join(dir, 'bench.sqlite'));
        fillExperiments(db);
        const repo = new ExperimentRepo(db, systemClock);
        const ms = await medianMs(() => repo.list({ limit: 50 }), 21);
        db.close();
        return ms;
      }),
  },
  {
    name: 'library versions saved (200 values each)',
    unit: 'per s',
    measure: () =>
      withStore((dir) => {
        const db = openWorkbenchDb(join(dir, 'bench.sqlite'));
        const repo = new LibraryRepo(db, systemClock);
        const values = Array.from({ length: 200 }, (_, i) => ({ key: `p${i}`, value: i * 1.5, unit: 'kOhm', source: 'assumption: benchmark data' }));
        const id = repo.create({ name: 'bench', kind: 'cell', description: '', values, note: '' });
        let version = 1;
        const rate = ratePerSecond(() => {
          version = repo.saveVersion(id, version, { values, description: '', note: '' });
        });
        db.close();
        return rate;
      }),
  },
];

export default cases;
