import { makeRandom } from './random.ts';

// Uncertainty propagation by plain Monte Carlo: sample the unit hypercube, let the caller map each
// coordinate to its parameter's distribution (fromUnit), and summarise the outputs by percentiles.

/**
 * A model over the unit hypercube: `points` holds n rows of d coordinates in [0, 1), row-major,
 * and the result holds one output per row. Taking a whole batch lets callers split it across
 * workers or vectorise it, instead of paying a call per point.
 */
export type UnitModel = (points: Float64Array, n: number) => Float64Array;

/**
 * Runs the model on n rows and checks what came back. A non-finite output (a design that does not
 * close, say) would silently poison every mean and index, so it stops the analysis and names the row.
 */
export function evaluateModel(model: UnitModel, points: Float64Array, n: number): Float64Array {
  const outputs = model(points, n);
  if (outputs.length !== n) throw new RangeError(`model returned ${outputs.length} outputs for ${n} points`);
  for (let row = 0; row < n; row += 1) {
    if (!Number.isFinite(outputs[row])) throw new RangeError(`model output at row ${row} is ${outputs[row]}, not a finite number`);
  }
  return outputs;
}

/**
 * The p-quantile of ascending data by linear interpolation between order statistics (Hyndman and
 * Fan, "Sample quantiles in statistical packages", 1996, type 7: the default of R and NumPy).
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no data');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1] (got ${p})`);
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below]!;
  if (below === n - 1) return low;
  return low + (h - below) * (sorted[below + 1]! - low);
}

export interface MonteCarloOptions {
  readonly samples: number;
  readonly seed: number;
}

export interface MonteCarloResult {
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  /** Number of model evaluations. */
  readonly samples: number;
}

/** Fills n rows of d independent uniform coordinates from a seeded stream. */
export function uniformPoints(d: number, n: number, seed: number): Float64Array {
  const next = makeRandom(seed);
  const points = new Float64Array(n * d);
  for (let k = 0; k < points.length; k += 1) points[k] = next();
  return points;
}

export function checkSize(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number >= ${min} (got ${value})`);
}

/** The 5th, 50th and 95th percentiles and the mean of the model's output over uniform random points. */
export function monteCarlo(d: number, model: UnitModel, options: MonteCarloOptions): MonteCarloResult {
  checkSize('dimensions', d, 1);
  checkSize('samples', options.samples, 1);
  const n = options.samples;
  const outputs = Float64Array.from(evaluateModel(model, uniformPoints(d, n, options.seed), n));
  let sum = 0;
  for (const y of outputs) sum += y;
  outputs.sort();
  return { p5: quantile(outputs, 0.05), p50: quantile(outputs, 0.5), p95: quantile(outputs, 0.95), mean: sum / n, samples: n };
}
