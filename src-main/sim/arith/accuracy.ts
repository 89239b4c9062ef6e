import type { CellFamily } from '../isa/primitives.ts';
import { executeFp } from './execute.ts';
import type { FloatFormat } from './formats.ts';

// How far the ftz-trunc mode (flush to zero, truncation: what published PIM designs cost) lands
// from IEEE round-to-nearest-even, measured in units in the last place on random normal operands.
// The IEEE reference is this engine's IEEE mode, itself checked bit-exactly against an independent
// reference in the tests.

export interface UlpReport {
  readonly samples: number;
  readonly maxUlp: number;
  readonly meanUlp: number;
  /** Fraction of results identical to IEEE. */
  readonly exactFraction: number;
}

/** Seeded xorshift32 uniform in [0, 1), so a report is the same on every run. */
export function xorshift32(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Normal operands with exponents in the middle quarter of the range, so sums and products stay normal. */
export function normalOperand(next: () => number, format: FloatFormat): number {
  const span = 2 ** (format.expBits - 2);
  const exp = Math.floor(format.bias - span / 2 + next() * span);
  const frac = Math.floor(next() * 2 ** format.fracBits);
  const sign = next() < 0.5 ? 0 : 1;
  return sign * 2 ** (format.width - 1) + exp * 2 ** format.fracBits + frac;
}

/** An encoding's position among representable values (sign-magnitude to ordinal); ulp distance is the difference of two. */
export function ordinal(bits: number, format: FloatFormat): number {
  const magnitude = bits % 2 ** (format.width - 1);
  return bits >= 2 ** (format.width - 1) ? -magnitude : magnitude;
}

/** Operand pairs drawn from one seeded stream, a then b for each pair. */
export function normalOperands(format: FloatFormat, samples: number, seed: number): { a: Uint32Array; b: Uint32Array } {
  const next = xorshift32(seed);
  const a = new Uint32Array(samples);
  const b = new Uint32Array(samples);
  for (let i = 0; i < samples; i += 1) {
    a[i] = normalOperand(next, format);
    b[i] = normalOperand(next, format);
  }
  return { a, b };
}

export function ftzTruncError(family: CellFamily, op: 'add' | 'mul', format: FloatFormat, samples = 4096, seed = 7): UlpReport {
  const { a, b } = normalOperands(format, samples, seed);
  const exact = executeFp({ family, op, format, mode: 'ieee', a, b }).z;
  const approx = executeFp({ family, op, format, mode: 'ftz-trunc', a, b }).z;
  let max = 0;
  let sum = 0;
  let same = 0;
  for (let i = 0; i < samples; i += 1) {
    const d = Math.abs(ordinal(exact[i]!, format) - ordinal(approx[i]!, format));
    max = Math.max(max, d);
    sum += d;
    if (d === 0) same += 1;
  }
  return { samples, maxUlp: max, meanUlp: sum / samples, exactFraction: same / samples };
}

/** The accuracy report as a worker task (it executes thousands of operations bit by bit). */
export const ACCURACY_TASK = 'arith.accuracy';

export function accuracyTask(raw: unknown): { fpAdd: UlpReport; fpMul: UlpReport } {
  const input = raw as { family: CellFamily; format: FloatFormat };
  return { fpAdd: ftzTruncError(input.family, 'add', input.format), fpMul: ftzTruncError(input.family, 'mul', input.format) };
}
