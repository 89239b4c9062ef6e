// Seeded randomness for sensitivity and uncertainty analysis. The simulator must give the same
// answer for the same inputs (architecture.md section 7.4), so nothing here reads Math.random or a
// clock: every stream starts from an explicit seed and is reproducible on any machine.

/**
 * MurmurHash3's 32-bit finaliser (Appleby): a bijection that spreads every input bit over the
 * output, so neighbouring seeds (1, 2, 3...) give unrelated generator states.
 */
function mix32(h0: number): number {
  let h = h0 ^ (h0 >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 2^32 / golden ratio: the Weyl increment of splitmix, which visits every 32-bit value once. */
const GOLDEN = 0x9e3779b9;

/**
 * A seed for an independent stream derived from `seed` (for example one for sampling and one for
 * bootstrap resampling), so callers can split one user-facing seed without reusing draws.
 */
export function childSeed(seed: number, stream: number): number {
  return mix32((seed >>> 0) ^ mix32(Math.imul(stream + 1, GOLDEN)));
}

/**
 * xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", 2018):
 * period 2^128 - 1 and no known statistical failures at this use's scale, with only 32-bit integer
 * operations, which JavaScript does exactly via Math.imul and >>>. The 128-bit state comes from
 * four splitmix-style steps (Weyl sequence + mix32): mix32 is a bijection, so the four words are
 * distinct and at most one is zero, never the all-zero state xoshiro cannot leave.
 *
 * Returns uniform doubles on [0, 1) with 53 random bits (27 + 26 bits from two draws): every
 * multiple of 2^-53 is equally likely, so no value of the grid a double can hold is skipped. The
 * seed is taken modulo 2^32.
 */
export function makeRandom(seed: number): () => number {
  const base = seed >>> 0;
  let s0 = mix32(base + GOLDEN);
  let s1 = mix32(base + 2 * GOLDEN);
  let s2 = mix32(base + 3 * GOLDEN);
  let s3 = mix32(base + 4 * GOLDEN);
  const next32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

// Coefficients of Acklam's rational approximations to the inverse normal CDF ("An algorithm for
// computing the inverse normal cumulative distribution function", P. J. Acklam, 2003): relative
// error below 1.15e-9 over (0, 1), far finer than any parameter distribution is known.
const CENTRAL_NUM = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const CENTRAL_DEN = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1, 1];
const TAIL_NUM = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const TAIL_DEN = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416, 1];
/** Below this p (and above 1 - p) the tail approximation is used. */
const TAIL_START = 0.02425;

/** Horner evaluation of a polynomial whose coefficients run from the highest power down. */
function horner(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (const c of coefficients) sum = sum * x + c;
  return sum;
}

/**
 * The z with P(Z <= z) = p for a standard normal Z. Returns -Infinity at 0, +Infinity at 1 and NaN
 * outside [0, 1]. Exactly antisymmetric: normalQuantile(1 - p) === -normalQuantile(p) whenever
 * 1 - p is exact, because the upper half is computed from the mirrored lower half.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p < TAIL_START) {
    const q = Math.sqrt(-2 * Math.log(p));
    return horner(TAIL_NUM, q) / horner(TAIL_DEN, q);
  }
  const q = p - 0.5;
  const r = q * q;
  return (q * horner(CENTRAL_NUM, r)) / horner(CENTRAL_DEN, r);
}

/** A parameter's uncertainty. Normal and lognormal are clamped to [low, high] when those are given. */
export type Distribution =
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'log-uniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sigma: number; readonly low?: number; readonly high?: number }
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number; readonly low?: number; readonly high?: number };

/**
 * Keeps u strictly inside (0, 1): a generator can return exactly 0, where the normal quantile is
 * infinite. 2^-53 maps to about -8.2 sigma, beyond anything a parameter range means.
 */
function interior(u: number): number {
  return Math.min(Math.max(u, 2 ** -53), 1 - 2 ** -53);
}

function clamp(x: number, low = -Infinity, high = Infinity): number {
  if (!(high >= low)) throw new RangeError(`bounds: high (${high}) is below low (${low})`);
  return Math.min(Math.max(x, low), high);
}

/**
 * Maps u in [0, 1) to a value of the distribution by its inverse CDF, so one uniform sample plan
 * (Monte Carlo or Sobol) serves every distribution, and a parameter's rank in the plan is its rank
 * in value. Bounds on normal and lognormal are a clamp, not a truncation: tail mass beyond a bound
 * lands on the bound, which is what a physical limit (a resistance cannot go below zero) means.
 * Throws a RangeError on parameters that describe no distribution.
 */
export function fromUnit(u: number, dist: Distribution): number {
  switch (dist.kind) {
    case 'uniform':
      if (!(dist.high >= dist.low)) throw new RangeError(`uniform: high (${dist.high}) is below low (${dist.low})`);
      return dist.low + u * (dist.high - dist.low);
    case 'log-uniform':
      if (!(dist.low > 0 && dist.high >= dist.low)) throw new RangeError(`log-uniform: needs 0 < low <= high (got ${dist.low}, ${dist.high})`);
      return dist.low * Math.exp(u * Math.log(dist.high / dist.low));
    case 'normal':
      if (!(dist.sigma >= 0)) throw new RangeError(`normal: sigma must be >= 0 (got ${dist.sigma})`);
      return clamp(dist.mean + dist.sigma * normalQuantile(interior(u)), dist.low, dist.high);
    case 'lognormal':
      if (!(dist.median > 0 && dist.sigma >= 0)) throw new RangeError(`lognormal: needs median > 0 and sigma >= 0 (got ${dist.median}, ${dist.sigma})`);
      return clamp(dist.median * Math.exp(dist.sigma * normalQuantile(interior(u))), dist.low, dist.high);
  }
}
