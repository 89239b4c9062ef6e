import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WorkbenchFailure } from '../shared/result.ts';
import { HEADER_BYTES, inspectHeader } from './sqlite-header.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

/** Written into every workbench database (PRAGMA application_id) so we never adopt someone else's file: "PIMW". */
export const APPLICATION_ID = 0x50494d57;

export interface OpenOptions {
  /** Create missing parent folders (the default location); an explicit path must point into an existing folder. */
  readonly createParentDir?: boolean;
  readonly migrations?: readonly Migration[];
}

function unusable(path: string, why: string): WorkbenchFailure {
  return new WorkbenchFailure('store_unusable', `${path} ${why}`);
}

/**
 * Opens (creating or migrating if needed) a workbench database. A file that is not ours, is
 * damaged, or comes from a newer workbench is refused before anything writes to it.
 */
export function openWorkbenchDb(path: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  if (existsSync(path)) assertAdoptable(path, migrations.length);
  else prepareFolder(path, options.createParentDir ?? false);
  let db: Db;
  try {
    db = new Database(path);
  } catch (error) {
    throw unusable(path, `cannot be opened: ${messageOf(error)}`);
  }
  try {
    configure(db);
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof WorkbenchFailure) throw error;
    throw translateSqliteError(path, error);
  }
}

function prepareFolder(path: string, createParentDir: boolean): void {
  const folder = dirname(path);
  if (existsSync(folder)) return;
  if (!createParentDir) throw unusable(path, `cannot be created: the folder ${folder} does not exist`);
  mkdirSync(folder, { recursive: true });
}

function readHeader(path: string): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  return header;
}

function assertAdoptable(path: string, latest: number): void {
  const stat = statSync(path);
  if (stat.isDirectory()) throw unusable(path, 'is a folder, not a database file');
  if (stat.size === 0) throw unusable(path, 'is empty (0 bytes): it is not a PIM Workbench database');
  const verdict = inspectHeader(readHeader(path), stat.size);
  if (verdict.kind === 'not-sqlite') throw unusable(path, 'is not a PIM Workbench database (it is not an SQLite file)');
  if (verdict.kind === 'truncated') {
    throw unusable(path, `is truncated or damaged (${verdict.actualBytes} bytes on disk, ${verdict.expectedBytes} expected); restore it from a backup`);
  }
  if (verdict.applicationId === APPLICATION_ID) {
    if (verdict.userVersion > latest) {
      throw unusable(path, `was written by a newer PIM Workbench (schema ${verdict.userVersion}; this version reads up to ${latest}); update the workbench to open it`);
    }
  } else if (verdict.applicationId !== 0 || countTables(path) > 0) {
    throw unusable(path, 'is an SQLite database of another application, not a PIM Workbench database');
  }
  probeReadable(path);
}

function countTables(path: string): number {
  return withReadOnly(path, (db) => (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n);
}

/** Reads the whole schema read-only, so a damaged first page is caught before we write anything. */
function probeReadable(path: string): void {
  withReadOnly(path, (db) => db.prepare('SELECT type, name, sql FROM sqlite_master').all());
}

function withReadOnly<T>(path: string, read: (db: Db) => T): T {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return read(db);
  } catch (error) {
    throw translateSqliteError(path, error);
  } finally {
    db?.close();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL with NORMAL is durable across application crashes; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
}

/** Applies each pending migration in its own transaction; stops at the first failure. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply();
    } catch (error) {
      const now = db.pragma('user_version', { simple: true }) as number;
      throw new WorkbenchFailure(
        'store_unusable',
        `database migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}; the database is unchanged at schema ${now}`,
      );
    }
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export { LATEST_SCHEMA_VERSION };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns SQLite's codes into a sentence about the file; anything unexpected is passed on. */
export function translateSqliteError(path: string, error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB') return unusable(path, 'is not a PIM Workbench database (SQLite cannot read it)');
  if (code === 'SQLITE_CORRUPT') return unusable(path, 'is damaged (SQLite reports a malformed database); restore it from a backup');
  if (code === 'SQLITE_CANTOPEN') return unusable(path, 'cannot be opened (check that it exists and is readable)');
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') return unusable(path, 'is read-only; the workbench needs to write to it');
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Copies the live database into `target` with SQLite's online backup, which is consistent even
 * while the window or `pimwb serve` is writing. Refuses to overwrite an existing file.
 */
export async function backupTo(db: Db, target: string): Promise<{ pages: number }> {
  if (existsSync(target)) throw new WorkbenchFailure('invalid_input', `${target} already exists; choose a new file name for the backup`);
  if (!existsSync(dirname(target))) throw new WorkbenchFailure('invalid_input', `cannot write ${target}: the folder ${dirname(target)} does not exist`);
  const result = await db.backup(target);
  return { pages: result.totalPages };
}
