import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { ExperimentRepo, type ExperimentFilter } from '../../../src-main/store/repos/experiments.ts';
import type { StoreClock } from '../../../src-main/store/ids.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';

// A snapshot and results shaped as runs store them, small enough to write by hand.
const snapshot = {
  design: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM', version: 1, values: [] },
  cell: { id: 'builtin:sot-mram-2t2mtj', name: 'SOT-MRAM 2T2MTJ', version: 1, values: [] },
  network: { id: 'builtin:resnet18', name: 'ResNet-18', layers: [] },
  options: { batch: 64, format: 'bf16' },
};
const results = { energy_J: 1.5, latency_s: 0.02, area_m2: 3e-5, power_W: 75 };

describe('ExperimentRepo', () => {
  const temp = useTempDir();

  it('stores the full input snapshot, tags, versions and results', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 'e.sqlite')), fixedClock());
    const id = repo.create({ name: 'VGG-16 on SOT', tags: ['paper', 'bf16'], notes: 'n', inputSnapshot: { batch: 64 }, modelVersion: '0.1.0', appVersion: '0.1.0' });
    expect(repo.get(id)).toMatchObject({ status: 'queued', tags: ['bf16', 'paper'], inputSnapshot: { batch: 64 }, results: null });
    repo.finish(id, { status: 'done', results: { energy_J: 1.5 } });
    expect(repo.get(id)).toMatchObject({ status: 'done', results: { energy_J: 1.5 }, error: null });
  });

  it('pages newest first without skipping or repeating rows', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 'p.sqlite')), fixedClock());
    const ids = Array.from({ length: 7 }, (_, i) => repo.create({ name: `run ${i}`, inputSnapshot: {}, modelVersion: 'm', appVersion: 'a' }));
    const seen: string[] = [];
    let page = repo.list({ limit: 3 });
    expect(page.total).toBe(7);
    seen.push(...page.items.map((e) => e.id));
    while (page.next) {
      page = repo.list({ limit: 3, after: page.next });
      expect(page.total).toBeUndefined();
      seen.push(...page.items.map((e) => e.id));
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('lists summaries read out of the snapshot and results, with nulls where a run has none', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 's.sqlite')), fixedClock());
    const done = repo.create({ name: 'full', tags: ['b', 'a'], inputSnapshot: snapshot, modelVersion: 'm', appVersion: 'a' });
    repo.finish(done, { status: 'done', results });
    repo.create({ name: 'bare', inputSnapshot: { batch: 1 }, modelVersion: 'm', appVersion: 'a' });
    const [bare, full] = repo.list({ limit: 10 }).items;
    expect(full).toMatchObject({
      name: 'full',
      tags: ['a', 'b'],
      design: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM', version: 1 },
      cell: 'SOT-MRAM 2T2MTJ',
      network: { id: 'builtin:resnet18', name: 'ResNet-18' },
      batch: 64,
      format: 'bf16',
      figures: results,
    });
    expect(full).not.toHaveProperty('inputSnapshot');
    expect(bare).toMatchObject({ design: null, cell: null, network: null, batch: null, format: null, figures: null, tags: [] });
  });

  it('filters by part of the name, tag and date, keeping keyset pages and the total', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 'f.sqlite')), fixedClock(Date.UTC(2026, 2, 1)));
    // One a day from 1 March: even days tagged "bf16", every third "paper"; names with LIKE wildcards.
    for (let i = 0; i < 30; i += 1) {
      const tags = [...(i % 2 === 0 ? ['bf16'] : []), ...(i % 3 === 0 ? ['Paper'] : [])];
      repo.create({ name: i === 29 ? 'odd 100%_done' : `ResNet run ${i}`, tags, inputSnapshot: {}, modelVersion: 'm', appVersion: 'a', createdAt: new Date(Date.UTC(2026, 2, 1 + i, 12)).toISOString() });
    }
    const all = (filter: ExperimentFilter): string[] => {
      const names: string[] = [];
      let page = repo.list({ limit: 4, ...filter });
      const total = page.total;
      names.push(...page.items.map((e) => e.name));
      while (page.next) {
        page = repo.list({ limit: 4, after: page.next, ...filter });
        names.push(...page.items.map((e) => e.name));
      }
      expect(names.length).toBe(total);
      return names;
    };
    expect(all({ text: 'resnet RUN 1' })).toEqual(['ResNet run 19', 'ResNet run 18', 'ResNet run 17', 'ResNet run 16', 'ResNet run 15', 'ResNet run 14', 'ResNet run 13', 'ResNet run 12', 'ResNet run 11', 'ResNet run 10', 'ResNet run 1']);
    expect(all({ text: '0%_' })).toEqual(['odd 100%_done']);
    expect(all({ text: '_' })).toEqual(['odd 100%_done']);
    expect(all({ tag: 'paper' })).toHaveLength(10);
    expect(all({ tag: 'paper', text: 'run 2' })).toEqual(['ResNet run 27', 'ResNet run 24', 'ResNet run 21']);
    expect(all({ tag: 'bf16', from: '2026-03-05T00:00:00.000Z', to: '2026-03-09T23:59:59.999Z' })).toEqual(['ResNet run 8', 'ResNet run 6', 'ResNet run 4']);
    expect(all({ tag: 'nope' })).toEqual([]);
    expect(repo.tags()).toEqual([
      { tag: 'bf16', count: 15 },
      { tag: 'Paper', count: 10 },
    ]);
  });

  it('finds by id, else the newest with that name in any case', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 'n.sqlite')), fixedClock());
    repo.create({ name: 'Same', inputSnapshot: {}, modelVersion: 'm', appVersion: 'a' });
    const newer = repo.create({ name: 'same', inputSnapshot: {}, modelVersion: 'm', appVersion: 'a' });
    expect(repo.find('SAME')?.id).toBe(newer);
    expect(repo.find(newer)?.id).toBe(newer);
    expect(repo.find('other')).toBeUndefined();
  });

  it('updates the name, notes and tags, and nothing else', () => {
    const repo = new ExperimentRepo(openWorkbenchDb(join(temp(), 'u.sqlite')), fixedClock());
    const id = repo.create({ name: 'before', tags: ['x'], inputSnapshot: snapshot, modelVersion: 'm', appVersion: 'a' });
    repo.finish(id, { status: 'done', results });
    const was = repo.get(id)!;
    repo.update(id, { notes: 'checked against NVSim' });
    expect(repo.get(id)).toMatchObject({ name: 'before', notes: 'checked against NVSim', tags: ['x'] });
    repo.update(id, { name: 'after', tags: ['y', 'z', 'Y'] });
    const now = repo.get(id)!;
    expect(now).toMatchObject({ name: 'after', notes: 'checked against NVSim', tags: ['y', 'z'], results, inputSnapshot: snapshot, createdAt: was.createdAt });
    expect(now.updatedAt > was.updatedAt).toBe(true);
  });

  it('records a finished run whole, with no owner process', () => {
    const db = openWorkbenchDb(join(temp(), 'r.sqlite'));
    const repo = new ExperimentRepo(db, fixedClock());
    const id = repo.record({ name: 'whole', tags: ['t'], inputSnapshot: snapshot, modelVersion: 'm', appVersion: 'a' }, { status: 'done', results });
    expect(repo.get(id)).toMatchObject({ status: 'done', results, tags: ['t'], error: null });
    expect(db.prepare('SELECT owner_pid FROM experiments WHERE id = ?').get(id)).toEqual({ owner_pid: null });
  });

  it('queues, starts and finishes a run owned by this process', () => {
    const db = openWorkbenchDb(join(temp(), 'l.sqlite'));
    const repo = new ExperimentRepo(db, fixedClock(), { host: 'lab-pc', pid: 4242, started: 'boot:17' });
    const id = repo.create({ name: 'job', inputSnapshot: snapshot, modelVersion: 'm', appVersion: 'a' });
    expect(db.prepare('SELECT status, owner_host, owner_pid, owner_started FROM experiments WHERE id = ?').get(id)).toEqual({
      status: 'queued',
      owner_host: 'lab-pc',
      owner_pid: 4242,
      owner_started: 'boot:17',
    });
    repo.start(id);
    expect(repo.get(id)?.status).toBe('running');
    repo.finish(id, { status: 'done', results });
    repo.start(id);
    expect(repo.get(id)).toMatchObject({ status: 'done', results });
  });

  it('takes the write lock before an update reads, so a writer in between waits instead of breaking it', () => {
    const path = join(temp(), 'w.sqlite');
    const base = fixedClock();
    let meanwhile: (() => void) | undefined;
    // The clock is read between the update's SELECT and its UPDATE: another connection writes there.
    const clock: StoreClock = { newId: base.newId, now: () => (meanwhile?.(), base.now()) };
    const repo = new ExperimentRepo(openWorkbenchDb(path), clock);
    const id = repo.record({ name: 'shared', inputSnapshot: snapshot, modelVersion: 'm', appVersion: 'a' }, { status: 'done', results });
    const other = new Database(path, { timeout: 0 });
    let otherWrite = 'not tried';
    meanwhile = () => {
      try {
        other.prepare("UPDATE experiments SET notes = 'other' WHERE id = ?").run(id);
        otherWrite = 'written';
      } catch (error) {
        otherWrite = (error as { code: string }).code;
      }
    };
    repo.update(id, { notes: 'mine' });
    meanwhile = undefined;
    other.close();
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(repo.get(id)?.notes).toBe('mine');
  });
});
