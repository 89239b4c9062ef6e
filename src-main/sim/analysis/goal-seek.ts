import { seek } from './seek.ts';
import { formatSI } from '../../shared/units.ts';
import { METRIC_UNITS, studyKnobs, studyMetric, vsBaselineOf, type Knob, type Study } from './knobs.ts';

// "Which value of K makes the metric (or the ratio to another design) equal X?", searched
// (seek.ts) within the value's range. With no crossing, the answer says so with the span the
// metric covers there and where it jumps across the target.

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
  const metricAt = (v: number): number | null => {
    try {
      return studyMetric(study, new Map([[knob.id, v]]), vsBaseline);
    } catch {
      return null;
    }
  };
  const result = seek(metricAt, target, [a, b], { integer: knob.integer, tolerance: knob.integer ? TOLERANCE_COUNT : TOLERANCE_CONTINUOUS, ...(options.scan !== undefined ? { scan: options.scan } : {}) });
  if (result.found) return { knob, found: true, value: result.value, achieved: result.achieved, iterations: result.iterations, range: [a, b] };
  const { metricRange, iterations } = result;
  const shownMetric = (m: number, digits = 4): string => (study.vs ? `${Number(m.toPrecision(digits))}×` : formatSI(m, METRIC_UNITS[study.metric], digits));
  const shownValue = (v: number): string => `${Number(v.toPrecision(4))}${knob.unit === '1' ? '' : ` ${knob.unit}`}`;
  const jumps = result.jumps.map((j) => `near ${shownValue(j.at)} the ${study.metric} jumps across the target${j.nearest ? ` (${shownMetric(j.nearest.metric, 6)} at ${shownValue(j.nearest.value)})` : ''}`);
  const span = metricRange ? `the ${study.metric} spans ${shownMetric(metricRange[0])} to ${shownMetric(metricRange[1])} there` : 'the simulator refuses every value tried there';
  const reason = `unreachable within ${shownValue(a)} to ${shownValue(b)}: ${jumps.length ? `${jumps.join('; ')}; ` : ''}${span}`;
  return { knob, found: false, range: [a, b], metricRange, reason, iterations };
}
