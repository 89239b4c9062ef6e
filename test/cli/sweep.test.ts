import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';
import { parseVary } from '../../src-main/cli/commands/sweep.ts';

describe('pimwb sweep', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'sweep.sqlite');

  it('reads KEY=FROM:TO:STEPS[:log] ranges', () => {
    expect(parseVary('rows=64:1024:5:log')).toEqual({ key: 'rows', from: 64, to: 1024, steps: 5, scale: 'log' });
    expect(parseVary('powerBudget=10:50:3')).toEqual({ key: 'powerBudget', from: 10, to: 50, steps: 3, scale: 'linear' });
    expect(() => parseVary('rows=64..1024')).toThrow(/KEY=FROM:TO:STEPS/);
  });

  it('evaluates every point in worker threads, marks the front, and explains points that are not valid designs', async () => {
    const out = await pimwb(['sweep', '--design', 'sot-mram-pim', '--network', 'lenet5', '--vary', 'rows=64:1024:5:log', '--vary', 'powerBudget=10:100:2:log', '--json', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as { status: string; total: number; points: { values: Record<string, number>; energy_J: number | null; error?: string }[]; front: number[] };
    expect(r).toMatchObject({ status: 'done', total: 10 });
    // 64 rows cannot hold the bf16 microprograms (about 100 bits per lane).
    const bad = r.points.filter((p) => p.energy_J === null);
    expect(bad.map((p) => p.values.rows)).toEqual([64, 64]);
    expect(bad[0]!.error).toMatch(/cannot hold the bf16 multiply and add microprograms/);
    expect(r.front.length).toBeGreaterThan(0);
    const text = await pimwb(['sweep', '--design', 'floatpim', '--network', 'lenet5', '--vary', 'cols=128:1024:4:log', '--db', db()]);
    expect(text.stdout).toMatch(/Pareto front \(energy vs latency\): \d+ points/);
    expect(text.stdout).toMatch(/Kept in History as swp_\w+/);
  });

  it('exits 2 on a bad range or key', async () => {
    const cases: [string[], RegExp][] = [
      [['--vary', 'rows'], /must look like KEY=FROM:TO:STEPS/],
      [['--vary', 'arithMode=1:2:2'], /"arithMode" is not a numeric design value/],
      [['--vary', 'a=1:2:2', '--vary', 'b=1:2:2', '--vary', 'c=1:2:2'], /at most twice/],
      [[], /--vary is required/],
    ];
    for (const [extra, message] of cases) {
      const out = await pimwb(['sweep', '--design', 'floatpim', '--network', 'lenet5', ...extra, '--db', db()]);
      expect(out.code, extra.join(' ')).toBe(2);
      expect(out.stderr).toMatch(message);
    }
  });
});
