import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import { LibraryRepo } from '../../src-main/store/repos/libraries.ts';
import { builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { fixedClock } from '../helpers/temp.ts';

// Bad input at the command line: one clear line on stderr, exit 2, and nothing stored.

describe('hardening against bad input', () => {
  const temp = useTempDir();
  const db = (): string => join(temp(), 'h.sqlite');
  const libraries = async (): Promise<string[]> => (JSON.parse((await pimwb(['library', 'list', '--json', '--db', db()])).stdout) as { items: { id: string }[] }).items.map((i) => i.id);
  const oneLine = (text: string): void => {
    expect(text.trim().split('\n')).toHaveLength(1);
    expect([...text].some((c) => c.charCodeAt(0) < 0x20 && c !== '\n')).toBe(false);
  };

  it('reserves built-in names (any case, ids and short ids) for libraries, and keeps the store as it was', async () => {
    const before = await libraries();
    for (const name of ['sot-mram-pim', 'SOT-MRAM-PIM', 'builtin:mine', 'FloatPIM (ReRAM, MAGIC NOR)']) {
      const run = await pimwb(['library', 'clone', 'floatpim', name, '--db', db()]);
      expect(run.code, name).toBe(2);
      expect(run.stderr).toMatch(/reserved/);
      oneLine(run.stderr);
    }
    expect(await pimwb(['library', 'clone', 'floatpim', 'my floatpim', '--db', db()])).toMatchObject({ code: 0 });
    expect((await pimwb(['library', 'rename', 'my floatpim', 'floatpim', '--db', db()])).code).toBe(2);
    expect((await libraries()).length).toBe(before.length + 1);
  });

  it('reserves built-in network names and ids for imports', async () => {
    const csv = join(temp(), 'net.csv');
    writeFileSync(csv, '32,32,3,3,3,16,0,1\n1,1,16,1,1,10,0,1\n');
    for (const name of ['resnet18', 'ResNet-18', 'builtin:x']) {
      const run = await pimwb(['network', 'import', csv, '--name', name, '--db', db()]);
      expect(run.code, name).toBe(2);
      oneLine(run.stderr);
    }
    expect((await pimwb(['network', 'import', csv, '--name', 'tiny', '--db', db()])).code).toBe(0);
  });

  it('resolves a built-in first even when an older store holds a library of that name, and says which designs it compared', async () => {
    const wb = testWorkbench(temp(), 'legacy.sqlite');
    // What a store from before names were reserved may hold: a copy of FloatPIM named after the proposed design.
    new LibraryRepo(wb.db, fixedClock()).create({ name: 'sot-mram-pim', kind: 'architecture', description: 'legacy', values: builtinDesign('floatpim')!.values, note: 'legacy' });
    const paper = await call(wb, 'paper.reproduce', { basis: 'step-count' });
    expect(paper.proposed).toMatchObject({ id: 'builtin:sot-mram-pim', version: 1 });
    expect(paper.average.energy).not.toBeCloseTo(1, 3);
    wb.close();
  });

  it('says a file of random bytes is binary, in one line, and stores nothing', async () => {
    const before = await libraries();
    const file = join(temp(), 'noise.cell');
    writeFileSync(file, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256)));
    const run = await pimwb(['cell', 'import', file, '--db', db()]);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringMatching(/is a binary file, not a text file/) });
    oneLine(run.stderr);
    expect(await libraries()).toEqual(before);
  });

  it('escapes control characters a file puts in a value, and cuts long ones', async () => {
    const wb = testWorkbench(temp(), 'nul.sqlite');
    const result = await wb.dispatch('cells.importNvsim', { text: '-MemCellType: MRAM\n-CellArea (F^2): 60\u0000\u0000\u001b[2J\n', fileName: 'nul.cell' });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(!result.ok && result.error);
    expect(text).toContain('60\\\\u0000\\\\u0000\\\\u001b[2J');
    expect(text).not.toMatch(/\\u0000(?!\\)/);
    const long = await wb.dispatch('libraries.get', { ref: 'x'.repeat(5000) });
    expect(!long.ok && long.error.message.length).toBeLessThan(1200);
    wb.close();
  });

  it('refuses out-of-range values at the input: a sweep below a value\'s minimum, 1e15 channels, an oversized library file', async () => {
    const sweep = await pimwb(['sweep', '--design', 'sot-mram-pim', '--network', 'lenet5', '--vary', 'powerBudget=-1e308:1e308:3', '--db', db()]);
    expect(sweep).toMatchObject({ code: 2, stderr: expect.stringMatching(/axes\.0\.from: must be at least 0 W/) });
    oneLine(sweep.stderr);
    const huge = join(temp(), 'huge.csv');
    writeFileSync(huge, '32,32,3,3,3,1000000000000000,0,1\n');
    const net = await pimwb(['network', 'import', huge, '--db', db()]);
    expect(net.code).toBe(2);
    expect(net.stderr).toMatch(/at most 1048576/);
    const big = join(temp(), 'big.json');
    writeFileSync(big, `{"values": "${'x'.repeat(9_000_000)}"}`);
    const lib = await pimwb(['library', 'import', big, '--db', db()]);
    expect(lib).toMatchObject({ code: 2, stderr: expect.stringMatching(/too large .* the limit is 8000000 bytes/) });
    expect((await libraries()).filter((id) => id.startsWith('lib_'))).toEqual([]);
  });
});
