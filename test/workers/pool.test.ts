import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src-main/workers/pool.ts';

const SCRIPT = new URL('./fixture-worker.ts', import.meta.url);

describe('WorkerPool', () => {
  let pool: WorkerPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('runs tasks in worker threads and returns their values', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 2 });
    const results = await Promise.all([1, 2, 3].map((k) => pool!.run('sum', { n: 1000 * k, chunk: 100 })));
    expect(results).toEqual([1, 2, 3].map((k) => ({ status: 'done', value: { total: (1000 * k * (1000 * k + 1)) / 2, reached: 1000 * k } })));
  });

  it('throttles progress to at most ten reports a second and always reports the last one', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 1 });
    const seen: number[] = [];
    const started = performance.now();
    await pool.run('sum', { n: 3_000_000, chunk: 100 }, { onProgress: (p) => seen.push(p.done) });
    const seconds = (performance.now() - started) / 1000;
    expect(seen.at(-1)).toBe(3_000_000);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(seconds * 10) + 2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('cancels a running task, which keeps what it finished', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 1 });
    const controller = new AbortController();
    const outcome = pool.run('sum', { n: 5e9, chunk: 1_000_000 }, { signal: controller.signal, onProgress: () => controller.abort() });
    const result = await outcome;
    expect(result.status).toBe('cancelled');
    const partial = (result as { partial: { reached: number } }).partial;
    expect(partial.reached).toBeGreaterThan(0);
    expect(partial.reached).toBeLessThan(5e9);
  });

  it('reports task errors and survives a crashed worker', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 1 });
    await expect(pool.run('fail', {})).rejects.toThrow('task failed on purpose');
    await expect(pool.run('nope', {})).rejects.toThrow(/no task "nope"/);
    await expect(pool.run('crash', {})).rejects.toThrow(/stopped unexpectedly \(exit code 3\)/);
    expect(await pool.run('sum', { n: 10, chunk: 5 })).toEqual({ status: 'done', value: { total: 55, reached: 10 } });
  });

  it('drops queued jobs when cancelled before they start', async () => {
    pool = new WorkerPool({ script: SCRIPT, size: 1 });
    const busy = pool.run('sum', { n: 2e7, chunk: 1e6 });
    const controller = new AbortController();
    const queued = pool.run('sum', { n: 10, chunk: 5 }, { signal: controller.signal });
    controller.abort();
    expect(await queued).toEqual({ status: 'cancelled', partial: undefined });
    expect((await busy).status).toBe('done');
  });
});
