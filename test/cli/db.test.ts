import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';
import { LATEST_SCHEMA_VERSION } from '../../src-main/store/db.ts';

describe('pimwb db', () => {
  const temp = useTempDir();

  it('reports the file in use and what it holds', async () => {
    const db = join(temp(), 'info.sqlite');
    await pimwb(['library', 'clone', 'floatpim-published', 'mine', '--db', db]);
    const info = JSON.parse((await pimwb(['db', 'info', '--db', db, '--json'])).stdout) as Record<string, unknown>;
    expect(info).toMatchObject({ dbPath: db, schemaVersion: LATEST_SCHEMA_VERSION, libraries: 1, experiments: 0 });
  });

  it('backs up to a new file that opens with the same libraries, and never overwrites', async () => {
    const db = join(temp(), 'live.sqlite');
    const copy = join(temp(), 'copy.sqlite');
    await pimwb(['library', 'clone', 'floatpim-published', 'kept', '--db', db]);
    expect(await pimwb(['db', 'backup', copy, '--db', db])).toMatchObject({ code: 0, stdout: `backed up to ${copy}` });
    expect((await pimwb(['library', 'show', 'kept', '--db', copy])).code).toBe(0);
    expect(await pimwb(['db', 'backup', copy, '--db', db])).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) });
  });
});
