import { describe, expect, it } from 'vitest';
import type { ReliabilityFigures } from '@shared/schemas/evaluation.ts';
import { perOpTable, perStepTable, primitiveTable } from '@/components/experiments/reliability.ts';
import { tableToCsv, tableToLatex } from '@/export/table.ts';

// The reliability card's three tables: the page shows engineering and scientific notation, the
// export keeps the numbers whole; a probability of exactly 0 stays 0, with its basis.

const figures: ReliabilityFigures = {
  perOp: [
    { format: 'bf16', op: 'fpMul', flipsPerOp: 2.4e-6, wrong: 1.9e-6, catastrophic: 3.2e-9 },
    { format: 'bf16', op: 'fpAdd', flipsPerOp: 0.0125, wrong: 0.011, catastrophic: 0 },
  ],
  corruptedMacs: 1234.5,
  catastrophicMacs: 2.5e-4,
  corruptedWeightUpdates: 0,
  catastrophicWeightUpdates: 0,
  primitives: {
    write: { probability: 0, basis: 'no variation given for writes' },
    nor: { probability: 1.5e-7, basis: 'Gaussian R_on spread' },
    read: { probability: 2e-12, basis: 'sense margin over sigma' },
  },
  assumptions: ['flips are independent', 'assumption: plain SGD'],
};

describe('reliability card', () => {
  it('shows expected wrong MACs and weight updates per step', () => {
    const t = perStepTable(figures, 'run');
    expect(t.shown).toEqual([
      ['MACs', '1.23 k', '2.5e-4'],
      ['Weight updates', '0', '0'],
    ]);
    expect(t.table.rows[0]).toEqual(['MACs', 1234.5, 2.5e-4]);
    expect(t.table.caption).toContain('flips are independent; assumption: plain SGD');
  });

  it('lists each format and operation with flips, P(wrong) and P(catastrophic)', () => {
    const t = perOpTable(figures, 'run');
    expect(t.shown).toEqual([
      ['bf16', 'multiply', '2.4e-6', '1.9e-6', '3.2e-9'],
      ['bf16', 'add', '0.0125', '0.011', '0'],
    ]);
    expect(t.table.columns.map((c) => c.label)).toEqual(['Format', 'Operation', 'Expected flips', 'P(wrong)', 'P(catastrophic)']);
    expect(tableToCsv(t.table).split('\r\n')[1]).toBe('bf16,multiply,0.0000024,0.0000019,3.2e-9');
    expect(tableToLatex(t.table)).toContain('$3.2\\times10^{-9}$');
  });

  it('orders primitives by probability, a zero last and shown as 0 with its basis', () => {
    const t = primitiveTable(figures, 'run');
    expect(t.shown).toEqual([
      ['nor', '1.5e-7', 'Gaussian R_on spread'],
      ['read', '2e-12', 'sense margin over sigma'],
      ['write', '0', 'no variation given for writes'],
    ]);
    expect(t.table.rows.at(-1)).toEqual(['write', 0, 'no variation given for writes']);
  });
});
