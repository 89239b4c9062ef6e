import { WorkbenchFailure } from '../shared/result.ts';

export function unusable(path: string, why: string): WorkbenchFailure {
  return new WorkbenchFailure('store_unusable', `${path} ${why}`);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns SQLite's codes into a sentence about the file and what to do; anything unexpected is passed on. */
export function translateSqliteError(path: string, error: unknown): Error {
  // better-sqlite3 reports extended codes (SQLITE_CORRUPT_INDEX, SQLITE_READONLY_DBMOVED...).
  const code = String((error as { code?: unknown }).code);
  if (code === 'SQLITE_NOTADB') return unusable(path, 'is not a PIM Workbench database (it is not an SQLite file); choose a workbench database, or a new file name to start one');
  if (code.startsWith('SQLITE_CORRUPT')) return unusable(path, damagedReason(messageOf(error)));
  if (code.startsWith('SQLITE_CANTOPEN')) return unusable(path, 'cannot be opened (check that it exists and is readable)');
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return unusable(path, 'is read-only; the workbench needs to write to it');
  return error instanceof Error ? error : new Error(String(error));
}

export function damagedReason(finding: string): string {
  return `is truncated or damaged (SQLite reports: ${finding}); it was left as it is: restore it from a backup, or move it away to start a new database`;
}
