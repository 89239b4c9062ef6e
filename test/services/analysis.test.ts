import { describe, expect, it } from 'vitest';
import { call, testWorkbench } from '../helpers/workbench.ts';
import { useTempDir } from '../helpers/temp.ts';

// Sensitivity and goal seek through the services, checked against real runs of cloned designs:
// what the analysis reports must be what a user gets by editing the value and running again.

describe('analysis', () => {
  const temp = useTempDir();

  /** A clone of a built-in design with one value set, saved as a new library version. */
  async function cloneWith(wb: ReturnType<typeof testWorkbench>, source: string, name: string, key: string, value: number): Promise<string> {
    const clone = await call(wb, 'libraries.clone', { ref: source, name });
    // A value moved outside the range its library gives no longer has that range.
    const values = clone.values.map((v) => (v.key === key ? { key: v.key, value, unit: v.unit, source: v.source } : v));
    expect(values.some((v) => v.key === key)).toBe(true);
    await call(wb, 'libraries.saveVersion', { ref: clone.id, baseVersion: clone.shownVersion, values, note: `${key} = ${value}` });
    return clone.id;
  }

  it('reports the elasticity of a value as the finite difference of two real runs, one with the value 1% higher (within 2%)', async () => {
    const wb = testWorkbench(temp());
    const key = 'controller.powerPerTile';
    const out = await call(wb, 'analysis.sensitivity', { design: 'sot-mram-pim', network: 'resnet18', metric: 'energy', percent: 1 });
    const row = out.parameters.find((p) => p.key === key && p.side === 'design')!;
    expect(row.elasticity).not.toBeNull();
    const higher = await cloneWith(wb, 'builtin:sot-mram-pim', 'SOT-MRAM PIM, controller +1%', key, row.value * 1.01);
    const base = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'resnet18', store: false });
    const moved = await call(wb, 'experiments.run', { design: higher, network: 'resnet18', store: false });
    expect(base.result.energy_J).toBeCloseTo(out.baseline, 9);
    const finiteDifference = Math.log(moved.result.energy_J / base.result.energy_J) / Math.log(1.01);
    expect(finiteDifference).toBeGreaterThan(0);
    expect(Math.abs(row.elasticity! / finiteDifference - 1)).toBeLessThan(0.02);
  });

  it('ranks the values by how far they move the metric, with units and both ends, for one design and for a ratio to another', async () => {
    const wb = testWorkbench(temp());
    const one = await call(wb, 'analysis.sensitivity', { design: 'sot-mram-pim', network: 'lenet5', metric: 'latency' });
    expect(one.unit).toBe('s');
    expect(one.parameters.length).toBeGreaterThan(20);
    const swing = (p: (typeof one.parameters)[number]): number => Math.abs((p.metricAtHigh ?? one.baseline) - (p.metricAtLow ?? one.baseline));
    for (let i = 1; i < one.parameters.length; i += 1) expect(swing(one.parameters[i - 1]!)).toBeGreaterThanOrEqual(swing(one.parameters[i]!));
    // A count of 1 cannot go lower, and a value may sit at an end of its library's range: the ends
    // hold the value, and at least one of them moves.
    for (const p of one.parameters) {
      expect(p.low).toBeLessThanOrEqual(p.value);
      expect(p.high).toBeGreaterThanOrEqual(p.value);
      expect(p.high).toBeGreaterThan(p.low);
      if (p.moved === 'percent' && p.unit !== '1') expect([p.low, p.high].map((x) => x / p.value)).toEqual([expect.closeTo(0.9, 9), expect.closeTo(1.1, 9)]);
    }
    expect(one.parameters.map((p) => p.library)).toContain('28 nm node');
    const ratio = await call(wb, 'analysis.sensitivity', { design: 'sot-mram-pim', network: 'lenet5', metric: 'energy', vs: 'floatpim' });
    expect(ratio.unit).toBe('1');
    expect(new Set(ratio.parameters.map((p) => p.side))).toEqual(new Set(['design', 'vs']));
    const own = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', store: false });
    const other = await call(wb, 'experiments.run', { design: 'floatpim', network: 'lenet5', store: false });
    expect(ratio.baseline).toBeCloseTo(own.result.energy_J / other.result.energy_J, 9);
  });

  it('finds the value that gives a target, which fed back as the value reproduces it within 0.5%; and says when none does, with the span', async () => {
    const wb = testWorkbench(temp());
    const base = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'resnet18', store: false });
    const target = base.result.energy_J * 0.98;
    const sought = await call(wb, 'analysis.goalSeek', { design: 'sot-mram-pim', network: 'resnet18', metric: 'energy', key: 'resistanceLow', target });
    expect(sought.unreachable).toBeUndefined();
    expect(sought.unit).toBe('kOhm');
    // The cell is the design's: clone it with the value found and point a clone of the design at it.
    const cell = await cloneWith(wb, 'builtin:sot-mram-2t2mtj', 'Cell at the value found', 'resistanceLow', sought.value!);
    const design = await call(wb, 'libraries.clone', { ref: 'builtin:sot-mram-pim', name: 'Design on that cell' });
    await call(wb, 'libraries.saveVersion', { ref: design.id, baseVersion: design.shownVersion, values: design.values.map((v) => (v.key === 'cell' ? { ...v, value: cell } : v)), note: 'the cell found' });
    const rerun = await call(wb, 'experiments.run', { design: design.id, network: 'resnet18', store: false });
    expect(Math.abs(rerun.result.energy_J / target - 1)).toBeLessThan(0.005);

    const never = await call(wb, 'analysis.goalSeek', { design: 'sot-mram-pim', network: 'resnet18', metric: 'energy', key: 'resistanceLow', target: base.result.energy_J / 100 });
    expect(never.value).toBeUndefined();
    expect(never.unreachable).toMatch(/^unreachable within .+ kOhm: .*the energy spans .+ J to .+ J there$/);
    expect(never.metricRange![0]).toBeGreaterThan(base.result.energy_J / 100);
  });

  it('names a key the design does not have, with the keys it has', async () => {
    const wb = testWorkbench(temp());
    const refused = await wb.dispatch('analysis.goalSeek', { design: 'sot-mram-pim', network: 'resnet18', key: 'nonsense', target: 1 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('"nonsense" is not a numeric value'), issues: [{ path: 'key', message: expect.stringContaining('resistanceLow') }] });
  });

  it('gives the band of a metric with every value drawn at once, and the same band for the same seed', async () => {
    const wb = testWorkbench(temp());
    const input = { design: 'sot-mram-pim', network: 'lenet5', metric: 'energy' as const, samples: 200, seed: 7, percent: 10 };
    const band = await call(wb, 'analysis.uncertainty', input);
    const run = await call(wb, 'experiments.run', { design: 'sot-mram-pim', network: 'lenet5', store: false });
    expect(band.baseline).toBeCloseTo(run.result.energy_J, 12);
    expect(band.p5).toBeLessThan(band.p50);
    expect(band.p50).toBeLessThan(band.p95);
    // ±10% on every value moves the step's energy by some percent, not by orders of magnitude.
    expect(band.p5).toBeGreaterThan(band.baseline * 0.5);
    expect(band.p95).toBeLessThan(band.baseline * 2);
    expect(band.samples + band.refused).toBe(200);
    expect(band.parameters.every((p) => p.range.low <= p.value && p.value <= p.range.high && p.range.source.length > 0)).toBe(true);
    // Without a range in its library a value is drawn within ±10%, and the answer says it is an assumption.
    for (const p of band.parameters.filter((x) => x.range.source.startsWith('assumption: no published range in the library'))) expect(p.range.high).toBeLessThanOrEqual(p.value * 1.1 + 1e-9);
    expect(await call(wb, 'analysis.uncertainty', input)).toEqual(band);
    expect((await call(wb, 'analysis.uncertainty', { ...input, seed: 8 })).p50).not.toBe(band.p50);
  });

  it('ranks the values by their total Sobol index, with intervals that hold the estimates, the same for the same seed', async () => {
    const wb = testWorkbench(temp());
    const input = { design: 'sot-mram-pim', network: 'lenet5', metric: 'area' as const, samples: 128, seed: 3, percent: 10, top: 6 };
    const out = await call(wb, 'analysis.sobol', input);
    expect(out.indices).toHaveLength(6);
    expect(out.evaluations).toBe(128 * (6 + 2));
    for (let i = 1; i < out.indices.length; i += 1) expect(out.indices[i - 1]!.total).toBeGreaterThanOrEqual(out.indices[i]!.total);
    for (const index of out.indices) {
      expect(index.firstCI[0]).toBeLessThanOrEqual(index.firstCI[1]);
      expect(index.totalCI[0]).toBeLessThanOrEqual(index.total + 1e-12);
      expect(index.totalCI[1]).toBeGreaterThanOrEqual(index.total - 1e-12);
    }
    // Chip area is a product of counts of arrays and the cell's footprint: those explain its
    // variance; the cell's aspect ratio does not change its area at all.
    expect(out.indices.slice(0, 5).map((i) => i.key).sort()).toEqual(['blocksPerTile', 'cellArea', 'cols', 'rows', 'tiles']);
    expect(out.indices.find((i) => i.key === 'aspectRatio')?.total ?? 0).toBeLessThan(0.01);
    // A count of 1 has no whole number within ±10%: it is not drawn, so not studied.
    expect(out.indices.map((i) => i.key)).not.toContain('subarraysPerBlock');
    expect(await call(wb, 'analysis.sobol', input)).toEqual(out);
  });

  it("bands the paper comparison's ratios, with the modelled ratio the reproduction gives and whether each claim lies inside", async () => {
    const wb = testWorkbench(temp());
    const input = { proposed: 'sot-mram-pim', baseline: 'floatpim', basis: 'as-modelled' as const, samples: 40, seed: 2, percent: 10 };
    const bands = await call(wb, 'analysis.paperBands', input);
    const reproduced = await call(wb, 'paper.reproduce', { basis: 'as-modelled', store: false });
    expect(bands.metrics.map((m) => m.metric)).toEqual(['energy', 'latency', 'area']);
    for (const m of bands.metrics) {
      expect(m.modelled).toBeCloseTo(reproduced.average[m.metric], 12);
      expect(m.published).toBe(reproduced.targets[m.metric]);
      expect(m.p5).toBeLessThanOrEqual(m.p50);
      expect(m.p50).toBeLessThanOrEqual(m.p95);
      expect(m.inside).toBe(m.published >= m.p5 && m.published <= m.p95);
    }
    expect(bands.samples + bands.refused).toBe(40);
    expect(bands.parameters).toBeGreaterThan(20);
    expect(await call(wb, 'analysis.paperBands', input)).toEqual(bands);
  });
});

