import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pimwb } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp.ts';

// `pimwb sensitivity` and `pimwb goal-seek`: the JSON shapes scripts read, the figures fed back
// through `pimwb run`, and exit statuses.

describe('pimwb sensitivity and goal-seek', () => {
  const temp = useTempDir();
  const db = (): string[] => ['--db', join(temp(), 'cli.sqlite')];

  it('prints the tornado as {"metric", "baseline", "parameters": [...]}, the most influential value first', async () => {
    const result = await pimwb([...db(), 'sensitivity', '--design', 'sot-mram-pim', '--network', 'lenet5', '--metric', 'area', '--percent', '5', '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { metric: string; baseline: number; parameters: Record<string, unknown>[] };
    expect(out.metric).toBe('area');
    expect(out.baseline).toBeGreaterThan(0);
    for (const p of out.parameters) expect(Object.keys(p)).toEqual(expect.arrayContaining(['library', 'key', 'unit', 'low', 'high', 'metricAtLow', 'metricAtHigh', 'elasticity']));
    // Area grows with the counts of arrays in proportion, and nearly so with the cell's footprint.
    expect(out.parameters.find((p) => p.key === 'tiles')).toMatchObject({ unit: '1', low: 30, high: 34 });
    expect(out.parameters.find((p) => p.key === 'tiles')!.elasticity as number).toBeCloseTo(1, 3);
    const cellArea = out.parameters.find((p) => p.key === 'cellArea')!;
    expect(cellArea).toMatchObject({ unit: 'F^2', low: 133, high: 147 });
    expect(cellArea.elasticity as number).toBeGreaterThan(0.8);
    const swing = (p: Record<string, unknown>): number => Math.abs(((p.metricAtHigh as number | null) ?? out.baseline) - ((p.metricAtLow as number | null) ?? out.baseline));
    for (let i = 1; i < out.parameters.length; i += 1) expect(swing(out.parameters[i - 1]!)).toBeGreaterThanOrEqual(swing(out.parameters[i]!));
    const text = await pimwb([...db(), 'sensitivity', '--design', 'sot-mram-pim', '--network', 'lenet5', '--metric', 'area']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^area of SOT-MRAM PIM .* on LeNet-5: [\d.]+ mm\^2; .*±10%/);
  });

  it('finds a value with goal-seek that pimwb run, given it, reproduces within 0.5%', async () => {
    const before = JSON.parse((await pimwb([...db(), 'run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--no-store', '--json'])).stdout) as { energy_J: number };
    const target = before.energy_J * 1.05;
    const sought = await pimwb([...db(), 'goal-seek', '--design', 'sot-mram-pim', '--network', 'lenet5', '--key', 'setPulse', '--metric', 'energy', '--target', String(target), '--json']);
    expect(sought.code).toBe(0);
    const out = JSON.parse(sought.stdout) as { key: string; value: number; unit: string; achieved: number; iterations: number };
    expect(out).toMatchObject({ key: 'setPulse', unit: 'ns' });
    expect(out.iterations).toBeGreaterThan(2);
    expect(Math.abs(out.achieved / target - 1)).toBeLessThan(0.005);
    // The pulse is one value of the cell: a library file of the cell with it, and of the design on that cell.
    const edited = async (ref: string, name: string, change: (v: { key: string; value: unknown }) => unknown): Promise<string> => {
      const file = JSON.parse((await pimwb([...db(), 'library', 'export', ref])).stdout) as { name: string; values: { key: string; value: unknown }[] };
      const path = join(temp(), `${name}.json`);
      writeFileSync(path, JSON.stringify({ ...file, values: file.values.map((v) => ({ ...v, value: change(v) })) }));
      const imported = await pimwb([...db(), 'library', 'import', path, '--name', name, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      return (JSON.parse(imported.stdout) as { id: string }).id;
    };
    const cell = await edited('builtin:sot-mram-2t2mtj', 'Pulse found', (v) => (v.key === 'setPulse' ? out.value : v.value));
    const design = await edited('builtin:sot-mram-pim', 'On the pulse found', (v) => (v.key === 'cell' ? cell : v.value));
    const after = JSON.parse((await pimwb([...db(), 'run', '--design', design, '--network', 'lenet5', '--no-store', '--json'])).stdout) as { energy_J: number };
    expect(Math.abs(after.energy_J / target - 1)).toBeLessThan(0.005);
  });

  it('says when no value reaches the target, with the range searched and the span of the metric (exit 0), and refuses bad input with exit 2', async () => {
    const never = await pimwb([...db(), 'goal-seek', '--design', 'sot-mram-pim', '--network', 'lenet5', '--key', 'resistanceLow', '--target', '1e-9', '--json']);
    expect(never.code).toBe(0);
    const out = JSON.parse(never.stdout) as { unreachable: string; range: [number, number]; metricRange: [number, number] };
    expect(out.unreachable).toMatch(/^unreachable within 0\.1 kOhm to 1000 kOhm: .*the energy spans/);
    expect(out.range).toEqual([0.1, 1000]);
    expect(out.metricRange[0]).toBeGreaterThan(1e-9);
    for (const args of [
      ['--key', 'resistanceLow', '--target', 'lots'],
      ['--key', 'nonsense', '--target', '1'],
      ['--key', 'resistanceLow', '--target', '-1'],
      ['--key', 'resistanceLow', '--target', '1', '--metric', 'speed'],
    ]) {
      const bad = await pimwb([...db(), 'goal-seek', '--design', 'sot-mram-pim', '--network', 'lenet5', ...args]);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
    }
    const percent = await pimwb([...db(), 'sensitivity', '--design', 'sot-mram-pim', '--network', 'lenet5', '--percent', '150']);
    expect(percent.code).toBe(2);
    expect(percent.stderr).toMatch(/percent/);
  });

  it('prints Sobol indices as {"indices": [{"key", "first", "total", "firstCI", "totalCI"}]} and the band as {"p5", "p50", "p95", "samples"}, the same for the same seed', async () => {
    const sobol = ['sobol', '--design', 'sot-mram-pim', '--network', 'lenet5', '--samples', '64', '--seed', '5', '--top', '4', '--json'];
    const first = await pimwb([...db(), ...sobol]);
    expect(first.code, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout) as { indices: Record<string, unknown>[]; samples: number };
    expect(out.indices).toHaveLength(4);
    for (const index of out.indices) expect(Object.keys(index)).toEqual(expect.arrayContaining(['key', 'first', 'total', 'firstCI', 'totalCI']));
    expect((await pimwb([...db(), ...sobol])).stdout).toBe(first.stdout);
    const band = await pimwb([...db(), 'uncertainty', '--design', 'sot-mram-pim', '--network', 'lenet5', '--vs', 'floatpim', '--samples', '100', '--json']);
    expect(band.code, band.stderr).toBe(0);
    const b = JSON.parse(band.stdout) as { p5: number; p50: number; p95: number; samples: number; refused: number; unit: string };
    expect(b.unit).toBe('1');
    expect(b.p5).toBeLessThanOrEqual(b.p50);
    expect(b.p50).toBeLessThanOrEqual(b.p95);
    // Draws the simulator refuses (a lane too short for its microprograms...) are counted apart.
    expect(b.samples + b.refused).toBe(100);
    expect(b.samples).toBeGreaterThan(50);
    const text = await pimwb([...db(), 'uncertainty', '--design', 'sot-mram-pim', '--network', 'lenet5', '--samples', '50']);
    expect(text.stdout).toMatch(/^energy: P5 [\d.]+ mJ, P50 [\d.]+ mJ, P95 [\d.]+ mJ/);
    expect((await pimwb([...db(), 'sobol', '--design', 'sot-mram-pim', '--network', 'lenet5', '--samples', '8'])).code).toBe(2);
    // Five CLI processes, three of them running a study: about 2.5 s on an idle machine, over 5 s on a busy one.
  }, 30_000);
});

