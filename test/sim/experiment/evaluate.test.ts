import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src-main/sim/experiment/evaluate.ts';
import { ZOO } from '../../../src-main/sim/workload/zoo/index.ts';
import { DESIGN_IDS, analysis, prepared } from '../design-fixtures.ts';
import type { Evaluation } from '../../../src-main/shared/schemas/evaluation.ts';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function breakdownSums(e: Evaluation): string[] {
  const wrong: string[] = [];
  const b = e.breakdown;
  const check = (name: string, value: number, total: number) => {
    if (!close(value, total)) wrong.push(`${name}: ${value} vs ${total}`);
  };
  check('byPhase energy', sum(Object.values(b.byPhase).map((f) => f.energy_J)), e.energy_J);
  check('byPhase latency', sum(Object.values(b.byPhase).map((f) => f.latency_s)), e.latency_s);
  check('byLayer energy', sum(b.byLayer.map((f) => f.energy_J)), e.energy_J);
  check('byLayer latency', sum(b.byLayer.map((f) => f.latency_s)), e.latency_s);
  check('byComponent energy', sum(Object.values(b.byComponent).map((f) => f.energy_J)), e.energy_J);
  check('byComponent area', sum(Object.values(b.byComponent).map((f) => f.area_m2)), e.area_m2);
  check('byOp energy', sum(Object.values(b.byOp).map((f) => f.energy_J)), e.energy_J);
  check('byOp latency', sum(Object.values(b.byOp).map((f) => f.latency_s)), e.latency_s);
  return wrong;
}

describe('evaluate: one training step of a network on a design', () => {
  it('answers for every built-in design x network, with every breakdown summing to its total', () => {
    for (const design of DESIGN_IDS) {
      const p = prepared(design);
      for (const { id } of ZOO) {
        const e = evaluate(p, analysis(id), { batch: 16 });
        expect(e.energy_J, `${design} ${id}`).toBeGreaterThan(0);
        expect(e.latency_s, `${design} ${id}`).toBeGreaterThan(0);
        expect(breakdownSums(e), `${design} ${id}`).toEqual([]);
        expect(e.breakdown.byLayer).toHaveLength(analysis(id).work.length);
      }
    }
  });

  it('is deterministic: the same inputs give the same numbers', () => {
    const a = evaluate(prepared('sot-mram-pim'), analysis('resnet18'), { batch: 32 });
    const b = evaluate(prepared('sot-mram-pim'), analysis('resnet18'), { batch: 32 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('spends most energy in multiply-accumulates, and about as much in each of the three MAC phases', () => {
    // Of the energy the operations spend (leakage apart: HP periphery leaks mW per subarray, as in NVSim).
    const e = evaluate(prepared('floatpim'), analysis('vgg16'), { batch: 64, epoch: false });
    const macs = e.breakdown.byOp.fpMul.energy_J + e.breakdown.byOp.fpAdd.energy_J;
    expect(macs / (e.energy_J - e.breakdown.byOp.static.energy_J)).toBeGreaterThan(0.9);
    const { forward, weightGradient } = e.breakdown.byPhase;
    expect(weightGradient.energy_J / forward.energy_J).toBeGreaterThan(0.9);
    expect(weightGradient.energy_J / forward.energy_J).toBeLessThan(1.1);
  });

  it('doubles the work of a step with the batch, and counts an epoch as its steps (the last one smaller)', () => {
    const p = prepared('sot-mram-pim');
    const e32 = evaluate(p, analysis('resnet18'), { batch: 32 });
    const e64 = evaluate(p, analysis('resnet18'), { batch: 64 });
    expect(e64.work.macs / e32.work.macs).toBeCloseTo(2, 2);
    expect(e64.energy_J / e32.energy_J).toBeGreaterThan(1.9);
    expect(e64.energy_J / e32.energy_J).toBeLessThan(2.05);
    // ImageNet: 1,281,167 images = 20,018 batches of 64 and one of 15.
    expect(e64.perEpoch).toMatchObject({ steps: 20_019, images: 1_281_167 });
    expect(e64.perEpoch!.energy_J).toBeGreaterThan(20_018 * e64.energy_J);
    expect(e64.perEpoch!.energy_J).toBeLessThan(20_019 * e64.energy_J);
  });

  it('runs faster when more blocks may compute at once, for the same energy of operations', () => {
    const capped = evaluate(prepared('floatpim'), analysis('alexnet'), { batch: 64, epoch: false });
    const all = evaluate(prepared('floatpim', { powerBudget_W: 0 }), analysis('alexnet'), { batch: 64, epoch: false });
    expect(all.latency_s).toBeLessThan(capped.latency_s / 5);
    expect(all.breakdown.byOp.fpMul.energy_J / capped.breakdown.byOp.fpMul.energy_J).toBeCloseTo(1, 2);
  });
});
