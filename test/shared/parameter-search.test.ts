import { describe, expect, it } from 'vitest';
import { PARAMETERS, parameterInfo } from '../../src-main/shared/parameters.ts';
import { citedBy, closeParameters, matchesQuery, referencesOf } from '../../src-main/shared/parameter-search.ts';

describe('finding parameters', () => {
  it('suggests the key a user meant: other case, a typo, a fragment, letters left out', () => {
    expect(closeParameters('cellarea')[0]).toBe('cellArea');
    expect(closeParameters('powerBudjet')[0]).toBe('powerBudget');
    expect(closeParameters('blocks')).toEqual(['blocksPerTile', 'idleBlocks']);
    expect(closeParameters('powr')).toContain('powerBudget');
    expect(closeParameters('qqqqzz')).toEqual([]);
    expect(closeParameters('  ')).toEqual([]);
    expect(closeParameters('e', 3)).toHaveLength(3);
  });

  it('filters on every word of a query over key, label and description', () => {
    const hits = PARAMETERS.filter((p) => matchesQuery(p, 'SOT resistance'));
    expect(hits.map((p) => p.key)).toContain('sotChannelResistance');
    expect(hits.every((p) => `${p.key} ${p.label} ${p.description}`.toLowerCase().includes('sot'))).toBe(true);
    expect(PARAMETERS.filter((p) => matchesQuery(p, ''))).toHaveLength(PARAMETERS.length);
  });

  it('gives the full references of a parameter and the parameters citing a publication', () => {
    const refs = referencesOf(parameterInfo('setVoltage')!);
    expect(refs.map((r) => r.id)).toEqual(['vteam', 'nvsim']);
    expect(refs[0]!.reference).toMatch(/^Kvatinsky et al\. VTEAM/);
    expect(referencesOf(parameterInfo('idleBlocks')!)).toEqual([]);
    expect(citedBy('zigzag').map((p) => p.key)).toEqual(['transfer.wireEnergyPerBit']);
  });
});
