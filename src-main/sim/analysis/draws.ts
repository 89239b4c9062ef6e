import { fromUnit, type Distribution } from './random.ts';
import { studyMetric, vsBaselineOf, type Knob, type Study } from './knobs.ts';

// What a global study draws each value from, and the metric at a batch of draws. A value's range
// comes from its library where one is given (with its own source); otherwise it is drawn uniformly
// within ±percent of the value, an assumption every answer states. Counts are drawn as whole
// numbers within the same ±percent; a count with no other whole number that close (1 block, 2
// steps) stays as it is rather than be given an assumed range of ±100%.

export interface DrawRange {
  readonly low: number;
  readonly high: number;
  readonly distribution: 'uniform' | 'log-uniform' | 'normal' | 'lognormal';
  readonly sigma?: number;
  readonly source: string;
}

export interface DrawnKnob {
  readonly id: string;
  readonly integer: boolean;
  readonly range: DrawRange;
  /** Drawn with another knob's coordinate (by its id): the two move together through their ranges. */
  readonly follows?: string;
}

/**
 * Pairs of a cell's values that describe one device and move together: drawn independently they
 * give cells no publication describes (a high state below the low one, a read signal too small to
 * sense, a set current half the reset current). When the library gives both a range, the second
 * is drawn with the first's coordinate, so the ends of the two ranges (published together, as one
 * preset each) are drawn together and the draws between them interpolate.
 */
const MOVE_TOGETHER: readonly (readonly [string, string])[] = [
  ['resistanceLow', 'resistanceHigh'],
  ['setCurrent', 'resetCurrent'],
  ['setPulse', 'resetPulse'],
  ['setEnergy', 'resetEnergy'],
  ['setVoltage', 'resetVoltage'],
];

/** The knobs with `follows` set where a pair of MOVE_TOGETHER both carry their library's range. */
export function tieKnobs<K extends DrawnKnob>(knobs: readonly K[]): (K & { readonly follows?: string })[] {
  const byId = new Map(knobs.map((k) => [k.id, k]));
  const fromLibrary = (k: K | undefined): boolean => k !== undefined && !k.range.source.startsWith('assumption:') && !fixedRange(k.range);
  const ties = new Map<string, string>();
  for (const k of knobs) {
    const [side, library, key] = k.id.split(':');
    if (library !== 'cell') continue;
    for (const [lead, follow] of MOVE_TOGETHER) {
      if (key !== follow) continue;
      const leader = byId.get(`${side}:cell:${lead}`);
      if (fromLibrary(leader) && fromLibrary(k)) ties.set(k.id, leader!.id);
    }
  }
  return knobs.map((k) => (ties.has(k.id) ? { ...k, follows: ties.get(k.id)! } : k));
}

/** How many coordinates a draw of these knobs needs: one per knob that follows none. */
export function dimensionsOf(knobs: readonly DrawnKnob[]): number {
  return knobs.filter((k) => k.follows === undefined).length;
}

export function drawRange(knob: Knob, percent: number): DrawRange {
  if (knob.range) return knob.range;
  const f = percent / 100;
  let [low, high] = [knob.value * (1 - f), knob.value * (1 + f)];
  if (knob.integer) [low, high] = [Math.ceil(low), Math.floor(high)];
  [low, high] = [Math.max(low, knob.min), Math.min(high, knob.max)];
  if (!(high > low)) return { low: knob.value, high: knob.value, distribution: 'uniform', source: `assumption: held at the value: a count with no other whole number within ±${percent}%` };
  return { low, high, distribution: 'uniform', source: `assumption: no published range in the library; drawn uniformly within ±${percent}% of the value` };
}

/** A range that draws only the value itself (a count with no whole number within ±percent). */
export function fixedRange(range: DrawRange): boolean {
  return !(range.high > range.low);
}

function distributionOf(range: DrawRange, value: number): Distribution {
  if (range.distribution === 'uniform' || range.distribution === 'log-uniform') return { kind: range.distribution, low: range.low, high: range.high };
  if (range.distribution === 'normal') return { kind: 'normal', mean: value, sigma: range.sigma!, low: range.low, high: range.high };
  return { kind: 'lognormal', median: value, sigma: range.sigma!, low: range.low, high: range.high };
}

/**
 * How a row of unit-cube coordinates becomes the knobs' values: each knob's distribution and the
 * column it reads. A row has one coordinate per knob that follows none, in the knobs' order; a
 * knob that follows another reads that one's coordinate.
 */
export interface DrawPlan {
  readonly knobs: readonly DrawKnob[];
  readonly dists: readonly Distribution[];
  readonly columns: readonly number[];
  /** Coordinates per row. */
  readonly d: number;
}

export type DrawKnob = DrawnKnob & { readonly value: number };

export function drawPlan(knobs: readonly DrawKnob[]): DrawPlan {
  const own = new Map<string, number>();
  for (const k of knobs) if (k.follows === undefined) own.set(k.id, own.size);
  return { knobs, dists: knobs.map((k) => distributionOf(k.range, k.value)), columns: knobs.map((k) => own.get(k.follows ?? k.id)!), d: own.size };
}

/** The knobs' values at one row, by knob id. */
export function drawnValues(plan: DrawPlan, points: Float64Array, row: number): Map<string, number> {
  const changes = new Map<string, number>();
  plan.knobs.forEach((knob, j) => {
    const u = points[row * plan.d + plan.columns[j]!]!;
    const { low, high } = knob.range;
    // A count takes each whole number of its range with the same chance.
    const v = knob.integer && knob.range.distribution === 'uniform' ? low + Math.min(Math.floor(u * (high - low + 1)), high - low) : fromUnit(u, plan.dists[j]!);
    changes.set(knob.id, knob.integer ? Math.round(v) : v);
  });
  return changes;
}

/**
 * The metric at `n` rows of unit-cube coordinates (row-major, one column per knob), each mapped
 * through its knob's range. A draw the simulator refuses gives NaN, for the caller to leave out.
 */
export function evaluateDraws(study: Study, knobs: readonly DrawKnob[], points: Float64Array, n: number): Float64Array {
  const plan = drawPlan(knobs);
  const vsBaseline = vsBaselineOf(study);
  const out = new Float64Array(n);
  for (let row = 0; row < n; row += 1) {
    try {
      const m = studyMetric(study, drawnValues(plan, points, row), vsBaseline);
      out[row] = Number.isFinite(m) ? m : NaN;
    } catch {
      out[row] = NaN;
    }
  }
  return out;
}
