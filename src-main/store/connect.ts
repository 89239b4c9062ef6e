import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * How long a statement waits for another process's write lock before failing with "database is
 * locked". Workbench transactions last milliseconds, so only a stuck process reaches this.
 */
export const BUSY_TIMEOUT_MS = 5000;

// Crash tests set this in a child process to kill it, as `kill -9` or a power cut would, just
// before its Nth SQL statement (all connections counted), and then check the files it leaves.
const KILL_AT_ENV = 'PIMWB_TEST_KILL_AT_SQL';
let statementsSeen = 0;

function crashHook(): Database.Options['verbose'] {
  const killAt = Number(process.env[KILL_AT_ENV]);
  if (!Number.isInteger(killAt) || killAt < 1) return undefined;
  return () => {
    statementsSeen += 1;
    if (statementsSeen >= killAt) process.kill(process.pid, 'SIGKILL');
  };
}

/** Every connection the store makes goes through here, so each gets the busy timeout (and the crash tests' hook). */
export function connect(path: string, options: Database.Options = {}): Db {
  const verbose = crashHook();
  return new Database(path, { timeout: BUSY_TIMEOUT_MS, ...options, ...(verbose ? { verbose } : {}) });
}

/**
 * Runs `fn` in a write transaction that takes the write lock at BEGIN. A deferred transaction that
 * reads first and then writes cannot wait for the lock when another process has committed since
 * its read (SQLite answers "database is locked" at once), so every write transaction starts here.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
