import { SWEEP_METRICS, type SweepMetric, type SweepPoint, type SweepResult } from './sweep-common.ts';

// A sweep's figures as columns (typed arrays, NaN where a point failed) with what the summary and
// the charts need of all of them: extents, the best point of each metric, the failure reasons and
// the valid count. A kept sweep's digest is built page by page while its points are read back (each
// page in its own task), so that drawing 100,000 points never walks 100,000 objects in one task: the
// charts loop over typed arrays instead. The points themselves stay as they are, for tooltips,
// the point panel and export.

export interface Failure {
  readonly message: string;
  readonly count: number;
}

/** Smallest and largest valid value of a metric, and the position of the best (the smallest, or for lifetime the largest). */
export interface MetricStats {
  readonly min: number;
  readonly max: number;
  /** Position in `points` of the best value (the first of equals), or -1 when no point has one. */
  readonly best: number;
}

export interface SweepDigest {
  readonly count: number;
  /** Each point's index in the grid, by position. */
  readonly index: Int32Array;
  readonly energy: Float64Array;
  readonly latency: Float64Array;
  readonly area: Float64Array;
  /** Days until worn out; NaN also where a valid point's cell gives no endurance. */
  readonly lifetime: Float64Array;
  readonly valid: number;
  readonly failures: readonly Failure[];
  readonly stats: Readonly<Record<SweepMetric, MetricStats>>;
}

const METRICS: readonly SweepMetric[] = SWEEP_METRICS.map((m) => m.key);
const HIGHER_IS_BETTER = new Set(SWEEP_METRICS.filter((m) => m.better === 'higher').map((m) => m.key));
const FAILED = 'not a valid design';

/** The metric at one position of the digest, NaN when the point failed. */
export function digestValue(d: SweepDigest, k: number, metric: SweepMetric): number {
  if (metric === 'energy') return d.energy[k]!;
  if (metric === 'latency') return d.latency[k]!;
  if (metric === 'area') return d.area[k]!;
  if (metric === 'lifetime') return d.lifetime[k]!;
  return d.energy[k]! * d.latency[k]!;
}

/** Collects a sweep's points a page at a time, in any order of pages. */
export class DigestBuilder {
  private readonly index: Int32Array;
  private readonly energy: Float64Array;
  private readonly latency: Float64Array;
  private readonly area: Float64Array;
  private readonly lifetime: Float64Array;
  private readonly reasons = new Map<string, number>();
  private readonly stats = Object.fromEntries(METRICS.map((m) => [m, { min: Infinity, max: -Infinity, best: -1 }])) as Record<SweepMetric, { min: number; max: number; best: number }>;
  private filled = 0;
  private readonly count: number;

  constructor(count: number) {
    this.count = count;
    this.index = new Int32Array(count);
    this.energy = new Float64Array(count).fill(NaN);
    this.latency = new Float64Array(count).fill(NaN);
    this.area = new Float64Array(count).fill(NaN);
    this.lifetime = new Float64Array(count).fill(NaN);
  }

  /** The page of points that starts at position `offset`. */
  add(offset: number, points: readonly SweepPoint[]): void {
    for (let i = 0; i < points.length; i += 1) {
      const p = points[i]!;
      const k = offset + i;
      this.index[k] = p.index;
      if (p.energy_J === null || p.latency_s === null || p.area_m2 === null) {
        const why = p.error ?? FAILED;
        this.reasons.set(why, (this.reasons.get(why) ?? 0) + 1);
        continue;
      }
      this.energy[k] = p.energy_J;
      this.latency[k] = p.latency_s;
      this.area[k] = p.area_m2;
      this.note('energy', k, p.energy_J);
      this.note('latency', k, p.latency_s);
      this.note('area', k, p.area_m2);
      this.note('edp', k, p.energy_J * p.latency_s);
      if (typeof p.lifetime_days === 'number') {
        this.lifetime[k] = p.lifetime_days;
        this.note('lifetime', k, p.lifetime_days);
      }
    }
    this.filled += points.length;
  }

  /** Pages come in any order: of equal best values, the first position is the best. */
  private note(metric: SweepMetric, k: number, v: number): void {
    const s = this.stats[metric];
    const higher = HIGHER_IS_BETTER.has(metric);
    const bestValue = higher ? s.max : s.min;
    if (higher ? v > bestValue : v < bestValue) s.best = k;
    else if (v === bestValue && k < s.best) s.best = k;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
  }

  finish(): SweepDigest {
    if (this.filled !== this.count) throw new Error(`a sweep digest got ${this.filled} of its ${this.count} points`);
    const failures = [...this.reasons].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count || a.message.localeCompare(b.message));
    const failed = failures.reduce((n, f) => n + f.count, 0);
    return { count: this.count, index: this.index, energy: this.energy, latency: this.latency, area: this.area, lifetime: this.lifetime, valid: this.count - failed, failures, stats: this.stats };
  }
}

const digests = new WeakMap<SweepResult, SweepDigest>();

/** Keeps a digest built while the result's points were read, so the charts find it ready. */
export function keepDigest(result: SweepResult, digest: SweepDigest): SweepResult {
  if (digest.count !== result.points.length) throw new Error(`a sweep digest of ${digest.count} points does not fit a result of ${result.points.length}`);
  digests.set(result, digest);
  return result;
}

/** The result's digest: the one kept with it, or built now (a small or in-memory result). */
export function digestOf(result: Pick<SweepResult, 'points'>): SweepDigest {
  const key = result as SweepResult;
  let found = digests.get(key);
  if (!found) {
    const builder = new DigestBuilder(result.points.length);
    builder.add(0, result.points);
    found = builder.finish();
    digests.set(key, found);
  }
  return found;
}

/** True when the metric spans more than `span` (and is positive): such a metric is drawn on a log scale. */
export function wideMetric(d: SweepDigest, metric: SweepMetric, span: number): boolean {
  const { min, max } = d.stats[metric];
  return min > 0 && max / min > span;
}
