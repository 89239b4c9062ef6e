// An independent IEEE 754 reference for testing the microprograms: exact arithmetic on BigInt
// significands, then one correct round-to-nearest-even into the format (subnormals, overflow to
// infinity, signed zeros). It shares no code with src-main/sim/arith.

export interface RefFormat {
  readonly expBits: number;
  readonly fracBits: number;
}

type Decoded =
  | { kind: 'nan' }
  | { kind: 'inf'; sign: number }
  | { kind: 'finite'; sign: number; mant: bigint; exp: number };

function bias(f: RefFormat): number {
  return 2 ** (f.expBits - 1) - 1;
}

export function decode(bits: number, f: RefFormat): Decoded {
  const frac = bits % 2 ** f.fracBits;
  const e = Math.floor(bits / 2 ** f.fracBits) % 2 ** f.expBits;
  const sign = Math.floor(bits / 2 ** (f.fracBits + f.expBits)) % 2;
  const maxE = 2 ** f.expBits - 1;
  if (e === maxE) return frac === 0 ? { kind: 'inf', sign } : { kind: 'nan' };
  if (e === 0) return { kind: 'finite', sign, mant: BigInt(frac), exp: 1 - bias(f) - f.fracBits };
  return { kind: 'finite', sign, mant: BigInt(frac) + (1n << BigInt(f.fracBits)), exp: e - bias(f) - f.fracBits };
}

function encode(sign: number, expField: number, frac: number, f: RefFormat): number {
  return sign * 2 ** (f.expBits + f.fracBits) + expField * 2 ** f.fracBits + frac;
}

export function nanBits(f: RefFormat): number {
  return encode(0, 2 ** f.expBits - 1, 2 ** (f.fracBits - 1), f);
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Rounds sign * mant * 2^exp (mant > 0) to the nearest representable value, ties to even. */
export function roundToFormat(sign: number, mant: bigint, exp: number, f: RefFormat): number {
  const n = f.fracBits;
  const emin = 1 - bias(f);
  const unbiased = bitLength(mant) - 1 + exp;
  const quantum = Math.max(unbiased, emin) - n;
  let m: bigint;
  if (exp >= quantum) m = mant << BigInt(exp - quantum);
  else {
    const d = BigInt(quantum - exp);
    const q = mant >> d;
    const r = mant - (q << d);
    const half = 1n << (d - 1n);
    m = r > half || (r === half && (q & 1n) === 1n) ? q + 1n : q;
  }
  let e = quantum + n;
  if (m >= 1n << BigInt(n + 1)) {
    m >>= 1n;
    e += 1;
  }
  if (m < 1n << BigInt(n)) return encode(sign, 0, Number(m), f);
  const field = e + bias(f);
  if (field >= 2 ** f.expBits - 1) return encode(sign, 2 ** f.expBits - 1, 0, f);
  return encode(sign, field, Number(m - (1n << BigInt(n))), f);
}

export function refAdd(aBits: number, bBits: number, f: RefFormat): number {
  const a = decode(aBits, f);
  const b = decode(bBits, f);
  if (a.kind === 'nan' || b.kind === 'nan') return nanBits(f);
  if (a.kind === 'inf' && b.kind === 'inf') return a.sign === b.sign ? aBits : nanBits(f);
  if (a.kind === 'inf') return aBits;
  if (b.kind === 'inf') return bBits;
  const e = Math.min(a.exp, b.exp);
  const va = (a.sign ? -1n : 1n) * (a.mant << BigInt(a.exp - e));
  const vb = (b.sign ? -1n : 1n) * (b.mant << BigInt(b.exp - e));
  const sum = va + vb;
  if (sum === 0n) return encode(a.sign && b.sign && a.mant === 0n && b.mant === 0n ? 1 : 0, 0, 0, f);
  return roundToFormat(sum < 0n ? 1 : 0, sum < 0n ? -sum : sum, e, f);
}

export function refMul(aBits: number, bBits: number, f: RefFormat): number {
  const a = decode(aBits, f);
  const b = decode(bBits, f);
  if (a.kind === 'nan' || b.kind === 'nan') return nanBits(f);
  const sign = ((a.kind === 'finite' || a.kind === 'inf' ? a.sign : 0) ^ (b.kind === 'finite' || b.kind === 'inf' ? b.sign : 0)) as number;
  const isZero = (x: Decoded) => x.kind === 'finite' && x.mant === 0n;
  if ((a.kind === 'inf' && isZero(b)) || (b.kind === 'inf' && isZero(a))) return nanBits(f);
  if (a.kind === 'inf' || b.kind === 'inf') return encode(sign, 2 ** f.expBits - 1, 0, f);
  if (a.kind !== 'finite' || b.kind !== 'finite') throw new Error('unreachable');
  const product = a.mant * b.mant;
  if (product === 0n) return encode(sign, 0, 0, f);
  return roundToFormat(sign, product, a.exp + b.exp, f);
}

export function isNaNBits(bits: number, f: RefFormat): boolean {
  return decode(bits, f).kind === 'nan';
}

/** Deterministic PRNG (mulberry32) for reproducible random operands. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Operands that exercise the corners: zeros, subnormals, extremes, infinities, NaN, ties. */
export function edgeOperands(f: RefFormat): number[] {
  const n = f.fracBits;
  const maxE = 2 ** f.expBits - 1;
  const pos = [
    0,
    1,
    2 ** n - 1,
    2 ** n,
    2 ** n + 1,
    (maxE - 1) * 2 ** n + 2 ** n - 1,
    bias(f) * 2 ** n,
    bias(f) * 2 ** n + 1,
    (bias(f) - 1) * 2 ** n + 2 ** n - 1,
    (bias(f) + 1) * 2 ** n,
    maxE * 2 ** n,
    maxE * 2 ** n + 1,
    2 ** (n - 1),
    (bias(f) - n - 1) * 2 ** n,
  ];
  const signBit = 2 ** (f.expBits + f.fracBits);
  return [...pos, ...pos.map((p) => p + signBit)];
}
