import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

// GPUs on the command line: `design list` tells the kinds apart, `design show` gives a GPU's
// values with units and sources, `run` on a GPU answers with the GPU section and breakdowns that
// sum to its totals, and what does not apply to a GPU exits 2 with one message.

interface Figure {
  energy_J: number;
  latency_s: number;
}
interface GpuRunJson extends Figure {
  experimentId: string | null;
  breakdown: { byPhase: Record<string, Figure>; byLayer: Figure[]; byComponent: Record<string, { energy_J: number; area_m2: number }>; byOp: Record<string, Figure> };
  gpu: { peak_FLOPs: Record<string, number>; bandwidth_Bps: number; byLayerPhase: { layer: string; phase: string; bound: string; time_s: number }[]; assumptions: string[] };
  lifetime?: unknown;
  reliability?: unknown;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.abs(b);

describe('pimwb with GPU designs', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'gpu.sqlite');

  it('lists each design with its kind, and shows a GPU\'s values with units and sources', async () => {
    const list = await pimwb(['design', 'list', '--db', db()]);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID +KIND +NAME/);
    expect(lines.find((l) => l.startsWith('builtin:gtx-1080'))).toMatch(/^builtin:gtx-1080 +gpu +NVIDIA GeForce GTX 1080 .* 16 nm +314 mm\^2 +180 W +20 SMs$/);
    expect(lines.find((l) => l.startsWith('builtin:floatpim '))).toMatch(/^builtin:floatpim +pim +FloatPIM/);
    const show = await pimwb(['design', 'show', 'gtx-1080', '--db', db()]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/\(builtin:gtx-1080, version 1, a GPU\)/);
    expect(show.stdout).toMatch(/dense peak: fp32 8\.873 TFLOP\/s/);
    expect(show.stdout).toMatch(/bandwidth +320 GB\/s +NVIDIA, "GeForce GTX 1080 Whitepaper", 2016/);
    expect(show.stdout).toMatch(/idlePower +27 W +assumption:/);
  });

  it('runs ResNet-50 on the A100 with --json: the GPU section, every breakdown summing to the totals, no lifetime', async () => {
    const out = await pimwb(['run', '--design', 'a100', '--network', 'resnet50', '--json', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as GpuRunJson;
    expect(r.experimentId).toMatch(/^exp_/);
    expect(r.gpu.bandwidth_Bps).toBeGreaterThan(1e12);
    expect(new Set(r.gpu.byLayerPhase.map((k) => k.bound))).toEqual(new Set(['compute', 'memory']));
    expect(r.gpu.assumptions.length).toBeGreaterThan(0);
    expect(r.lifetime).toBeUndefined();
    expect(r.reliability).toBeUndefined();
    const b = r.breakdown;
    for (const [name, parts] of [['byPhase', Object.values(b.byPhase)], ['byLayer', b.byLayer], ['byComponent', Object.values(b.byComponent)], ['byOp', Object.values(b.byOp)]] as const) {
      expect(near(sum(parts.map((p) => p.energy_J)), r.energy_J), `${name} energy`).toBe(true);
    }
    for (const [name, parts] of [['byPhase', Object.values(b.byPhase)], ['byLayer', b.byLayer], ['byOp', Object.values(b.byOp)]] as const) {
      expect(near(sum(parts.map((p) => p.latency_s)), r.latency_s), `${name} latency`).toBe(true);
    }
    expect(near(sum(r.gpu.byLayerPhase.map((k) => k.time_s)), r.latency_s)).toBe(true);
    const text = await pimwb(['run', '--design', 'gtx-1080', '--network', 'resnet50', '--batch', '8', '--no-store', '--db', db()]);
    expect(text.stdout).toMatch(/kernels compute-bound, \d+ memory-bound/);
    expect(text.stdout).toMatch(/^LAYER +FORWARD +ACT\. GRADIENT +WEIGHT GRADIENT +UPDATE$/m);
    expect(text.stdout).toMatch(/lifetime and errors from device variation: not modelled for a GPU/);
  });

  it('exits 2 with one message for a format the GPU lacks and for a GPU in the paper comparison, keeping nothing', async () => {
    const db = () => join(temp(), 'refused.sqlite');
    const format = await pimwb(['run', '--design', 'gtx-1080', '--network', 'lenet5', '--format', 'bf16', '--db', db()]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^pimwb: error: "NVIDIA GeForce GTX 1080" cannot compute in bf16/);
    expect(format.stderr).not.toMatch(/\n\s+at /);
    const paper = await pimwb(['reproduce', 'paper', '--baseline', 'v100', '--db', db()]);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toMatch(/is a GPU design; the paper comparison takes PIM designs only/);
    const info = await pimwb(['db', 'info', '--json', '--db', db()]);
    expect((JSON.parse(info.stdout) as { experiments: number }).experiments).toBe(0);
  });

  it('prints FloatPIM\'s GPU comparison in `reproduce paper`, both means labelled, and gpuComparison in --json', async () => {
    const out = await pimwb(['reproduce', 'paper', '--basis', 'all', '--batch', '16', '--json', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as { bases: { basis: string; gpuComparison: { comparable: boolean; average: { arithmetic: { speedup: number | null }; geometric: { speedup: number | null } } } }[] };
    for (const b of r.bases) expect(b.gpuComparison.comparable, b.basis).toBe(b.basis !== 'step-count');
    const text = await pimwb(['reproduce', 'paper', '--basis', 'floatpim-published', '--batch', '16', '--db', db()]);
    expect(text.stdout).toMatch(/against FloatPIM's GPU \(NVIDIA GeForce GTX 1080, fp32, batch 16\)/);
    expect(text.stdout).toMatch(/average: arithmetic mean [\d.]+x speed, [\d.]+x energy efficiency; geometric mean [\d.]+x, [\d.]+x; FloatPIM published 303\.2x, 48\.6x/);
  });
});
