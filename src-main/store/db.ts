import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { WorkbenchFailure } from '../shared/result.ts';
import { BUSY_TIMEOUT_MS, connect, type Db } from './connect.ts';
import { createAtomically, removeStaleTemps } from './create.ts';
import { messageOf, translateSqliteError, unusable } from './errors.ts';
import { assertAdoptable } from './inspect.ts';
import { migrate } from './migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations/index.ts';
import { recoverInterruptedRuns } from './recovery.ts';

export type { Db };
export { APPLICATION_ID, migrate, schemaVersion } from './migrate.ts';
export { LATEST_SCHEMA_VERSION };

export interface OpenOptions {
  /** Create missing parent folders (the default location); an explicit path must point into an existing folder. */
  readonly createParentDir?: boolean;
  readonly migrations?: readonly Migration[];
}

/**
 * Opens a workbench database, creating it whole if it does not exist, migrating it if it is older
 * and marking runs left unfinished by dead processes interrupted. A file that is not ours, is
 * damaged, or comes from a newer workbench is refused before anything writes to it.
 */
export function openWorkbenchDb(path: string, options: OpenOptions = {}): Db {
  const migrations = options.migrations ?? MIGRATIONS;
  if (!existsSync(path)) prepareFolder(path, options.createParentDir ?? false);
  removeStaleTemps(path);
  if (!existsSync(path)) createNew(path, migrations);
  else if (statSync(path).isDirectory()) throw unusable(path, 'is a folder, not a database file');
  assertAdoptable(path, migrations.length);
  let db: Db;
  try {
    db = connect(path, { fileMustExist: true });
  } catch (error) {
    throw unusable(path, `cannot be opened: ${messageOf(error)}`);
  }
  try {
    configure(db);
    migrate(db, migrations);
    recoverInterruptedRuns(db);
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

function createNew(path: string, migrations: readonly Migration[]): void {
  try {
    createAtomically(path, (db) => migrate(db, migrations));
  } catch (error) {
    if (error instanceof WorkbenchFailure) throw error;
    throw unusable(path, `cannot be created: ${messageOf(error)}`);
  }
}

function configure(db: Db): void {
  // New files are built in WAL mode; this converts an older or empty file adopted in place.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') switchToWal(db);
  db.pragma('foreign_keys = ON');
  // WAL with NORMAL is durable across application crashes; only a power loss can drop the last commits.
  db.pragma('synchronous = NORMAL');
}

/**
 * Leaving a rollback journal for WAL needs the file to itself, and SQLite answers "database is
 * locked" at once, without its busy timeout, when another process is reading it at that moment
 * (several processes opening an older database together). So this waits and retries, for as long
 * as a statement would wait for a lock.
 */
function switchToWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      sleepSync(Math.min(5 * attempt, 50));
    }
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
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
