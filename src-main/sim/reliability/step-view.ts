import type { ReliabilityFigures } from '../../shared/schemas/evaluation.ts';
import type { PreparedDesign } from '../arch/prepare.ts';
import { formatByName, type ArithMode } from '../arith/formats.ts';
import type { PrimitiveName } from '../isa/primitives.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { PHASES, type Phase } from '../workload/training.ts';
import { primitiveErrors } from './error-probability.ts';
import { expectedFlipsPerOp, injectFaults } from './fault-run.ts';
import { programRates } from './faults-task.ts';

// Device variation carried to one training step: how many multiply-accumulates and weight updates
// of a step come out wrong. Per operation, the expected flipped bits are exact (each step's error
// probability times the lanes it drives); which share of flips corrupts the result is measured by
// fault injection. Real probabilities are often far too small to see in any affordable number of
// samples, so the injection runs at the same per-primitive rates scaled up until about one
// operation in FLIPS_TARGET^-1 takes a flip, and the wrong fraction is scaled back down: valid
// while flips are rare enough that two seldom meet in one operation (the linear regime).

const FLIPS_TARGET = 0.02;
const SAMPLES = 16_384;
const SEED = 1;

interface OpRate {
  readonly flipsPerOp: number;
  readonly wrong: number;
  readonly catastrophic: number;
}

const rateCache = new Map<string, OpRate>();

function opRate(prepared: PreparedDesign, op: 'add' | 'mul', formatName: string, mode: ArithMode): OpRate {
  const key = `${JSON.stringify(prepared.cell)}/${op}/${formatName}/${mode}`;
  const cached = rateCache.get(key);
  if (cached) return cached;
  const format = formatByName(formatName);
  const rates = programRates(prepared.cell, op, format, mode);
  const flipsPerOp = expectedFlipsPerOp(prepared.family, op === 'add' ? 'fpAdd' : 'fpMul', format, mode, rates);
  let found: OpRate = { flipsPerOp, wrong: 0, catastrophic: 0 };
  if (flipsPerOp > 0) {
    const scale = Math.max(1, FLIPS_TARGET / flipsPerOp);
    const scaled = Object.fromEntries(Object.entries(rates).map(([name, p]) => [name, Math.min(1, p * scale)])) as Partial<Record<PrimitiveName, number>>;
    const report = injectFaults({ family: prepared.family, op, format, mode, samples: SAMPLES, seed: SEED, rates: scaled });
    found = { flipsPerOp, wrong: report.wrong / report.samples / scale, catastrophic: report.catastrophic / report.samples / scale };
  }
  if (rateCache.size > 200) rateCache.clear();
  rateCache.set(key, found);
  return found;
}

function phaseFormat(prepared: PreparedDesign, phase: Phase): string {
  const d = prepared.design;
  return phase === 'forward' ? d.formatForward : phase === 'weightUpdate' ? d.formatUpdate : d.formatBackward;
}

/** Either of two independent events. */
const either = (a: number, b: number): number => a + b - a * b;

export function stepReliability(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number): ReliabilityFigures {
  const mode = prepared.design.arithMode;
  const formats = [...new Set(PHASES.map((phase) => phaseFormat(prepared, phase)))];
  const perOp = formats.flatMap((format) => (['mul', 'add'] as const).map((op) => ({ format, op: op === 'mul' ? ('fpMul' as const) : ('fpAdd' as const), ...opRate(prepared, op, format, mode) })));
  const rateOf = (format: string, op: 'fpMul' | 'fpAdd'): OpRate => perOp.find((r) => r.format === format && r.op === op)!;
  let corruptedMacs = 0;
  let catastrophicMacs = 0;
  for (const phase of PHASES) {
    const format = phaseFormat(prepared, phase);
    const [mul, add] = [rateOf(format, 'fpMul'), rateOf(format, 'fpAdd')];
    const macs = analysis.work.reduce((sum, layer) => sum + layer.phases[phase].perImage.macs * batch + layer.phases[phase].perBatch.macs, 0);
    corruptedMacs += macs * either(mul.wrong, add.wrong);
    catastrophicMacs += macs * either(mul.catastrophic, add.catastrophic);
  }
  const update = [rateOf(prepared.design.formatUpdate, 'fpMul'), rateOf(prepared.design.formatUpdate, 'fpAdd')] as const;
  const errors = primitiveErrors(prepared.cell);
  return {
    perOp,
    corruptedMacs,
    catastrophicMacs,
    corruptedWeightUpdates: analysis.params * either(update[0].wrong, update[1].wrong),
    catastrophicWeightUpdates: analysis.params * either(update[0].catastrophic, update[1].catastrophic),
    primitives: Object.fromEntries(Object.entries(errors).map(([name, e]) => [name, { probability: e.probability, basis: e.basis }])),
    assumptions: [
      'each step of a microprogram flips its output bit in a lane with the probability computed from the cell\'s device variation, independently of every other step and lane',
      `the share of flips that corrupt a result is measured by injecting flips into ${SAMPLES.toLocaleString('en-US')} random normal operand pairs per operation, at the same rates scaled up to about ${FLIPS_TARGET} flips per operation and scaled back (valid while flips are rare)`,
      'a MAC is wrong when its multiply or its add is; a weight update (plain SGD) is one multiply and one add in the update format',
      'catastrophic: the sign, the NaN/Inf class or the magnitude (by a factor of 2 or more) is wrong',
    ],
  };
}
