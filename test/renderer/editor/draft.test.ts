import { describe, expect, it } from 'vitest';
import { checkDraft, convertDraftRange, editRange, editValue, newRow, placeIssues, sameDraft, toDraft } from '@/editor/draft.ts';

describe('library value drafts', () => {
  const values = [
    { key: 'R_P', value: 10, unit: 'kOhm', source: 'NeuroSim' },
    { key: 'label', value: 'SOT', unit: '', source: 'assumption: display name' },
    { key: 'complementary', value: true, unit: '', source: 'Wang et al., ISCAS 2020' },
  ];

  it('round-trips saved values through the draft', () => {
    expect(checkDraft(toDraft(values))).toEqual({ values, problems: new Map() });
  });

  it('reports problems at the same paths the services use', () => {
    const rows = [
      newRow({ key: 'a', value: '1e-9', unit: 's', source: 'x' }),
      newRow({ key: 'b', value: '12abc', unit: 'V', source: 'x' }),
      newRow({ key: 'c', value: '3', unit: 'parsec', source: 'x' }),
      newRow({ key: 'a', value: '1', unit: 'V', source: '' }),
    ];
    const { problems } = checkDraft(rows);
    expect([...problems.keys()].sort()).toEqual(['values[1].value', 'values[2].unit', 'values[3].key', 'values[3].source']);
    expect(problems.get('values[1].value')).toBe('"12abc" is not a number');
  });

  it('compares drafts by content, not identity', () => {
    expect(sameDraft(toDraft(values), toDraft(values))).toBe(true);
    const changed = toDraft(values).map((r, i) => (i === 0 ? { ...r, value: '11' } : r));
    expect(sameDraft(toDraft(values), changed)).toBe(false);
  });
});

describe('the source of an edited value', () => {
  const [row] = toDraft([{ key: 'R_P', value: 10, unit: 'kOhm', source: 'NeuroSim' }]);

  it('becomes "edited by the user on <day>" when the number changes and the source was left alone', () => {
    expect(editValue(row!, { value: '12' }, '2026-01-02').source).toBe('edited by the user on 2026-01-02');
    expect(editValue(row!, { value: '1' }, '2026-01-02').source).toBe('edited by the user on 2026-01-02');
  });

  it('cites the old source again when the value is edited back, or only re-expressed in another prefix', () => {
    const edited = editValue(row!, { value: '12' }, '2026-01-02');
    expect(editValue(edited, { value: '10' }, '2026-01-02').source).toBe('NeuroSim');
    expect(editValue(row!, { value: '10000', unit: 'Ohm' }, '2026-01-02').source).toBe('NeuroSim');
  });

  it('keeps a source the user typed, and leaves new rows alone', () => {
    const typed = { ...row!, source: 'our measurement' };
    expect(editValue(typed, { value: '12' }, '2026-01-02').source).toBe('our measurement');
    expect(editValue(newRow({ key: 'x', source: 'a' }), { value: '3' }, '2026-01-02').source).toBe('a');
  });
});

describe('placing what the simulator said', () => {
  it('puts errors and warnings on the rows they name, and keeps the rest apart', () => {
    const rows = [newRow({ key: 'cellArea' }), newRow({ key: 'accessWidth' })];
    const { byRow, unplaced } = placeIssues(
      rows,
      [{ path: 'cellArea', message: 'must be at most 10000 F^2' }, { path: 'setPulse', message: 'is missing' }],
      [{ path: 'accessWidth', message: 'is wider than the cell' }],
    );
    expect(byRow.get(rows[0]!.uid)).toEqual({ errors: ['must be at most 10000 F^2'], warnings: [] });
    expect(byRow.get(rows[1]!.uid)).toEqual({ errors: [], warnings: ['is wider than the cell'] });
    expect(unplaced).toEqual({ errors: [{ path: 'setPulse', message: 'is missing' }], warnings: [] });
  });
});

