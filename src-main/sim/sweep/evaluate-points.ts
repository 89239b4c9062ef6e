import type { CellParams } from '../cells/params.ts';
import { designParamsFromValues, type DesignParams } from '../arch/design.ts';
import type { SubarrayResult } from '../array/subarray.ts';
import { designSubarray, prepareDesign } from '../arch/prepare.ts';
import type { LibraryValue } from '../params/read-values.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { evaluateTotalsAndLifetime } from '../experiment/evaluate.ts';
import { gpuParamsFromValues, isGpuValues } from '../gpu/params.ts';
import { evaluateGpuTotals } from '../gpu/evaluate.ts';
import type { Issue } from '../../shared/result.ts';
import type { SweepPoint } from './points.ts';

// Evaluates sweep points: each is the base design with some values changed. A point whose design
// is not valid (say, more rows than an array may have) gets its reason instead of figures. A GPU
// design (its values say `kind: gpu`) has no cell: its points go through the GPU's own totals.

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
  /** null for a GPU design. */
  readonly cell: CellParams | null;
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

type Totals = Omit<PointResult, 'index' | 'values' | 'error'>;

const NO_FIGURES = { energy_J: null, latency_s: null, area_m2: null, lifetime_days: null } as const;

function refused(point: SweepPoint, error: string): PointResult {
  return { index: point.index, values: point.values, ...NO_FIGURES, error };
}

const issuesText = (issues: readonly Issue[]): string => issues.map((i) => `${i.path} ${i.message}`).join('; ');

/** The point's totals, or the reason its design cannot be evaluated. */
function pointTotals(base: PointBatch, point: SweepPoint, memo: SubarrayMemo): Totals | string {
  const values = changed(base.designValues, point);
  if (base.cell === null || isGpuValues(values)) {
    const gpu = gpuParamsFromValues(values);
    if (!gpu.ok) return issuesText(gpu.issues);
    return evaluateGpuTotals(gpu.params, base.analysis, base.batch ?? gpu.params.defaultBatch);
  }
  const parsed = designParamsFromValues(values);
  if (!parsed.ok) return issuesText(parsed.issues);
  const prepared = prepareDesign(parsed.params, base.cell, subarrayFor(memo, base.cell, parsed.params));
  return evaluateTotalsAndLifetime(prepared, base.analysis, base.batch ?? parsed.params.defaultBatch);
}

export function evaluatePoint(base: PointBatch, point: SweepPoint, memo: SubarrayMemo = new Map()): PointResult {
  try {
    const totals = pointTotals(base, point, memo);
    if (typeof totals === 'string') return refused(point, totals);
    // A point far outside the model's range overflows: it is reported as such, never as a figure.
    const overflow = Object.entries(totals).find(([, v]) => v !== null && !Number.isFinite(v));
    if (overflow) return refused(point, `${overflow[0]} overflows (${overflow[1]}): the values are beyond what the model covers`);
    return { index: point.index, values: point.values, ...totals };
  } catch (error) {
    return refused(point, error instanceof Error ? error.message : String(error));
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
