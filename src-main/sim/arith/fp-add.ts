import type { Builder, Row } from './builder.ts';
import type { ArithMode, FloatFormat } from './formats.ts';
import { add, muxBits, orReduce, shiftRightBarrel, shiftRightBySearch, sub, zeroExtend, type Bits } from './blocks.ts';
import { atLeast, expWidth, normalizeLeft, pack, roundAndPack, unpack } from './fp-common.ts';

// Floating-point addition. The operand of larger magnitude is found by one subtraction of the
// packed exponent-and-fraction fields, the smaller significand is aligned to it (by content
// search on cells that have one, as FloatPIM and the proposed design do, else by a barrel
// shifter), added or subtracted, normalised, and rounded.

/** Guard, round and sticky positions below the fraction (IEEE); truncation keeps one guard bit. */
function extraBits(mode: ArithMode): number {
  return mode === 'ieee' ? 3 : 1;
}

function align(b: Builder, sig: Bits, amount: Bits, maxShift: number): { out: Bits; sticky: Row } {
  if (b.lowering.hasSearch) return shiftRightBySearch(b, sig, amount, maxShift);
  return shiftRightBarrel(b, sig, amount);
}

export function buildFpAdd(b: Builder, aBits: Bits, bBits: Bits, format: FloatFormat, mode: ArithMode): Bits {
  const n = format.fracBits;
  const a = unpack(b, aBits, format, mode);
  const c = unpack(b, bBits, format, mode);
  // |b| > |a| <=> the exponent and fraction fields of b, read as one integer, exceed those of a:
  // the borrow of one subtraction decides the swap.
  const magnitude = (bits: Bits, x: typeof a): Bits => [...x.sig.slice(0, n), ...bits.slice(n, n + format.expBits)];
  const keyA = magnitude(aBits, a);
  const keyB = magnitude(bBits, c);
  const swap = b.not(sub(b, keyA, keyB).noBorrow);
  const bigSig = muxBits(b, swap, c.sig, a.sig);
  const smallSig = muxBits(b, swap, a.sig, c.sig);
  const bigExp = muxBits(b, swap, c.exp, a.exp);
  const smallExp = muxBits(b, swap, a.exp, c.exp);
  const bigSign = b.mux(swap, c.sign, a.sign);
  const effSub = b.xor(a.sign, c.sign);

  const extra = extraBits(mode);
  const width = n + 1 + extra;
  const distance = sub(b, bigExp, smallExp).diff.slice(0, format.expBits);
  const lowPad = Array.from({ length: extra }, () => b.zero);
  const aligned = align(b, [...lowPad, ...smallSig], distance, width);
  const small = mode === 'ieee' ? [b.or(aligned.out[0]!, aligned.sticky), ...aligned.out.slice(1)] : aligned.out;
  const big = [...lowPad, ...bigSig];

  // big + small, or big - small as big + ~small + 1 (big >= small, so no sign change).
  const addend = zeroExtend(b, small, width + 1).map((bit) => b.xor(bit, effSub));
  const total = add(b, zeroExtend(b, big, width + 1), addend, effSub).sum;
  const carried = total[width]!;
  // A carry out of the top: shift right once (keeping the dropped bit in the sticky position).
  const shifted = total.slice(1, width + 1);
  const right = mode === 'ieee' ? [b.or(shifted[0]!, total[0]!), ...shifted.slice(1)] : shifted;
  const sum = muxBits(b, carried, right, total.slice(0, width));
  const exp = add(b, bigExp, [carried]).sum;
  const normal = normalizeLeft(b, sum, exp, mode === 'ieee');
  const isZeroSum = b.not(orReduce(b, normal.sig));
  // An exact cancellation gives +0 under round to nearest; ftz-trunc flushes tiny results to zero.
  const sign = b.and(bigSign, b.not(b.and(isZeroSum, effSub)));
  let sig = normal.sig;
  if (mode === 'ftz-trunc') {
    const flush = b.not(atLeast(b, normal.exp, 1));
    sig = sig.map((bit) => b.and(bit, b.not(flush)));
  }
  const finished = roundAndPack(b, sign, sig, normal.exp, b.zero, format, mode);
  if (mode !== 'ieee') return pack(b, finished, format);
  const nan = b.or(b.or(a.isNaN, c.isNaN), b.and(b.and(a.isInf, c.isInf), effSub));
  const inf = b.or(a.isInf, c.isInf);
  return pack(b, finished, format, { nan, inf, infSign: b.mux(a.isInf, a.sign, c.sign) });
}

export { expWidth };
