// Brent's method for a root of f on a bracket [a, b] where f changes sign (Brent, "Algorithms for
// Minimization without Derivatives", 1973): inverse quadratic interpolation or secant steps,
// falling back to bisection whenever they would not shrink the bracket fast enough. Deterministic,
// no derivatives; the caller gets the number of evaluations.

export interface RootResult {
  readonly x: number;
  readonly fx: number;
  readonly iterations: number;
}

export interface RootOptions {
  /** Absolute tolerance on x (default 1e-12 relative to |b - a|). */
  readonly xTolerance?: number;
  readonly maxIterations?: number;
}

/** Returns undefined when f(a) and f(b) have the same sign (no bracketed root). */
export function brent(f: (x: number) => number, a0: number, b0: number, options: RootOptions = {}): RootResult | undefined {
  let a = a0;
  let b = b0;
  let fa = f(a);
  let fb = f(b);
  let iterations = 2;
  if (fa === 0) return { x: a, fx: 0, iterations };
  if (fb === 0) return { x: b, fx: 0, iterations };
  if (Math.sign(fa) === Math.sign(fb)) return undefined;
  const tolerance = options.xTolerance ?? 1e-12 * Math.abs(b - a);
  const maxIterations = options.maxIterations ?? 100;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  while (iterations < maxIterations) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      [a, b, c] = [b, c, b];
      [fa, fb, fc] = [fb, fc, fb];
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const half = (c - b) / 2;
    if (Math.abs(half) <= tol || fb === 0) break;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    fb = f(b);
    iterations += 1;
  }
  return { x: b, fx: fb, iterations };
}
