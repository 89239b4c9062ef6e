import { builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { builtinCell } from '../../src-main/sim/cells/builtin/index.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { studyKnobs, type Study, type StudySide } from '../../src-main/sim/analysis/knobs.ts';
import { tornado } from '../../src-main/sim/analysis/tornado.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbench } from '../../src-main/services/workbench.ts';
import { WorkerPool } from '../../src-main/workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../src-main/workers/sim-worker-script.ts';
import { medianMs, type BenchCase } from './bench-case.ts';

// Local sensitivity of a ResNet-50 training step: every value of the design, its cell and its node
// moved down and up by 10% (the target is under 0.2 s), and the same for the energy ratio to
// FloatPIM (both designs' values). Then the global studies as a user runs them, through the
// services and the worker pool (one worker per core): a 1,000-sample uncertainty (target under 1 s)
// and Sobol indices with N = 1,024 over the 30 most influential values (target under 10 s).

function side(id: string): StudySide {
  const design = builtinDesign(id)!;
  const cellId = String(design.values.find((v) => v.key === 'cell')!.value).replace(/^builtin:/, '');
  const cell = builtinCell(cellId)!;
  return { name: design.name, values: design.values, cellName: cell.name, cellValues: cell.values };
}

const analysed = analyzeNetwork(zooNetwork('resnet50')!.network);
if (!analysed.ok) throw new Error('ResNet-50 does not analyse');
const one: Study = { subject: side('sot-mram-pim'), network: analysed.analysis, metric: 'energy' };
const ratio: Study = { ...one, vs: side('floatpim') };

/** Wall time of one call through a workbench on a worker pool, after a warm-up call. */
async function throughPool(channel: 'analysis.sobol' | 'analysis.uncertainty', input: Record<string, unknown>, warmUp: Record<string, unknown>): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'pimwb-bench-'));
  const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT, size: availableParallelism() });
  const workbench = openWorkbench({ dbPath: join(dir, 'bench.sqlite'), resourcesDir: fileURLToPath(new URL('../../resources', import.meta.url)), appVersion: 'bench', jobs: pool });
  try {
    const call = async (body: Record<string, unknown>): Promise<void> => {
      const result = await workbench.dispatch(channel, body);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    };
    await call(warmUp); // JIT in every worker
    const start = performance.now();
    await call(input);
    return performance.now() - start;
  } finally {
    workbench.close();
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const study = { design: 'sot-mram-pim', network: 'resnet50', metric: 'energy' };

const cases: BenchCase[] = [
  { name: `ResNet-50 tornado over every value (${studyKnobs(one).length} values, ±10%), median`, unit: 'ms', measure: () => medianMs(() => tornado(one, 10), 5) },
  { name: `ResNet-50 energy-ratio tornado against FloatPIM (${studyKnobs(ratio).length} values of both designs), median`, unit: 'ms', measure: () => medianMs(() => tornado(ratio, 10), 5) },
  {
    name: `ResNet-50 uncertainty, 1,000 samples of every value at once, worker pool of ${availableParallelism()}`,
    unit: 'ms',
    measure: () => throughPool('analysis.uncertainty', { ...study, samples: 1000 }, { ...study, samples: 100 }),
  },
  {
    name: `ResNet-50 Sobol indices, N = 1,024 over 30 values (32,768 evaluations), worker pool of ${availableParallelism()}`,
    unit: 's',
    measure: async () => (await throughPool('analysis.sobol', { ...study, samples: 1024, top: 30 }, { ...study, samples: 16, top: 30 })) / 1000,
  },
];

export default cases;
