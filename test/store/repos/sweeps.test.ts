import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openWorkbenchDb } from '../../../src-main/store/db.ts';
import { SweepRepo, type NewSweep, type SweepCore } from '../../../src-main/store/repos/sweeps.ts';
import { BATCH_POINTS } from '../../../src-main/store/sweep-points.ts';
import type { SweepPointData } from '../../../src-main/shared/schemas/sweep.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';

// Kept sweeps: a header and its points in float64 batches, written in one transaction and read
// back bit for bit, a page at a time; deleting hides a sweep until it is restored or purged.

const AXES: SweepCore['axes'] = [
  { key: 'rows', from: 64, to: 4096, steps: 316, scale: 'log', unit: '1', label: 'rows per subarray' },
  { key: 'powerBudget', from: 5, to: 500, steps: 316, scale: 'log', unit: 'W', label: 'chip power envelope' },
];

/**
 * n points with awkward numbers: every bit of the mantissa used, subnormals, negative zero, huge
 * values, and every 7th point failed with a reason (some with commas, quotes and non-ASCII text).
 */
function points(n: number, from = 0): SweepPointData[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const values = { rows: Math.round(64 * 64 ** ((i % 316) / 315)), powerBudget: 5 * 100 ** (Math.floor(i / 316) / 315) };
    if (i % 7 === 3) return { index: i, values, energy_J: null, latency_s: null, area_m2: null, lifetime_days: null, error: i % 2 ? `rows must be at most ${i}, "really" — µ` : 'overflow' };
    const energy = i % 101 === 0 ? 5e-324 * (i + 1) : Math.PI ** ((i % 40) - 20) / (i + 1);
    return { index: i, values, energy_J: energy, latency_s: i % 97 === 0 ? -0 : 1 / 3 + i * Number.EPSILON, area_m2: i % 89 === 0 ? 1.7976931348623157e308 : 1e-5 * Math.sqrt(i + 2), lifetime_days: i % 5 === 0 ? null : 1e3 / (i + 1) };
  });
}

