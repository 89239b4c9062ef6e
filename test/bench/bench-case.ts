// What a benchmark file exports: `export default [...]` of these. `npm run bench` runs them all.

export interface BenchCase {
  /** Stable name users and notes quote, e.g. "subarray evaluations". */
  readonly name: string;
  /** Unit printed after the value, e.g. "per s" or "ms". */
  readonly unit: string;
  /** Runs the measurement and returns the figure in `unit`. */
  readonly measure: () => number | Promise<number>;
}

/** Runs `fn` repeatedly for at least `minSeconds` and returns calls per second. */
export function ratePerSecond(fn: () => void, minSeconds = 1): number {
  let calls = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    fn();
    calls += 1;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < minSeconds);
  return calls / elapsed;
}

/** The best of repeated runs of `fn` for `seconds`, as units per second (`fn` returns the units it did). */
export function bestRate(fn: () => number, seconds = 1): number {
  let best = 0;
  const end = performance.now() + seconds * 1000;
  do {
    const start = performance.now();
    const units = fn();
    best = Math.max(best, units / ((performance.now() - start) / 1000));
  } while (performance.now() < end);
  return best;
}

/** Median wall time of `runs` calls of `fn`, in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
