import { brent } from './root.ts';
import { formatSI } from '../../shared/units.ts';
import { METRIC_UNITS, studyKnobs, studyMetric, vsBaselineOf, type Knob, type Study } from './knobs.ts';

// "Which value of K makes the metric (or the ratio to another design) equal X?" The knob's range
// is scanned on a logarithmic grid first, because a value the simulator refuses (a lane too short
// for its microprograms, a cell that cannot be read) breaks the metric into pieces; Brent's method
// then closes in on the first bracket where the metric crosses the target, on the logarithm of the
// value. With no crossing, the answer says so with the span the metric covers in the range.

export interface GoalSeekOptions {
  /** The range searched, in the knob's unit; by default two decades either side of the value, within its physical bounds. */
  readonly low?: number;
  readonly high?: number;
  /** Grid points of the first scan. */
  readonly scan?: number;
}

export type GoalSeekResult =
  | { readonly knob: Knob; readonly found: true; readonly value: number; readonly achieved: number; readonly iterations: number; readonly range: [number, number] }
  | { readonly knob: Knob; readonly found: false; readonly range: [number, number]; readonly metricRange: [number, number] | null; readonly reason: string; readonly iterations: number };

/**
 * How close the metric must come to the target. A continuous value reaches it to the root
 * finder's precision (0.1% is kept for metrics that move in small steps, such as latency
 * counted in whole cycles); a count may only come within a whole step, so it gets a looser bound.
 */
const TOLERANCE_CONTINUOUS = 1e-3;
const TOLERANCE_COUNT = 5e-3;

export function defaultRange(knob: Knob): [number, number] {
  return [Math.max(knob.min, knob.value / 100), Math.min(knob.max, knob.value * 100)];
}

export function findKnob(study: Study, key: string, side: 'subject' | 'vs' = 'subject'): Knob {
  const knobs = studyKnobs(study).filter((k) => k.side === side);
  const found = knobs.find((k) => k.key === key);
  if (!found) throw new RangeError(`"${key}" is not a numeric value of ${side === 'subject' ? study.subject.name : study.vs?.name}, its cell or its node; it has ${knobs.map((k) => k.key).join(', ')}`);
  return found;
}

export function goalSeek(study: Study, knob: Knob, target: number, options: GoalSeekOptions = {}): GoalSeekResult {
  if (!(target > 0) || !Number.isFinite(target)) throw new RangeError(`the target must be a positive number (got ${target})`);
  const [a, b] = [options.low ?? defaultRange(knob)[0], options.high ?? defaultRange(knob)[1]];
  if (!(a > 0 && b > a)) throw new RangeError(`the range searched must be positive and increasing (got ${a} to ${b} ${knob.unit})`);
  const vsBaseline = vsBaselineOf(study);
  const TOLERANCE = knob.integer ? TOLERANCE_COUNT : TOLERANCE_CONTINUOUS;
  let iterations = 0;
  const rounded = (v: number): number => (knob.integer ? Math.round(v) : v);
  const metricAt = (v: number): number | null => {
    iterations += 1;
    try {
      const m = studyMetric(study, new Map([[knob.id, rounded(v)]]), vsBaseline);
      return Number.isFinite(m) && m > 0 ? m : null;
    } catch {
      return null;
    }
  };
  /** The value to report near x: x itself, or of a count the whole number on either side closer to the target. */
  const nearest = (x: number): { value: number; metric: number } | null => {
    const candidates = knob.integer ? [Math.floor(x), Math.ceil(x)] : [x];
    let best: { value: number; metric: number } | null = null;
    for (const value of candidates) {
      const metric = metricAt(value);
      if (metric !== null && (!best || Math.abs(Math.log(metric / target)) < Math.abs(Math.log(best.metric / target)))) best = { value, metric };
    }
    return best;
  };
  const n = Math.max(3, options.scan ?? 33);
  const grid = Array.from({ length: n }, (_, i) => a * (b / a) ** (i / (n - 1)));
  const values = grid.map(metricAt);
  const valid = values.filter((m): m is number => m !== null);
  const metricRange: [number, number] | null = valid.length ? [Math.min(...valid), Math.max(...valid)] : null;
  const shownMetric = (m: number, digits = 4): string => (study.vs ? `${Number(m.toPrecision(digits))}×` : formatSI(m, METRIC_UNITS[study.metric], digits));
  const shownValue = (v: number): string => `${Number(v.toPrecision(4))}${knob.unit === '1' ? '' : ` ${knob.unit}`}`;
  const gap = (m: number): number => Math.log(m) - Math.log(target);
  const close = (m: number): boolean => Math.abs(m / target - 1) <= TOLERANCE;
  // Where the metric crosses the target by a jump (a change of organisation, of sense amplifier
  // sharing, of the blocks that fit the power envelope), no value gives it: those are reported.
  const jumps: string[] = [];
  for (let i = 0; i + 1 < n; i += 1) {
    const [m0, m1] = [values[i], values[i + 1]];
    if (m0 === null || m0 === undefined || m1 === null || m1 === undefined) continue;
    if (close(m0)) return { knob, found: true, value: rounded(grid[i]!), achieved: m0, iterations, range: [a, b] };
    if (Math.sign(gap(m0)) === Math.sign(gap(m1))) continue;
    const root = brent(
      (x) => {
        const m = metricAt(Math.exp(x));
        return m === null ? NaN : gap(m);
      },
      Math.log(grid[i]!),
      Math.log(grid[i + 1]!),
      { xTolerance: 1e-12 },
    );
    if (!root || !Number.isFinite(root.fx)) continue;
    const best = nearest(Math.exp(root.x));
    if (best && close(best.metric)) return { knob, found: true, value: best.value, achieved: best.metric, iterations, range: [a, b] };
    jumps.push(`near ${shownValue(Math.exp(root.x))} the ${study.metric} jumps across the target${best ? ` (${shownMetric(best.metric, 6)} at ${shownValue(best.value)})` : ''}`);
  }
  const span = metricRange ? `the ${study.metric} spans ${shownMetric(metricRange[0])} to ${shownMetric(metricRange[1])} there` : 'the simulator refuses every value tried there';
  const reason = `unreachable within ${shownValue(a)} to ${shownValue(b)}: ${jumps.length ? `${jumps.join('; ')}; ` : ''}${span}`;
  return { knob, found: false, range: [a, b], metricRange, reason, iterations };
}