function sweep(total: number, status: SweepCore['status'] = 'done', name = 'rows × power'): NewSweep {
  return {
    name,
    core: { status, total, front: [0, 1, 2, 10], design: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM', version: 1 }, network: { id: 'builtin:resnet18', name: 'ResNet-18' }, batch: null, axes: AXES, elapsed_s: 4.25 },
    snapshot: { axes: AXES, options: { batch: null } },
    modelVersion: '0.3.0',
    appVersion: '9.9.9-test',
  };
}

describe('SweepRepo', () => {
  const temp = useTempDir();

  it('keeps a 100,000-point sweep in batches and reads it back exactly', () => {
    const db = openWorkbenchDb(join(temp(), 's.sqlite'));
    const repo = new SweepRepo(db, fixedClock());
    const all = points(100_000);
    const started = performance.now();
    const id = repo.record(sweep(100_000), all);
    const writeMs = performance.now() - started;
    const batches = db.prepare('SELECT count(*) AS n, sum(point_count) AS points FROM sweep_points WHERE sweep_id = ?').get(id) as { n: number; points: number };
    expect(batches).toEqual({ n: 100_000 / BATCH_POINTS, points: 100_000 });
    const header = repo.get(id)!;
    expect(header).toMatchObject({ id, status: 'done', total: 100_000, pointCount: 100_000, front: [0, 1, 2, 10], axes: AXES, elapsed_s: 4.25, modelVersion: '0.3.0' });
    const readStarted = performance.now();
    const back = repo.points(header);
    const readMs = performance.now() - readStarted;
    expect(back).toEqual(all);
    // Bit for bit, negative zero and the smallest subnormal included (toEqual alone treats -0 as 0).
    expect(back.every((p, i) => Object.is(p.latency_s, all[i]!.latency_s) && Object.is(p.energy_J, all[i]!.energy_J))).toBe(true);
    expect(back.filter((p) => 'error' in p)).toHaveLength(all.filter((p) => 'error' in p).length);
    // Generous bounds for a shared two-core machine (about 100 ms and 70 ms here): a regression to row-per-point storage takes seconds.
    expect(writeMs).toBeLessThan(2000);
    expect(readMs).toBeLessThan(1500);
    db.close();
  });

  it('reads any page of points, across batch boundaries, and a cancelled sweep with gaps in its indices', () => {
    const repo = new SweepRepo(openWorkbenchDb(join(temp(), 'p.sqlite')), fixedClock());
    const kept = points(2600).filter((p) => p.index % 5 !== 4);
    const header = repo.get(repo.record(sweep(99_856, 'cancelled'), kept))!;
    expect(header).toMatchObject({ status: 'cancelled', total: 99_856, pointCount: kept.length });
    expect(repo.points(header, 990, 25)).toEqual(kept.slice(990, 1015));
    expect(repo.points(header, 1999, 2)).toEqual(kept.slice(1999, 2001));
    expect(repo.points(header, kept.length - 3, 100)).toEqual(kept.slice(-3));
    expect(repo.points(header, kept.length, 10)).toEqual([]);
  });

  it('lists sweeps newest first with their settings, by name and date, a page at a time', () => {
    const repo = new SweepRepo(openWorkbenchDb(join(temp(), 'l.sqlite')), fixedClock());
    const ids = ['rows sweep', 'power sweep', 'Rows and cols'].map((name) => repo.record(sweep(12, 'done', name), points(12)));
    const first = repo.list({ limit: 2 });
    expect(first.total).toBe(3);
    expect(first.items.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({
      kind: 'sweep',
      name: 'Rows and cols',
      design: { id: 'builtin:sot-mram-pim', name: 'SOT-MRAM PIM', version: 1 },
      network: { name: 'ResNet-18' },
      axes: [{ key: 'rows', steps: 316, unit: '1' }, { key: 'powerBudget', unit: 'W' }],
      pointCount: 12,
      total: 12,
      frontCount: 4,
      elapsed_s: 4.25,
    });
    const second = repo.list({ limit: 2, after: first.next });
    expect(second.items.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
    expect(repo.list({ limit: 10, text: 'ROWS' }).items.map((s) => s.name)).toEqual(['Rows and cols', 'rows sweep']);
    expect(repo.list({ limit: 10, from: '2030-01-01T00:00:00.000Z' }).total).toBe(0);
  });

  it('hides a deleted sweep, restores it with its points, and purges it (points too) once it is old', () => {
    const db = openWorkbenchDb(join(temp(), 'd.sqlite'));
    const repo = new SweepRepo(db, fixedClock());
    const all = points(1500);
    const id = repo.record(sweep(1500), all);
    repo.delete(id);
    expect(repo.get(id)).toBeUndefined();
    expect(repo.find('rows × power')).toBeUndefined();
    expect(repo.list({ limit: 10 }).total).toBe(0);
    expect(repo.deletedName(id)).toBe('rows × power');
    expect(repo.restore(id)).toBe(true);
    expect(repo.restore(id)).toBe(false);
    expect(repo.points(repo.get(id)!)).toEqual(all);
    repo.delete(id);
    expect(repo.purgeDeleted('2000-01-01T00:00:00.000Z')).toBe(0);
    expect(repo.purgeDeleted('2100-01-01T00:00:00.000Z')).toBe(1);
    expect(repo.restore(id)).toBe(false);
    expect((db.prepare('SELECT count(*) AS n FROM sweep_points').get() as { n: number }).n).toBe(0);
  });

  it('renames and annotates a sweep, and finds it by its new name', () => {
    const repo = new SweepRepo(openWorkbenchDb(join(temp(), 'u.sqlite')), fixedClock());
    const id = repo.record(sweep(3), points(3));
    repo.update(id, { name: 'Best rows', notes: 'for the talk' });
    expect(repo.find('best ROWS')).toMatchObject({ id, name: 'Best rows', notes: 'for the talk' });
    repo.update(id, { notes: '' });
    expect(repo.get(id)).toMatchObject({ name: 'Best rows', notes: '' });
  });

  it('writes nothing when a batch cannot be stored', () => {
    const db = openWorkbenchDb(join(temp(), 'f.sqlite'));
    const repo = new SweepRepo(db, fixedClock());
    // A trigger that fails the 51st batch stands in for a full disk or a crash mid-way.
    db.exec("CREATE TRIGGER fail_late BEFORE INSERT ON sweep_points WHEN NEW.batch = 50 BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    expect(() => repo.record(sweep(60_000), points(60_000))).toThrow(/disk full/);
    expect((db.prepare('SELECT (SELECT count(*) FROM sweeps) + (SELECT count(*) FROM sweep_points) AS n').get() as { n: number }).n).toBe(0);
  });
});
