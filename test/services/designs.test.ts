import { describe, expect, it } from 'vitest';
import { builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import { useTempDir } from '../helpers/temp.ts';

const floatpim = builtinDesign('floatpim')!.values;
const set = (key: string, value: number | string) => floatpim.map((v) => (v.key === key ? { ...v, value } : v));

describe('designs', () => {
  const temp = useTempDir();

  it('checks design values as they are edited: what cannot be simulated, by key, and what deserves a look', async () => {
    const wb = testWorkbench(temp());
    // FloatPIM's 10 kOhm cross-point cells cannot be written a row at a time by any driver NVSim
    // allows: the design builds, with that said against its cell.
    const shipped = await call(wb, 'designs.check', { values: [...floatpim] });
    expect(shipped.errors).toEqual([]);
    expect(shipped.warnings.length).toBeGreaterThan(0);
    for (const w of shipped.warnings) expect(w).toMatchObject({ path: 'cell', message: expect.stringMatching(/NVSim rejects this organisation/) });
    const narrow = await call(wb, 'designs.check', { values: set('cols', 64) });
    expect(narrow.errors).toEqual([{ path: 'cols', message: expect.stringMatching(/a lane of 64 bits cannot hold the bf16 multiply and add microprograms/) }]);
    const unknownCell = await call(wb, 'designs.check', { values: set('cell', 'no such cell') });
    expect(unknownCell.errors[0]).toMatchObject({ path: 'cell' });
    const starved = await call(wb, 'designs.check', { values: set('powerBudget', 0.05) });
    expect(starved.warnings).toContainEqual({ path: 'powerBudget', message: expect.stringMatching(/envelope does not cover the static power/) });
    const unreadable = await call(wb, 'designs.check', { values: set('tiles', 'many') });
    expect(unreadable.errors).toEqual([{ path: 'tiles', message: expect.stringMatching(/must be a number/) }]);
  });

  it('refuses a node without device figures and magnitudes no chip can have, by key', async () => {
    const wb = testWorkbench(temp());
    const node = await call(wb, 'designs.check', { values: set('node', 7) });
    expect(node.errors).toEqual([{ path: 'node', message: 'must be one of 45, 32, 28, 22 nm (the nodes with device and wire figures)' }]);
    for (const key of ['powerBudget', 'controller.areaPerTile', 'controller.powerPerTile', 'transfer.wireEnergyPerBit', 'switch.areaPerBlock']) {
      const huge = await call(wb, 'designs.check', { values: set(key, 1e308) });
      expect(huge.errors, key).toEqual([{ path: key, message: expect.stringMatching(/^must be at most /) }]);
    }
  });

  it('lists the built-in designs and a saved one, and runs the saved one', async () => {
    const wb = testWorkbench(temp());
    await call(wb, 'libraries.clone', { ref: 'floatpim', name: 'Narrow FloatPIM' });
    const ids = (await call(wb, 'designs.list', {})).items.map((d) => d.name);
    expect(ids).toContain('Narrow FloatPIM');
    expect(ids).toContain('SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)');
    expect(ids).not.toContain('FloatPIM (published figures)');
    const run = await call(wb, 'experiments.run', { design: 'Narrow FloatPIM', network: 'lenet5', store: false });
    expect(run.result.energy_J).toBeGreaterThan(0);
  });
});
