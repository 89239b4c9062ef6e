import { WorkbenchFailure } from '../shared/result.ts';
import { writeTransaction, type Db } from './connect.ts';
import { messageOf } from './errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

/** Written into every workbench database (PRAGMA application_id) so we never adopt someone else's file: "PIMW". */
export const APPLICATION_ID = 0x50494d57;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies each pending migration in its own transaction; stops at the first failure. Foreign keys
 * are off meanwhile because changing a constraint means rebuilding a table (SQLite has no ALTER
 * for it) and dropping the old table must not cascade; each migration is checked before it commits.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const pending = migrations.filter((m) => m.version > schemaVersion(db));
  if (pending.length === 0) return;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) applyOne(db, migration);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

function applyOne(db: Db, migration: Migration): void {
  try {
    writeTransaction(db, () => {
      // Another process opening the same file may have applied it while this one waited for the lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      const dangling = db.pragma('foreign_key_check') as { table: string }[];
      if (dangling.length > 0) throw new Error(`${dangling.length} rows of ${dangling[0]!.table} would point at rows that do not exist`);
      db.pragma(`user_version = ${migration.version}`);
    });
  } catch (error) {
    throw new WorkbenchFailure(
      'store_unusable',
      `database migration ${migration.version} (${migration.name}) failed: ${messageOf(error)}; the database is unchanged at schema ${schemaVersion(db)}`,
    );
  }
}
