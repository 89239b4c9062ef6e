import { studyKnobs, studyMetric, vsBaselineOf, type Knob, type Study } from './knobs.ts';

// Local sensitivity, one value at a time: each knob moved to the ends of the range its library
// gives (when asked to, and it has one) or down and up by a percentage (a count to the nearest
// other whole number), the metric at both ends, and the elasticity d ln M / d ln p
// between them, ranked by how far the metric moves. A moved value the simulator refuses leaves
// that end empty with the reason, and the elasticity comes from the other end alone.

export interface TornadoRow {
  readonly knob: Knob;
  readonly low: number;
  readonly high: number;
  readonly metricAtLow: number | null;
  readonly metricAtHigh: number | null;
  /** d ln M / d ln p between the ends (or between one end and the value itself). */
  readonly elasticity: number | null;
  /** Why an end could not be evaluated. */
  readonly refused?: string;
}

export interface Tornado {
  readonly baseline: number;
  readonly percent: number;
  readonly rows: readonly TornadoRow[];
  readonly evaluations: number;
}

/** The two ends a knob is moved to: ±percent, inside its bounds; a count moves by at least one. */
export function endsOf(knob: Knob, percent: number): [number, number] {
  const f = percent / 100;
  let [low, high] = [knob.value * (1 - f), knob.value * (1 + f)];
  if (knob.integer) {
    low = Math.min(Math.round(low), knob.value - 1);
    high = Math.max(Math.round(high), knob.value + 1);
  }
  return [Math.max(low, knob.min), Math.min(high, knob.max)];
}

function elasticity(p0: number, m0: number, lowP: number, lowM: number | null, highP: number, highM: number | null): number | null {
  const points = [lowM === null ? null : [lowP, lowM], [p0, m0], highM === null ? null : [highP, highM]].filter((x): x is number[] => x !== null && x[0]! > 0 && x[1]! > 0);
  if (points.length < 2) return null;
  const [a, b] = [points[0]!, points[points.length - 1]!];
  if (a[0] === b[0]) return null;
  return (Math.log(b[1]!) - Math.log(a[1]!)) / (Math.log(b[0]!) - Math.log(a[0]!));
}

/** The ends a knob is moved to: its library's range when `useRanges` and it has one, else ±percent. */
function endsFor(knob: Knob, percent: number, useRanges: boolean): [number, number] {
  return useRanges && knob.range ? [knob.range.low, knob.range.high] : endsOf(knob, percent);
}

/** Every knob of the study (or those `only` names by id), each moved to its range's ends or by ±percent. */
export function tornado(study: Study, percent = 10, only?: ReadonlySet<string>, useRanges = false): Tornado {
  if (!(percent > 0 && percent < 100)) throw new RangeError(`the percentage must be between 0 and 100 (got ${percent})`);
  const vsBaseline = vsBaselineOf(study);
  const baseline = studyMetric(study, new Map(), vsBaseline);
  let evaluations = study.vs ? 2 : 1;
  const rows: TornadoRow[] = [];
  for (const knob of studyKnobs(study)) {
    if (only && !only.has(knob.id)) continue;
    const [low, high] = endsFor(knob, percent, useRanges);
    const refusals: string[] = [];
    const at = (value: number): number | null => {
      evaluations += 1;
      try {
        const m = studyMetric(study, new Map([[knob.id, value]]), vsBaseline);
        return Number.isFinite(m) ? m : null;
      } catch (error) {
        refusals.push(`${value} ${knob.unit}: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    };
    const metricAtLow = low === knob.value ? baseline : at(low);
    const metricAtHigh = high === knob.value ? baseline : at(high);
    rows.push({
      knob,
      low,
      high,
      metricAtLow,
      metricAtHigh,
      elasticity: elasticity(knob.value, baseline, low, metricAtLow, high, metricAtHigh),
      ...(refusals.length ? { refused: refusals.join('; ') } : {}),
    });
  }
  const swing = (r: TornadoRow): number => Math.abs((r.metricAtHigh ?? baseline) - (r.metricAtLow ?? baseline));
  rows.sort((a, b) => swing(b) - swing(a) || Math.abs(b.elasticity ?? 0) - Math.abs(a.elasticity ?? 0) || a.knob.id.localeCompare(b.knob.id));
  return { baseline, percent, rows, evaluations };
}
