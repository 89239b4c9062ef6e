import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { ReproductionRepo } from '../../../src-main/store/repos/reproductions.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';

// Kept paper reproductions: inputs and the whole comparison in one row, summarised for History
// from the stored JSON, deleted and restored like sweeps.

const snapshot = {
  basis: 'all',
  batch: null,
  proposed: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM', version: 1, values: [], cellName: 'SOT', cellValues: [] },
  baseline: { id: 'builtin:floatpim', name: 'FloatPIM', version: 1, values: [], cellName: 'ReRAM', cellValues: [] },
};
const output = {
  basis: 'as-modelled',
  batch: 64,
  average: { energy: 3.1, latency: 1.7, area: 2.4 },
  models: ['alexnet', 'vgg16'].map((network) => ({ network, ratios: { energy: 3, latency: 2, area: 2.4 } })),
};

describe('ReproductionRepo', () => {
  const temp = useTempDir();

  it('keeps the inputs and the whole output, and lists it with its ratios and networks', () => {
    const repo = new ReproductionRepo(openWorkbenchDb(join(temp(), 'r.sqlite')), fixedClock());
    const id = repo.record({ name: 'SOT against FloatPIM', snapshot, output, modelVersion: '0.3.0', appVersion: 't' });
    expect(repo.get(id)).toMatchObject({ id, name: 'SOT against FloatPIM', notes: '', snapshot, output, modelVersion: '0.3.0' });
    expect(repo.find('sot AGAINST floatpim')?.id).toBe(id);
    const page = repo.list({ limit: 10 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toEqual({
      kind: 'reproduction',
      id,
      name: 'SOT against FloatPIM',
      notes: '',
      tags: [],
      status: 'done',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      proposed: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM' },
      baseline: { id: 'builtin:floatpim', name: 'FloatPIM' },
      basis: 'all',
      batch: 64,
      average: { energy: 3.1, latency: 1.7, area: 2.4 },
      networks: ['alexnet', 'vgg16'],
    });
  });

  it('deletes, restores and purges', () => {
    const repo = new ReproductionRepo(openWorkbenchDb(join(temp(), 'd.sqlite')), fixedClock());
    const id = repo.record({ name: 'r', snapshot, output, modelVersion: 'm', appVersion: 'a' });
    repo.delete(id);
    expect(repo.get(id)).toBeUndefined();
    expect(repo.list({ limit: 5 }).items).toEqual([]);
    expect(repo.restore(id)).toBe(true);
    expect(repo.get(id)?.output).toEqual(output);
    repo.delete(id);
    expect(repo.purgeDeleted('2100-01-01T00:00:00.000Z')).toBe(1);
    expect(repo.restore(id)).toBe(false);
  });
});
