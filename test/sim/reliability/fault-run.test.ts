import { describe, expect, it } from 'vitest';
import { normalOperands, ordinal } from '../../../src-main/sim/arith/accuracy.ts';
import { executeFp } from '../../../src-main/sim/arith/execute.ts';
import { FORMATS, type FloatFormat } from '../../../src-main/sim/arith/formats.ts';
import { countOperation } from '../../../src-main/sim/arith/programs.ts';
import { CELL_FAMILY_PRIMITIVES, type CellFamily, type PrimitiveName } from '../../../src-main/sim/isa/primitives.ts';
import { executeFpWithFaults, expectedFlipsPerOp, injectFaults, isCatastrophic, type FaultReport } from '../../../src-main/sim/reliability/fault-run.ts';

const fp32 = FORMATS.fp32!;
const bf16 = FORMATS.bf16!;

function everyPrimitive(family: CellFamily, rate: number): Partial<Record<PrimitiveName, number>> {
  return Object.fromEntries(CELL_FAMILY_PRIMITIVES[family].map((name) => [name, rate]));
}

function differences(x: Uint32Array, y: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) n += 1;
  return n;
}

describe('fault injection at rate 0', () => {
  const cases = [
    { op: 'mul', format: fp32 },
    { op: 'add', format: bf16 },
  ] as const;
  const families: CellFamily[] = ['sot-mram-2t2mtj', 'reram-magic'];

  it('gives results bit-identical to the fault-free engine on 100,000 operands (a partial last pass included)', () => {
    for (const family of families) {
      for (const { op, format } of cases) {
        const { a, b } = normalOperands(format, 100_000, 3);
        const clean = executeFp({ family, op, format, mode: 'ieee', a, b }).z;
        for (const rates of [{}, everyPrimitive(family, 0)]) {
          const faulty = executeFpWithFaults({ family, op, format, mode: 'ieee', a, b, rates, seed: 3 });
          expect(differences(clean, faulty.z), `${family} ${format.name} ${op}`).toBe(0);
          expect(Object.values(faulty.perPrimitive).every((c) => c.flips === 0 && c.exposures === 0)).toBe(true);
        }
      }
    }
  });

  it('reports no wrong results', () => {
    const report = injectFaults({ family: 'reram-magic', op: 'add', format: bf16, mode: 'ftz-trunc', samples: 5000, seed: 2, rates: {} });
    expect(report).toMatchObject({ samples: 5000, wrong: 0, wrongFraction: 0, catastrophic: 0, ulpHistogram: {} });
  });
});

/** Observed flips of every primitive against exposures x p, within 3 binomial sigma. */
function expectBinomial(report: FaultReport): void {
  for (const [name, { probability: p, flips, exposures }] of Object.entries(report.perPrimitive)) {
    if (p === 0) {
      expect([flips, exposures], name).toEqual([0, 0]);
      continue;
    }
    expect(exposures, name).toBeGreaterThan(0);
    expect(Math.abs(flips - exposures * p), name).toBeLessThanOrEqual(3 * Math.sqrt(exposures * p * (1 - p)));
  }
}

describe('flip counts', () => {
  it('match exposures x p within 3 sigma for every primitive of the program, at 1e-3 on all', () => {
    const cases = [
      { family: 'sot-mram-2t2mtj', op: 'mul', format: fp32 },
      { family: 'reram-magic', op: 'mul', format: fp32 },
      { family: 'sot-mram-2t2mtj', op: 'add', format: bf16 },
      { family: 'reram-magic', op: 'add', format: bf16 },
    ] as const;
    for (const { family, op, format } of cases) {
      const report = injectFaults({ family, op, format, mode: 'ieee', samples: 4096, seed: 9, rates: everyPrimitive(family, 1e-3) });
      const steps = countOperation(family, op === 'add' ? 'fpAdd' : 'fpMul', format, 'ieee').steps;
      expect(Object.keys(report.perPrimitive).sort()).toEqual(Object.keys(steps).sort());
      expectBinomial(report);
      // Senses drive every lane: their exposures are exactly steps x samples.
      if (family === 'sot-mram-2t2mtj') expect(report.perPrimitive.xor2!.exposures).toBe(steps.xor2! * 4096);
    }
  });

  it('match for one primitive alone, and the others stay untouched', () => {
    for (const [family, name, p] of [
      ['sot-mram-2t2mtj', 'write', 1e-3],
      ['reram-magic', 'preset', 0.01],
    ] as const) {
      const report = injectFaults({ family, op: 'mul', format: fp32, mode: 'ieee', samples: 2048, seed: 4, rates: { [name]: p } });
      expect(report.perPrimitive[name]!.probability).toBe(p);
      expect(report.perPrimitive[name]!.flips).toBeGreaterThan(0);
      expectBinomial(report);
    }
  });
});

