import { writeTransaction, type Db } from './connect.ts';
import { ownerIsGone, systemProbe, thisProcess, type ProcessProbe, type RunOwner, type StoredOwner } from './run-owner.ts';

// On open, runs left queued or running by a process that died are marked 'interrupted' with a
// reason, so History shows them for what they are and they can be deleted or re-run. The rule for
// "died" is in run-owner.ts.

interface UnfinishedRow {
  id: string;
  owner_host: string | null;
  owner_pid: number | null;
  owner_started: string | null;
}

function ownerOf(row: UnfinishedRow): StoredOwner {
  return { host: row.owner_host, pid: row.owner_pid, started: row.owner_started };
}

function reason(owner: StoredOwner): string {
  if (owner.pid === null) return 'an earlier PIM Workbench stopped while storing this run; re-run it or delete it';
  return `the workbench process running it (pid ${owner.pid} on ${owner.host ?? 'an unknown host'}) stopped before it finished; re-run it or delete it`;
}

/** Marks the dead processes' unfinished runs interrupted; returns their ids. */
export function recoverInterruptedRuns(db: Db, me: RunOwner = thisProcess(), probe: ProcessProbe = systemProbe): string[] {
  const unfinished = db
    .prepare("SELECT id, owner_host, owner_pid, owner_started FROM experiments WHERE status IN ('queued', 'running')")
    .all() as UnfinishedRow[];
  const dead = unfinished.filter((row) => ownerIsGone(ownerOf(row), me, probe));
  if (dead.length === 0) return [];
  const mark = db.prepare("UPDATE experiments SET status = 'interrupted', error = ?, updated_at = ? WHERE id = ? AND status IN ('queued', 'running')");
  const now = new Date().toISOString();
  return writeTransaction(db, () => dead.filter((row) => mark.run(reason(ownerOf(row)), now, row.id).changes > 0).map((row) => row.id));
}
