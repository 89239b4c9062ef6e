import { childSeed, makeRandom } from './random.ts';
import { checkSize, evaluateModel, quantile, uniformPoints, type UnitModel } from './quantiles.ts';

// Variance-based global sensitivity (Sobol' indices) by the Saltelli sampling scheme: two
// independent base samples A and B of N rows, and for each input i the matrix AB_i, which is A with
// column i taken from B. That costs N (d + 2) model runs and gives, per input,
//   first order  S_i  = V_i / V,  V_i  = 1/N sum f(B) (f(AB_i) - f(A))   (Saltelli et al. 2010, Table 2 (b))
//   total order  ST_i = VT_i / V, VT_i = 1/(2N) sum (f(A) - f(AB_i))^2   (Jansen 1999; Saltelli et al. 2010 (f))
// with V the variance of f over A and B. S_i is the share of the output variance input i explains
// alone, ST_i the share it takes part in, interactions included.
//
// A and B are plain Monte Carlo, not a quasi-random sequence: the bootstrap intervals below
// resample rows as if they were independent, which holds for Monte Carlo rows and not for the rows
// of a low-discrepancy sequence, so with Monte Carlo the reported interval means what it says.

export interface SobolEstimateOptions {
  /** Seed of the bootstrap resampling (and, in sobolSample and sobol, of the base samples). */
  readonly seed: number;
  /** Bootstrap replicates for the intervals (default 200); 0 skips them and reports [NaN, NaN]. */
  readonly bootstrap?: number;
  /** Coverage of the percentile intervals (default 0.95). */
  readonly confidence?: number;
}

export interface SobolOptions extends SobolEstimateOptions {
  /** Rows N of each base sample; the model runs N (d + 2) times. */
  readonly samples: number;
}

export interface SobolIndex {
  /** Position of the input in the point rows. */
  readonly index: number;
  /** Unbiased estimate; small negative values are sampling noise around zero. */
  readonly first: number;
  readonly total: number;
  readonly firstCI: [number, number];
  readonly totalCI: [number, number];
}

export interface SobolResult {
  readonly indices: SobolIndex[];
  readonly evaluations: number;
  /** Output variance over A and B; 0 means the output did not vary and every index is reported as 0. */
  readonly variance: number;
  readonly mean: number;
}

export interface SobolSample {
  readonly samples: number;
  readonly dimensions: number;
  /** All (d + 2) N rows of d coordinates in one block for batch evaluation: A, B, AB_0 ... AB_{d-1}. */
  readonly points: Float64Array;
  /** Views into `points` (no copies). */
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly AB: Float64Array[];
}

export function sobolSample(d: number, options: { readonly samples: number; readonly seed: number }): SobolSample {
  checkSize('dimensions', d, 1);
  checkSize('samples', options.samples, 2);
  const n = options.samples;
  const size = n * d;
  const points = new Float64Array((d + 2) * size);
  // 2N independent uniform rows: the first N are A, the next N are B.
  points.set(uniformPoints(d, 2 * n, options.seed));
  const A = points.subarray(0, size);
  const B = points.subarray(size, 2 * size);
  const AB: Float64Array[] = [];
  for (let i = 0; i < d; i += 1) {
    const block = points.subarray((2 + i) * size, (3 + i) * size);
    block.set(A);
    for (let k = i; k < size; k += d) block[k] = B[k]!;
    AB.push(block);
  }
  return { samples: n, dimensions: d, points, A, B, AB };
}

/** Splits the outputs of `sobolSample(d, ...).points` (in the same order) into views per block. */
export function splitOutputs(outputs: Float64Array, d: number, n: number): { yA: Float64Array; yB: Float64Array; yAB: Float64Array[] } {
  if (outputs.length !== (d + 2) * n) throw new RangeError(`expected ${(d + 2) * n} outputs, got ${outputs.length}`);
  const yAB = Array.from({ length: d }, (_, i) => outputs.subarray((2 + i) * n, (3 + i) * n));
  return { yA: outputs.subarray(0, n), yB: outputs.subarray(n, 2 * n), yAB };
}

/** Outputs with the mean of A and B removed: the first-order estimator's noise grows with the mean. */
interface Centered {
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly ab: Float64Array[];
  /** Variances at or below this are rounding, not the inputs' doing. */
  readonly zeroVariance: number;
}

