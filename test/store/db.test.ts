import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrate, openWorkbenchDb, schemaVersion } from '../../src-main/store/db.ts';
import { createAtomically } from '../../src-main/store/create.ts';
import { MIGRATIONS } from '../../src-main/store/migrations/index.ts';
import { WorkbenchFailure } from '../../src-main/shared/result.ts';
import { fixedClock, useTempDir } from '../helpers/temp.ts';
import { ExperimentRepo } from '../../src-main/store/repos/experiments.ts';
import { deadPid } from './child-processes.ts';

const GOLDEN_SCHEMA = new URL('./schema.golden.sql', import.meta.url);

function dumpSchema(path: string): string {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name").all() as { sql: string }[];
  db.close();
  return `${rows.map((r) => `${r.sql};`).join('\n\n')}\n`;
}

function expectRefused(path: string, message: RegExp): void {
  const before = readFileSync(path);
  let caught: unknown;
  try {
    openWorkbenchDb(path).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(WorkbenchFailure);
  expect((caught as WorkbenchFailure).code).toBe('store_unusable');
  expect((caught as WorkbenchFailure).message).toMatch(message);
  expect(readFileSync(path).equals(before)).toBe(true);
}

/** Rows large enough that the file grows by many pages. */
function storeRuns(db: Database.Database, count: number): void {
  const repo = new ExperimentRepo(db, fixedClock());
  for (let i = 0; i < count; i += 1) repo.record({ name: `run ${i}`, inputSnapshot: { blob: 'x'.repeat(20_000) }, modelVersion: 'm', appVersion: 'a' }, { status: 'done', results: { energy_J: i } });
}

describe('openWorkbenchDb', () => {
  const temp = useTempDir();

  it('migrates a new file to exactly the golden schema', () => {
    const path = join(temp(), 'new.sqlite');
    const db = openWorkbenchDb(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    // The golden file is the reviewed schema; a migration that changes it must update it on purpose.
    expect(dumpSchema(path)).toBe(readFileSync(GOLDEN_SCHEMA, 'utf8'));
  });

  it('numbers migrations 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('reopens an existing database without migrating again', () => {
    const path = join(temp(), 'again.sqlite');
    openWorkbenchDb(path).close();
    const db = openWorkbenchDb(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('creates a new database whole and leaves no temporary file behind', () => {
    const path = join(temp(), 'whole.sqlite');
    openWorkbenchDb(path).close();
    expect(readdirSync(temp())).toEqual(['whole.sqlite']);
    // The header on disk is already complete: its id and version need no -wal file.
    const header = readFileSync(path).subarray(0, 100);
    expect(header.readInt32BE(68)).toBe(APPLICATION_ID);
    expect(header.readUInt32BE(60)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('removes what a killed creation left and keeps what a live one is building', () => {
    const dir = temp();
    const dead = deadPid();
    for (const side of ['', '-journal']) writeFileSync(join(dir, `w.sqlite.creating-${dead}-0a1b2c3d${side}`), 'partial');
    const live = join(dir, `w.sqlite.creating-${process.ppid}-0a1b2c3d`);
    writeFileSync(live, 'being built');
    openWorkbenchDb(join(dir, 'w.sqlite')).close();
    expect(readdirSync(dir).sort()).toEqual(['w.sqlite', `w.sqlite.creating-${process.ppid}-0a1b2c3d`]);
  });

  it('keeps the database another process published first and discards its own copy', () => {
    const path = join(temp(), 'raced.sqlite');
    createAtomically(path, (db) => {
      migrate(db);
      writeFileSync(path, 'published meanwhile by another process');
    });
    expect(readFileSync(path, 'utf8')).toBe('published meanwhile by another process');
    expect(readdirSync(temp())).toEqual(['raced.sqlite']);
  });

  it('refuses to start a database beside the write-ahead log of a missing one', () => {
    const path = join(temp(), 'gone.sqlite');
    writeFileSync(`${path}-wal`, 'log of a database someone deleted');
    expect(() => openWorkbenchDb(path)).toThrow(/its write-ahead log gone\.sqlite-wal does; put the database file back/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a text file and random bytes, leaving them byte for byte', () => {
    const text = join(temp(), 'notes.txt');
    writeFileSync(text, 'not a database\n'.repeat(50));
    expectRefused(text, /is not a PIM Workbench database \(it is not an SQLite file\); choose a workbench database/);
    const noise = join(temp(), 'noise.bin');
    writeFileSync(noise, randomBytes(8192));
    expectRefused(noise, /is not a PIM Workbench database/);
  });

  it('refuses a database truncated mid-page or by whole pages', () => {
    const path = join(temp(), 'cut.sqlite');
    const db = openWorkbenchDb(path);
    storeRuns(db, 10);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const whole = readFileSync(path);
    truncateSync(path, whole.length - 1000);
    expectRefused(path, /is truncated or damaged \(SQLite reports: .+\); it was left as it is: restore it from a backup/);
    writeFileSync(path, whole.subarray(0, whole.length / 2));
    expectRefused(path, /is truncated or damaged/);
  });

  it("refuses other applications' SQLite databases, with or without an id, in rollback or WAL mode", () => {
    const plain = join(temp(), 'other.sqlite');
    const other = new Database(plain);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    expectRefused(plain, /is an SQLite database of another application.*it was left as it is/);
    const tagged = join(temp(), 'tagged.sqlite');
    const withId = new Database(tagged);
    withId.pragma('journal_mode = WAL');
    withId.pragma('application_id = 1234');
    withId.exec('CREATE TABLE t (x)');
    withId.close();
    expectRefused(tagged, /another application/);
  });

  it('refuses a database from a newer workbench', () => {
    const path = join(temp(), 'future.sqlite');
    openWorkbenchDb(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(path, /newer PIM Workbench \(schema \d+; this version reads up to \d+\); update the workbench/);
  });

  it('adopts an empty file and an SQLite file with no tables, which an interrupted older creation left', () => {
    const empty = join(temp(), 'empty.sqlite');
    writeFileSync(empty, '');
    const fromEmpty = openWorkbenchDb(empty);
    expect(schemaVersion(fromEmpty)).toBe(LATEST_SCHEMA_VERSION);
    fromEmpty.close();
    const bare = join(temp(), 'bare.sqlite');
    const raw = new Database(bare);
    raw.pragma('journal_mode = WAL');
    raw.close();
    const fromBare = openWorkbenchDb(bare);
    expect(fromBare.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    fromBare.close();
  });

  it('accepts a database whose header is still only in the -wal file of a live connection, and sees its rows', () => {
    const path = join(temp(), 'served.sqlite');
    const server = new Database(path);
    server.pragma('journal_mode = WAL');
    server.pragma('wal_autocheckpoint = 0');
    migrate(server);
    server.prepare("INSERT INTO libraries VALUES ('lib_live', 'live', 'cell', 1, 't', 't')").run();
    // What a byte-level check saw: a main file without the workbench's id.
    const main = readFileSync(path);
    expect(main.length < 72 || main.readInt32BE(68) !== APPLICATION_ID).toBe(true);
    const db = openWorkbenchDb(path);
    expect(db.prepare('SELECT name FROM libraries').all()).toEqual([{ name: 'live' }]);
    db.close();
    server.close();
  });

  it('accepts a database killed partway through the checkpoint at close, with every committed run', () => {
    const dir = temp();
    const live = join(dir, 'live.sqlite');
    const db = openWorkbenchDb(live);
    db.pragma('wal_autocheckpoint = 0');
    storeRuns(db, 20);
    const before = readFileSync(live);
    const log = readFileSync(`${live}-wal`);
    db.pragma('wal_checkpoint(FULL)');
    const after = readFileSync(live);
    db.close();
    // A checkpoint writes pages in order: killed before it extends the file, the pages within the
    // old size are new (the header's page count included), the rest only in the intact log.
    const crashed = join(dir, 'crashed.sqlite');
    writeFileSync(crashed, after.subarray(0, before.length));
    writeFileSync(`${crashed}-wal`, log);
    expect(after.readUInt32BE(28) * 4096).toBeGreaterThan(before.length);
    const reopened = openWorkbenchDb(crashed);
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.prepare("SELECT count(*) AS n FROM experiments WHERE status = 'done'").get()).toEqual({ n: 20 });
    reopened.close();
  });

  it('refuses a folder and a path in a missing folder', () => {
    const folder = join(temp(), 'folder.sqlite');
    mkdirSync(folder);
    expect(() => openWorkbenchDb(folder)).toThrow(/is a folder/);
    expect(() => openWorkbenchDb(join(temp(), 'missing', 'x.sqlite'))).toThrow(/folder .* does not exist/);
  });

  it('creates the default folder when asked', () => {
    const path = join(temp(), 'a', 'b', 'workbench.sqlite');
    openWorkbenchDb(path, { createParentDir: true }).close();
    expect(statSync(path).isFile()).toBe(true);
  });

  it('stops at a failing migration and leaves the schema version where it was', () => {
    const path = join(temp(), 'broken-migration.sqlite');
    openWorkbenchDb(path).close();
    const failing = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE t2 (a); CREATE TABLE libraries (x);' }];
    const last = MIGRATIONS.length;
    expect(() => openWorkbenchDb(path, { migrations: failing })).toThrow(new RegExp(`migration ${last + 1} \\(broken\\) failed.*unchanged at schema ${last}`));
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(last);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't2'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a migration that would leave rows pointing at missing rows', () => {
    const path = join(temp(), 'dangling.sqlite');
    const db = openWorkbenchDb(path);
    storeRuns(db, 1);
    db.close();
    const dropping = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'orphans', sql: "INSERT INTO experiment_tags VALUES ('exp_missing', 'x');" }];
    expect(() => openWorkbenchDb(path, { migrations: dropping })).toThrow(/1 rows of experiment_tags would point at rows that do not exist/);
  });
});
