import { describe, expect, it } from 'vitest';
import { checkDraft, editValue, newRow, placeIssues, sameDraft, toDraft } from '@/editor/draft.ts';

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
