import { describe, expect, it } from 'vitest';
import { pimwb } from '../helpers/cli.ts';
import { PARAMETERS } from '../../src-main/shared/parameters.ts';
import { PUBLICATIONS } from '../../src-main/shared/publications.ts';

// `pimwb explain`: a parameter's meaning, unit, typical range and full references, without a database.

describe('pimwb explain', () => {
  it('explains cellArea with its unit, typical range and every reference in full', async () => {
    const result = await pimwb(['explain', 'cellArea']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^cellArea: cell area \(cell parameter\)/);
    expect(result.stdout).toMatch(/unit: +F\^2/);
    expect(result.stdout).toMatch(/typical: +4 F\^2 \(cross-point ReRAM\)/);
    // References are wrapped across lines; compare with the line breaks taken out.
    const flat = result.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('[nvsim] Dong, Xu, Xie, Jouppi. NVSim: A Circuit-Level Performance, Energy, and Area Model for Emerging Nonvolatile Memory. IEEE TCAD 31(7), 2012.');
    expect(flat).toContain('[floatpim] Imani, Gupta, Kim, Rosing. FloatPIM');
    expect(result.stdout.split('\n').every((line) => line.length <= 96)).toBe(true);
  });

  it('prints the entry and the full references of powerBudget as JSON', async () => {
    const result = await pimwb(['explain', 'powerBudget', '--json']);
    expect(result.code).toBe(0);
    const entry = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(entry).toEqual({
      ...PARAMETERS.find((p) => p.key === 'powerBudget'),
      references: [PUBLICATIONS.find((p) => p.id === 'floatpim')],
    });
    expect(entry.unit).toBe('W');
  });

  it('says when a parameter cites no publication', async () => {
    const result = await pimwb(['explain', 'idleBlocks']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sources: +none published/);
  });

  it('exits 2 on an unknown key, naming close matches', async () => {
    const typo = await pimwb(['explain', 'cellarea']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toBe('pimwb: error: no parameter "cellarea": did you mean cellArea?');
    const fragment = await pimwb(['explain', 'powr', '--json']);
    expect(fragment.code).toBe(2);
    const error = (JSON.parse(fragment.stderr) as { error: { code: string; issues: { message: string }[] } }).error;
    expect(error.code).toBe('not_found');
    expect(error.issues[0]!.message).toMatch(/powerBudget/);
    const nothing = await pimwb(['explain', 'zzzzqq']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/no parameter "zzzzqq": run pimwb explain for the list/);
  });

  it('lists every parameter without a key, and is listed in the help', async () => {
    const list = await pimwb(['explain', '--json']);
    expect((JSON.parse(list.stdout) as { items: unknown[] }).items).toHaveLength(PARAMETERS.length);
    const table = await pimwb(['explain']);
    expect(table.stdout.split('\n')).toHaveLength(PARAMETERS.length + 1);
    expect((await pimwb(['--help'])).stdout).toMatch(/explain \[KEY\]/);
    expect((await pimwb(['explain', 'a', 'b'])).code).toBe(2);
  });
});
