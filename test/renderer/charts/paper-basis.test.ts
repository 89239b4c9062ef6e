import { describe, expect, it } from 'vitest';
import type { ReproduceOutput } from '@shared/schemas/design-api.ts';
import { paperOnBasis } from '@/charts/paper-ratios.ts';

// Only the fields paperOnBasis reads; the rest of a comparison plays no part here.
const assumption = (name: string) => ({ name, value: 'v', source: 'assumption: s' });
const basis = (name: string, average: number, own: string[]) => ({ basis: name, average: { energy: average, latency: 1, area: 1 }, assumptions: own.map(assumption) });
const all = {
  basis: 'as-modelled',
  batch: 32,
  proposed: { id: 'lib_clone', name: 'SOT-MRAM PIM clone' },
  average: { energy: 0.1, latency: 1, area: 1 },
  assumptions: [assumption('comparison basis'), assumption('batch'), assumption('SOT-MRAM PIM clone: blocksPerTile')],
  bases: [basis('as-modelled', 0.1, ['comparison basis']), basis('floatpim-published', 0.5, ['comparison basis', 'FloatPIM as published: cycle'])],
} as unknown as ReproduceOutput;

describe('one basis of the paper comparison', () => {
  it("keeps the comparison's designs and batch, takes the basis' figures", () => {
    const shown = paperOnBasis(all, 'floatpim-published')!;
    expect(shown.batch).toBe(32);
    expect(shown.proposed.name).toBe('SOT-MRAM PIM clone');
    expect(shown.basis).toBe('floatpim-published');
    expect(shown.average.energy).toBe(0.5);
  });

  it("lists the basis' own assumptions, then those every basis shares, each once", () => {
    expect(paperOnBasis(all, 'floatpim-published')!.assumptions.map((a) => a.name)).toEqual(['comparison basis', 'FloatPIM as published: cycle', 'batch', 'SOT-MRAM PIM clone: blocksPerTile']);
    expect(paperOnBasis(all, 'as-modelled')!.assumptions.map((a) => a.name)).toEqual(['comparison basis', 'batch', 'SOT-MRAM PIM clone: blocksPerTile']);
  });

  it('is null for a basis that was not run', () => {
    expect(paperOnBasis(all, 'step-count')).toBeNull();
  });
});
