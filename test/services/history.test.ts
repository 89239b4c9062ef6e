import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';
import type { Workbench } from '../../src-main/services/workbench.ts';

// History's one list over experiments, sweeps and reproductions: newest first across kinds, keyset
// pages that neither skip nor repeat, a kind filter, and filters by name, tag and date.

async function keepOneOfEach(wb: Workbench, round: number): Promise<string[]> {
  const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', name: `run ${round}`, tags: round % 2 ? ['odd'] : [] });
  const sweep = await call(wb, 'sweeps.run', { jobId: `s${round}`, design: 'sot-mram-pim', network: 'lenet5', axes: [{ key: 'rows', from: 64, to: 256, steps: 3, scale: 'log' }], name: `sweep ${round}`, returnPoints: false });
  const paper = await call(wb, 'paper.reproduce', { basis: 'step-count', name: `paper ${round}` });
  return [run.experimentId!, sweep.sweepId!, paper.reproductionId!];
}

describe('history list', () => {
  const temp = useTempDir();

  it('pages newest first across every kind without skipping or repeating', async () => {
    const wb = testWorkbench(temp());
    const made = [...(await keepOneOfEach(wb, 1)), ...(await keepOneOfEach(wb, 2)), ...(await keepOneOfEach(wb, 3))];
    const seen: string[] = [];
    let page = await call(wb, 'history.list', { limit: 2 });
    expect(page.total).toBe(9);
    expect(page.counts).toEqual({ experiment: 3, sweep: 3, reproduction: 3 });
    seen.push(...page.items.map((i) => i.id));
    while (page.next) {
      page = await call(wb, 'history.list', { limit: 2, after: page.next });
      expect(page.total).toBeUndefined();
      seen.push(...page.items.map((i) => i.id));
    }
    expect(seen).toEqual([...made].reverse());
  });

  it('filters by kind, name, tag (experiments only: nothing else has tags) and date', async () => {
    const wb = testWorkbench(temp());
    await keepOneOfEach(wb, 1);
    await keepOneOfEach(wb, 2);
    const names = async (input: Parameters<typeof call<'history.list'>>[2]): Promise<string[]> => (await call(wb, 'history.list', input)).items.map((i) => i.name);
    expect(await names({ kind: 'sweep' })).toEqual(['sweep 2', 'sweep 1']);
    expect(await names({ text: '2' })).toEqual(['paper 2', 'sweep 2', 'run 2']);
    expect(await names({ tag: 'odd' })).toEqual(['run 1']);
    expect(await names({ kind: 'sweep', tag: 'odd' })).toEqual([]);
    expect(await names({ from: '2030-01-01' })).toEqual([]);
    expect(await names({ to: '2026-01-01', kind: 'reproduction' })).toEqual(['paper 2', 'paper 1']);
    const refused = await wb.dispatch('history.list', { kind: 'figure' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'kind' }] } });
  });
});