describe('reproducibility', () => {
  const request = { family: 'sot-mram-2t2mtj', op: 'mul', format: fp32, mode: 'ieee', samples: 3000, rates: { write: 1e-4, and2: 1e-4 } } as const;

  it('gives the same report and results from the same seed, and others from another seed', () => {
    expect(injectFaults({ ...request, seed: 21 })).toEqual(injectFaults({ ...request, seed: 21 }));
    expect(injectFaults({ ...request, seed: 22 })).not.toEqual(injectFaults({ ...request, seed: 21 }));
    const { a, b } = normalOperands(fp32, 3000, 1);
    const z = (seed: number): Uint32Array => executeFpWithFaults({ ...request, a, b, seed }).z;
    expect(differences(z(21), z(21))).toBe(0);
    expect(differences(z(21), z(22))).toBeGreaterThan(0);
  });
});

/** The histogram recomputed here from both result arrays, with Math.log2 instead of the engine's bit count. */
function independentHistogram(clean: Uint32Array, faulty: Uint32Array, format: FloatFormat): Record<string, number> {
  const isNaN = (bits: number): boolean => Math.floor(bits / 2 ** format.fracBits) % 2 ** format.expBits === 2 ** format.expBits - 1 && bits % 2 ** format.fracBits !== 0;
  const counts: Record<string, number> = {};
  for (let i = 0; i < clean.length; i += 1) {
    if (clean[i] === faulty[i]) continue;
    let key = 'nan';
    if (!isNaN(clean[i]!) && !isNaN(faulty[i]!)) {
      const d = Math.abs(ordinal(clean[i]!, format) - ordinal(faulty[i]!, format));
      const low = d === 0 ? 0 : 2 ** Math.floor(Math.log2(d));
      key = low <= 1 ? String(low) : `${low}-${2 * low - 1}`;
    }
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('a modest rate', () => {
  const samples = 20_000;
  const request = { family: 'sot-mram-2t2mtj', op: 'mul', format: fp32, mode: 'ieee', samples, seed: 5, rates: everyPrimitive('sot-mram-2t2mtj', 1e-5) } as const;
  const report = injectFaults(request);

  it('makes some results wrong, some of those catastrophic, and the histogram sums to the wrong ones', () => {
    // About 0.06 flips per multiply (expectedFlipsPerOp): a few percent of results are wrong.
    expect(report.wrong).toBeGreaterThan(0.005 * samples);
    expect(report.wrong).toBeLessThan(0.1 * samples);
    expect(report.catastrophic).toBeGreaterThan(0);
    expect(report.catastrophic).toBeLessThanOrEqual(report.wrong);
    expect(report.wrongFraction).toBe(report.wrong / samples);
    expect(report.catastrophicFraction).toBe(report.catastrophic / samples);
    expect(Object.values(report.ulpHistogram).reduce((s, n) => s + n, 0)).toBe(report.wrong);
    for (const key of Object.keys(report.ulpHistogram)) expect(key).toMatch(/^(0|1|nan|(\d+)-(\d+))$/);
  });

  it('buckets ulp distances as an independent recount does', () => {
    const { a, b } = normalOperands(fp32, samples, 5);
    const clean = executeFp({ ...request, a, b }).z;
    const faulty = executeFpWithFaults({ ...request, a, b }).z;
    expect(report.ulpHistogram).toEqual(independentHistogram(clean, faulty, fp32));
  });
});

describe('catastrophic errors', () => {
  // fp32 encodings: 1.0, 1.5, 2.0, the largest value below 2, -1.0, +Inf, -Inf, quiet NaNs of both signs, 0, the smallest subnormal.
  const [one, oneHalf, two, belowTwo, minusOne] = [0x3f800000, 0x3fc00000, 0x40000000, 0x3fffffff, 0xbf800000];
  const [inf, minusInf, nan, minusNan, zero, tiny] = [0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0, 1];

  it('are a wrong sign, class or binade-sized magnitude, not low fraction bits', () => {
    expect(isCatastrophic(one, oneHalf, fp32)).toBe(false);
    expect(isCatastrophic(belowTwo, two, fp32)).toBe(false);
    expect(isCatastrophic(one, two, fp32)).toBe(true);
    expect(isCatastrophic(one, minusOne, fp32)).toBe(true);
    expect(isCatastrophic(one, inf, fp32)).toBe(true);
    expect(isCatastrophic(inf, minusInf, fp32)).toBe(true);
    expect(isCatastrophic(inf, nan, fp32)).toBe(true);
    expect(isCatastrophic(nan, minusNan, fp32)).toBe(false);
    expect(isCatastrophic(zero, tiny, fp32)).toBe(true);
  });
});

describe('expected flips per operation', () => {
  it('is the step count times the probability for primitives that drive every lane', () => {
    // Golden: every sense drives all lanes (activity 1), so the value is p x the program's count of that sense (exact, up to rounding 1e-12).
    const steps = countOperation('sot-mram-2t2mtj', 'fpMul', fp32, 'ieee').steps;
    expect(expectedFlipsPerOp('sot-mram-2t2mtj', 'mul', fp32, 'ieee', { xor3: 1e-3 })).toBeCloseTo(steps.xor3! * 1e-3, 12);
    expect(expectedFlipsPerOp('sot-mram-2t2mtj', 'fpMul', fp32, 'ieee', { xor3: 1e-3 })).toBe(expectedFlipsPerOp('sot-mram-2t2mtj', 'mul', fp32, 'ieee', { xor3: 1e-3 }));
    expect(expectedFlipsPerOp('sot-mram-2t2mtj', 'mul', fp32, 'ieee', {})).toBe(0);
  });

  it('weighs masked steps by their activity, and lands near the flips injected per operation', () => {
    for (const family of ['sot-mram-2t2mtj', 'reram-magic'] as const) {
      const rates = everyPrimitive(family, 1e-3);
      const { steps, activity } = countOperation(family, 'fpMul', fp32, 'ieee');
      const expected = expectedFlipsPerOp(family, 'mul', fp32, 'ieee', rates);
      const sum = (counts: Partial<Record<PrimitiveName, number>>): number => Object.values(counts).reduce((s, n) => s + n, 0);
      expect(expected).toBeCloseTo(1e-3 * sum(activity), 12);
      expect(expected).toBeLessThan(1e-3 * sum(steps));
      const report = injectFaults({ family, op: 'mul', format: fp32, mode: 'ieee', samples: 4096, seed: 8, rates });
      const injected = Object.values(report.perPrimitive).reduce((s, c) => s + c.flips, 0) / report.samples;
      // Tolerance 10%: `activity` is the builder's estimate of the lanes a masked step drives, not a count on these operands.
      expect(Math.abs(injected / expected - 1)).toBeLessThan(0.1);
    }
  });

  it('rejects probabilities outside [0, 1] and fewer than one sample', () => {
    expect(() => expectedFlipsPerOp('reram-magic', 'add', bf16, 'ieee', { nor2: 2 })).toThrow(RangeError);
    expect(() => injectFaults({ family: 'reram-magic', op: 'add', format: bf16, mode: 'ieee', samples: 0, seed: 1, rates: {} })).toThrow(RangeError);
  });
});
