import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import type { Workbench } from '../../src-main/services/workbench.ts';
import type { Channel } from '../../src-main/shared/ipc/channels.ts';
import type { Input } from '../../src-main/shared/ipc/contract.ts';
import type { WorkbenchError } from '../../src-main/shared/result.ts';
import { hostname } from 'node:os';
import { ExperimentRepo } from '../../src-main/store/repos/experiments.ts';
import { deadPid } from '../store/child-processes.ts';

// History through the contract: search, notes and tags, re-runs from the stored snapshot, and
// bundles that import elsewhere and re-run to the same numbers.

interface Bundle {
  readonly inputSnapshot: { readonly design: { readonly values: { readonly key: string }[] } & object; readonly options: object } & object;
  readonly results: object;
}

async function failure<C extends Channel>(wb: Workbench, channel: C, input: Input<C>): Promise<WorkbenchError> {
  const result = await wb.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

describe('experiment services through the contract', () => {
  const temp = useTempDir();

  it('finds runs by part of the name, tag and date, and lists the tags in use', async () => {
    const wb = testWorkbench(temp());
    await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', tags: ['paper'] });
    await call(wb, 'experiments.run', { design: 'floatpim', network: 'lenet5', name: 'Baseline LeNet', tags: ['paper', 'baseline'] });
    const all = await call(wb, 'experiments.list', {});
    expect(all.total).toBe(2);
    expect(all.items.map((e) => e.name)).toEqual(['Baseline LeNet', 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / LeNet-5']);
    expect(all.items[0]).toMatchObject({ network: { id: 'builtin:lenet5', name: 'LeNet-5' }, design: { name: 'FloatPIM (ReRAM, MAGIC NOR)' }, batch: expect.any(Number) });
    expect(all.items[0]!.figures!.energy_J).toBeGreaterThan(0);
    expect((await call(wb, 'experiments.list', { text: 'wang' })).items).toHaveLength(1);
    expect((await call(wb, 'experiments.list', { tag: 'BASELINE' })).items.map((e) => e.name)).toEqual(['Baseline LeNet']);
    // The fixed test clock starts on 1 January 2026.
    expect((await call(wb, 'experiments.list', { from: '2026-01-01', to: '2026-01-01' })).total).toBe(2);
    expect((await call(wb, 'experiments.list', { to: '2025-12-31' })).total).toBe(0);
    expect((await failure(wb, 'experiments.list', { from: '2026-02-01', to: '2026-01-01' })).issues).toEqual([{ path: 'to', message: 'is before "from"' }]);
    expect((await failure(wb, 'experiments.list', { from: 'last week' })).issues.map((i) => i.path)).toEqual(['from']);
    expect(await call(wb, 'experiments.tags', {})).toEqual({ items: [{ tag: 'baseline', count: 1 }, { tag: 'paper', count: 2 }] });
  });

  it('edits notes, name and tags and tells the pages', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', tags: ['a'] });
    const seen: string[] = [];
    wb.events.subscribe((name, payload) => seen.push(`${name}:${(payload as { reason: string }).reason}`));
    const updated = await call(wb, 'experiments.update', { ref: run.experimentId!, notes: 'Matches NVSim within 2 %', tags: ['b', 'B', ' c '] });
    expect(updated).toMatchObject({ notes: 'Matches NVSim within 2 %', tags: ['b', 'c'], status: 'done' });
    expect((await call(wb, 'experiments.update', { ref: run.experimentId!, name: 'Renamed' })).notes).toBe('Matches NVSim within 2 %');
    expect(seen).toEqual(['experiments.changed:updated', 'experiments.changed:updated']);
    expect((await failure(wb, 'experiments.update', { ref: run.experimentId!, name: '  ' })).issues.map((i) => i.path)).toEqual(['name']);
    expect((await failure(wb, 'experiments.update', { ref: 'nothing', notes: '' })).code).toBe('not_found');
  });

  it('re-runs from the snapshot, not from the library as it is now, to the same numbers', async () => {
    const wb = testWorkbench(temp());
    const mine = await call(wb, 'libraries.clone', { ref: 'sot-mram-pim', name: 'My SOT design' });
    const first = await call(wb, 'experiments.run', { design: 'My SOT design', network: 'lenet5', format: 'fp32', batch: 16, tags: ['mine'] });
    const halved = mine.values.map((v) => (v.key === 'powerBudget' ? { ...v, value: 10 } : v));
    await call(wb, 'libraries.saveVersion', { ref: mine.id, baseVersion: 1, values: halved });
    const now = await call(wb, 'experiments.run', { design: 'My SOT design', network: 'lenet5', format: 'fp32', batch: 16, store: false });
    expect(now.result.latency_s).not.toBe(first.result.latency_s);

    const again = await call(wb, 'experiments.rerun', { ref: first.experimentId! });
    expect(again).toMatchObject({ same: true, differences: [], name: 'My SOT design / LeNet-5 (re-run)', modelVersion: { stored: expect.any(String), current: expect.any(String) } });
    expect(again.result.energy_J).toBe(first.result.energy_J);
    expect(again.result.design.formats.forward).toBe('fp32');
    const stored = await call(wb, 'experiments.get', { ref: again.experimentId });
    expect(stored).toMatchObject({ tags: ['mine'], results: { latency_s: first.result.latency_s } });
    expect(stored.notes).toContain(first.experimentId!);
    // A second re-run keeps one suffix.
    expect((await call(wb, 'experiments.rerun', { ref: again.experimentId })).name).toBe('My SOT design / LeNet-5 (re-run)');
  });

  it('reports the metrics that differ from what was stored', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'floatpim', network: 'lenet5' });
    const stored = { ...run.result, energy_J: run.result.energy_J * 2 };
    wb.db.prepare('UPDATE experiments SET results = ? WHERE id = ?').run(JSON.stringify(stored), run.experimentId);
    const again = await call(wb, 'experiments.rerun', { ref: run.experimentId! });
    expect(again.same).toBe(false);
    expect(again.differences).toEqual([{ metric: 'energy_J', stored: stored.energy_J, rerun: run.result.energy_J, relative: -0.5 }]);
  });

  it('refuses to re-run an experiment without a complete snapshot, saying what is missing', async () => {
    const wb = testWorkbench(temp());
    const id = wb.experiments.create({ name: 'old', inputSnapshot: { batch: 64 }, modelVersion: 'm', appVersion: 'a' });
    const error = await failure(wb, 'experiments.rerun', { ref: id });
    expect(error.code).toBe('conflict');
    expect(error.issues.map((i) => i.path)).toContain('inputSnapshot.design');
  });

  it('exports a bundle that imports as a new experiment and re-runs to the same numbers', async () => {
    const wb = testWorkbench(temp());
    for (const design of ['sot-mram-pim', 'floatpim', 'stt-mram-pim', 'sot-mram-2t1mtj-pim']) {
      const run = await call(wb, 'experiments.run', { design, network: 'lenet5', tags: ['bundle'], format: 'bf16' });
      await call(wb, 'experiments.update', { ref: run.experimentId!, notes: `notes of ${design}` });
      const { fileName, text } = await call(wb, 'experiments.exportBundle', { ref: run.experimentId! });
      expect(fileName).toMatch(/^[a-z0-9-]+\.pimwb-experiment\.json$/);
      const bundle = JSON.parse(text) as Record<string, unknown>;
      expect(Object.keys(bundle).sort()).toEqual(['appVersion', 'createdAt', 'format', 'inputSnapshot', 'modelVersion', 'name', 'notes', 'results', 'schemaVersion', 'tags']);
      expect(bundle).toMatchObject({ format: 'pimwb-experiment', schemaVersion: 1, results: JSON.parse(JSON.stringify(run.result)) });

      const other = testWorkbench(temp(), `other-${design}.sqlite`);
      const imported = await call(other, 'experiments.importBundle', { fileName, text });
      const original = await call(wb, 'experiments.get', { ref: run.experimentId! });
      expect(imported).toMatchObject({ name: original.name, tags: ['bundle'], notes: `notes of ${design}`, createdAt: original.createdAt, modelVersion: original.modelVersion, appVersion: original.appVersion });
      expect(imported.inputSnapshot).toEqual(original.inputSnapshot);
      const again = await call(other, 'experiments.rerun', { ref: imported.id });
      expect(again.same, design).toBe(true);
      expect(again.result).toEqual(run.result);
      other.close();
    }
  });

  it('refuses bad bundles with the file and the field named, and stores nothing', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5' });
    const good = JSON.parse((await call(wb, 'experiments.exportBundle', { ref: run.experimentId! })).text) as Bundle;
    const before = (await call(wb, 'experiments.list', {})).total;
    const text = (bundle: unknown): string => JSON.stringify(bundle);
    const noRows = { ...good, inputSnapshot: { ...good.inputSnapshot, design: { ...good.inputSnapshot.design, values: good.inputSnapshot.design.values.filter((v) => v.key !== 'rows') } } };

    const cases: [string, string, RegExp, string][] = [
      ['x.json', '{"format": "pimwb-experiment",', /^x\.json is not valid JSON/, ''],
      ['future.json', text({ ...good, schemaVersion: 2, results: 'new shape' }), /newer PIM Workbench .*update PIM Workbench/, 'schemaVersion'],
      ['lib.json', text({ format: 'pimwb-library', schemaVersion: 1, name: 'x', kind: 'cell', values: [] }), /not a valid experiment bundle/, 'format'],
      ['batch.json', text({ ...good, inputSnapshot: { ...good.inputSnapshot, options: { batch: 0, format: null } } }), /batch/, 'inputSnapshot.options.batch'],
      ['energy.json', text({ ...good, results: { ...good.results, energy_J: 'a lot' } }), /results\.energy_J/, 'results.energy_J'],
      ['rows.json', text(noRows), /cannot be evaluated/, 'inputSnapshot.design.values.rows'],
    ];
    for (const [fileName, body, message, path] of cases) {
      const error = await failure(wb, 'experiments.importBundle', { fileName, text: body });
      expect(error.code, fileName).toBe('invalid_input');
      expect(error.message, fileName).toMatch(message);
      expect(error.issues.map((i) => i.path), fileName).toContain(path);
    }
    expect((await call(wb, 'experiments.list', {})).total).toBe(before);
  });

  it('deletes by id and says which experiment went', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', name: 'Throwaway' });
    expect(await call(wb, 'experiments.delete', { ref: run.experimentId! })).toEqual({ id: run.experimentId, name: 'Throwaway' });
    expect((await call(wb, 'experiments.list', {})).total).toBe(0);
    expect((await failure(wb, 'experiments.get', { ref: run.experimentId! })).code).toBe('not_found');
  });

  it('lists a run a dead process left unfinished as interrupted, and re-runs or deletes it, freeing its library', async () => {
    const dir = temp();
    const wb = testWorkbench(dir);
    const mine = await call(wb, 'libraries.clone', { ref: 'sot-mram-pim', name: 'My SOT design' });
    const template = await call(wb, 'experiments.get', { ref: (await call(wb, 'experiments.run', { design: 'My SOT design', network: 'lenet5' })).experimentId! });
    await call(wb, 'experiments.delete', { ref: template.id });
    // What a process killed while its job ran leaves behind.
    const clock = { now: () => '2026-02-01T00:00:00.000Z', newId: () => 'exp_leftrunning' };
    const dead = new ExperimentRepo(wb.db, clock, { host: hostname(), pid: deadPid(), started: null });
    const { inputSnapshot, libraryRefs, modelVersion, appVersion } = template;
    dead.start(dead.create({ name: 'Left running', inputSnapshot, libraryRefs, modelVersion, appVersion }));
    wb.close();

    const reopened = testWorkbench(dir);
    const [row] = (await call(reopened, 'experiments.list', {})).items;
    expect(row).toMatchObject({ id: 'exp_leftrunning', status: 'interrupted', figures: null, error: expect.stringMatching(/stopped before it finished; re-run it or delete it/) });
    expect((await failure(reopened, 'experiments.exportBundle', { ref: 'exp_leftrunning' })).message).toMatch(/is interrupted: only finished experiments can be exported/);
    const again = await call(reopened, 'experiments.rerun', { ref: 'exp_leftrunning' });
    expect(again.result.energy_J).toBe((template.results as { energy_J: number }).energy_J);
    expect((await call(reopened, 'experiments.get', { ref: again.experimentId })).status).toBe('done');
    await call(reopened, 'experiments.delete', { ref: again.experimentId });
    expect((await failure(reopened, 'libraries.delete', { ref: mine.id })).message).toMatch(/used by 1 experiment\(s\): "Left running"/);
    await call(reopened, 'experiments.delete', { ref: 'exp_leftrunning' });
    expect(await call(reopened, 'libraries.delete', { ref: mine.id })).toEqual({ id: mine.id, name: 'My SOT design' });
  });
});
