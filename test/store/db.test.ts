import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readFileSync, truncateSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, openWorkbenchDb, schemaVersion } from '../../src-main/store/db.ts';
import { MIGRATIONS } from '../../src-main/store/migrations/index.ts';
import { WorkbenchFailure } from '../../src-main/shared/result.ts';
import { useTempDir } from '../helpers/temp.ts';

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

describe('openWorkbenchDb', () => {
  const temp = useTempDir();

  it('migrates an empty file to exactly the golden schema', () => {
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

  it('refuses a text file and leaves it byte for byte', () => {
    const path = join(temp(), 'notes.txt');
    writeFileSync(path, 'not a database\n'.repeat(50));
    expectRefused(path, /is not a PIM Workbench database/);
  });

  it('refuses an empty file', () => {
    const path = join(temp(), 'empty.sqlite');
    writeFileSync(path, '');
    expectRefused(path, /is empty/);
  });

  it('refuses a truncated database', () => {
    const path = join(temp(), 'cut.sqlite');
    const db = openWorkbenchDb(path);
    db.prepare("INSERT INTO libraries VALUES ('lib_x', 'x', 'cell', 1, 't', 't')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    truncateSync(path, statSync(path).size - 1000);
    expectRefused(path, /truncated or damaged/);
  });

  it("refuses another application's SQLite database", () => {
    const path = join(temp(), 'other.sqlite');
    const other = new Database(path);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    expectRefused(path, /another application/);
  });

  it('refuses a database from a newer workbench', () => {
    const path = join(temp(), 'future.sqlite');
    openWorkbenchDb(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(path, /newer PIM Workbench/);
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
});
