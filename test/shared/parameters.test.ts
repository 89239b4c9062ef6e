import { describe, expect, it } from 'vitest';
import { PARAMETERS, parameterInfo } from '../../src-main/shared/parameters.ts';
import { PUBLICATIONS } from '../../src-main/shared/publications.ts';
import { NUMERIC_SPECS, TEXT_SPECS } from '../../src-main/sim/cells/params.ts';
import { DESIGN_CHOICE_SPECS, DESIGN_NUMBER_SPECS } from '../../src-main/sim/arch/design.ts';
import { BUILTIN_CELLS } from '../../src-main/sim/cells/builtin/index.ts';
import { BUILTIN_DESIGNS } from '../../src-main/sim/arch/builtin/index.ts';

describe('the parameter reference', () => {
  it('explains every key a cell or a design reads, and every key the built-ins carry', () => {
    const keys = [...NUMERIC_SPECS, ...TEXT_SPECS, ...DESIGN_NUMBER_SPECS, ...DESIGN_CHOICE_SPECS].map((s) => s.key);
    for (const key of [...keys, 'cell', ...BUILTIN_CELLS.flatMap((c) => c.values.map((v) => v.key)), ...BUILTIN_DESIGNS.flatMap((d) => d.values.map((v) => v.key))]) {
      const info = parameterInfo(key);
      expect(info, key).toBeDefined();
      expect(info!.description.length, key).toBeGreaterThan(20);
    }
  });

  it('cites only publications it can show in full', () => {
    const ids = new Set(PUBLICATIONS.map((p) => p.id));
    for (const p of PARAMETERS) for (const s of p.sources) expect(ids.has(s), `${p.key}: ${s}`).toBe(true);
    expect(new Set(PARAMETERS.map((p) => p.key)).size).toBe(PARAMETERS.length);
  });
});
