import { hostTasks } from '../../src-main/workers/worker-host.ts';

// Tasks for testing the pool itself; the real simulator worker registers simulator tasks.
hostTasks({
  /** Sums 1..n in chunks, reporting progress, and stops early (returning what it has) when cancelled. */
  sum: (input, context) => {
    const { n, chunk } = input as { n: number; chunk: number };
    let total = 0;
    for (let i = 1; i <= n; i += 1) {
      total += i;
      if (i % chunk === 0) {
        context.progress(i, n);
        if (context.cancelled()) return { total, reached: i };
      }
    }
    return { total, reached: n };
  },
  fail: () => {
    throw new Error('task failed on purpose');
  },
  crash: () => process.exit(3),
});