function center(yA: Float64Array, yB: Float64Array, yAB: Float64Array[]): { centered: Centered; mean: number } {
  let sum = 0;
  let maxAbs = 0;
  for (const y of [yA, yB]) {
    for (const v of y) {
      sum += v;
      maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  }
  const mean = sum / (2 * yA.length);
  const shift = (y: Float64Array): Float64Array => y.map((v) => v - mean);
  const zeroVariance = (16 * Number.EPSILON * maxAbs) ** 2;
  return { centered: { a: shift(yA), b: shift(yB), ab: yAB.map(shift), zeroVariance }, mean };
}

/**
 * Writes S_i and ST_i estimated from the given rows (all of them, or a bootstrap resample) to
 * first[i * stride + at] and total[i * stride + at]; returns the variance those rows show.
 */
function estimate(y: Centered, rows: Int32Array, first: Float64Array, total: Float64Array, stride: number, at: number): number {
  const n = rows.length;
  let sum = 0;
  let sumSquares = 0;
  for (let k = 0; k < n; k += 1) {
    const r = rows[k]!;
    const a = y.a[r]!;
    const b = y.b[r]!;
    sum += a + b;
    sumSquares += a * a + b * b;
  }
  const variance = Math.max(0, sumSquares / (2 * n) - (sum / (2 * n)) ** 2);
  const noVariance = variance <= y.zeroVariance;
  for (let i = 0; i < y.ab.length; i += 1) {
    const ab = y.ab[i]!;
    let firstSum = 0;
    let totalSum = 0;
    for (let k = 0; k < n; k += 1) {
      const r = rows[k]!;
      const a = y.a[r]!;
      const d = ab[r]! - a;
      firstSum += y.b[r]! * d;
      totalSum += d * d;
    }
    first[i * stride + at] = noVariance ? 0 : firstSum / n / variance;
    total[i * stride + at] = noVariance ? 0 : totalSum / (2 * n) / variance;
  }
  return noVariance ? 0 : variance;
}

/** Percentile interval of bootstrap replicates (sorted in place). */
function percentileInterval(replicates: Float64Array, confidence: number): [number, number] {
  if (replicates.length === 0) return [NaN, NaN];
  replicates.sort();
  return [quantile(replicates, (1 - confidence) / 2), quantile(replicates, (1 + confidence) / 2)];
}

/**
 * Resamples the N rows with replacement (the same rows of A, B and every AB_i together, since a
 * row's outputs belong together) and re-estimates; replicate r of input i is at [i * R + r].
 */
function bootstrap(y: Centered, replicates: number, seed: number): { first: Float64Array; total: Float64Array } {
  const n = y.a.length;
  const d = y.ab.length;
  const next = makeRandom(childSeed(seed, 1));
  const rows = new Int32Array(n);
  const first = new Float64Array(d * replicates);
  const total = new Float64Array(d * replicates);
  for (let r = 0; r < replicates; r += 1) {
    for (let k = 0; k < n; k += 1) rows[k] = Math.floor(next() * n);
    estimate(y, rows, first, total, replicates, r);
  }
  return { first, total };
}

function checkOutputs(yA: Float64Array, yB: Float64Array, yAB: Float64Array[]): void {
  checkSize('samples', yA.length, 2);
  checkSize('dimensions', yAB.length, 1);
  for (const y of [yA, yB, ...yAB]) {
    if (y.length !== yA.length) throw new RangeError(`every block needs ${yA.length} outputs, one has ${y.length}`);
    if (!y.every(Number.isFinite)) throw new RangeError('every output must be a finite number');
  }
}

/** Sobol' indices with bootstrap intervals from the outputs on A, B and each AB_i. */
export function sobolIndices(yA: Float64Array, yB: Float64Array, yAB: Float64Array[], options: SobolEstimateOptions): SobolResult {
  checkOutputs(yA, yB, yAB);
  const replicates = options.bootstrap ?? 200;
  const confidence = options.confidence ?? 0.95;
  checkSize('bootstrap', replicates, 0);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1) (got ${confidence})`);
  const n = yA.length;
  const d = yAB.length;
  const { centered, mean } = center(yA, yB, yAB);
  const first = new Float64Array(d);
  const total = new Float64Array(d);
  const variance = estimate(centered, Int32Array.from({ length: n }, (_, k) => k), first, total, 1, 0);
  const boot = bootstrap(centered, variance === 0 ? 0 : replicates, options.seed);
  // A constant output has no variance to share: every index and interval is exactly 0.
  const interval = (all: Float64Array, i: number): [number, number] =>
    variance === 0 ? [0, 0] : percentileInterval(all.subarray(i * replicates, (i + 1) * replicates), confidence);
  const indices = Array.from({ length: d }, (_, i): SobolIndex => ({
    index: i,
    first: first[i]!,
    total: total[i]!,
    firstCI: interval(boot.first, i),
    totalCI: interval(boot.total, i),
  }));
  return { indices, evaluations: n * (d + 2), variance, mean };
}

/** Samples, evaluates the model once on all N (d + 2) points, and estimates the indices. */
export function sobol(d: number, model: UnitModel, options: SobolOptions): SobolResult {
  const plan = sobolSample(d, options);
  const outputs = evaluateModel(model, plan.points, plan.points.length / d);
  const { yA, yB, yAB } = splitOutputs(outputs, d, plan.samples);
  return sobolIndices(yA, yB, yAB, options);
}
