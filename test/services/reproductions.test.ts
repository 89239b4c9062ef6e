import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';

// Paper reproductions are kept like runs: listed in History beside experiments and sweeps,
// read back whole, re-run from their snapshot to the same numbers, exported, deleted with undo.

describe('kept paper reproductions', () => {
  const temp = useTempDir();

  it('keeps a reproduction with its inputs and whole output, and History lists it beside a run', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5' });
    const changes: unknown[] = [];
    wb.events.subscribe((name, payload) => name === 'history.changed' && changes.push(payload));
    const out = await call(wb, 'paper.reproduce', { basis: 'all', batch: 32 });
    expect(out.reproductionId).toMatch(/^rep_/);
    expect(changes).toEqual([{ kind: 'reproduction', ids: [out.reproductionId], reason: 'created' }]);
    const kept = await call(wb, 'reproductions.get', { ref: out.reproductionId! });
    expect(kept).toMatchObject({
      name: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) against FloatPIM (ReRAM, MAGIC NOR)',
      inputs: { basis: 'all', batch: 32, proposed: { id: 'builtin:sot-mram-pim', version: 1 }, baseline: { id: 'builtin:floatpim' } },
    });
    expect(kept.output).toEqual(out);
    const history = await call(wb, 'history.list', {});
    expect(history.items.map((i) => [i.kind, i.id])).toEqual([
      ['reproduction', out.reproductionId],
      ['experiment', run.experimentId],
    ]);
    expect(history.items[0]).toMatchObject({ kind: 'reproduction', basis: 'all', batch: 32, average: out.average, networks: out.models.map((m) => m.network) });
    expect((await call(wb, 'history.list', { kind: 'reproduction' })).items).toHaveLength(1);
    expect((await call(wb, 'history.list', { kind: 'experiment' })).items).toHaveLength(1);
  });

  it('does not keep a reproduction asked not to be kept', async () => {
    const wb = testWorkbench(temp());
    const out = await call(wb, 'paper.reproduce', { store: false });
    expect(out.reproductionId).toBeNull();
    expect((await call(wb, 'history.list', {})).total).toBe(0);
  });

  it('names the side whose design cannot be found', async () => {
    const wb = testWorkbench(temp());
    const result = await wb.dispatch('paper.reproduce', { baseline: 'no-such-design' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ path: 'baseline' }] } });
  });

  it('re-runs to the same numbers, exports JSON and CSV, and deletes with undo', async () => {
    const wb = testWorkbench(temp());
    const out = await call(wb, 'paper.reproduce', { basis: 'as-modelled', name: 'Paper check' });
    const id = out.reproductionId!;
    const again = await call(wb, 'reproductions.rerun', { ref: id });
    expect(again).toMatchObject({ name: 'Paper check (re-run)', same: true, differing: 0, differences: [] });
    expect((await call(wb, 'reproductions.get', { ref: again.reproductionId })).output.average).toEqual(out.average);

    const json = await call(wb, 'reproductions.export', { ref: id, format: 'json' });
    expect(json.fileName).toBe('paper-check.pimwb-reproduction.json');
    expect(JSON.parse(json.text)).toMatchObject({ format: 'pimwb-reproduction', name: 'Paper check', output: { average: out.average }, inputs: { basis: 'as-modelled' } });
    const csv = (await call(wb, 'reproductions.export', { ref: id, format: 'csv' })).text.trim().split('\n');
    expect(csv[0]).toMatch(/^basis,network,proposed_energy_J,/);
    expect(csv.slice(1).map((l) => l.split(',')[1])).toEqual(out.models.map((m) => m.network));

    await call(wb, 'reproductions.update', { ref: id, notes: 'matches the paper within 20 %' });
    await call(wb, 'reproductions.delete', { ref: id });
    expect((await call(wb, 'history.list', { kind: 'reproduction' })).items.map((i) => i.id)).toEqual([again.reproductionId]);
    expect(await call(wb, 'reproductions.restore', { ref: id })).toMatchObject({ id, notes: 'matches the paper within 20 %' });
    expect((await call(wb, 'history.list', { kind: 'reproduction' })).total).toBe(2);
  });
});
