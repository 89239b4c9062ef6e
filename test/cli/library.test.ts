import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';
import { sampleFile } from '../helpers/workbench.ts';

describe('pimwb library', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'cli.sqlite');

  it('imports a file, then lists, shows and exports it by name', async () => {
    const file = join(temp(), 'sample.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    const imported = await pimwb(['--db', db(), 'library', 'import', file]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/imported "Sample SOT cell" as lib_\w+ \(5 values\)/);

    const list = await pimwb(['library', 'list', '--db', db(), '--json']);
    const names = (JSON.parse(list.stdout) as { items: { name: string }[] }).items.map((i) => i.name);
    expect(names).toContain('Sample SOT cell');

    const show = await pimwb(['library', 'show', 'sample sot cell', '--db', db()]);
    expect(show.stdout).toMatch(/R_P\s+10\s+kOhm\s+NeuroSim SOT-MRAM preset/);

    const out = join(temp(), 'out.json');
    expect((await pimwb(['library', 'export', 'Sample SOT cell', '-o', out, '--db', db()])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'pimwb-library', values: sampleFile.values });
    const again = await pimwb(['library', 'export', 'Sample SOT cell', '-o', out, '--db', db()]);
    expect(again).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists; pass --force/) });
  });

  it('exits 2 naming the bad field of a broken file, and the list is unchanged', async () => {
    const before = await pimwb(['library', 'list', '--json', '--db', db()]);
    const broken = join(temp(), 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...sampleFile, values: sampleFile.values.map((v, i) => (i === 3 ? { ...v, unit: 7 } : v)) }));
    const result = await pimwb(['library', 'import', broken, '--db', db()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pimwb: error: the library file is not valid: values\[3\]\.unit: /);
    expect(result.stderr.split('\n')).toHaveLength(1);
    const after = await pimwb(['library', 'list', '--json', '--db', db()]);
    expect(after.stdout).toBe(before.stdout);
  });

  it('reports invalid JSON with its line and column', async () => {
    const file = join(temp(), 'bad.json');
    writeFileSync(file, '{\n  "format": "pimwb-library",\n  oops\n}');
    const result = await pimwb(['library', 'import', file, '--db', db()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.json is not valid JSON at line 3, column 3/);
  });

  it('exits 2 for an unknown library and for a missing file', async () => {
    expect(await pimwb(['library', 'show', 'nothing-here', '--db', db()])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no library "nothing-here"/) });
    expect(await pimwb(['library', 'import', join(temp(), 'none.json'), '--db', db()])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no such file/) });
  });

  it('exits 1 when refusing to delete a built-in, and 2 without --yes', async () => {
    expect((await pimwb(['library', 'delete', 'builtin:floatpim-published', '--db', db()])).code).toBe(2);
    expect(await pimwb(['library', 'delete', 'builtin:floatpim-published', '--yes', '--db', db()])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/built-in library and cannot be deleted/),
    });
  });

  it('renames, clones and deletes by name', async () => {
    expect((await pimwb(['library', 'clone', 'FloatPIM (published figures)', 'mine', '--db', db()])).code).toBe(0);
    expect((await pimwb(['library', 'rename', 'mine', 'ours', '--db', db()])).stdout).toMatch(/to "ours"/);
    expect((await pimwb(['library', 'versions', 'ours', '--db', db(), '--json'])).stdout).toMatch(/cloned from FloatPIM/);
    expect((await pimwb(['library', 'delete', 'ours', '--yes', '--db', db()])).code).toBe(0);
    expect((await pimwb(['library', 'show', 'ours', '--db', db()])).code).toBe(2);
  });

  it('prints errors as one JSON line under --json', async () => {
    const result = await pimwb(['--json', 'library', 'show', 'nope', '--db', db()]);
    expect(JSON.parse(result.stderr)).toMatchObject({ error: { code: 'not_found', issues: [{ path: 'ref' }] } });
  });
});

describe('pimwb library diff', () => {
  const temp = useTempDir();

  it('compares the last two versions of a library, and two libraries', async () => {
    const db = join(temp(), 'diff.sqlite');
    const file = join(temp(), 'lib.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    await pimwb(['library', 'import', file, '--db', db]);
    const { testWorkbench } = await import('../helpers/workbench.ts');
    const wb = testWorkbench(temp(), 'diff.sqlite');
    const values = sampleFile.values.map((v) => (v.key === 'R_P' ? { ...v, value: 12 } : v.key === 'R_AP' ? { ...v, value: 20400, unit: 'Ohm' } : v));
    await wb.dispatch('libraries.saveVersion', { ref: 'Sample SOT cell', baseVersion: 1, values, note: 'edit' });
    wb.close();
    const text = await pimwb(['library', 'diff', 'Sample SOT cell', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Sample SOT cell v1 {2}-> {2}Sample SOT cell v2: 3 same, 1 restated, 1 changed/);
    expect(text.stdout).toMatch(/~\s+R_P\s+10 kOhm\s+12 kOhm/);
    const json = JSON.parse((await pimwb(['library', 'diff', 'Sample SOT cell', 'floatpim-published', '--db', db, '--json'])).stdout) as { counts: Record<string, number> };
    expect(json.counts).toMatchObject({ added: 19, removed: 5 });
  });

  it('marks a range that changed and shows ranges beside the values', async () => {
    const db = join(temp(), 'ranges.sqlite');
    const file = join(temp(), 'lib.json');
    writeFileSync(file, JSON.stringify(sampleFile));
    await pimwb(['library', 'import', file, '--db', db]);
    const { testWorkbench } = await import('../helpers/workbench.ts');
    const wb = testWorkbench(temp(), 'ranges.sqlite');
    const range = { low: 3.91, high: 10, distribution: 'log-uniform', source: 'NeuroSim presets at 22 and 7 nm' } as const;
    const values = sampleFile.values.map((v) => (v.key === 'R_P' ? { ...v, range } : v));
    const saved = await wb.dispatch('libraries.saveVersion', { ref: 'Sample SOT cell', baseVersion: 1, values, note: 'a range' });
    expect(saved.ok).toBe(true);
    wb.close();
    const diff = await pimwb(['library', 'diff', 'Sample SOT cell', '--db', db]);
    expect(diff.stdout).toMatch(/1 range-changed/);
    expect(diff.stdout).toMatch(/r\s+R_P\s+10 kOhm \(no range\)\s+10 kOhm \(3\.91\.\.10, log-uniform\)/);
    const show = await pimwb(['library', 'show', 'Sample SOT cell', '--db', db]);
    expect(show.stdout).toMatch(/KEY\s+VALUE\s+UNIT\s+RANGE\s+SOURCE/);
    expect(show.stdout).toMatch(/R_P\s+10\s+kOhm\s+3\.91\.\.10, log-uniform\s+NeuroSim SOT-MRAM preset \(22 nm\); range: NeuroSim presets/);
  });
});
