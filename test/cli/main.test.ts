import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

const PIMWB = fileURLToPath(new URL('../../src-main/cli/pimwb.mjs', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('pimwb', () => {
  const temp = useTempDir();

  it('prints help listing every command, and the version', async () => {
    const help = await pimwb(['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['library list', 'library show', 'library import', 'library export', 'serve']) expect(help.stdout).toContain(cmd);
    expect(await pimwb(['--version'])).toMatchObject({ code: 0, stdout: VERSION });
    expect((await pimwb(['library', 'export', '--help'])).stdout).toMatch(/--output FILE/);
  });

  it('exits 2 on usage errors with one line on stderr', async () => {
    for (const args of [[], ['frobnicate'], ['library'], ['library', 'list', '--bogus'], ['library', 'show']]) {
      const result = await pimwb(args);
      expect(result.code, args.join(' ')).toBe(2);
    }
    expect((await pimwb(['frobnicate'])).stderr).toBe('pimwb: error: unknown command "frobnicate"; run pimwb --help for the list');
  });

  it('refuses a file that is not a database, exits 2, and leaves its bytes unchanged', async () => {
    const path = join(temp(), 'not-a-db.txt');
    writeFileSync(path, 'these are my notes\n');
    const before = readFileSync(path);
    const result = await pimwb(['--db', path, 'library', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not-a-db\.txt is not a PIM Workbench database/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('takes the database from PIMWB_DB when --db is absent', async () => {
    const path = join(temp(), 'env.sqlite');
    await pimwb(['library', 'clone', 'floatpim-published', 'from env'], { env: { PIMWB_DB: path } });
    const list = await pimwb(['library', 'list', '--json', '--db', path]);
    expect(list.stdout).toContain('from env');
  });

  it('runs as a program through its launcher, with exit codes and no stack trace', () => {
    const ok = spawnSync(process.execPath, [PIMWB, '--version'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe(VERSION);
    const bad = spawnSync(process.execPath, [PIMWB, 'library', 'show', 'x', '--db', join(temp(), 'nope', 'x.sqlite')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
  });
});
