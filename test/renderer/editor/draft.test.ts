import { describe, expect, it } from 'vitest';
import { checkDraft, newRow, sameDraft, toDraft } from '@/editor/draft.ts';

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
