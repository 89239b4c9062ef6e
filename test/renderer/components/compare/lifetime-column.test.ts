import { describe, expect, it } from 'vitest';
import { normalize, normalizedTable, type CompareEntry } from '@/charts/normalized.ts';
import { NO_ENDURANCE_TEXT, lifetimeOf, withLifetime, type LifetimeState } from '@/components/compare/lifetime-column.ts';

// Lifetime on Compare's ratio table: days and days ÷ the baseline's, in either ratio mode (a
// longer lifetime is better), and words where a run has no lifetime.

const entry = (id: string, energy_J: number): CompareEntry => ({ id, name: id, figures: { energy_J, latency_s: 1, area_m2: 1e-4 } });
const entries = [entry('base', 2), entry('b', 1), entry('c', 4)];

describe('lifetime on Compare', () => {
  it('reads a kept result: days, a cell without endurance, or a run from before lifetimes', () => {
    expect(lifetimeOf({ lifetime: { days: 12.5, endurance: 1e9 } })).toEqual({ kind: 'days', days: 12.5 });
    expect(lifetimeOf({ lifetime: { days: null, endurance: null } })).toEqual({ kind: 'no-endurance' });
    expect(lifetimeOf({ energy_J: 1 })).toEqual({ kind: 'absent' });
    expect(lifetimeOf(null)).toEqual({ kind: 'absent' });
  });

  for (const mode of ['normalised', 'improvement'] as const) {
    it(`adds days and value ÷ baseline after the other figures (${mode})`, () => {
      const rows = normalize(entries, 'base', mode);
      const lifetimes = new Map<string, LifetimeState>([
        ['base', { kind: 'days', days: 100 }],
        ['b', { kind: 'days', days: 250 }],
        ['c', { kind: 'no-endurance' }],
      ]);
      const table = withLifetime(normalizedTable(rows, mode), rows, lifetimes);
      expect(table.columns.slice(-2).map((c) => [c.group, c.label, c.unit])).toEqual([
        ['Lifetime (higher is better)', 'value', 'days'],
        ['Lifetime (higher is better)', '÷ baseline', '×'],
      ]);
      expect(table.rows.map((r) => r.slice(-2))).toEqual([
        [100, 1],
        [250, 2.5],
        [NO_ENDURANCE_TEXT, null],
      ]);
      expect(table.caption).toMatch(/higher is better, so its ratio is value ÷ baseline in either mode\.$/);
    });
  }

  it('leaves the cells empty while a lifetime loads and names a run without one', () => {
    const rows = normalize(entries, 'base', 'normalised');
    const lifetimes = new Map<string, LifetimeState>([
      ['base', { kind: 'absent' }],
      ['b', { kind: 'loading' }],
      ['c', { kind: 'days', days: 3 }],
    ]);
    const table = withLifetime(normalizedTable(rows, 'normalised'), rows, lifetimes);
    expect(table.rows.map((r) => r.slice(-2))).toEqual([
      ['not in this run', null],
      [null, null],
      [3, null],
    ]);
  });
});
