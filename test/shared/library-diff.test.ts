import { describe, expect, it } from 'vitest';
import { diffValues } from '../../src-main/shared/library-diff.ts';

const v = (key: string, value: number | string, unit: string, source = 'paper A') => ({ key, value, unit, source });

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
    expect(diff.counts).toEqual({ same: 1, restated: 1, changed: 2, 'source-changed': 1, added: 1, removed: 1 });
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
});
