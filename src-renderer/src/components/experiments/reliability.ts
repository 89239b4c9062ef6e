import type { ReliabilityFigures } from '@shared/schemas/evaluation.ts';
import type { ExportTable, TableCell } from '@/export/table.ts';
import { engineering, probability } from './figure-text.ts';

// Errors from device variation as the result page shows them: three tables (per training step, per
// operation, per primitive), each with the texts shown on screen beside the numbers it exports, so
// the page shows tiny probabilities as "3.2e-9" while CSV keeps them at full precision.

/** A table to export and, cell for cell, the text the page shows for it. */
export interface ShownTable {
  readonly table: ExportTable;
  readonly shown: readonly (readonly string[])[];
}

export const OP_TEXT: Readonly<Record<ReliabilityFigures['perOp'][number]['op'], string>> = {
  fpMul: 'multiply',
  fpAdd: 'add',
};

function caption(lead: string, r: ReliabilityFigures): string {
  return r.assumptions.length ? `${lead} Assumptions: ${r.assumptions.join('; ')}.` : lead;
}

/** Expected wrong and catastrophically wrong MACs and weight updates in one training step. */
export function perStepTable(r: ReliabilityFigures, experimentName: string): ShownTable {
  const rows: TableCell[][] = [
    ['MACs', r.corruptedMacs, r.catastrophicMacs],
    ['Weight updates', r.corruptedWeightUpdates, r.catastrophicWeightUpdates],
  ];
  return {
    table: {
      title: `Expected wrong results per step, ${experimentName}`,
      caption: caption(`Expected number of results per training step of ${experimentName} that device variation makes wrong, and catastrophically wrong (sign, NaN/Inf class or magnitude).`, r),
      columns: [{ label: 'Results' }, { label: 'wrong', unit: 'per step', digits: 3 }, { label: 'catastrophic', unit: 'per step', digits: 3 }],
      rows,
    },
    shown: rows.map(([what, wrong, worst]) => [String(what), engineering(wrong as number, 3), engineering(worst as number, 3)]),
  };
}

/** Per format and operation: expected flipped bits, and the probabilities of a wrong and a catastrophic result. */
export function perOpTable(r: ReliabilityFigures, experimentName: string): ShownTable {
  const rows: TableCell[][] = r.perOp.map((o) => [o.format, OP_TEXT[o.op], o.flipsPerOp, o.wrong, o.catastrophic]);
  return {
    table: {
      title: `Errors per operation, ${experimentName}`,
      caption: caption(`Per operation of ${experimentName}: expected bit flips per operation in one lane, and the probability that its result is wrong or catastrophically wrong.`, r),
      columns: [{ label: 'Format' }, { label: 'Operation' }, { label: 'Expected flips', unit: 'per op', digits: 3 }, { label: 'P(wrong)', digits: 3 }, { label: 'P(catastrophic)', digits: 3 }],
      rows,
    },
    shown: r.perOp.map((o) => [o.format, OP_TEXT[o.op], engineering(o.flipsPerOp, 3), probability(o.wrong), probability(o.catastrophic)]),
  };
}

/** Per primitive of the cell, the likeliest to fail first: the probability that one step's output bit is wrong, and its basis. */
export function primitiveTable(r: Pick<ReliabilityFigures, 'primitives'>, experimentName: string): ShownTable {
  const entries = Object.entries(r.primitives).sort(([a, x], [b, y]) => y.probability - x.probability || a.localeCompare(b));
  return {
    table: {
      title: `Error probability per primitive, ${experimentName}`,
      caption: `Probability that one step of each primitive gives a wrong output bit, from the cell's device variation, with how it was obtained; run ${experimentName}.`,
      columns: [{ label: 'Primitive' }, { label: 'P(output bit wrong)', digits: 3 }, { label: 'Basis' }],
      rows: entries.map(([name, p]) => [name, p.probability, p.basis]),
    },
    shown: entries.map(([name, p]) => [name, probability(p.probability), p.basis]),
  };
}
