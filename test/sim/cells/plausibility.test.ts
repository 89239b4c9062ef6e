import { describe, expect, it } from 'vitest';
import { checkCell } from '../../../src-main/sim/cells/plausibility.ts';
import { cellParamsFromValues, type CellParams } from '../../../src-main/sim/cells/params.ts';
import { BUILTIN_CELLS, builtinCell } from '../../../src-main/sim/cells/builtin/index.ts';
import { provenanceOf } from '../../../src-main/shared/sourced.ts';

function params(id: string): CellParams {
  const p = cellParamsFromValues(builtinCell(id)!.values);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.params;
}

describe('built-in cells', () => {
  it('are valid, cite a source or give an assumption for every value', () => {
    for (const def of BUILTIN_CELLS) {
      expect(checkCell(params(def.id)).errors, def.id).toEqual([]);
      for (const value of def.values) expect(provenanceOf(value.source), `${def.id} ${value.key}`).not.toBe('missing');
    }
  });
});

describe('cell plausibility', () => {
  const stt = params('stt-mram-1t1mtj');
  const paths = (cell: CellParams, kind: 'errors' | 'warnings') => checkCell(cell)[kind].map((i) => i.path);

  it('errors on impossible values', () => {
    expect(paths({ ...stt, resistanceHigh_Ohm: 2000 }, 'errors')).toEqual(['resistanceHigh']);
    expect(paths({ ...stt, cellArea_F2: 0 }, 'errors')).toContain('cellArea');
    expect(paths({ ...stt, setPulse_s: -1e-9 }, 'errors')).toContain('setPulse');
    expect(paths({ ...stt, readVoltage_V: Number.NaN }, 'errors')).toContain('readVoltage');
    expect(paths({ ...stt, setCurrent_A: undefined }, 'errors')).toContain('setCurrent');
  });

  it('warns about suspicious but legal values, with the reason', () => {
    expect(checkCell({ ...stt, accessWidth_F: 20 }).warnings[0]).toMatchObject({ path: 'accessWidth', message: expect.stringMatching(/wider than the cell/) });
    expect(paths({ ...stt, resistanceHigh_Ohm: 4000 }, 'warnings')).toContain('resistanceHigh');
    expect(paths({ ...stt, setEnergy_J: 1e-15 }, 'warnings')).toContain('setEnergy');
    expect(checkCell(stt).warnings).toEqual([]);
  });

  it('reports a missing or mistyped library value by key', () => {
    const values = builtinCell('stt-mram-1t1mtj')!.values.filter((v) => v.key !== 'cellArea').map((v) => (v.key === 'setPulse' ? { ...v, unit: 'V' } : v));
    const result = cellParamsFromValues(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path).sort()).toEqual(['cellArea', 'setPulse']);
  });
});
