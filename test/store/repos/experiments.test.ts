import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { ExperimentRepo } from '../../../src-main/store/repos/experiments.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';

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
    seen.push(...page.items.map((e) => e.id));
    while (page.next) {
      page = repo.list({ limit: 3, after: page.next });
      seen.push(...page.items.map((e) => e.id));
    }
    expect(seen).toEqual([...ids].reverse());
  });
});
