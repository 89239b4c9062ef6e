import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../../src-main/services/workbench.ts';
import { WorkerPool } from '../../src-main/workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../src-main/workers/sim-worker-script.ts';
import type { SweepOutput } from '../../src-main/shared/schemas/sweep.ts';
import { fixedClock, useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';

const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

describe('sweeps', () => {
  const temp = useTempDir();

  it('evaluates every point, marks the Pareto front, and names the axes with their units', async () => {
    const wb = testWorkbench(temp());
    const progress: number[] = [];
    wb.events.subscribe((name, payload) => {
      if (name === 'sweeps.progress') progress.push((payload as { done: number }).done);
    });
    const result = await wb.dispatch('sweeps.run', {
      jobId: 'j1',
      design: 'sot-mram-pim',
      network: 'lenet5',
      axes: [
        { key: 'rows', from: 128, to: 1024, steps: 4, scale: 'log' },
        { key: 'powerBudget', from: 10, to: 100, steps: 3, scale: 'log' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const out = result.value as SweepOutput;
    expect(out).toMatchObject({ status: 'done', total: 12 });
    expect(out.points.map((p) => p.values.rows)).toEqual([128, 128, 128, 256, 256, 256, 512, 512, 512, 1024, 1024, 1024]);
    expect(out.points.every((p) => p.energy_J !== null && p.energy_J > 0)).toBe(true);
    expect(out.front.length).toBeGreaterThan(0);
    expect(out.axes[1]).toMatchObject({ key: 'powerBudget', unit: 'W', label: expect.stringMatching(/power envelope/) });
    expect(progress.at(-1)).toBe(12);
  });

  it('refuses a key that is not a numeric design value, naming the axis', async () => {
    const wb = testWorkbench(temp());
    const result = await wb.dispatch('sweeps.run', { jobId: 'j2', design: 'floatpim', network: 'lenet5', axes: [{ key: 'arithMode', from: 1, to: 2, steps: 2 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'axes.0.key' }] } });
    const log = await wb.dispatch('sweeps.run', { jobId: 'j3', design: 'floatpim', network: 'lenet5', axes: [{ key: 'rows', from: 0, to: 2, steps: 2, scale: 'log' }] });
    expect(log).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('runs in the worker pool, and a cancelled sweep keeps the points it finished', async () => {
    const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT, size: 1 });
    const wb = openWorkbench({ dbPath: join(temp(), 'pool.sqlite'), resourcesDir: RESOURCES_DIR, appVersion: 'test', clock: fixedClock(), jobs: pool });
    try {
      let cancelled = false;
      wb.events.subscribe((name, payload) => {
        if (name === 'sweeps.progress' && !cancelled && (payload as { done: number }).done > 0) {
          cancelled = true;
          void wb.dispatch('sweeps.cancel', { jobId: 'big' });
        }
      });
      const result = await wb.dispatch('sweeps.run', {
        jobId: 'big',
        design: 'sot-mram-pim',
        network: 'resnet18',
        axes: [
          { key: 'rows', from: 64, to: 4096, steps: 50, scale: 'log' },
          { key: 'powerBudget', from: 5, to: 500, steps: 100, scale: 'log' },
        ],
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const out = result.value as SweepOutput;
      expect(out.status).toBe('cancelled');
      expect(out.points.length).toBeGreaterThan(0);
      expect(out.points.length).toBeLessThan(5000);
      expect(new Set(out.points.map((p) => p.index)).size).toBe(out.points.length);
    } finally {
      await pool.close();
      wb.close();
    }
  });

  const SMALL = {
    design: 'sot-mram-pim',
    network: 'lenet5',
    axes: [
      { key: 'rows', from: 64, to: 1024, steps: 5, scale: 'log' as const },
      { key: 'powerBudget', from: 10, to: 200, steps: 4, scale: 'log' as const },
    ],
  };

  it('keeps a finished sweep: History lists it, and its points read back a page at a time exactly as they ran', async () => {
    const wb = testWorkbench(temp());
    const changes: unknown[] = [];
    wb.events.subscribe((name, payload) => name === 'history.changed' && changes.push(payload));
    const out = await call(wb, 'sweeps.run', { jobId: 'k1', ...SMALL });
    expect(out.sweepId).toMatch(/^swp_/);
    expect(changes).toEqual([{ kind: 'sweep', ids: [out.sweepId], reason: 'created' }]);
    const header = await call(wb, 'sweeps.get', { ref: out.sweepId! });
    expect(header).toMatchObject({ name: 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / LeNet-5: rows × powerBudget', status: 'done', total: 20, pointCount: 20, front: out.front, axes: out.axes, batch: null });
    const pages = [await call(wb, 'sweeps.points', { ref: out.sweepId!, offset: 0, limit: 8 }), await call(wb, 'sweeps.points', { ref: out.sweepId!, offset: 8, limit: 20 })];
    expect(pages.map((p) => p.pointCount)).toEqual([20, 20]);
    expect(pages.flatMap((p) => p.points)).toEqual(out.points);
    const history = await call(wb, 'history.list', {});
    expect(history.items.map((i) => [i.kind, i.id])).toEqual([['sweep', out.sweepId]]);
    expect(history.counts).toEqual({ experiment: 0, sweep: 1, reproduction: 0 });
  });

  it('leaves the points out of the answer when asked, and keeps nothing when told not to', async () => {
    const wb = testWorkbench(temp());
    const lean = await call(wb, 'sweeps.run', { jobId: 'k2', ...SMALL, returnPoints: false, name: 'lean' });
    expect(lean).toMatchObject({ sweepId: expect.stringMatching(/^swp_/), total: 20, points: [] });
    expect((await call(wb, 'sweeps.points', { ref: 'lean' })).points).toHaveLength(20);
    const unkept = await call(wb, 'sweeps.run', { jobId: 'k3', ...SMALL, store: false });
    expect(unkept.sweepId).toBeNull();
    expect(unkept.points).toHaveLength(20);
    expect((await call(wb, 'history.list', {})).total).toBe(1);
    const refused = await wb.dispatch('sweeps.run', { jobId: 'k4', ...SMALL, store: false, returnPoints: false });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'returnPoints' }] } });
  });

  it('re-runs a kept sweep from its snapshot to the same numbers and keeps the re-run', async () => {
    const wb = testWorkbench(temp());
    const first = await call(wb, 'sweeps.run', { jobId: 'r1', ...SMALL });
    const again = await call(wb, 'sweeps.rerun', { ref: first.sweepId!, jobId: 'r2', returnPoints: false });
    expect(again.rerunOf).toEqual({ id: first.sweepId, name: expect.any(String), same: true, differing: 0, modelVersion: expect.any(String) });
    expect(again.sweepId).not.toBe(first.sweepId);
    expect(again.points).toEqual([]);
    expect((await call(wb, 'sweeps.get', { ref: again.sweepId! })).name).toMatch(/ \(re-run\)$/);
    expect((await call(wb, 'sweeps.points', { ref: again.sweepId! })).points).toEqual(first.points);
  });

  it('exports a kept sweep as JSON (every point, exactly) and CSV (one row a point, SI units named)', async () => {
    const wb = testWorkbench(temp());
    const out = await call(wb, 'sweeps.run', { jobId: 'e1', ...SMALL, name: 'Rows, power' });
    const json = await call(wb, 'sweeps.export', { ref: out.sweepId!, format: 'json' });
    expect(json.fileName).toBe('rows-power.pimwb-sweep.json');
    const file = JSON.parse(json.text) as { format: string; points: unknown[]; front: number[]; inputs: { design: { values: unknown[] } } };
    expect(file).toMatchObject({ format: 'pimwb-sweep', schemaVersion: 1, name: 'Rows, power', front: out.front });
    expect(file.points).toEqual(out.points);
    expect(file.inputs.design.values.length).toBeGreaterThan(10);
    const csv = await call(wb, 'sweeps.export', { ref: out.sweepId!, format: 'csv' });
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('index,rows,powerBudget_W,energy_J,latency_s,area_m2,lifetime_days,pareto_front,error');
    expect(lines).toHaveLength(21);
    const onFront = lines.slice(1).filter((l) => l.split(',')[7] === '1').map((l) => Number(l.split(',')[0]));
    expect(onFront.sort((a, b) => a - b)).toEqual([...out.front].sort((a, b) => a - b));
    const firstValid = out.points.find((p) => p.energy_J !== null)!;
    expect(Number(lines[firstValid.index + 1]!.split(',')[3])).toBe(firstValid.energy_J);
  });

  it('deletes a kept sweep and undoes it; a name or note change shows in History', async () => {
    const wb = testWorkbench(temp());
    const out = await call(wb, 'sweeps.run', { jobId: 'd1', ...SMALL });
    const id = out.sweepId!;
    await call(wb, 'sweeps.update', { ref: id, name: 'Keep me', notes: 'for the talk' });
    expect((await call(wb, 'history.list', { text: 'keep' })).items[0]).toMatchObject({ id, name: 'Keep me', notes: 'for the talk' });
    expect(await call(wb, 'sweeps.delete', { ref: 'Keep me' })).toEqual({ id, name: 'Keep me' });
    expect((await call(wb, 'history.list', {})).total).toBe(0);
    expect(await wb.dispatch('sweeps.get', { ref: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(wb, 'sweeps.restore', { ref: id })).toMatchObject({ id, name: 'Keep me', pointCount: 20 });
    expect((await call(wb, 'sweeps.points', { ref: id })).points).toEqual(out.points);
    expect(await wb.dispatch('sweeps.restore', { ref: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

