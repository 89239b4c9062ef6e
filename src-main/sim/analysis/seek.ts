import { brent } from './root.ts';

// The search behind goal seek and the paper's "what it would take": the value in [a, b] at which
// a metric equals a target. The range is scanned on a logarithmic grid first, because a value the
// simulator refuses (a lane too short for its microprograms, a cell that cannot be read) breaks
// the metric into pieces and a metric may cross the target more than once; Brent's method then
// closes in on the first bracket where it crosses, on the logarithm of the value. A crossing by a
// jump (a change of organisation, of sense-amplifier sharing, of the blocks the power envelope
// allows) gives no value: it is reported as such, with the metric on its nearer side.

export interface SeekOptions {
  /** Whole numbers only (a count). */
  readonly integer?: boolean;
  /** Grid points of the first scan. */
  readonly scan?: number;
  /** How close the metric must come to the target, relative. */
  readonly tolerance: number;
}

export interface Jump {
  /** Where the metric jumps across the target. */
  readonly at: number;
  /** The value on the nearer side and its metric. */
  readonly nearest: { readonly value: number; readonly metric: number } | null;
}

export type SeekResult =
  | { readonly found: true; readonly value: number; readonly achieved: number; readonly iterations: number }
  | { readonly found: false; readonly metricRange: [number, number] | null; readonly jumps: readonly Jump[]; readonly iterations: number };

/** `metricAt` returns null where the simulator refuses the value (or the metric is not positive). */
export function seek(metricAt: (value: number) => number | null, target: number, [a, b]: readonly [number, number], options: SeekOptions): SeekResult {
  let iterations = 0;
  const integer = options.integer === true;
  const at = (v: number): number | null => {
    iterations += 1;
    const m = metricAt(integer ? Math.round(v) : v);
    return m !== null && Number.isFinite(m) && m > 0 ? m : null;
  };
  const gap = (m: number): number => Math.log(m) - Math.log(target);
  const close = (m: number): boolean => Math.abs(m / target - 1) <= options.tolerance;
  /** The value to report near x: x itself, or of a count the whole number on either side closer to the target. */
  const nearest = (x: number): { value: number; metric: number } | null => {
    let best: { value: number; metric: number } | null = null;
    for (const value of integer ? [Math.floor(x), Math.ceil(x)] : [x]) {
      const metric = at(value);
      if (metric !== null && (!best || Math.abs(gap(metric)) < Math.abs(gap(best.metric)))) best = { value, metric };
    }
    return best;
  };
  const n = Math.max(3, options.scan ?? 33);
  const grid = Array.from({ length: n }, (_, i) => a * (b / a) ** (i / (n - 1)));
  const values = grid.map(at);
  const valid = values.filter((m): m is number => m !== null);
  const metricRange: [number, number] | null = valid.length ? [Math.min(...valid), Math.max(...valid)] : null;
  const jumps: Jump[] = [];
  for (let i = 0; i + 1 < n; i += 1) {
    const [m0, m1] = [values[i] ?? null, values[i + 1] ?? null];
    if (m0 === null || m1 === null) continue;
    if (close(m0)) return { found: true, value: integer ? Math.round(grid[i]!) : grid[i]!, achieved: m0, iterations };
    if (Math.sign(gap(m0)) === Math.sign(gap(m1))) continue;
    const root = brent(
      (x) => {
        const m = at(Math.exp(x));
        return m === null ? NaN : gap(m);
      },
      Math.log(grid[i]!),
      Math.log(grid[i + 1]!),
      { xTolerance: 1e-12 },
    );
    if (!root || !Number.isFinite(root.fx)) continue;
    const best = nearest(Math.exp(root.x));
    if (best && close(best.metric)) return { found: true, value: best.value, achieved: best.metric, iterations };
    jumps.push({ at: Math.exp(root.x), nearest: best });
  }
  const last = values[n - 1] ?? null;
  if (last !== null && close(last)) return { found: true, value: integer ? Math.round(grid[n - 1]!) : grid[n - 1]!, achieved: last, iterations };
  return { found: false, metricRange, jumps, iterations };
}
