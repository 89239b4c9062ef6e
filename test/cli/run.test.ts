import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

const VGG8 = fileURLToPath(new URL('../fixtures/workloads/vgg8-NetWork.csv', import.meta.url));
const TIMELOOP = fileURLToPath(new URL('../fixtures/workloads/timeloop-alexnet', import.meta.url));
const DESIGNS = ['sot-mram-pim', 'floatpim', 'stt-mram-pim', 'sot-mram-2t1mtj-pim'];
const GPUS = ['gtx-1080', 'v100', 'a100', 'h100'];
const NETWORKS = ['lenet5', 'alexnet', 'vgg16', 'vgg8-cifar', 'resnet18', 'resnet50', 'googlenet', 'squeezenet'];

interface Figure {
  energy_J: number;
  latency_s: number;
}
interface RunJson extends Figure {
  area_m2: number;
  experimentId: string | null;
  perEpoch?: { steps: number; energy_J: number };
  breakdown: { byPhase: Record<string, Figure>; byLayer: Figure[]; byComponent: Record<string, { energy_J: number; area_m2: number }>; byOp: Record<string, Figure> };
}

const total = (xs: readonly { energy_J: number }[]): number => xs.reduce((s, x) => s + x.energy_J, 0);
const near = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.abs(b);

describe('pimwb run', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'run.sqlite');

  it('answers for every built-in design x network with breakdowns that sum to the totals', async () => {
    for (const design of DESIGNS) {
      for (const network of NETWORKS) {
        const out = await pimwb(['run', '--design', design, '--network', network, '--batch', '8', '--no-store', '--json', '--db', db()]);
        expect(out.code, `${design} ${network}: ${out.stderr}`).toBe(0);
        const r = JSON.parse(out.stdout) as RunJson;
        const b = r.breakdown;
        for (const [name, parts] of [['byPhase', Object.values(b.byPhase)], ['byLayer', b.byLayer], ['byComponent', Object.values(b.byComponent)], ['byOp', Object.values(b.byOp)]] as const) {
          expect(near(total(parts), r.energy_J), `${design} ${network} ${name}`).toBe(true);
        }
        expect(near(Object.values(b.byPhase).reduce((s, f) => s + f.latency_s, 0), r.latency_s)).toBe(true);
        expect(r.area_m2).toBeGreaterThan(0);
        expect(r.experimentId).toBeNull();
      }
    }
  });

  it('keeps the run as an experiment and gives the epoch when the dataset size is known; global flags go anywhere', async () => {
    const out = await pimwb(['--json', 'run', '--design', 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.)', '--network', 'resnet18', '--format', 'fp32', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as RunJson & { design: { formats: { forward: string } } };
    expect(r.experimentId).toMatch(/^exp_/);
    expect(r.design.formats.forward).toBe('fp32');
    expect(r.perEpoch?.steps).toBe(20_019); // ImageNet 1,281,167 images in batches of 64
    const text = await pimwb(['run', '--design', 'floatpim', '--network', 'alexnet', '--db', db()]);
    expect(text.stdout).toMatch(/energy [\d.]+ [kmu]?J +latency [\d.]+ [mu]?s +area [\d.]+ mm\^2/);
    expect(text.stdout).toMatch(/by phase[\s\S]*forward[\s\S]*by operation[\s\S]*fpMul/);
  });

  it('gives the lifetime of the most-written cell and the errors of a step from device variation', async () => {
    const out = await pimwb(['run', '--design', 'floatpim', '--network', 'lenet5', '--no-store', '--json', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as RunJson & { lifetime: Record<string, unknown>; reliability: { corruptedMacs: number; perOp: { op: string; wrong: number }[] } };
    for (const key of ['writesPerCellPerStep', 'hottest', 'endurance', 'steps', 'epochs', 'days', 'wearLevelling']) expect(r.lifetime, key).toHaveProperty(key);
    expect(r.lifetime).toMatchObject({ hottest: 'scratch', endurance: 1e9, wearLevelling: { kind: 'rotate' } });
    expect((r.lifetime.days as number) * 86_400).toBeCloseTo((r.lifetime.steps as number) * r.latency_s, 3);
    expect(r.reliability.perOp.map((o) => o.op).sort()).toEqual(['fpAdd', 'fpMul']);
    expect(r.reliability.corruptedMacs).toBeGreaterThan(0);
    const text = await pimwb(['run', '--design', 'floatpim', '--network', 'lenet5', '--no-store', '--db', db()]);
    expect(text.stdout).toMatch(/lifetime: [\d.e+]+ writes per step on the most-written cell \(scratch\)/);
    expect(text.stdout).toMatch(/device variation: per step [\d.e+]+ wrong MACs/);
  });

  it('imports a NetWork.csv and a Timeloop folder and evaluates them by name', async () => {
    expect((await pimwb(['network', 'import', VGG8, '--name', 'vgg8 csv', '--db', db()])).code).toBe(0);
    expect((await pimwb(['network', 'import', TIMELOOP, '--name', 'alexnet yaml', '--db', db()])).code).toBe(0);
    for (const network of ['vgg8 csv', 'alexnet yaml']) {
      const out = await pimwb(['run', '--design', 'sot-mram-pim', '--network', network, '--json', '--db', db()]);
      expect(out.code, out.stderr).toBe(0);
      expect((JSON.parse(out.stdout) as RunJson).energy_J).toBeGreaterThan(0);
    }
  });

  it('exits 2 naming what is wrong, and keeps no experiment', async () => {
    const cases: [string[], RegExp][] = [
      [['run', '--design', 'nope', '--network', 'resnet18'], /no library "nope"|nope/],
      [['run', '--design', 'sot-mram-pim', '--network', 'nonet'], /no network "nonet"/],
      [['run', '--design', 'sot-mram-pim', '--network', 'resnet18', '--batch', '0'], /batch/],
      [['run', '--design', 'sot-mram-pim', '--network', 'resnet18', '--format', 'fp64'], /--format must be one of/],
      [['run', '--design', 'sot-mram-pim'], /--network is required/],
      [['run', '--design', 'builtin:reram-magic', '--network', 'resnet18'], /is a cell library, not a design/],
    ];
    for (const [args, message] of cases) {
      const out = await pimwb([...args, '--db', db()]);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(message);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('pimwb design and pimwb reproduce paper', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'paper.sqlite');

  it('lists the built-in designs with area and power, the PIM designs then the GPUs', async () => {
    const out = await pimwb(['design', 'list', '--json', '--db', db()]);
    const items = (JSON.parse(out.stdout) as { items: { id: string; kind: string; area_m2: number }[] }).items;
    expect(items.map((d) => d.id)).toEqual([...DESIGNS, ...GPUS].map((d) => `builtin:${d}`));
    expect(items.map((d) => d.kind)).toEqual([...DESIGNS.map(() => 'pim'), ...GPUS.map(() => 'gpu')]);
    const show = await pimwb(['design', 'show', 'floatpim', '--db', db()]);
    expect(show.stdout).toMatch(/area: \d+(\.\d+)? mm\^2 = cells/);
    expect(show.stdout).toMatch(/powerBudget +62\.6 W +Imani et al\., "FloatPIM"/);
  });

  it('prints ratios per network and on average, with the assumptions, as the issue specifies', async () => {
    const out = await pimwb(['reproduce', 'paper', '--json', '--db', db()]);
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as {
      models: { network: string; proposed: Figure; baseline: Figure; ratios: Record<string, number> }[];
      average: Record<string, number>;
      assumptions: { name: string; value: string; source: string }[];
    };
    expect(r.models).toHaveLength(4);
    for (const m of r.models) expect(Object.keys(m.ratios).sort()).toEqual(['area', 'energy', 'latency']);
    expect(Object.keys(r.average).sort()).toEqual(['area', 'energy', 'latency']);
    expect(r.assumptions.length).toBeGreaterThan(20);
    const text = await pimwb(['reproduce', 'paper', '--basis', 'equal-power', '--db', db()]);
    expect(text.stdout).toMatch(/basis equal-power/);
    expect(text.stdout).toMatch(/the paper: 3\.30x, 1\.80x, 2\.50x/);
    const bad = await pimwb(['reproduce', 'paper', '--basis', 'iso-area', '--db', db()]);
    expect(bad.code).toBe(2);
    const every = await pimwb(['reproduce', 'paper', '--basis', 'all', '--json', '--db', db()]);
    const all = JSON.parse(every.stdout) as { bases: { basis: string; designs: { baseline: { area_m2: number; peakPower_W: number; ops: Record<string, { steps: Record<string, number> }> } } }[]; whatItTakes: unknown[] };
    expect(all.bases.map((b) => b.basis)).toEqual(['as-modelled', 'floatpim-published', 'equal-power', 'step-count']);
    const published = all.bases[1]!.designs.baseline;
    expect(published.area_m2).toBeCloseTo(30.64e-6, 10);
    expect(published.peakPower_W).toBeCloseTo(62.6, 6);
    expect(published.ops.fpMul!.steps).toEqual({ cycles: 360 });
    expect(published.ops.fpAdd!.steps).toEqual({ cycles: 313, searches: 15 });
    expect(all.whatItTakes).toHaveLength(12);
    const allText = await pimwb(['reproduce', 'paper', '--basis', 'all', '--db', db()]);
    expect(allText.stdout).toMatch(/basis floatpim-published: /);
    expect(allText.stdout).toMatch(/what it would take/);
    expect(allText.stdout).toMatch(/GTX 1080 .* per image/);
  });
});

describe('pimwb run overrides', () => {
  const temp = useTempDir();

  it('runs in another arithmetic mode than the design\'s, and names the input a failure is about', async () => {
    const db = join(temp(), 'mode.sqlite');
    const ftz = JSON.parse((await pimwb(['run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--no-store', '--json', '--db', db])).stdout) as { energy_J: number; design: { arithMode: string } };
    const ieee = JSON.parse((await pimwb(['run', '--design', 'sot-mram-pim', '--network', 'lenet5', '--mode', 'ieee', '--no-store', '--json', '--db', db])).stdout) as { energy_J: number; design: { arithMode: string } };
    expect([ftz.design.arithMode, ieee.design.arithMode]).toEqual(['ftz-trunc', 'ieee']);
    // IEEE rounding and subnormals take more steps than flush-to-zero with truncation.
    expect(ieee.energy_J).toBeGreaterThan(ftz.energy_J);
    const bad = await pimwb(['run', '--design', 'sot-mram-pim', '--network', 'nonet', '--json', '--db', db]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout || bad.stderr)).toMatchObject({ error: { issues: [{ path: 'network' }] } });
  });
});
