import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/sim/experiment/evaluate.ts';
import { prepareDesign } from '../../../src-main/sim/arch/prepare.ts';
import { programWear } from '../../../src-main/sim/reliability/row-writes.ts';
import { microprogram } from '../../../src-main/sim/arith/programs.ts';
import { FORMATS } from '../../../src-main/sim/arith/formats.ts';
import { analysis, cellOf, designParams, prepared } from '../design-fixtures.ts';

// Lifetime from counted writes. Golden: FloatPIM (Imani et al., ISCA 2019) rotates its 93 of 1024
// processing columns over the block "for about 11x lifetime". Our bf16 microprograms need 101
// columns (the add; the multiply 79), so rotation spreads the hottest writes over 1024 / 101 of the
// block: 10.1x, within 10% of the published figure.

const resnet = analysis('resnet18');

function lifetimeOf(id: string, change: Parameters<typeof prepared>[1] = {}, endurance?: number) {
  const params = { ...designParams(id), ...change };
  const cell = { ...cellOf(params), ...(endurance === undefined ? {} : { endurance_cycles: endurance }) };
  return evaluate(prepareDesign(params, cell), resnet, { batch: 64 }).lifetime!;
}

describe('lifetime from counted writes', () => {
  it('FloatPIM with rotation lives about 11x longer than without (published: about 11x)', () => {
    const rotated = lifetimeOf('floatpim', { wearLevelling: 'rotate' });
    const fixed = lifetimeOf('floatpim', { wearLevelling: 'none' });
    const ratio = rotated.days! / fixed.days!;
    expect(ratio).toBeGreaterThan(11 * 0.9);
    expect(ratio).toBeLessThan(11 * 1.1);
    expect(rotated.wearLevelling).toEqual({ kind: 'rotate', factor: 1024 / 101 });
    expect(fixed.hottest).toBe('scratch');
  });

  it('scales linearly with endurance', () => {
    const base = lifetimeOf('sot-mram-pim', {}, 1e12);
    const more = lifetimeOf('sot-mram-pim', {}, 3e12);
    expect(more.days! / base.days!).toBeCloseTo(3, 10);
    expect(more.steps! / base.steps!).toBeCloseTo(3, 10);
    expect(more.writesPerCellPerStep).toBe(base.writesPerCellPerStep);
  });

  it('counts the hottest scratch row of each microprogram per MAC', () => {
    const fixed = lifetimeOf('floatpim', { wearLevelling: 'none' });
    const bf16 = FORMATS.bf16!;
    const perMac = programWear(microprogram('reram-magic', 'fpMul', bf16, 'ftz-trunc')).hottestRowWrites + programWear(microprogram('reram-magic', 'fpAdd', bf16, 'ftz-trunc')).hottestRowWrites;
    // At least one MAC per lane per step: the hottest scratch cell takes at least one MAC's writes.
    expect(fixed.byClass.scratch).toBeGreaterThanOrEqual(perMac);
    expect(fixed.byClass.scratch % 1).toBe(0);
    expect(fixed.byClass.weights).toBe(1);
  });

  it('gives days from steps and the step latency, and epochs from the dataset', () => {
    const p = prepared('sot-mram-pim');
    const e = evaluate(p, resnet, { batch: 64 });
    const life = e.lifetime!;
    expect(life.endurance).toBe(p.cell.endurance_cycles);
    expect(life.days).toBeCloseTo((life.steps! * e.latency_s) / 86_400, 6);
    expect(life.epochs).toBeCloseTo(life.steps! / e.perEpoch!.steps, 6);
  });

  it('a set spread divides the writes on the hottest cell', () => {
    const none = lifetimeOf('sot-mram-pim', { wearLevelling: 'none' });
    const spread = lifetimeOf('sot-mram-pim', { wearLevelling: 'spread', wearSpread: 4 });
    expect(spread.byClass.scratch).toBeCloseTo(none.byClass.scratch / 4, 10);
  });
});
