import type { Builder, Row } from './builder.ts';

// Multi-bit building blocks on vectors of bit rows, least significant bit first. They are plain
// logic over the builder's gates, so every cell family runs the same algorithm with its own steps.

export type Bits = Row[];

export function constBits(b: Builder, value: number, width: number): Bits {
  return Array.from({ length: width }, (_, i) => (Math.floor(value / 2 ** i) % 2 ? b.one : b.zero));
}

export function zeroExtend(b: Builder, x: Bits, width: number): Bits {
  return [...x, ...Array.from({ length: Math.max(0, width - x.length) }, () => b.zero)].slice(0, width);
}

/** Ripple-carry x + y + cin over max(width) bits; returns the sum and the carry out. */
export function add(b: Builder, x: Bits, y: Bits, cin: Row = b.zero): { sum: Bits; carry: Row } {
  const width = Math.max(x.length, y.length);
  const xs = zeroExtend(b, x, width);
  const ys = zeroExtend(b, y, width);
  const sum: Bits = [];
  let carry = cin;
  for (let i = 0; i < width; i += 1) {
    const fa = b.fullAdd(xs[i]!, ys[i]!, carry);
    sum.push(fa.sum);
    carry = fa.carry;
  }
  return { sum, carry };
}

/** x - y over max(width) bits (two's complement); `noBorrow` is 1 when x >= y as unsigned numbers. */
export function sub(b: Builder, x: Bits, y: Bits): { diff: Bits; noBorrow: Row } {
  const width = Math.max(x.length, y.length);
  const { sum, carry } = add(b, zeroExtend(b, x, width), zeroExtend(b, y, width).map((r) => b.not(r)), b.one);
  return { diff: sum, noBorrow: carry };
}

/** x + cin with half adders. */
export function increment(b: Builder, x: Bits, cin: Row): { sum: Bits; carry: Row } {
  const sum: Bits = [];
  let carry = cin;
  for (const bit of x) {
    sum.push(b.xor(bit, carry));
    carry = b.and(bit, carry);
  }
  return { sum, carry };
}

export function orReduce(b: Builder, rows: readonly Row[]): Row {
  let level = [...rows];
  if (level.length === 0) return b.zero;
  while (level.length > 1) {
    const next: Row[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? b.or(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

export function andReduce(b: Builder, rows: readonly Row[]): Row {
  return b.not(orReduce(b, rows.map((r) => b.not(r))));
}

/** s ? x : y, bit by bit. Sensing cells copy y and overwrite the selected lanes through the mask. */
export function muxBits(b: Builder, s: Row, x: Bits, y: Bits): Bits {
  if (s === b.one) return [...x];
  if (s === b.zero) return [...y];
  const differs = x.some((bit, i) => bit !== y[i]);
  if (!differs) return [...x];
  if (b.lowering.usesMagic || x.length < 2) return x.map((bit, i) => b.mux(s, bit, y[i]!));
  const out = y.map((bit, i) => (bit === x[i] ? bit : b.own(bit)));
  b.maskFrom(s);
  x.forEach((bit, i) => {
    if (bit !== y[i]) b.maskedCopy(out[i]!, bit);
  });
  return out;
}

/**
 * target := s ? sources : target, overwriting the target rows in place through the lane mask.
 * For shifts where sources[i] is another target row: process top-down (`descending`) when each
 * source lies below its target (left shift), bottom-up otherwise, so no source is overwritten
 * before it is read. The caller gives up the old target values; constant rows are first owned.
 */
export function muxInPlace(b: Builder, s: Row, target: Bits, sources: Bits, descending: boolean): Bits {
  if (s === b.zero) return target;
  const out = target.map((row) => (row === b.zero || row === b.one ? b.own(row) : row));
  const order = out.map((_, i) => i);
  if (descending) order.reverse();
  const src = (i: number): Row => {
    const k = target.indexOf(sources[i]!);
    return k >= 0 ? out[k]! : sources[i]!;
  };
  b.maskFrom(s);
  for (const i of order) if (sources[i] !== target[i]) b.maskedCopy(out[i]!, src(i));
  return out;
}

/** Prefix ORs: result[k] = OR of x[0..k-1] (result[0] = 0). */
export function prefixOr(b: Builder, x: Bits): Row[] {
  const out: Row[] = [b.zero];
  for (const bit of x) out.push(b.or(out.at(-1)!, bit));
  return out;
}

/**
 * x >> amount (logical), and the OR of every bit shifted out (sticky). Barrel shifter: one stage per
 * amount bit; amounts at or beyond the width empty x into the sticky bit.
 */
export function shiftRightBarrel(b: Builder, x: Bits, amount: Bits): { out: Bits; sticky: Row } {
  let value = x.map((row) => b.own(row));
  let sticky = b.zero;
  const stages = Math.max(1, Math.ceil(Math.log2(x.length + 1)));
  for (let k = 0; k < Math.min(stages, amount.length); k += 1) {
    const s = amount[k]!;
    const step = 2 ** k;
    const shifted = value.map((_, i) => value[i + step] ?? b.zero);
    sticky = b.or(sticky, b.and(s, orReduce(b, value.slice(0, step))));
    value = muxInPlace(b, s, value, shifted, false);
  }
  const beyond = orReduce(b, amount.slice(stages));
  sticky = b.or(sticky, b.and(beyond, orReduce(b, value)));
  value = value.map((bit) => b.and(bit, b.not(beyond)));
  return { out: value, sticky };
}

/**
 * The same shift by content search (FloatPIM, and the proposed cell): for every amount q up to
 * `maxShift`, the lanes whose amount equals q are found in one search and get x >> q written
 * through the mask. Amounts beyond `maxShift` leave zero and put every bit into sticky.
 */
export function shiftRightBySearch(b: Builder, x: Bits, amount: Bits, maxShift: number): { out: Bits; sticky: Row } {
  const prefix = prefixOr(b, x);
  const out = x.map(() => b.own(b.zero));
  const sticky = b.own(prefix[x.length]!);
  // Each lane matches one amount, so over the loop each lane is written once per bit.
  const activity = 1 / (Math.min(maxShift, 2 ** amount.length - 1) + 1);
  for (let q = 0; q <= maxShift; q += 1) {
    const query = amount.map((_, i) => ((q >> i) & 1) as 0 | 1);
    if (q >= 2 ** amount.length) break;
    b.searchMask(amount, query);
    // Every lane matches exactly one amount and starts at zero, so zero sources need no write.
    out.forEach((dst, i) => {
      const src = x[i + q] ?? b.zero;
      if (src !== b.zero) b.maskedCopy(dst, src, activity);
    });
    b.maskedCopy(sticky, prefix[Math.min(q, x.length)]!, activity);
  }
  return { out, sticky };
}
