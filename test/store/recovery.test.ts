import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { migrate, openWorkbenchDb, schemaVersion, LATEST_SCHEMA_VERSION } from '../../src-main/store/db.ts';
import { MIGRATIONS } from '../../src-main/store/migrations/index.ts';
import { recoverInterruptedRuns } from '../../src-main/store/recovery.ts';
import { ExperimentRepo } from '../../src-main/store/repos/experiments.ts';
import { ownerIsGone, thisProcess, type ProcessProbe, type RunOwner } from '../../src-main/store/run-owner.ts';
import { fixedClock, useTempDir } from '../helpers/temp.ts';
import { deadPid, script } from './child-processes.ts';

const me: RunOwner = { host: 'lab-pc', pid: 100, started: 'boot:1000' };
// Pid 200 runs and started at boot:2000; pid 300 runs but its start is unknown; no other pid runs.
const probe: ProcessProbe = {
  exists: (pid) => pid === 200 || pid === 300,
  startOf: (pid) => (pid === 200 ? 'boot:2000' : null),
};

describe('which runs recovery marks interrupted', () => {
  it('marks runs with no owner, or whose process is gone or was replaced (another machine’s included)', () => {
    const gone = (host: string | null, pid: number | null, started: string | null): boolean => ownerIsGone({ host, pid, started }, me, probe);
    expect(gone(null, null, null)).toBe(true);
    expect(gone('lab-pc', 999, null)).toBe(true);
    expect(gone('lab-pc', 200, 'boot:1500')).toBe(true);
    expect(gone('lab-pc', 100, 'boot:900')).toBe(true);
    expect(gone('other-pc', 999, 'other-boot:5')).toBe(true);
    expect(gone('other-pc', 200, 'other-boot:5')).toBe(true);
  });

  it('keeps runs of live processes, this one included, whatever the host is called now, and of a pid whose start it cannot tell', () => {
    const gone = (pid: number, started: string | null, host = 'lab-pc'): boolean => ownerIsGone({ host, pid, started }, me, probe);
    expect(gone(100, 'boot:1000')).toBe(false);
    expect(gone(200, 'boot:2000')).toBe(false);
    expect(gone(200, 'boot:2000', 'lab-pc.local')).toBe(false);
    expect(gone(200, null)).toBe(false);
    expect(gone(300, 'boot:3000')).toBe(false);
  });

  it('reads this process as alive and a finished child as gone, through the real OS', () => {
    const self = thisProcess();
    expect(ownerIsGone(self)).toBe(false);
    expect(ownerIsGone({ ...self, pid: deadPid() })).toBe(true);
    if (process.platform === 'linux') expect(self.started).toMatch(/^[\w-]+:\d+$/);
  });
});

describe('recovery on open', () => {
  const temp = useTempDir();

  it('marks only the dead owners\u2019 queued and running runs, with a reason, and leaves finished ones', () => {
    const db = openWorkbenchDb(join(temp(), 'r.sqlite'));
    const clock = fixedClock();
    const input = { name: 'run', inputSnapshot: {}, modelVersion: 'm', appVersion: 'a' };
    const byDead = new ExperimentRepo(db, clock, { host: 'lab-pc', pid: 999, started: null });
    const byLive = new ExperimentRepo(db, clock, { host: 'lab-pc', pid: 200, started: 'boot:2000' });
    const queuedDead = byDead.create(input);
    const runningDead = byDead.create(input);
    byDead.start(runningDead);
    const finishedDead = byDead.create(input);
    byDead.finish(finishedDead, { status: 'failed', error: 'no such layer' });
    const runningLive = byLive.create(input);
    byLive.start(runningLive);
    expect(recoverInterruptedRuns(db, me, probe).sort()).toEqual([queuedDead, runningDead].sort());
    const status = (id: string) => byDead.get(id)!;
    expect(status(queuedDead)).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/process running it \(pid 999 on lab-pc\) stopped before it finished; re-run it or delete it/) });
    expect(status(runningDead).status).toBe('interrupted');
    expect(status(finishedDead)).toMatchObject({ status: 'failed', error: 'no such layer' });
    expect(status(runningLive).status).toBe('running');
    expect(recoverInterruptedRuns(db, me, probe)).toEqual([]);
  });

  it('migrates a version 3 database keeping tags and library links, and marks its half-written runs interrupted', () => {
    const path = join(temp(), 'v3.sqlite');
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS.slice(0, 3));
    old.exec(`
      INSERT INTO libraries VALUES ('lib_a', 'A', 'cell', 1, 't', 't');
      INSERT INTO library_versions VALUES ('lib_a', 1, '', '', '[]', 0, 0, 0, 't');
      INSERT INTO experiments (id, name, status, input_snapshot, model_version, app_version, results, created_at, updated_at)
        VALUES ('exp_done', 'done', 'done', '{}', 'm', 'a', '{"energy_J":1}', 't1', 't1'), ('exp_half', 'half', 'queued', '{}', 'm', 'a', NULL, 't2', 't2');
      INSERT INTO experiment_tags VALUES ('exp_done', 'paper'), ('exp_half', 'paper');
      INSERT INTO experiment_libraries VALUES ('exp_done', 'lib_a', 1), ('exp_half', 'lib_a', 1);
    `);
    old.close();
    const db = openWorkbenchDb(path);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT experiment_id, tag FROM experiment_tags ORDER BY experiment_id').all()).toHaveLength(2);
    expect(db.prepare('SELECT count(*) AS n FROM experiment_libraries').get()).toEqual({ n: 2 });
    const repo = new ExperimentRepo(db, fixedClock());
    expect(repo.get('exp_done')).toMatchObject({ status: 'done', results: { energy_J: 1 }, tags: ['paper'] });
    expect(repo.get('exp_half')).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/an earlier PIM Workbench stopped while storing this run/) });
    db.close();
  });

  it("leaves a live process's running job alone when another process opens the file, and marks it once that process dies", async () => {
    const path = join(temp(), 'live.sqlite');
    openWorkbenchDb(path).close();
    const child = spawn(process.execPath, [script('lifecycle.ts'), 'hold', path], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const id = line.toString().trim();
    const whileAlive = openWorkbenchDb(path);
    expect(new ExperimentRepo(whileAlive, fixedClock()).get(id)?.status).toBe('running');
    whileAlive.close();
    child.kill('SIGKILL');
    await once(child, 'close');
    const afterDeath = openWorkbenchDb(path);
    expect(new ExperimentRepo(afterDeath, fixedClock()).get(id)).toMatchObject({ status: 'interrupted', error: expect.stringContaining(`pid ${child.pid} on ${hostname()}`) });
    afterDeath.close();
  });

  it('leaves the runs this very process has in flight when it opens the file a second time', () => {
    const path = join(temp(), 'twice.sqlite');
    const first = openWorkbenchDb(path);
    const repo = new ExperimentRepo(first, fixedClock());
    const id = repo.create({ name: 'mine', inputSnapshot: {}, modelVersion: 'm', appVersion: 'a' });
    repo.start(id);
    openWorkbenchDb(path).close();
    expect(repo.get(id)?.status).toBe('running');
    first.close();
  });
});
