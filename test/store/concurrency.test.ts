import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION, migrate, openWorkbenchDb, schemaVersion } from '../../src-main/store/db.ts';
import { MIGRATIONS } from '../../src-main/store/migrations/index.ts';
import { RESOURCES_DIR, useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import { runChild, script } from './child-processes.ts';

// Several processes updating the same experiments at once, as the window, `pimwb serve` and the
// CLI may: each update waits its turn for the write lock, none fails with "database is locked".

const WRITERS = 4;
const UPDATES = 60;

describe('concurrent writers', () => {
  const temp = useTempDir();

  it('update the same experiments from several processes with no "database is locked"', async () => {
    const dir = temp();
    const wb = testWorkbench(dir);
    const refs: string[] = [];
    for (const network of ['lenet5', 'alexnet', 'vgg8-cifar']) refs.push((await call(wb, 'experiments.run', { design: 'sot-mram-pim', network })).experimentId!);
    wb.close();
    const startAt = String(Date.now() + 2500);
    const args = [script('update-writer.ts'), join(dir, 'wb.sqlite'), RESOURCES_DIR, startAt, String(UPDATES), ...refs];
    const ends = await Promise.all(Array.from({ length: WRITERS }, () => runChild(args)));
    const reports = ends.map((end) => {
      expect(end).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(end.stdout) as { ok: number; failures: string[] };
    });
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    expect(reports.map((r) => r.ok)).toEqual(Array.from({ length: WRITERS }, () => UPDATES));
    const after = testWorkbench(dir);
    const notes = await Promise.all(refs.map(async (ref) => (await call(after, 'experiments.get', { ref })).notes));
    expect(notes.every((n) => /^writer \d+ update \d+$/.test(n))).toBe(true);
    after.close();
  }, 30_000);

  it('open a new or an older database at the same moment from several processes, creating and migrating it once', async () => {
    const dir = temp();
    const fresh = join(dir, 'fresh.sqlite');
    const older = join(dir, 'older.sqlite');
    const v3 = new Database(older);
    migrate(v3, MIGRATIONS.slice(0, 3));
    v3.close();
    for (const path of [fresh, older]) {
      const startAt = String(Date.now() + 1000);
      const ends = await Promise.all(Array.from({ length: WRITERS }, () => runChild([script('lifecycle.ts'), 'finish', path, startAt])));
      for (const end of ends) expect(end).toMatchObject({ code: 0, stderr: '' });
      const db = openWorkbenchDb(path);
      expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
      expect(db.prepare("SELECT count(*) AS n FROM experiments WHERE status = 'done'").get()).toEqual({ n: WRITERS });
      db.close();
    }
    expect(readdirSync(dir).filter((f) => f.includes('.creating-'))).toEqual([]);
  }, 30_000);
});
