import { connect, type Db } from './connect.ts';
import { damagedReason, translateSqliteError, unusable } from './errors.ts';
import { APPLICATION_ID, schemaVersion } from './migrate.ts';

// Before anything writes to an existing file, SQLite itself reads it on a read-only connection
// (which sees the -wal file, as every later reader will) and tells whether it is ours, not newer
// than this version and whole. A read-only connection cannot roll back or checkpoint another
// application's journal, so a refused file is left byte for byte (beside a file in WAL mode SQLite
// may create the empty -wal and -shm files any reader needs; they are left there, as another
// process may be using them).

/** Throws a store_unusable failure saying what is wrong and what to do, unless the file may be opened. */
export function assertAdoptable(path: string, latest: number): void {
  let db: Db | undefined;
  let why: string | null;
  try {
    db = connect(path, { readonly: true, fileMustExist: true });
    why = refusal(db, latest);
  } catch (error) {
    throw translateSqliteError(path, error);
  } finally {
    db?.close();
  }
  if (why) throw unusable(path, why);
}

function refusal(db: Db, latest: number): string | null {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  // An SQLite file with no id and no tables holds nothing (an empty file is one): it is adopted.
  if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tableCount(db) > 0)) {
    return 'is an SQLite database of another application, not a PIM Workbench database; it was left as it is: choose a workbench database, or a new file name to start one';
  }
  const version = schemaVersion(db);
  if (version > latest) return `was written by a newer PIM Workbench (schema ${version}; this version reads up to ${latest}); update the workbench to open it`;
  const finding = quickCheck(db);
  return finding === null ? null : damagedReason(finding);
}

function tableCount(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
}

/** SQLite's structural check of every page (about 1 ms per MB); null when whole. */
function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows[0]?.quick_check === 'ok' ? null : rows.map((r) => r.quick_check).slice(0, 3).join('; ');
}
