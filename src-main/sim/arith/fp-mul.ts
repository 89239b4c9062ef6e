import type { Builder, Row } from './builder.ts';
import type { ArithMode, FloatFormat } from './formats.ts';
import { add, constBits, muxBits, orReduce, shiftRightBarrel, sub, type Bits } from './blocks.ts';
import { atLeast, expWidth, normalizeLeft, pack, roundAndPack, unpack } from './fp-common.ts';

// Floating-point multiplication: significands by shift-and-add, exponents added, then normalised
// (including subnormal results) and rounded.

/**
 * Unsigned shift-and-add multiply in the two-slot ("ping-pong") style of Wang et al.: for each bit
 * y_i, the running partial product P (as wide as x) becomes (P + y_i * x) / 2 in the other slot,
 * and the bit shifted out is the next low bit of the product. The paper's "copy when y_i = 0, add
 * when y_i = 1" is done as one add of the gated partial product x AND y_i, which costs no more on
 * any cell. Returns all 2n bits of the product.
 *
 * `keepColumnsFrom` > 0 makes it a truncated multiplier (ftz-trunc mode, as published PIM designs
 * do): partial-product bits of columns below it are never added, about half the adders.
 */
export function multiplyShiftAdd(b: Builder, x: Bits, y: Bits, keepColumnsFrom = 0): Bits {
  const n = x.length;
  let p: Bits = Array.from({ length: n }, () => b.zero);
  const low: Row[] = [];
  y.forEach((yi, i) => {
    const cut = Math.max(0, Math.min(n, keepColumnsFrom - i));
    const gated = x.slice(cut).map((xj) => b.and(xj, yi));
    const { sum, carry } = add(b, p.slice(cut), gated);
    const next = [...p.slice(0, cut), ...sum, carry];
    low.push(next[0]!);
    p = next.slice(1);
  });
  return [...low, ...p];
}

/** Guard columns a truncated multiplier keeps below the result's last bit (ftz-trunc mode). */
const TRUNCATED_GUARD_COLUMNS = 2;

export function buildFpMul(b: Builder, aBits: Bits, bBits: Bits, format: FloatFormat, mode: ArithMode): Bits {
  const n = format.fracBits;
  const a = unpack(b, aBits, format, mode);
  const c = unpack(b, bBits, format, mode);
  const sign = b.xor(a.sign, c.sign);
  const ieee = mode === 'ieee';
  const product = multiplyShiftAdd(b, a.sig, c.sig, ieee ? 0 : n - TRUNCATED_GUARD_COLUMNS);
  // The product's top position (2n + 1) stands for exponent ea + eb - bias + 1.
  const width = expWidth(format);
  const expSum = add(b, a.exp, c.exp).sum;
  let exp = sub(b, expSum, constBits(b, format.bias - 1, width)).diff;
  let sig: Bits;
  let sticky = b.zero;
  if (ieee) {
    const normal = normalizeLeft(b, product, exp, true);
    // Below the guard position only the OR matters: fold it into sticky before shifting right.
    const top = normal.sig.length - 1;
    const window = normal.sig.slice(top - n - 1);
    sticky = orReduce(b, normal.sig.slice(0, top - n - 1));
    sig = [sticky, ...window];
    exp = normal.exp;
    // Below the smallest normal exponent: shift right into the subnormal range, exponent 1.
    const tiny = b.not(atLeast(b, exp, 1));
    const amount = muxBits(b, tiny, sub(b, constBits(b, 1, width), exp).diff, constBits(b, 0, width));
    const shifted = shiftRightBarrel(b, sig, amount);
    sig = shifted.out;
    sticky = b.or(shifted.sticky, shifted.out[0]!);
    exp = muxBits(b, tiny, constBits(b, 1, width), exp);
  } else {
    // Flushed inputs are normal, so the product's leading one is in one of its top two positions.
    const top = product.at(-1)!;
    sig = muxBits(b, top, product, [b.zero, ...product.slice(0, -1)]);
    exp = sub(b, exp, [b.not(top)]).diff;
    const flush = b.or(b.not(atLeast(b, exp, 1)), b.or(a.isZero, c.isZero));
    sig = sig.map((bit) => b.and(bit, b.not(flush)));
  }
  const finished = roundAndPack(b, sign, sig, exp, sticky, format, mode);
  if (!ieee) return pack(b, finished, format);
  const zeroTimesInf = b.or(b.and(a.isZero, c.isInf), b.and(c.isZero, a.isInf));
  const nan = b.or(b.or(a.isNaN, c.isNaN), zeroTimesInf);
  return pack(b, finished, format, { nan, inf: b.or(a.isInf, c.isInf), infSign: sign });
}

