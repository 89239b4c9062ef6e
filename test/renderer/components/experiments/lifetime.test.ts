import { describe, expect, it } from 'vitest';
import type { LifetimeFigures } from '@shared/schemas/evaluation.ts';
import { LIFETIME_ASSUMPTIONS, NO_ENDURANCE, levellingText, lifetimeFigures, lifetimeTable, snapshotValue, stepsOfClass } from '@/components/experiments/lifetime.ts';
import { tableToCsv } from '@/export/table.ts';

// The lifetime card's figures and export from hand-made lifetimes whose numbers are exact:
// endurance 1e9 cycles over 120 writes per step is 8,333,333.3 steps; at 10 s a step that is
// 964.5 days, 2.641 Julian years.

const STEP_s = 10;
const worn: LifetimeFigures = {
  writesPerCellPerStep: 120,
  hottest: 'scratch',
  byClass: { scratch: 120, operands: 40, weights: 1 },
  endurance: 1e9,
  steps: 1e9 / 120,
  epochs: 1e9 / 120 / 1000,
  days: ((1e9 / 120) * STEP_s) / 86_400,
  wearLevelling: { kind: 'rotate', factor: 11.01 },
};
const noEndurance: LifetimeFigures = { ...worn, endurance: null, steps: null, epochs: null, days: null, wearLevelling: { kind: 'none', factor: 1 } };

describe('lifetime card', () => {
  it('shows days with years, steps, epochs, endurance in write cycles and the hottest rows', () => {
    const figures = Object.fromEntries(lifetimeFigures(worn).map((f) => [f.key, f]));
    expect(figures.days!.value).toBe('964.5 days');
    expect(figures.days!.detail).toBe('2.641 years of continuous training');
    expect(figures.steps!.value).toBe('8.333 M steps');
    expect(figures.epochs!.value).toBe('8.333 k epochs');
    expect(figures.endurance!.value).toBe('1 G write cycles');
    expect(figures.writes!.value).toBe('120 writes');
    expect(figures.writes!.detail).toBe('on the hottest cell, in the scratch rows');
  });

  it('says why a figure is missing instead of showing a number', () => {
    const figures = Object.fromEntries(lifetimeFigures(noEndurance).map((f) => [f.key, f]));
    expect(figures.days!.value).toBe(NO_ENDURANCE);
    expect(figures.days!.detail).toBe('the cell gives no endurance');
    expect(figures.epochs!.detail).toBe('the cell gives no endurance');
    const unknownDataset = Object.fromEntries(lifetimeFigures({ ...worn, epochs: null }).map((f) => [f.key, f]));
    expect(unknownDataset.epochs!.detail).toBe('the dataset size is not known');
    expect(stepsOfClass(noEndurance, 40)).toBeNull();
    expect(stepsOfClass(worn, 40)).toBe(2.5e7);
    expect(stepsOfClass(worn, 0)).toBeNull();
  });

  it('gives a span shorter than a day in hours', () => {
    const short = lifetimeFigures({ ...worn, days: 0.25 })[0]!;
    expect(short.value).toBe('0.25 days');
    expect(short.detail).toBe('≈ 6 h of continuous training');
  });

  it('names the wear levelling and its factor', () => {
    expect(levellingText(worn.wearLevelling)).toBe("rotate: the rows the microprograms use move across the lane's cells, 11.01× fewer writes on the hottest scratch and operand cells");
    expect(levellingText({ kind: 'none', factor: 1 })).toMatch(/^none: /);
    expect(levellingText({ kind: 'spread', factor: 4 })).toMatch(/^spread: .*4× fewer/);
  });

  it('exports every figure with its unit, the assumptions in the caption', () => {
    const table = lifetimeTable(worn, 'FloatPIM / LeNet-5');
    expect(table.title).toBe('Lifetime, FloatPIM / LeNet-5');
    expect(table.rows[0]).toEqual(['Lifetime', worn.days, 'days']);
    expect(table.rows[1]![1]).toBeCloseTo(964.506 / 365.25, 5);
    expect(table.rows.find((r) => r[2] === 'write cycles')).toEqual(['Cell endurance', 1e9, 'write cycles']);
    expect(table.rows.at(-1)).toEqual(['Wear levelling factor (rotate)', 11.01, '×']);
    for (const a of LIFETIME_ASSUMPTIONS) expect(table.caption).toContain(a);
    expect(LIFETIME_ASSUMPTIONS.every((a) => a.startsWith('assumption: '))).toBe(true);
    const csv = tableToCsv(lifetimeTable(noEndurance, 'x')).split('\r\n');
    expect(csv[1]).toBe(`Lifetime,${NO_ENDURANCE},days`);
  });

  it('finds a value and its source in the run snapshot', () => {
    const snapshot = {
      design: { values: [{ key: 'wear.levelling', value: 'rotate', unit: '', source: 'Imani et al., FloatPIM, ISCA 2019' }] },
      cell: { values: [{ key: 'endurance', value: 1e9, unit: '1', source: 'assumption: a ReRAM figure' }] },
    };
    expect(snapshotValue(snapshot, 'design', (k) => k === 'wear.levelling')).toEqual({ key: 'wear.levelling', value: 'rotate', source: 'Imani et al., FloatPIM, ISCA 2019' });
    expect(snapshotValue(snapshot, 'cell', (k) => /endurance/.test(k))?.source).toBe('assumption: a ReRAM figure');
    expect(snapshotValue(snapshot, 'cell', (k) => k === 'missing')).toBeNull();
    expect(snapshotValue(null, 'cell', () => true)).toBeNull();
  });
});
