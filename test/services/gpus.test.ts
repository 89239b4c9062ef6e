import { describe, expect, it } from 'vitest';
import type { Workbench } from '../../src-main/services/workbench.ts';
import type { Channel } from '../../src-main/shared/ipc/channels.ts';
import type { Input } from '../../src-main/shared/ipc/contract.ts';
import type { WorkbenchError } from '../../src-main/shared/result.ts';
import { evaluationSchema } from '../../src-main/shared/schemas/evaluation.ts';
import { provenanceOf } from '../../src-main/shared/sourced.ts';
import { BUILTIN_GPUS } from '../../src-main/sim/gpu/builtin.ts';
import { gpuParamsFromValues } from '../../src-main/sim/gpu/params.ts';
import { evaluateGpuTotals } from '../../src-main/sim/gpu/evaluate.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';

// GPUs as designs of kind `gpu`, through the contract: listed beside the PIM designs, shown with
// their sourced values, run and kept as experiments, re-run from their snapshot, swept, studied,
// and refused where only a PIM design makes sense (the paper comparison), each refusal naming its input.

const GPU_IDS = BUILTIN_GPUS.map((g) => `builtin:${g.id}`);

async function failure<C extends Channel>(wb: Workbench, channel: C, input: Input<C>): Promise<WorkbenchError> {
  const result = await wb.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

function builtinValues(id: string) {
  return BUILTIN_GPUS.find((g) => g.id === id)!.values;
}

describe('GPU designs', () => {
  const temp = useTempDir();

  it('lists the four built-in GPUs as designs of kind gpu beside the PIM designs, and shows one with units and sources', async () => {
    const wb = testWorkbench(temp());
    const items = (await call(wb, 'designs.list', {})).items;
    expect(items.filter((d) => d.kind === 'gpu').map((d) => d.id)).toEqual(GPU_IDS);
    expect(items.filter((d) => d.kind === 'pim').map((d) => d.id)).toContain('builtin:floatpim');
    const gtx = items.find((d) => d.id === 'builtin:gtx-1080')!;
    expect(gtx).toMatchObject({ builtIn: true, cell: '', node_nm: 16, peakPower_W: 180, blocks: 20, activeBlocks: 20 });
    expect(gtx.area_m2).toBeCloseTo(314e-6, 12);
    const shown = await call(wb, 'designs.get', { ref: 'gtx-1080' });
    expect(shown.gpu).toMatchObject({ sms: 20, cudaCores: 2560, boardPower_W: 180, formats: { forward: 'fp32', backward: 'fp32', update: 'fp32' } });
    expect(shown.gpu!.bandwidth_Bps).toBeCloseTo(320e9, 0);
    expect(shown.area).toEqual({ cells: 0, periphery: shown.area_m2, interconnect: 0, controller: 0 });
    for (const v of shown.values) {
      expect(v.unit === '' || v.unit === '1' || v.unit.length > 0, v.key).toBe(true);
      expect(provenanceOf(v.source), v.key).not.toBe('missing');
    }
    expect(shown.values.find((v) => v.key === 'bandwidth')).toMatchObject({ value: 320, unit: 'GB/s', source: expect.stringMatching(/NVIDIA, "GeForce GTX 1080 Whitepaper", 2016/) });
  });

  it('reserves the GPUs\' names and checks a saved GPU\'s values with the GPU model, saving nothing it refuses', async () => {
    const wb = testWorkbench(temp());
    for (const name of ['gtx-1080', 'NVIDIA GeForce GTX 1080', 'builtin:a100', 'H100']) {
      const refused = await failure(wb, 'libraries.clone', { ref: 'gtx-1080', name });
      expect(refused, name).toMatchObject({ code: 'invalid_input', issues: [{ path: 'name', message: 'is reserved for a built-in' }] });
    }
    const mine = await call(wb, 'libraries.clone', { ref: 'a100', name: 'My A100' });
    expect((await call(wb, 'designs.list', {})).items.find((d) => d.name === 'My A100')).toMatchObject({ kind: 'gpu', builtIn: false });
    // Without its uncertainty range, which would refuse 1.5 before the model is asked.
    const bad = mine.values.map(({ range, ...v }) => (v.key === 'memoryEfficiency' ? { ...v, value: 1.5 } : { ...v, ...(range ? { range } : {}) }));
    const refused = await failure(wb, 'libraries.saveVersion', { ref: mine.id, baseVersion: 1, values: bad, note: 'too efficient' });
    expect(refused.code).toBe('invalid_input');
    expect(refused.issues.map((i) => i.path)).toEqual(['memoryEfficiency']);
    expect((await call(wb, 'libraries.get', { ref: mine.id })).version).toBe(1);
    const checked = await call(wb, 'designs.check', { values: bad });
    expect(checked.errors).toEqual([{ path: 'memoryEfficiency', message: expect.stringMatching(/must be at most 1/) }]);
  });

  it('runs ResNet-50 on the A100, keeps it as an experiment of kind gpu and reads it back with its GPU section', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'a100', network: 'resnet50', batch: 32, tags: ['gpu'] });
    const r = run.result;
    expect(r.gpu!.byLayerPhase.length).toBeGreaterThan(0);
    expect(r.lifetime).toBeUndefined();
    expect(r.reliability).toBeUndefined();
    const stored = await call(wb, 'experiments.get', { ref: run.experimentId! });
    expect(evaluationSchema.parse(stored.results)).toEqual(r);
    expect(stored.inputSnapshot).toMatchObject({ design: { id: 'builtin:a100' }, cell: { values: [] }, options: { batch: 32, format: null, mode: null } });
    const listed = await call(wb, 'experiments.list', { tag: 'gpu' });
    expect(listed.items[0]).toMatchObject({ designKind: 'gpu', design: { id: 'builtin:a100' }, batch: 32 });
    expect(listed.items[0]!.figures!.energy_J).toBe(r.energy_J);
    const history = await call(wb, 'history.list', { text: 'A100' });
    expect(history.items.map((i) => (i.kind === 'experiment' ? i.designKind : null))).toEqual(['gpu']);
    const pim = await call(wb, 'experiments.run', { design: 'floatpim', network: 'lenet5', store: true });
    expect((await call(wb, 'experiments.get', { ref: pim.experimentId! })).id).toBe(pim.experimentId);
    expect((await call(wb, 'experiments.list', {})).items.map((e) => e.designKind)).toEqual(['pim', 'gpu']);
  });

  it('re-runs a GPU experiment from its snapshot to the same numbers, and a bundle imports and re-runs alike', async () => {
    const wb = testWorkbench(temp());
    const run = await call(wb, 'experiments.run', { design: 'gtx-1080', network: 'alexnet', batch: 16 });
    const again = await call(wb, 'experiments.rerun', { ref: run.experimentId! });
    expect(again).toMatchObject({ same: true, differences: [] });
    const bundle = await call(wb, 'experiments.exportBundle', { ref: run.experimentId! });
    const other = testWorkbench(temp(), 'other.sqlite');
    const imported = await call(other, 'experiments.importBundle', { fileName: bundle.fileName, text: bundle.text });
    expect((await call(other, 'experiments.rerun', { ref: imported.id })).same).toBe(true);
  });

  it('applies a format the GPU computes in and refuses one it does not, naming the format; the mode is not applied and says so', async () => {
    const wb = testWorkbench(temp());
    const fp16 = await call(wb, 'experiments.run', { design: 'a100', network: 'lenet5', format: 'fp16', store: false });
    expect(fp16.result.design.formats).toEqual({ forward: 'fp16', backward: 'fp16', update: 'fp16' });
    const bf16 = await failure(wb, 'experiments.run', { design: 'gtx-1080', network: 'lenet5', format: 'bf16', store: false });
    expect(bf16).toMatchObject({ code: 'invalid_input', issues: [{ path: 'format' }] });
    expect(bf16.message).toMatch(/cannot compute in bf16: format\.forward is bf16, but the GPU gives no peak\.bf16 rate/);
    const mode = await call(wb, 'experiments.run', { design: 'a100', network: 'lenet5', mode: 'ftz-trunc', store: false });
    expect(mode.result.warnings).toContainEqual(expect.stringMatching(/arithmetic mode ftz-trunc was not applied/));
    expect((await call(wb, 'experiments.list', {})).total).toBe(0);
  });

  it('refuses a GPU in the paper comparison, naming the side, and keeps nothing', async () => {
    const wb = testWorkbench(temp());
    const refused = await failure(wb, 'paper.reproduce', { proposed: 'gtx-1080' });
    expect(refused).toMatchObject({ code: 'invalid_input', issues: [{ path: 'proposed.kind', message: expect.stringMatching(/GPU/) }] });
    expect(refused.message).toMatch(/the paper comparison takes PIM designs only/);
    expect((await call(wb, 'history.list', {})).total).toBe(0);
  });

  it('sweeps a GPU value, each point as evaluateGpuTotals gives it, and studies a GPU\'s own values', async () => {
    const wb = testWorkbench(temp());
    const out = await call(wb, 'sweeps.run', { jobId: 'g1', design: 'gtx-1080', network: 'alexnet', batch: 16, axes: [{ key: 'bandwidth', from: 160, to: 640, steps: 3, scale: 'log' }] });
    expect(out).toMatchObject({ status: 'done', total: 3, axes: [{ key: 'bandwidth', unit: 'GB/s', label: 'peak DRAM bandwidth' }] });
    const analysed = analyzeNetwork(zooNetwork('alexnet')!.network);
    if (!analysed.ok) throw new Error('alexnet');
    for (const p of out.points) {
      const gpu = gpuParamsFromValues(builtinValues('gtx-1080').map((v) => (v.key === 'bandwidth' ? { ...v, value: p.values.bandwidth! } : v)));
      if (!gpu.ok) throw new Error(JSON.stringify(gpu.issues));
      const expected = evaluateGpuTotals(gpu.params, analysed.analysis, 16);
      expect(p).toMatchObject({ energy_J: expected.energy_J, latency_s: expected.latency_s, area_m2: expected.area_m2, lifetime_days: null });
    }
    // More bandwidth never slows a step down, and speeds up its memory-bound kernels.
    const latencies = out.points.map((p) => p.latency_s!);
    expect(latencies[2]!).toBeLessThan(latencies[0]!);
    const wrong = await failure(wb, 'sweeps.run', { jobId: 'g2', design: 'gtx-1080', network: 'alexnet', axes: [{ key: 'rows', from: 64, to: 128, steps: 2 }] });
    expect(wrong).toMatchObject({ code: 'invalid_input', issues: [{ path: 'axes.0.key', message: expect.stringMatching(/bandwidth/) }] });
    const rerun = await call(wb, 'sweeps.rerun', { jobId: 'g3', ref: out.sweepId! });
    expect(rerun.rerunOf).toMatchObject({ same: true, differing: 0 });
    const study = await call(wb, 'analysis.sensitivity', { design: 'gtx-1080', network: 'alexnet', metric: 'latency', percent: 10, batch: 16 });
    const keys = study.parameters.map((p) => p.key);
    expect(keys).toEqual(expect.arrayContaining(['bandwidth', 'peak.fp32', 'utilisation.conv']));
    expect(keys.some((k) => k.startsWith('node.'))).toBe(false);
  });
});
