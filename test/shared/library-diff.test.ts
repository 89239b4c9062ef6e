import { describe, expect, it } from 'vitest';
import { diffValues } from '../../src-main/shared/library-diff.ts';
import type { ParamValue, ValueRange } from '../../src-main/shared/schemas/library.ts';

const v = (key: string, value: number | string, unit: string, source = 'paper A', range?: ValueRange): ParamValue => ({ key, value, unit, source, ...(range ? { range } : {}) });
const r = (low: number, high: number, distribution: ValueRange['distribution'] = 'uniform', source = 'paper R', sigma?: number): ValueRange => ({
  low,
  high,
  distribution,
  source,
  ...(sigma === undefined ? {} : { sigma }),
});

describe('diffValues', () => {
  it('classifies every kind of difference', () => {
    const left = [v('R_P', 10, 'kOhm'), v('R_AP', 20, 'kOhm'), v('pulse', 1, 'ns'), v('old', 1, '1'), v('name', 'a', ''), v('area', 140, 'F^2')];
    const right = [v('R_P', 10000, 'Ohm'), v('R_AP', 20.4, 'kOhm'), v('pulse', 1, 'ns', 'paper B'), v('name', 'b', ''), v('area', 140, 'F^2'), v('new', 2, 'V')];
    const diff = diffValues(left, right);
    expect(diff.rows.map((r) => [r.key, r.kind])).toEqual([
      ['R_P', 'restated'],
      ['R_AP', 'changed'],
      ['pulse', 'source-changed'],
      ['old', 'removed'],
      ['name', 'changed'],
      ['area', 'same'],
      ['new', 'added'],
    ]);
    expect(diff.counts).toEqual({ same: 1, restated: 1, changed: 2, 'range-changed': 0, 'source-changed': 1, added: 1, removed: 1 });
  });

  it('treats a unit of another quantity as a change even when the number matches', () => {
    expect(diffValues([v('x', 1, 'ns')], [v('x', 1, 'nJ')]).rows[0]!.kind).toBe('changed');
  });

  it('tolerates rounding from unit conversion but not real differences', () => {
    expect(diffValues([v('c', 0.1, 'fF')], [v('c', 100, 'aF')]).rows[0]!.kind).toBe('restated');
    expect(diffValues([v('c', 0.1, 'fF')], [v('c', 100.001, 'aF')]).rows[0]!.kind).toBe('changed');
  });

  it('keeps removed keys at the end when nothing follows them', () => {
    expect(diffValues([v('a', 1, 'V'), v('b', 2, 'V')], [v('a', 1, 'V')]).rows.map((r) => r.kind)).toEqual(['same', 'removed']);
  });

  it('shows a range added, removed or moved as a range change, in SI and with its value', () => {
    const kinds = (left: ParamValue, right: ParamValue) => {
      const row = diffValues([left], [right]).rows[0]!;
      return [row.kind, row.rangeChanged];
    };
    expect(kinds(v('R', 3, 'kOhm'), v('R', 3, 'kOhm', 'paper A', r(2, 4)))).toEqual(['range-changed', true]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3, 'kOhm'))).toEqual(['range-changed', true]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3, 'kOhm', 'paper A', r(2, 5)))).toEqual(['range-changed', true]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3, 'kOhm', 'paper A', r(2, 4, 'log-uniform')))).toEqual(['range-changed', true]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4, 'normal', 'p', 0.5)), v('R', 3, 'kOhm', 'paper A', r(2, 4, 'normal', 'p', 0.6)))).toEqual(['range-changed', true]);
    // Re-expressed with its value (a normal spread converts too; a lognormal one is of the logarithm).
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4, 'normal', 'p', 0.5)), v('R', 3000, 'Ohm', 'paper A', r(2000, 4000, 'normal', 'p', 500)))).toEqual(['restated', false]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4, 'lognormal', 'p', 0.2)), v('R', 3000, 'Ohm', 'paper A', r(2000, 4000, 'lognormal', 'p', 0.2)))).toEqual(['restated', false]);
    // A changed value stays "changed"; the row still says its range moved.
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3.5, 'kOhm', 'paper A', r(2, 5)))).toEqual(['changed', true]);
    // Only the range's source changed.
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3, 'kOhm', 'paper A', r(2, 4, 'uniform', 'paper S')))).toEqual(['source-changed', false]);
    expect(kinds(v('R', 3, 'kOhm', 'paper A', r(2, 4)), v('R', 3, 'kOhm', 'paper A', r(2, 4)))).toEqual(['same', false]);
    expect(diffValues([v('R', 3, 'kOhm')], [v('R', 3, 'kOhm', 'paper A', r(2, 4))]).counts['range-changed']).toBe(1);
  });
});
