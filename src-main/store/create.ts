import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { connect, type Db } from './connect.ts';
import { unusable } from './errors.ts';
import { processExists } from './run-owner.ts';

// A new database is built whole under a temporary name beside its final path, then linked into
// place: a process killed meanwhile leaves either no database or a complete one, never a file that
// later opens refuse. Its leftover temporary files are removed by the next open.

const TEMP_MARK = '.creating-';
const SIDE_FILES = ['', '-journal', '-wal', '-shm'];

/** Builds the database with `build`, in WAL mode, and publishes it at `path` unless another process did first. */
export function createAtomically(path: string, build: (db: Db) => void): void {
  refuseOrphanLog(path);
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const db = connect(temp);
    try {
      build(db);
      db.pragma('journal_mode = WAL');
    } finally {
      // Closing the last connection checkpoints and removes the temporary -wal, leaving one whole file.
      db.close();
    }
    publish(temp, path);
  } finally {
    for (const side of SIDE_FILES) rmSync(temp + side, { force: true });
  }
}

/** A hard link, unlike a rename, never replaces a database another process published meanwhile. */
function publish(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
    // File systems without hard links (FAT, some network shares): a rename is still atomic.
    if (!existsSync(path)) renameSync(temp, path);
  }
}

/** SQLite would replay a write-ahead log left beside a missing database into the new one. */
function refuseOrphanLog(path: string): void {
  if (!existsSync(`${path}-wal`)) return;
  throw unusable(path, `does not exist but its write-ahead log ${basename(path)}-wal does; put the database file back beside it, or move the -wal file away to start a new database`);
}

/** Removes temporary files of creations whose process died (a live one may still be building). */
export function removeStaleTemps(path: string): void {
  const folder = dirname(path);
  const prefix = `${basename(path)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !processExists(pid)) rmSync(join(folder, name), { force: true });
  }
}
