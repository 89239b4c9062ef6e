import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CELLS } from '../../src-main/sim/cells/builtin/index.ts';
import { CELL_FAMILY_PRIMITIVES, type CellFamily } from '../../src-main/sim/isa/primitives.ts';
import { RELIABILITY_ONLY_KEYS } from '../../src-main/sim/reliability/variation.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import { useTempDir } from '../helpers/temp.ts';

// cells.get carries each primitive's error probability from the cell's variation values, for the
// cell page; memory-only and incomplete cells have none.

const fixture = (name: string): string => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'cells', name), 'utf8');

describe('cells.errors: error probabilities', () => {
  const temp = useTempDir();

  it('gives every primitive of a built-in logic cell a probability in [0, 0.5] with its basis', { timeout: 30_000 }, async () => {
    const wb = testWorkbench(temp());
    for (const cell of BUILTIN_CELLS) {
      const detail = await call(wb, 'cells.get', { ref: cell.id });
      const errors = (await call(wb, 'cells.errors', { ref: cell.id })).errors!;
      expect(Object.keys(errors).sort(), cell.id).toEqual([...CELL_FAMILY_PRIMITIVES[detail.family as CellFamily]].sort());
      for (const [name, e] of Object.entries(errors)) {
        // A wrong bit more likely than not would mean the sense inverts the data, not variation.
        expect(e.probability, `${cell.id} ${name}`).toBeGreaterThanOrEqual(0);
        expect(e.probability, `${cell.id} ${name}`).toBeLessThanOrEqual(0.5);
        expect(e.basis.length, `${cell.id} ${name}`).toBeGreaterThan(10);
      }
      // The shipped cells state their spreads, so some sensed logic step must be able to fail.
      expect(Math.max(...Object.values(errors).map((e) => e.probability)), cell.id).toBeGreaterThan(0);
    }
  });

  it('gives all 0 once the variation values are removed, and none for a memory-only or an incomplete cell', { timeout: 30_000 }, async () => {
    const wb = testWorkbench(temp());
    const copy = await call(wb, 'libraries.clone', { ref: 'builtin:sot-mram-2t2mtj', name: 'Ideal SOT cell' });
    const values = copy.values.filter((v) => !RELIABILITY_ONLY_KEYS.has(v.key));
    expect(values.length).toBeLessThan(copy.values.length);
    await call(wb, 'libraries.saveVersion', { ref: copy.id, baseVersion: copy.version, values, note: 'no variation' });
    const ideal = await call(wb, 'cells.errors', { ref: copy.id });
    expect(Object.keys(ideal.errors!)).toContain('maj3');
    for (const [name, e] of Object.entries(ideal.errors!)) expect(e.probability, name).toBe(0);
    expect(ideal.errors!.maj3!.basis).toMatch(/missing, taken as 0/);

    const pcram = await call(wb, 'cells.importNvsim', { text: fixture('nvsim-sample-pcram.cell'), fileName: 'pcram.cell' });
    expect((await call(wb, 'cells.errors', { ref: pcram.cell.library.id })).errors).toBeUndefined();

    const partial = await call(wb, 'libraries.create', { name: 'Half a cell', kind: 'cell', values: values.slice(0, 3) });
    const incomplete = await call(wb, 'cells.get', { ref: partial.id });
    expect(incomplete.family).toBe('unknown');
    expect((await call(wb, 'cells.errors', { ref: partial.id })).errors).toBeUndefined();
  });
});
