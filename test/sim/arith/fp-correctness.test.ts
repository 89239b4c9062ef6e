import { describe, expect, it } from 'vitest';
import { executeFp } from '../../../src-main/sim/arith/execute.ts';
import { FORMATS } from '../../../src-main/sim/arith/formats.ts';
import { CELL_FAMILY_PRIMITIVES, type CellFamily } from '../../../src-main/sim/isa/primitives.ts';
import { LOWERINGS } from '../../../src-main/sim/arith/lowering.ts';
import { edgeOperands, isNaNBits, prng, refAdd, refMul } from './ieee-reference.ts';

// IEEE mode must be bit-exact (NaN payloads aside) against the independent reference, for add and
// multiply, in bf16, FP16 and FP32, on every cell family: 100,000 random pairs plus every pair of
// edge cases per combination.
// Families modelled as memory only (reram, pcram) have no microprograms to check.
const FAMILIES = (Object.keys(CELL_FAMILY_PRIMITIVES) as CellFamily[]).filter((f) => LOWERINGS[f] !== undefined);
const RANDOM_PAIRS = 100_000;

function operands(formatName: string, seed: number): { a: Uint32Array; b: Uint32Array } {
  const f = FORMATS[formatName]!;
  const edges = edgeOperands(f);
  const random = prng(seed);
  const count = RANDOM_PAIRS + edges.length * edges.length;
  const a = new Uint32Array(count);
  const b = new Uint32Array(count);
  const span = 2 ** f.width;
  const expUnit = 2 ** f.fracBits;
  for (let i = 0; i < RANDOM_PAIRS; i += 1) {
    a[i] = Math.floor(random() * span);
    // Half the pairs have nearby exponents, where cancellation and rounding ties happen.
    const near = (a[i]! + Math.floor((random() - 0.5) * 8) * expUnit + Math.floor(random() * expUnit)) >>> 0;
    b[i] = i % 2 ? Math.floor(random() * span) : near % span;
  }
  edges.forEach((x, i) => edges.forEach((y, j) => {
    a[RANDOM_PAIRS + i * edges.length + j] = x;
    b[RANDOM_PAIRS + i * edges.length + j] = y;
  }));
  return { a, b };
}

function mismatches(formatName: string, op: 'add' | 'mul', family: CellFamily): string[] {
  const f = FORMATS[formatName]!;
  const { a, b } = operands(formatName, 1234 + formatName.length);
  const { z } = executeFp({ family, op, format: f, mode: 'ieee', a, b });
  const ref = op === 'add' ? refAdd : refMul;
  const bad: string[] = [];
  for (let i = 0; i < a.length && bad.length < 5; i += 1) {
    const want = ref(a[i]!, b[i]!, f);
    const got = z[i]!;
    if (isNaNBits(want, f) ? !isNaNBits(got, f) : got !== want) {
      bad.push(`${a[i]!.toString(16)} ${op} ${b[i]!.toString(16)} = ${got.toString(16)}, expected ${want.toString(16)}`);
    }
  }
  return bad;
}

describe('IEEE floating point on the bit-level array', () => {
  for (const family of FAMILIES) {
    for (const format of ['bf16', 'fp16', 'fp32']) {
      for (const op of ['add', 'mul'] as const) {
        it(`${family} ${format} ${op} is bit-exact`, { timeout: 120_000 }, () => {
          expect(mismatches(format, op, family)).toEqual([]);
        });
      }
    }
  }
});
