import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/cells/nvsim-sample-sttram.cell', import.meta.url));
const RRAM = fileURLToPath(new URL('../fixtures/cells/nvsim-rram-crosspoint.cell', import.meta.url));

describe('pimwb cell and array', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'cells.sqlite');

  it('lists the built-in cells and shows their sources', async () => {
    const list = JSON.parse((await pimwb(['cell', 'list', '--json', '--db', db()])).stdout) as { items: { id: string }[] };
    const ids = ['sot-mram-2t2mtj', 'sot-mram-4t2mtj', 'sot-mram-2t1mtj', 'stt-mram-1t1mtj', 'reram-magic'];
    expect(list.items.map((c) => c.id)).toEqual(ids.map((id) => `builtin:${id}`));
    for (const id of ids) {
      const show = await pimwb(['cell', 'show', id, '--db', db()]);
      expect(show.code, id).toBe(0);
      expect(show.stdout).toMatch(/SOURCE/);
      expect(show.stdout).toMatch(/(ISCA 2019|ISCAS 2020|NeuroSim|NVSim)/);
    }
  });

  it('imports an NVSim cell, prints its id, and exports it back', async () => {
    const imported = await pimwb(['cell', 'import', SAMPLE, '--name', 'Sample STT', '--db', db()]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^lib_\w+$/);
    const out = join(temp(), 'back.cell');
    expect((await pimwb(['cell', 'export', 'Sample STT', '-o', out, '--db', db()])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('-CellArea (F^2): 54');
    expect(text).toContain('-ReadPower (uW): 30');
    const again = await pimwb(['cell', 'import', out, '--name', 'Again', '--db', db()]);
    expect(again.code).toBe(0);
  });

  it('exits 2 naming key and line for a bad .cell file, and stores nothing', async () => {
    const bad = join(temp(), 'bad.cell');
    for (const [text, pattern] of [
      [readFileSync(SAMPLE, 'utf8').replace('-SetPulse (ns): 10\n', ''), /-SetPulse: is missing/],
      [readFileSync(SAMPLE, 'utf8').replace('(ohm): 3000', '(ohm): -3000'), /line 5 \(-ResistanceOn\): must be positive/],
      [readFileSync(SAMPLE, 'utf8').replace('(V): 0.25', '(V): low'), /line 8 \(-ReadVoltage\): "low" is not a number/],
    ] as const) {
      writeFileSync(bad, text);
      const result = await pimwb(['cell', 'import', bad, '--db', db()]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(pattern);
    }
    const list = JSON.parse((await pimwb(['cell', 'list', '--json', '--db', db()])).stdout) as { items: { builtIn: boolean }[] };
    expect(list.items.filter((c) => !c.builtIn)).toEqual([]);
  });

  it('answers pimwb array --json for built-in, stored and file cells at every node', async () => {
    await pimwb(['cell', 'import', SAMPLE, '--name', 'stored', '--db', db()]);
    for (const cell of ['sot-mram-2t2mtj', 'sot-mram-4t2mtj', 'sot-mram-2t1mtj', 'stt-mram-1t1mtj', 'reram-magic', 'stored', RRAM]) {
      for (const node of ['22', '28', '32', '45']) {
        const run = await pimwb(['array', '--cell', cell, '--rows', '64', '--cols', '2048', '--node', node, '--json', '--db', db()]);
        expect(run.code, `${cell} ${node}`).toBe(0);
        const r = JSON.parse(run.stdout) as { area_m2: number; read: { latency_s: number; energy_J: number }; primitives: Record<string, unknown>; warnings: string[] };
        expect(r.area_m2).toBeGreaterThan(0);
        expect(r.read.latency_s).toBeGreaterThan(0);
        expect(Object.keys(r.primitives).length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('costs a MAGIC NOR on FloatPIM\'s crossbar at 0.5 to 10 fJ per lane (VTEAM circuit data: 1.3 fJ per gate)', async () => {
    const run = await pimwb(['array', '--cell', 'reram-magic', '--rows', '1024', '--cols', '1024', '--node', '28', '--json', '--db', db()]);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { lanes: number; mux: number; primitives: Record<string, { energy_J: number }> };
    const perLane = r.primitives.nor2!.energy_J / r.lanes;
    expect(perLane).toBeGreaterThan(0.5e-15);
    expect(perLane).toBeLessThan(10e-15);
  });

  it('takes a column mux: reads and writes one column in N, and refuses a mux a sense amplifier cannot fit or that is not 1, 2, 4 or 8', async () => {
    const one = JSON.parse((await pimwb(['array', '--cell', 'stt-mram-1t1mtj', '--rows', '512', '--cols', '512', '--node', '32', '--json', '--db', db()])).stdout) as { mux: number; write: { energy_J: number } };
    const four = JSON.parse((await pimwb(['array', '--cell', 'stt-mram-1t1mtj', '--rows', '512', '--cols', '512', '--node', '32', '--mux', '4', '--json', '--db', db()])).stdout) as { mux: number; write: { energy_J: number } };
    expect([one.mux, four.mux]).toEqual([1, 4]);
    expect(four.write.energy_J / one.write.energy_J).toBeLessThan(0.3);
    expect(await pimwb(['array', '--cell', 'stt-mram-1t1mtj', '--rows', '512', '--cols', '512', '--node', '32', '--mux', '3', '--db', db()])).toMatchObject({ code: 2, stderr: expect.stringMatching(/mux/) });
    expect(await pimwb(['array', '--cell', 'reram-magic', '--rows', '512', '--cols', '512', '--node', '32', '--mux', '1', '--db', db()])).toMatchObject({ code: 2, stderr: expect.stringMatching(/sense amplifier does not fit/) });
  });

  it('rejects bad sizes and nodes with exit 2 and the supported values', async () => {
    expect(await pimwb(['array', '--cell', 'reram-magic', '--rows', '8', '--cols', '64', '--node', '22', '--db', db()])).toMatchObject({ code: 2, stderr: expect.stringMatching(/rows/) });
    expect(await pimwb(['array', '--cell', 'reram-magic', '--rows', '64', '--cols', '64', '--node', '14', '--db', db()])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/supported nodes: 45, 32, 28, 22 nm/),
    });
    expect((await pimwb(['array', '--cell', 'FloatPIM (published figures)', '--rows', '64', '--cols', '64', '--node', '22', '--db', db()])).stderr).toMatch(/not a cell/);
    expect((await pimwb(['array', '--rows', '64', '--db', db()])).code).toBe(2);
  });
});
