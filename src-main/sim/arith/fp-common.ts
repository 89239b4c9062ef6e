import type { Builder, Row } from './builder.ts';
import type { ArithMode, FloatFormat } from './formats.ts';
import { andReduce, constBits, increment, muxBits, muxInPlace, orReduce, sub, zeroExtend, type Bits } from './blocks.ts';

// Unpacking, normalisation, rounding and packing shared by FP add and multiply.
// Exponents are carried as two's-complement numbers of `expWidth` bits, wide enough for every
// intermediate value, so comparisons are sign tests.

export function expWidth(format: FloatFormat): number {
  return format.expBits + 2;
}

export interface Unpacked {
  readonly sign: Row;
  /** Significand with the hidden bit on top (index fracBits). */
  readonly sig: Bits;
  /** Effective exponent (subnormals count as 1), `expWidth` bits. */
  readonly exp: Bits;
  readonly isZero: Row;
  readonly isInf: Row;
  readonly isNaN: Row;
}

export function unpack(b: Builder, bits: Bits, format: FloatFormat, mode: ArithMode): Unpacked {
  const frac = bits.slice(0, format.fracBits);
  const rawExp = bits.slice(format.fracBits, format.fracBits + format.expBits);
  const sign = bits[format.width - 1]!;
  const expNonZero = orReduce(b, rawExp);
  const expAllOnes = andReduce(b, rawExp);
  const fracNonZero = orReduce(b, frac);
  const width = expWidth(format);
  if (mode === 'ftz-trunc') {
    // Flush to zero: a zero exponent field means zero, whatever the fraction says.
    return {
      sign,
      sig: [...frac.map((f) => b.and(f, expNonZero)), expNonZero],
      exp: zeroExtend(b, rawExp, width),
      isZero: b.not(expNonZero),
      isInf: b.zero,
      isNaN: b.zero,
    };
  }
  const exp = zeroExtend(b, [b.or(rawExp[0]!, b.not(expNonZero)), ...rawExp.slice(1)], width);
  return {
    sign,
    sig: [...frac, expNonZero],
    exp,
    isZero: b.not(b.or(expNonZero, fracNonZero)),
    isInf: b.and(expAllOnes, b.not(fracNonZero)),
    isNaN: b.and(expAllOnes, fracNonZero),
  };
}

/** x - c for a constant c (two's complement, same width). */
export function subConst(b: Builder, x: Bits, c: number): Bits {
  return sub(b, x, constBits(b, c, x.length)).diff;
}

/** x >= c as signed numbers. */
export function atLeast(b: Builder, x: Bits, c: number): Row {
  return b.not(subConst(b, x, c).at(-1)!);
}

/**
 * Shifts the significand left until its top bit is 1, lowering the exponent by the shift; one
 * stage per power of two, largest first. With `limitByExponent` (IEEE) a stage only shifts while
 * the exponent stays at least 1, the subnormal floor, so the exponent is tracked stage by stage;
 * without it the stage decisions are the bits of the leading-zero count, subtracted once at the end.
 */
export function normalizeLeft(b: Builder, sig: Bits, exp: Bits, limitByExponent: boolean): { sig: Bits; exp: Bits } {
  let x = sig.map((row) => b.own(row));
  let e = [...exp];
  const top = x.length - 1;
  const zeroCount: Row[] = [];
  for (let k = Math.floor(Math.log2(Math.max(1, top))); k >= 0; k -= 1) {
    const step = 2 ** k;
    const topZero = b.not(orReduce(b, x.slice(top - step + 1)));
    const shifted = x.map((_, i) => x[i - step] ?? b.zero);
    if (limitByExponent) {
      // Shift only if the lowered exponent stays >= 1: e - step positive and not zero.
      const lowered = subConst(b, e, step);
      const s = b.and(topZero, b.and(b.not(lowered.at(-1)!), orReduce(b, lowered)));
      x = muxInPlace(b, s, x, shifted, true);
      e = muxBits(b, s, lowered, e);
      zeroCount[k] = s;
    } else {
      x = muxInPlace(b, topZero, x, shifted, true);
      zeroCount[k] = topZero;
    }
  }
  if (!limitByExponent) e = sub(b, e, zeroCount).diff;
  return { sig: x, exp: e };
}

export interface Finished {
  readonly sign: Row;
  readonly exp: Bits;
  readonly frac: Bits;
  readonly overflow: Row;
}

/**
 * Rounds a normalised extended significand (hidden bit on top, guard and further bits below the
 * fraction) to the format: IEEE round to nearest even, or truncation. `extraSticky` is the OR of
 * bits already shifted out below the window.
 */
export function roundAndPack(b: Builder, sign: Row, x: Bits, exp: Bits, extraSticky: Row, format: FloatFormat, mode: ArithMode): Finished {
  const n = format.fracBits;
  const top = x.length - 1;
  const significand = x.slice(top - n, top + 1);
  let sig = significand;
  let e = exp;
  if (mode === 'ieee') {
    const guard = x[top - n - 1] ?? b.zero;
    const sticky = b.or(orReduce(b, x.slice(0, Math.max(0, top - n - 1))), extraSticky);
    const roundUp = b.and(guard, b.or(sticky, significand[0]!));
    const inc = increment(b, significand, roundUp);
    sig = [...inc.sum.slice(0, n), b.or(inc.sum[n]!, inc.carry)];
    e = increment(b, exp, inc.carry).sum;
  }
  const hidden = sig[n]!;
  const biased = e.slice(0, format.expBits).map((bit) => b.and(bit, hidden));
  const maxExp = 2 ** format.expBits - 1;
  const overflow = mode === 'ieee' ? b.and(hidden, atLeast(b, e, maxExp)) : b.zero;
  return { sign, exp: biased, frac: sig.slice(0, n), overflow };
}

/** Packs sign, exponent and fraction, replacing the result by NaN or infinity where flagged (IEEE). */
export function pack(b: Builder, f: Finished, format: FloatFormat, special?: { nan: Row; inf: Row; infSign: Row }): Bits {
  const n = format.fracBits;
  let frac = f.frac;
  let exp = f.exp;
  let sign = f.sign;
  const inf = special ? b.or(special.inf, f.overflow) : f.overflow;
  const nan = special?.nan ?? b.zero;
  const allOnes = b.or(inf, nan);
  exp = exp.map((bit) => b.or(bit, allOnes));
  // Infinity has a zero fraction; the canonical quiet NaN sets the top fraction bit only.
  frac = frac.map((bit, i) => (i === n - 1 ? b.mux(allOnes, nan, bit) : b.and(bit, b.not(allOnes))));
  if (special) sign = b.mux(nan, b.zero, b.mux(special.inf, special.infSign, sign));
  return [...frac, ...exp, sign];
}
