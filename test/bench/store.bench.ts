import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../src-main/store/db.ts';
import { openWorkbench } from '../../src-main/services/workbench.ts';
import type { Input } from '../../src-main/shared/ipc/contract.ts';
import { LibraryRepo } from '../../src-main/store/repos/libraries.ts';
import { systemClock } from '../../src-main/store/ids.ts';
import { medianMs, ratePerSecond, type BenchCase } from './bench-case.ts';

const RESOURCES_DIR = new URL('../../resources', import.meta.url).pathname;

// Store figures: History's first page over 100,000 experiments (plain, filtered, and the worst
// case of a name that matches nothing) and saving a library version.

const EXPERIMENTS = 100_000;

async function withStore<T>(fn: (dir: string) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DESIGNS = ['sot-mram-pim', 'floatpim', 'stt-mram-pim', 'sot-mram-2t1mtj-pim'];
const NETWORKS = ['resnet18', 'vgg16', 'alexnet', 'lenet5', 'resnet50', 'googlenet', 'squeezenet', 'vgg8-cifar'];
/** Rows this recent carry a full-size snapshot and results (20-50 kB, as real runs do); older ones a compact copy, to keep the file small. */
const FULL_SIZE_ROWS = 2000;

/**
 * 100,000 experiments as runs store them, one every five minutes over most of a year, tagged by
 * format, every 50th "paper". The payload is a real run's, so the summaries read real JSON.
 */
async function fillExperiments(dbPath: string): Promise<void> {
  const wb = openWorkbench({ dbPath, resourcesDir: RESOURCES_DIR, appVersion: 'bench' });
  const run = await wb.handlers['experiments.run']({ design: 'sot-mram-pim', network: 'resnet18', store: true });
  const real = wb.experiments.get(run.experimentId!)!;
  wb.experiments.delete(real.id);
  const full = { snapshot: JSON.stringify(real.inputSnapshot), results: JSON.stringify(real.results) };
  const snapshot = real.inputSnapshot as { design: object; cell: object; network: object; options: object };
  const compact = {
    snapshot: JSON.stringify({ ...snapshot, design: { ...snapshot.design, values: [] }, cell: { ...snapshot.cell, values: [] }, network: { ...snapshot.network, layers: [] } }),
    results: JSON.stringify({ ...run.result, breakdown: {} }),
  };
  const insert = wb.db.prepare(
    `INSERT INTO experiments (id, name, status, input_snapshot, model_version, app_version, results, created_at, updated_at)
     VALUES (?, ?, 'done', ?, '0.2.0', 'bench', ?, ?, ?)`,
  );
  const tag = wb.db.prepare('INSERT INTO experiment_tags (experiment_id, tag) VALUES (?, ?)');
  wb.db.transaction(() => {
    for (let i = 0; i < EXPERIMENTS; i += 1) {
      const id = `exp_${String(i).padStart(10, '0')}`;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 300_000).toISOString();
      const payload = i >= EXPERIMENTS - FULL_SIZE_ROWS ? full : compact;
      insert.run(id, `${DESIGNS[i % 4]} / ${NETWORKS[Math.floor(i / 4) % 8]} #${i}`, payload.snapshot, payload.results, at, at);
      tag.run(id, i % 2 ? 'bf16' : 'fp32');
      if (i % 50 === 0) tag.run(id, 'paper');
    }
  })();
  wb.close();
}

/** The median time of History's first request, through the contract as the page sends it (validation included). */
function historyPage(input: Input<'experiments.list'>): () => Promise<number> {
  return () =>
    withStore(async (dir) => {
      const dbPath = join(dir, 'bench.sqlite');
      await fillExperiments(dbPath);
      const wb = openWorkbench({ dbPath, resourcesDir: RESOURCES_DIR, appVersion: 'bench' });
      const ms = await medianMs(async () => {
        const page = await wb.dispatch('experiments.list', input);
        if (!page.ok) throw new Error(`history page failed: ${JSON.stringify(page.error)}`);
      }, 21);
      wb.close();
      return ms;
    });
}

const cases: BenchCase[] = [
  { name: 'history first page of 50 (100000 experiments)', unit: 'ms', measure: historyPage({ limit: 50 }) },
  {
    name: 'history first page of 50, name + tag + date range (100000 experiments)',
    unit: 'ms',
    measure: historyPage({ limit: 50, text: 'resnet', tag: 'paper', from: '2026-03-01', to: '2026-09-30' }),
  },
  // The worst case: no name matches, so every row's name is read (from the index) and the count too.
  { name: 'history first page of 50, name matching nothing (100000 experiments)', unit: 'ms', measure: historyPage({ limit: 50, text: '#none' }) },
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
