import type { FaultsOutput } from '../../shared/schemas/arith.ts';
import type { ArithMode, FloatFormat } from '../arith/formats.ts';
import { microprogram } from '../arith/programs.ts';
import { countSteps } from '../arith/program.ts';
import type { CellParams } from '../cells/params.ts';
import type { PrimitiveName } from '../isa/primitives.ts';
import { primitiveErrors } from './error-probability.ts';
import { injectFaults } from './fault-run.ts';

// `pimwb faults` as a worker task: the flip probability of each primitive the microprogram uses
// comes from the cell's variation (or one rate the user sets for every step), then the program runs
// on random operands with and without faults.

export const FAULTS_TASK = 'reliability.faults';

export interface FaultsTaskInput {
  readonly cell: CellParams;
  readonly format: FloatFormat;
  readonly op: 'add' | 'mul';
  readonly mode: ArithMode;
  readonly samples: number;
  readonly seed: number;
  readonly rate?: number;
}

/** Flip probability of each primitive the program uses: the user's rate, or the cell's variation. */
export function programRates(cell: CellParams, op: 'add' | 'mul', format: FloatFormat, mode: ArithMode, rate?: number): Partial<Record<PrimitiveName, number>> {
  const used = Object.keys(countSteps(microprogram(cell.family, op === 'add' ? 'fpAdd' : 'fpMul', format, mode))) as PrimitiveName[];
  const errors = rate === undefined ? primitiveErrors(cell) : {};
  return Object.fromEntries(used.map((name) => [name, rate ?? errors[name]?.probability ?? 0]));
}

export function faultsTask(raw: unknown): FaultsOutput {
  const input = raw as FaultsTaskInput;
  const rates = programRates(input.cell, input.op, input.format, input.mode, input.rate);
  const report = injectFaults({ family: input.cell.family, op: input.op, format: input.format, mode: input.mode, samples: input.samples, seed: input.seed, rates });
  const perPrimitive = Object.fromEntries(Object.entries(report.perPrimitive).map(([name, p]) => [name, { probability: p.probability, flips: p.flips }]));
  return { samples: report.samples, wrong: report.wrong, wrongFraction: report.wrongFraction, catastrophic: report.catastrophic, ulpHistogram: report.ulpHistogram, perPrimitive };
}