describe('a range in the editor', () => {
  const saved = { key: 'R_P', value: 10, unit: 'kOhm', source: 'NeuroSim', range: { low: 3.91, high: 10, distribution: 'uniform' as const, source: 'NeuroSim presets' } };

  it('round-trips through the draft, and counts in whether two drafts are the same', () => {
    expect(checkDraft(toDraft([saved]))).toEqual({ values: [saved], problems: new Map() });
    const [row] = toDraft([saved]);
    expect(sameDraft([row!], [editRange(row!, { high: '11' }, '2026-01-02')])).toBe(false);
    expect(sameDraft([row!], [editRange(row!, null, '2026-01-02')])).toBe(false);
  });

  it('says at each field what is wrong: a number not typed yet, a low over the value, a missing spread or source', () => {
    const [row] = toDraft([saved]);
    const problems = (patch: Parameters<typeof editRange>[1], value?: string) => {
      const edited = editRange(value === undefined ? row! : { ...row!, value }, patch, '2026-01-02');
      return Object.fromEntries(checkDraft([edited]).problems);
    };
    expect(problems({}, undefined)).toEqual({});
    expect(problems({ low: '', high: '4x' })).toEqual({ 'values[0].range.low': 'enter a number', 'values[0].range.high': '"4x" is not a number' });
    expect(problems({ low: '', source: ' ' })).toEqual({ 'values[0].range.low': 'enter a number', 'values[0].range.source': 'must cite a source or start with "assumption:" and give the reason' });
    expect(problems({ low: '12', high: '20' })).toEqual({ 'values[0].range.low': 'must be at most the value (10)' });
    expect(problems({ high: '3' })).toEqual({ 'values[0].range.high': "must be more than the range's low (3.91)" });
    expect(problems({ distribution: 'normal' })).toEqual({ 'values[0].range.sigma': "is needed for a normal range (its spread, in the value's unit)" });
    expect(problems({ distribution: 'lognormal', sigma: '0.2' })).toEqual({});
    // A spread typed for a normal range is left out once the range is uniform again.
    expect(problems({ distribution: 'uniform', sigma: '0.2' })).toEqual({});
    // While the value is not a number, the range is checked on its own.
    expect(problems({ high: '3' }, 'abc')).toEqual({ 'values[0].value': '"abc" is not a number', 'values[0].range.high': "must be more than the range's low (3.91)" });
    // A new range starts empty: nothing is assumed for the user.
    expect(Object.keys(problems({}, undefined))).toEqual([]);
    const added = editRange(newRow({ key: 'x', value: '1', unit: 'V', source: 'a' }), {}, '2026-01-02');
    expect([...checkDraft([added]).problems.keys()].sort()).toEqual(['values[0].range.high', 'values[0].range.low', 'values[0].range.source']);
  });

  it('gets the source "edited by the user on <day>" when it moves, cites its source again when moved back, and keeps a source the user typed', () => {
    const [row] = toDraft([saved]);
    const moved = editRange(row!, { low: '3' }, '2026-01-02');
    expect(moved.range!.source).toBe('edited by the user on 2026-01-02');
    expect(moved.source).toBe('NeuroSim');
    expect(editRange(moved, { low: '3.91' }, '2026-01-02').range!.source).toBe('NeuroSim presets');
    const typed = editRange(row!, { source: 'our data' }, '2026-01-02');
    expect(editRange(typed, { low: '3' }, '2026-01-02').range!.source).toBe('our data');
  });

  it('is re-expressed with its value when a prefix is picked', () => {
    const [row] = toDraft([{ ...saved, range: { ...saved.range, distribution: 'normal' as const, sigma: 1 } }]);
    const range = convertDraftRange(row!.range!, 'kOhm', 'Ohm');
    expect(range).toMatchObject({ low: '3910', high: '10000', sigma: '1000' });
    const edited = editValue(row!, { unit: 'Ohm', value: '10000', range }, '2026-01-02');
    expect(edited.range!.source).toBe('NeuroSim presets');
    expect(checkDraft([edited]).problems.size).toBe(0);
  });
});
