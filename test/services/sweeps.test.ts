import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../../src-main/services/workbench.ts';
import { WorkerPool } from '../../src-main/workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../src-main/workers/sim-worker-script.ts';
import type { SweepOutput } from '../../src-main/shared/schemas/sweep.ts';
import { fixedClock, useTempDir } from '../helpers/temp.ts';
import { testWorkbench } from '../helpers/workbench.ts';

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
});
