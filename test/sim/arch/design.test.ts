import { describe, expect, it } from 'vitest';
import { BUILTIN_DESIGNS, builtinDesign } from '../../../src-main/sim/arch/builtin/index.ts';
import { designParamsFromValues } from '../../../src-main/sim/arch/design.ts';
import { provenanceOf } from '../../../src-main/shared/sourced.ts';
import { isKnownUnit } from '../../../src-main/shared/units.ts';

describe('design values', () => {
  it('every built-in design parses, and every value has a known unit and a source or a reasoned assumption', () => {
    for (const design of BUILTIN_DESIGNS) {
      expect(designParamsFromValues(design.values).ok, design.id).toBe(true);
      for (const v of design.values) {
        expect(isKnownUnit(v.unit), `${design.id} ${v.key} ${v.unit}`).toBe(true);
        expect(provenanceOf(v.source), `${design.id} ${v.key}`).not.toBe('missing');
      }
    }
  });

  it('reads values into SI units', () => {
    const parsed = designParamsFromValues(builtinDesign('floatpim')!.values);
    if (!parsed.ok) throw new Error('floatpim does not parse');
    expect(parsed.params).toMatchObject({ node_nm: 28, tiles: 32, blocksPerTile: 256, rows: 1024, powerBudget_W: 62.6, cell: 'builtin:reram-magic' });
    expect(parsed.params.transferWireEnergyPerBit_J).toBeCloseTo(5e-15, 25);
    // Published 3.0% of 30.64 mm^2 over 32 tiles, stored rounded to 4 digits (0.02873 mm^2).
    expect(parsed.params.controllerAreaPerTile_m2 / ((30.64e-6 * 0.03) / 32)).toBeCloseTo(1, 3);
  });

  it('names every missing or malformed value', () => {
    const values = builtinDesign('floatpim')!
      .values.filter((v) => v.key !== 'tiles')
      .map((v) => (v.key === 'rows' ? { ...v, value: 1024.5 } : v.key === 'powerBudget' ? { ...v, unit: 'ns' } : v.key === 'format.forward' ? { ...v, value: 'fp128' } : v));
    const parsed = designParamsFromValues(values);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.issues.map((i) => [i.path, i.message]));
    expect(byPath.tiles).toMatch(/is missing/);
    expect(byPath.rows).toMatch(/whole number/);
    expect(byPath.powerBudget).toMatch(/not a power unit/);
    expect(byPath['format.forward']).toMatch(/must be one of bf16/);
  });
});
