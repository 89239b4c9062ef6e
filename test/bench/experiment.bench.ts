import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { designParamsFromValues } from '../../src-main/sim/arch/design.ts';
import { prepareDesign } from '../../src-main/sim/arch/prepare.ts';
import { builtinCell } from '../../src-main/sim/cells/builtin/index.ts';
import { cellParamsFromValues } from '../../src-main/sim/cells/params.ts';
import { evaluate } from '../../src-main/sim/experiment/evaluate.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { openWorkbench } from '../../src-main/services/workbench.ts';
import { WorkerPool } from '../../src-main/workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../src-main/workers/sim-worker-script.ts';
import type { SweepOutput } from '../../src-main/shared/schemas/sweep.ts';
import { medianMs, type BenchCase } from './bench-case.ts';

// Issue 5's performance targets: one full training-step evaluation of ResNet-50 (all phases, all
// layers, every breakdown) at most 1 ms median; a sweep of design variants on ResNet-18 at least
// 20,000 evaluations per second, through the same worker pool and sweep service `pimwb serve` uses.

function sotDesign() {
  const design = designParamsFromValues(builtinDesign('sot-mram-pim')!.values);
  const cell = cellParamsFromValues(builtinCell('sot-mram-2t2mtj')!.values);
  if (!design.ok || !cell.ok) throw new Error('the built-in SOT design does not parse');
  return { design: design.params, cell: cell.params };
}

function resnet50Step(fromScratch: boolean): () => void {
  const { design, cell } = sotDesign();
  const network = zooNetwork('resnet50')!.network;
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) throw new Error('ResNet-50 does not analyse');
  const prepared = prepareDesign(design, cell);
  if (!fromScratch) return () => evaluate(prepared, analysed.analysis, { batch: 64, epoch: false });
  return () => {
    const again = analyzeNetwork(network);
    if (!again.ok) throw new Error('ResNet-50 does not analyse');
    evaluate(prepareDesign(design, cell), again.analysis, { batch: 64, epoch: false });
  };
}

async function sweepRate(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT, size: availableParallelism() });
  const workbench = openWorkbench({ dbPath: join(dir, 'bench.sqlite'), resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)), appVersion: 'bench', jobs: pool });
  try {
    const sweep = (jobId: string, rows: number, budgets: number) =>
      workbench.dispatch('sweeps.run', {
        jobId,
        design: 'sot-mram-pim',
        network: 'resnet18',
        axes: [
          // From 128 rows: a lane needs about 100 bits for the bf16 microprograms (smaller ones are refused).
          { key: 'rows', from: 128, to: 4096, steps: rows, scale: 'log' },
          { key: 'powerBudget', from: 5, to: 500, steps: budgets, scale: 'log' },
        ],
      });
    await sweep('warm-up', 20, 100); // JIT in both workers
    const start = performance.now();
    const result = await sweep('measured', 100, 200);
    const seconds = (performance.now() - start) / 1000;
    if (!result.ok) throw new Error(result.error.message);
    const evaluated = (result.value as SweepOutput).points.filter((p) => p.energy_J !== null).length;
    if (evaluated !== 20_000) throw new Error(`only ${evaluated} of 20000 points evaluated`);
    return evaluated / seconds;
  } finally {
    await pool.close();
    workbench.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases: BenchCase[] = [
  { name: 'ResNet-50 training step evaluation (prepared design), median', unit: 'ms', measure: () => medianMs(resnet50Step(false), 101) },
  { name: 'ResNet-50 training step from scratch (analysis + design + evaluation), median', unit: 'ms', measure: () => medianMs(resnet50Step(true), 201) },
  { name: 'ResNet-18 design sweep through the worker pool', unit: 'evaluations per s', measure: sweepRate },
];

export default cases;
