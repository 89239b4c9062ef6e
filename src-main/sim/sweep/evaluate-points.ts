import type { CellParams } from '../cells/params.ts';
import { designParamsFromValues, type DesignParams } from '../arch/design.ts';
import type { SubarrayResult } from '../array/subarray.ts';
import { designSubarray, prepareDesign } from '../arch/prepare.ts';
import type { LibraryValue } from '../params/read-values.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { evaluateTotalsAndLifetime } from '../experiment/evaluate.ts';
import type { SweepPoint } from './points.ts';

// Evaluates sweep points: each is the base design with some values changed. A point whose design
// is not valid (say, more rows than an array may have) gets its reason instead of figures.

export interface PointResult {
  readonly index: number;
  readonly values: Readonly<Record<string, number>>;
  /** null when the point's design is not valid (see `error`). */
  readonly energy_J: number | null;
  readonly latency_s: number | null;
  readonly area_m2: number | null;
  /** Days of continuous training until the hottest cell wears out; null without the cell's endurance. */
  readonly lifetime_days?: number | null;
  readonly error?: string;
}

export interface PointBatch {
  readonly designValues: readonly LibraryValue[];
  readonly cell: CellParams;
  readonly analysis: NetworkAnalysis;
  readonly batch: number | null;
}

function changed(values: readonly LibraryValue[], point: SweepPoint): LibraryValue[] {
  return values.map((v) => (v.key in point.values ? { ...v, value: point.values[v.key]! } : v));
}

/** Subarray evaluations of one sweep by size: points that differ elsewhere share them. */
export type SubarrayMemo = Map<string, SubarrayResult>;

function subarrayFor(memo: SubarrayMemo, cell: CellParams, params: DesignParams): SubarrayResult {
  const key = `${params.rows}x${params.cols}@${params.node_nm}/${params.mux ?? 'auto'}`;
  let found = memo.get(key);
  if (!found) {
    if (memo.size > 1000) memo.clear();
    memo.set(key, (found = designSubarray(params, cell)));
  }
  return found;
}

export function evaluatePoint(base: PointBatch, point: SweepPoint, memo: SubarrayMemo = new Map()): PointResult {
  const parsed = designParamsFromValues(changed(base.designValues, point));
  if (!parsed.ok) return { index: point.index, values: point.values, energy_J: null, latency_s: null, area_m2: null, lifetime_days: null, error: parsed.issues.map((i) => `${i.path} ${i.message}`).join('; ') };
  try {
    const prepared = prepareDesign(parsed.params, base.cell, subarrayFor(memo, base.cell, parsed.params));
    const totals = evaluateTotalsAndLifetime(prepared, base.analysis, base.batch ?? parsed.params.defaultBatch);
    // A point far outside the model's range overflows: it is reported as such, never as a figure.
    const overflow = Object.entries(totals).find(([, v]) => v !== null && !Number.isFinite(v));
    if (overflow) return { index: point.index, values: point.values, energy_J: null, latency_s: null, area_m2: null, lifetime_days: null, error: `${overflow[0]} overflows (${overflow[1]}): the values are beyond what the model covers` };
    return { index: point.index, values: point.values, ...totals };
  } catch (error) {
    return { index: point.index, values: point.values, energy_J: null, latency_s: null, area_m2: null, lifetime_days: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Stops early, returning what it finished, when `cancelled` says so (checked every 64 points). */
export function evaluatePoints(base: PointBatch, points: readonly SweepPoint[], progress?: (done: number) => void, cancelled?: () => boolean): PointResult[] {
  const results: PointResult[] = [];
  const memo: SubarrayMemo = new Map();
  for (const point of points) {
    results.push(evaluatePoint(base, point, memo));
    if (results.length % 64 === 0) {
      progress?.(results.length);
      if (cancelled?.()) break;
    }
  }
  return results;
}
