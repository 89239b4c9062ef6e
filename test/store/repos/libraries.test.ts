import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openWorkbenchDb, schemaVersion, LATEST_SCHEMA_VERSION } from '../../../src-main/store/db.ts';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.ts';
import { LibraryRepo } from '../../../src-main/store/repos/libraries.ts';
import { ExperimentRepo } from '../../../src-main/store/repos/experiments.ts';
import { WorkbenchFailure } from '../../../src-main/shared/result.ts';
import { fixedClock, useTempDir } from '../../helpers/temp.ts';

const values = [
  { key: 'R_P', value: 10, unit: 'kOhm', source: 'NeuroSim SOT-MRAM preset' },
  { key: 'tmr', value: 104, unit: '%', source: 'assumption: derived from 10 k / 20.4 kOhm' },
  { key: 'note', value: 'free text', unit: '', source: 'assumption: illustration' },
];

function setup(temp: () => string) {
  const db = openWorkbenchDb(join(temp(), 'repo.sqlite'));
  const clock = fixedClock();
  return { db, libraries: new LibraryRepo(db, clock), experiments: new ExperimentRepo(db, clock) };
}

describe('LibraryRepo', () => {
  const temp = useTempDir();

  it('creates version 1 and counts cited and assumed values', () => {
    const { libraries } = setup(temp);
    const id = libraries.create({ name: 'SOT cell', kind: 'cell', description: 'd', values, note: 'created' });
    const detail = libraries.get(id)!;
    expect(detail).toMatchObject({ name: 'SOT cell', version: 1, shownVersion: 1, valueCount: 3, provenance: { cited: 1, assumption: 2 } });
    expect(detail.values).toEqual(values);
  });

  it('appends versions and keeps old ones readable', () => {
    const { libraries } = setup(temp);
    const id = libraries.create({ name: 'lib', kind: 'cell', description: '', values, note: 'created' });
    const edited = [{ ...values[0]!, value: 12 }, ...values.slice(1)];
    expect(libraries.saveVersion(id, 1, { values: edited, description: 'v2', note: 'R_P from new data' })).toBe(2);
    expect(libraries.get(id)!.values[0]!.value).toBe(12);
    expect(libraries.get(id, 1)!.values[0]!.value).toBe(10);
    expect(libraries.versions(id).map((v) => [v.version, v.note])).toEqual([
      [2, 'R_P from new data'],
      [1, 'created'],
    ]);
  });

  it('refuses a save based on a stale version', () => {
    const { libraries } = setup(temp);
    const id = libraries.create({ name: 'lib', kind: 'cell', description: '', values, note: '' });
    libraries.saveVersion(id, 1, { values, description: '', note: 'first editor' });
    expect(() => libraries.saveVersion(id, 1, { values, description: '', note: 'second editor' })).toThrow(/version 2 was saved after version 1/);
    expect(libraries.versions(id)).toHaveLength(2);
  });

  it('never lets a saved version change (database trigger)', () => {
    const { db, libraries } = setup(temp);
    const id = libraries.create({ name: 'lib', kind: 'cell', description: '', values, note: '' });
    expect(() => db.prepare("UPDATE library_versions SET values_json = '[]' WHERE library_id = ?").run(id)).toThrow(/immutable/);
  });

  it('keeps names unique regardless of case', () => {
    const { libraries } = setup(temp);
    libraries.create({ name: 'Cell A', kind: 'cell', description: '', values: [], note: '' });
    const other = libraries.create({ name: 'Cell B', kind: 'cell', description: '', values: [], note: '' });
    expect(() => libraries.create({ name: 'cell a', kind: 'cell', description: '', values: [], note: '' })).toThrow(WorkbenchFailure);
    expect(() => libraries.rename(other, 'CELL A')).toThrow(/already exists/);
    expect(libraries.find('cell b')?.id).toBe(other);
  });

  it('filters the list by kind and name', () => {
    const { libraries } = setup(temp);
    libraries.create({ name: 'Alpha cell', kind: 'cell', description: '', values: [], note: '' });
    libraries.create({ name: 'Beta array', kind: 'array', description: '', values: [], note: '' });
    expect(libraries.list({ kind: 'array' }).map((l) => l.name)).toEqual(['Beta array']);
    expect(libraries.list({ query: 'ALPHA' }).map((l) => l.name)).toEqual(['Alpha cell']);
    expect(libraries.list().map((l) => l.name)).toEqual(['Alpha cell', 'Beta array']);
  });

  it('reports the experiments that use a library, and the database refuses to orphan them', () => {
    const { libraries, experiments } = setup(temp);
    const id = libraries.create({ name: 'used', kind: 'cell', description: '', values, note: '' });
    const exp = experiments.create({ name: 'run 1', inputSnapshot: { a: 1 }, libraryRefs: [{ libraryId: id, version: 1 }], modelVersion: 'm', appVersion: 'a' });
    expect(libraries.usedBy(id)).toEqual([{ id: exp, name: 'run 1' }]);
    expect(libraries.usageCount(id)).toBe(1);
    expect(() => libraries.delete(id)).toThrow(/FOREIGN KEY/);
    experiments.delete(exp);
    libraries.delete(id);
    expect(libraries.get(id)).toBeUndefined();
  });

  it('keeps a value\'s range through a save and a reopened database, and keeps versions without ranges as they were', () => {
    const path = join(temp(), 'ranges.sqlite');
    const first = openWorkbenchDb(path);
    const repo = new LibraryRepo(first, fixedClock());
    const id = repo.create({ name: 'ranged', kind: 'cell', description: '', values, note: 'created' });
    const range = { low: 3.91, high: 10, distribution: 'log-uniform' as const, source: 'NeuroSim presets at 22 and 7 nm' };
    const normal = { low: 90, high: 120, distribution: 'normal' as const, sigma: 5, source: 'assumption: a spread for the test' };
    const ranged = [{ ...values[0]!, range }, { ...values[1]!, range: normal }, values[2]!];
    expect(repo.saveVersion(id, 1, { values: ranged, description: '', note: 'ranges' })).toBe(2);
    first.close();
    const again = new LibraryRepo(openWorkbenchDb(path), fixedClock());
    expect(again.get(id)!.values).toEqual(ranged);
    expect(again.get(id, 1)!.values).toEqual(values);
    expect(again.get(id, 1)!.values[0]).not.toHaveProperty('range');
  });
});

describe('a database from before ranges (schema 5)', () => {
  const temp = useTempDir();

  it('opens at the latest schema with its libraries unchanged, and then stores ranges', () => {
    const path = join(temp(), 'v5.sqlite');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(old)).toBe(5);
    old.prepare("INSERT INTO libraries VALUES ('lib_old', 'Old cell', 'cell', 1, 't', 't')").run();
    old.prepare("INSERT INTO library_versions VALUES ('lib_old', 1, 'd', 'created', ?, 3, 1, 2, 't')").run(JSON.stringify(values));
    old.close();
    const db = openWorkbenchDb(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(6);
    const repo = new LibraryRepo(db, fixedClock());
    expect(repo.get('lib_old')).toMatchObject({ name: 'Old cell', version: 1, values });
    const range = { low: 8, high: 12, distribution: 'uniform' as const, source: 'our measurement' };
    repo.saveVersion('lib_old', 1, { values: [{ ...values[0]!, range }, ...values.slice(1)], description: 'd', note: 'a range' });
    expect(repo.get('lib_old')!.values[0]!.range).toEqual(range);
    db.close();
  });
});
