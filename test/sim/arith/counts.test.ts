import { describe, expect, it } from 'vitest';
import { countOperation, costOf, microprogram, assertRunnable, MissingPrimitiveError } from '../../../src-main/sim/arith/programs.ts';
import { FORMATS } from '../../../src-main/sim/arith/formats.ts';
import { Builder } from '../../../src-main/sim/arith/builder.ts';
import { evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';
import { cellParamsFromValues } from '../../../src-main/sim/cells/params.ts';
import { builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import type { CellFamily } from '../../../src-main/sim/isa/primitives.ts';

const nor = (steps: Record<string, number | undefined>) => (steps.not ?? 0) + (steps.nor2 ?? 0) + (steps.nor3 ?? 0);

function primitiveCosts(family: CellFamily) {
  const p = cellParamsFromValues(builtinCell(family)!.values);
  if (!p.ok) throw new Error(family);
  return evaluateSubarray({ cell: p.params, rows: 1024, cols: 1024, node_nm: 28 }).primitives;
}

describe('step counts come from the microprograms', () => {
  it('full adders: 9 NOR gates on MAGIC, 4 steps on the complementary SOT cell (MAJ3 and XOR3 senses, each written back)', () => {
    const magic = countOperation('reram-magic', 'fullAdd', FORMATS.fp32!, 'ieee');
    expect(nor(magic.steps)).toBe(9);
    expect(countOperation('sot-mram-2t2mtj', 'fullAdd', FORMATS.fp32!, 'ieee')).toMatchObject({ steps: { maj3: 1, xor3: 1, write: 2 }, totalSteps: 4 });
    expect(countOperation('sot-mram-2t1mtj', 'fullAdd', FORMATS.fp32!, 'ieee').totalSteps).toBe(6);
  });

  it('the N-bit ripple add costs N full adders', () => {
    for (const format of ['bf16', 'fp32']) {
      const n = FORMATS[format]!.fracBits + 1;
      // The first bit's carry-in is the constant 0, which folds the first full adder to a half adder.
      expect(countOperation('sot-mram-2t2mtj', 'add', FORMATS[format]!, 'ieee').totalSteps).toBe(4 * n);
    }
  });

  // FloatPIM (ISCA 2019) cycle formulas, NOR cycles only: multiply
  // 12 Ne + 6.5 Nm^2 - 7.5 Nm - 2; add 3 + 16 Ne + 19 Nm + Nm^2 NOR plus 2 Nm + 1 searches.
  // Our MAGIC programs are exact NOR networks; the ratios below are the measured ones with a
  // margin, so a change that makes them worse fails here. The reasons for the gaps are in
  // docs of the closing note: FloatPIM's formulas leave out operand swap, LZC normalisation and
  // the exponent bookkeeping for flushed results.
  const FLOATPIM: Record<string, { mul: number; add: number; searches: number }> = {
    bf16: { mul: 360, add: 313, searches: 15 },
    fp32: { mul: 3360, add: 1097, searches: 47 },
  };
  const BOUNDS: Record<string, { mul: [number, number]; add: [number, number] }> = {
    bf16: { mul: [1, 3], add: [1, 4] },
    fp32: { mul: [1, 1.35], add: [1, 2.5] },
  };
  for (const format of ['bf16', 'fp32']) {
    it(`MAGIC ${format} ftz-trunc NOR counts against FloatPIM's formulas`, () => {
      const mul = nor(countOperation('reram-magic', 'fpMul', FORMATS[format]!, 'ftz-trunc').steps);
      const add = countOperation('reram-magic', 'fpAdd', FORMATS[format]!, 'ftz-trunc');
      const [mulLo, mulHi] = BOUNDS[format]!.mul;
      const [addLo, addHi] = BOUNDS[format]!.add;
      expect(mul / FLOATPIM[format]!.mul).toBeGreaterThanOrEqual(mulLo);
      expect(mul / FLOATPIM[format]!.mul).toBeLessThan(mulHi);
      expect(nor(add.steps) / FLOATPIM[format]!.add).toBeGreaterThanOrEqual(addLo);
      expect(nor(add.steps) / FLOATPIM[format]!.add).toBeLessThan(addHi);
      expect(add.steps.search).toBeLessThanOrEqual(FLOATPIM[format]!.searches);
    });
  }

  // Fewer steps is the proposed cell's contribution (Wang et al.); energy is not: with NeuroSim's
  // 330 uA, 1 ns SOT write (about 0.3 pJ per MTJ from the supply) against MAGIC gates of about
  // 2 fJ per lane and initialisations of about 37 fJ (VTEAM circuit data), a SOT step that writes
  // costs far more than a MAGIC step. The test pins that finding so a change that flips it is seen.
  for (const format of ['bf16', 'fp32']) {
    for (const mode of ['ieee', 'ftz-trunc'] as const) {
      it(`the proposed cell needs fewer steps than FloatPIM but more energy per operation: ${format} ${mode}`, () => {
        const proposed = primitiveCosts('sot-mram-2t2mtj');
        const floatpim = primitiveCosts('reram-magic');
        for (const op of ['fpAdd', 'fpMul'] as const) {
          const a = countOperation('sot-mram-2t2mtj', op, FORMATS[format]!, mode);
          const b = countOperation('reram-magic', op, FORMATS[format]!, mode);
          expect(a.totalSteps, op).toBeLessThan(b.totalSteps);
          expect(costOf(a.steps, proposed, a.activity).energy_J, op).toBeGreaterThan(costOf(b.steps, floatpim, b.activity).energy_J);
        }
        const faA = countOperation('sot-mram-2t2mtj', 'fullAdd', FORMATS[format]!, mode).totalSteps;
        const faB = countOperation('reram-magic', 'fullAdd', FORMATS[format]!, mode).totalSteps;
        expect(faA).toBeLessThan(faB);
      });
    }
  }

  it('ftz-trunc programs are smaller than IEEE ones', () => {
    for (const family of ['reram-magic', 'sot-mram-2t2mtj'] as const) {
      for (const op of ['fpAdd', 'fpMul'] as const) {
        expect(countOperation(family, op, FORMATS.fp32!, 'ftz-trunc').totalSteps).toBeLessThan(countOperation(family, op, FORMATS.fp32!, 'ieee').totalSteps);
      }
    }
  });

  it('refuses to run a program on a cell that lacks one of its primitives', () => {
    const b = new Builder('sot-mram-2t2mtj');
    b.searchMask(b.input('x', 2), [1, 0]);
    expect(() => assertRunnable(b.program(), 'stt-mram-1t1mtj')).toThrow(MissingPrimitiveError);
    expect(() => assertRunnable(b.program(), 'stt-mram-1t1mtj')).toThrow(/cannot perform "search"/);
    expect(() => new Builder('stt-mram-1t1mtj').searchMask([], [])).toThrow(/has no search primitive/);
    expect(() => costOf({ search: 1 }, {})).toThrow(MissingPrimitiveError);
  });

  it('caches programs and compacts their rows', () => {
    const p = microprogram('sot-mram-2t2mtj', 'fpMul', FORMATS.fp32!, 'ieee');
    expect(microprogram('sot-mram-2t2mtj', 'fpMul', FORMATS.fp32!, 'ieee')).toBe(p);
    expect(p.rowCount).toBeLessThan(400);
  });
});
