import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

// Which process a queued or running experiment belongs to, and whether that process is gone.
//
// The rule recovery follows: a row is marked interrupted only when its owner certainly stopped:
// - no owner recorded: the row was left by a workbench older than owners (its runs were stored by
//   one synchronous call, so no live process can still be finishing it);
// - its pid is not running on this machine, or is running but started at another moment (the pid
//   was reused, or the row comes from another machine; start times are known on Linux only).
// Everything else keeps its runs: a live `pimwb serve` or window, this very process. The host name
// is recorded for the message only: it can change under a running process (macOS renames hosts
// with the network), and a WAL database is only ever shared by processes on one machine anyway.
// A wrong "gone" would mark a live job interrupted, while a wrong "alive" (a reused pid where the
// start time is unknown) only delays recovery to a later open, so every doubt resolves to alive.

export interface RunOwner {
  readonly host: string;
  readonly pid: number;
  /** Identifies the process's start (boot id and start tick on Linux); null where the OS does not say. */
  readonly started: string | null;
}

export interface ProcessProbe {
  readonly exists: (pid: number) => boolean;
  readonly startOf: (pid: number) => string | null;
}

export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux's boot id and the process's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
function linuxStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const ticks = fields[19];
    return ticks ? `${bootId}:${ticks}` : null;
  } catch {
    return null;
  }
}

export const systemProbe: ProcessProbe = { exists: processExists, startOf: linuxStartOf };

let self: RunOwner | undefined;

export function thisProcess(): RunOwner {
  self ??= { host: hostname(), pid: process.pid, started: linuxStartOf(process.pid) };
  return self;
}

export type StoredOwner = { readonly host: string | null; readonly pid: number | null; readonly started: string | null };

export function ownerIsGone(owner: StoredOwner, me: RunOwner = thisProcess(), probe: ProcessProbe = systemProbe): boolean {
  if (owner.pid === null) return true;
  if (owner.pid === me.pid) return owner.started !== null && me.started !== null && owner.started !== me.started;
  if (!probe.exists(owner.pid)) return true;
  const started = owner.started === null ? null : probe.startOf(owner.pid);
  return started !== null && started !== owner.started;
}
