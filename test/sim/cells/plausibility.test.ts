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

  it('refuses magnitudes no cell can have, in the key\'s unit', () => {
    const errors = (cell: CellParams) => checkCell(cell).errors;
    expect(errors({ ...stt, cellArea_F2: 1e308 })).toEqual([{ path: 'cellArea', message: 'must be at most 10000 F^2 (got 1e+308 F^2)' }]);
    expect(errors({ ...stt, resistanceHigh_Ohm: 2e12 })).toEqual([{ path: 'resistanceHigh', message: 'must be at most 1 TOhm (got 2 TOhm)' }]);
    expect(errors({ ...stt, readVoltage_V: 250 }).map((e) => e.message)).toEqual(['must be at most 100 V (got 250 V)']);
    expect(errors({ ...stt, setPulse_s: 2 }).map((e) => e.path)).toEqual(['setPulse']);
    expect(errors({ ...stt, setCurrent_A: 3 }).map((e) => e.path)).toEqual(['setCurrent']);
    expect(errors({ ...stt, accessWidth_F: 1e4 }).map((e) => e.path)).toEqual(['accessWidth']);
    expect(errors({ ...stt, aspectRatio: 0.001 }).map((e) => e.message)).toEqual(['must be at least 0.01 (got 0.001)']);
    // The bounds themselves are legal.
    expect(errors({ ...stt, cellArea_F2: 10_000, resistanceHigh_Ohm: 1e12 })).toEqual([]);
    const sram = cellParamsFromValues([
      { key: 'family', value: 'sram', unit: '', source: 'test' },
      { key: 'cellArea', value: 146, unit: 'F^2', source: 'test' },
      { key: 'aspectRatio', value: 1.46, unit: '1', source: 'test' },
      { key: 'minSenseVoltage', value: 80, unit: 'mV', source: 'test' },
      { key: 'readMode', value: 'voltage', unit: '', source: 'test' },
      { key: 'accessType', value: 'CMOS', unit: '', source: 'test' },
      { key: 'accessWidth', value: 1.31, unit: 'F', source: 'test' },
    ]);
    if (!sram.ok) throw new Error(JSON.stringify(sram.issues));
    expect(checkCell(sram.params).errors).toEqual([]);
    expect(checkCell({ ...sram.params, cellArea_F2: 1e308 }).errors.map((e) => e.path)).toEqual(['cellArea']);
  });

  it('refuses the same magnitudes in library values, even in a cell that is not complete yet', () => {
    const result = cellParamsFromValues([
      { key: 'cellArea', value: 1e308, unit: 'F^2', source: 'typo' },
      { key: 'resistanceLow', value: -3, unit: 'kOhm', source: 'typo' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ path: 'cellArea', message: 'must be at most 10000 F^2 (cell area)' });
    expect(result.issues).toContainEqual({ path: 'resistanceLow', message: 'must be positive (got -3 kOhm)' });
  });

  it('warns about suspicious but legal values, with the reason', () => {
    expect(checkCell({ ...stt, accessWidth_F: 20 }).warnings[0]).toMatchObject({ path: 'accessWidth', message: expect.stringMatching(/wider than the cell/) });
    expect(paths({ ...stt, resistanceHigh_Ohm: 4000 }, 'warnings')).toContain('resistanceHigh');
    expect(paths({ ...stt, setEnergy_J: 1e-15 }, 'warnings')).toContain('setEnergy');
    expect(checkCell(stt).warnings).toEqual([]);
  });

  it('warns, naming the keys, about a stated energy 10x off its drive, a switching time longer than the pulse, and a voltage that drives more than the current', () => {
    const sot = params('sot-mram-2t2mtj');
    // 330 uA through the 670 Ohm strip for 1 ns dissipates 73 fJ: 10 pJ stated is more than 10x that.
    const energy = checkCell({ ...sot, setEnergy_J: 10e-12 }).warnings.find((w) => w.path === 'setEnergy');
    expect(energy?.message).toMatch(/more than 10x .* check setEnergy, setCurrent, setPulse/);
    expect(checkCell({ ...sot, setEnergy_J: 0.1e-12 }).warnings.filter((w) => w.path === 'setEnergy')).toEqual([]);
    const magic = params('reram-magic');
    const slow = checkCell({ ...magic, switchingTime_s: 2e-9 }).warnings.filter((w) => w.path === 'switchingTime');
    expect(slow.map((w) => w.message)).toEqual([expect.stringMatching(/longer than setPulse/), expect.stringMatching(/longer than resetPulse/), expect.stringMatching(/longer than magicPulse/)]);
    expect(checkCell(magic).warnings).toEqual([]);
    // 0.5 V across 3 kOhm drives 167 uA, more than the 80 uA stated.
    const drive = checkCell({ ...stt, setVoltage_V: 0.5 }).warnings.find((w) => w.path === 'setVoltage');
    expect(drive?.message).toMatch(/drives 167 uA, more than setCurrent \(80\.0 uA\); check setVoltage, setCurrent and resistanceLow/);
  });

  it('still evaluates a cell it warns about', async () => {
    const { evaluateSubarray } = await import('../../../src-main/sim/array/subarray.ts');
    const warned = { ...params('sot-mram-2t2mtj'), setEnergy_J: 10e-12 };
    const r = evaluateSubarray({ cell: warned, rows: 256, cols: 256, node_nm: 28 });
    expect(r.write.energy_J).toBeGreaterThan(0);
    expect(r.warnings.some((w) => w.startsWith('setEnergy:'))).toBe(true);
  });

  it('reports a missing or mistyped library value by key', () => {
    const values = builtinCell('stt-mram-1t1mtj')!.values.filter((v) => v.key !== 'cellArea').map((v) => (v.key === 'setPulse' ? { ...v, unit: 'V' } : v));
    const result = cellParamsFromValues(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path).sort()).toEqual(['cellArea', 'setPulse']);
  });
});
