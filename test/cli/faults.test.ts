import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

interface FaultsJson {
  samples: number;
  wrong: number;
  wrongFraction: number;
  catastrophic: number;
  ulpHistogram: Record<string, number>;
  perPrimitive: Record<string, { probability: number; flips: number }>;
}

describe('pimwb faults', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'faults.sqlite');

  it('prints exactly the documented JSON shape, and the same seed gives the same answer', async () => {
    const args = ['faults', '--cell', 'sot-mram-2t2mtj', '--format', 'bf16', '--op', 'mul', '--samples', '4000', '--seed', '7', '--rate', '1e-3', '--json', '--db', db()];
    const first = await pimwb(args);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as FaultsJson;
    expect(Object.keys(result).sort()).toEqual(['catastrophic', 'perPrimitive', 'samples', 'ulpHistogram', 'wrong', 'wrongFraction']);
    expect(result.samples).toBe(4000);
    expect(result.wrong).toBeGreaterThan(0);
    expect(result.wrongFraction).toBeCloseTo(result.wrong / 4000, 12);
    expect(result.catastrophic).toBeLessThanOrEqual(result.wrong);
    expect(Object.values(result.ulpHistogram).reduce((a, b) => a + b, 0)).toBe(result.wrong);
    for (const entry of Object.values(result.perPrimitive)) {
      expect(Object.keys(entry).sort()).toEqual(['flips', 'probability']);
      expect(entry.probability).toBe(1e-3);
    }
    const again = await pimwb(args);
    expect(again.stdout).toBe(first.stdout);
  });

  it('uses the cell\'s variation when no rate is given, and prints a table without --json', async () => {
    const run = await pimwb(['faults', '--cell', 'reram-magic', '--format', 'bf16', '--op', 'add', '--samples', '2000', '--db', db()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/device variation/);
    expect(run.stdout).toMatch(/PRIMITIVE\s+FLIP PROBABILITY\s+FLIPS/);
    expect(run.stdout).toMatch(/nor2/);
  });

  it('exits 2 on a bad rate, an unknown op or an unknown cell', async () => {
    for (const extra of [['--op', 'mul', '--rate', '2'], ['--op', 'mul', '--rate', 'lots'], ['--op', 'div']]) {
      const run = await pimwb(['faults', '--cell', 'reram-magic', '--format', 'bf16', ...extra, '--db', db()]);
      expect(run.code, extra.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/ at .*\.ts/);
    }
    const unknown = await pimwb(['faults', '--cell', 'no-such-cell', '--format', 'bf16', '--op', 'mul', '--db', db()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no-such-cell/);
  });
});
