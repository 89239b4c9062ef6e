import { BUILTIN_GPUS } from '../../src-main/sim/gpu/builtin.ts';
import { gpuParamsFromValues } from '../../src-main/sim/gpu/params.ts';
import { evaluateGpu, evaluateGpuTotals } from '../../src-main/sim/gpu/evaluate.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { medianMs, ratePerSecond, type BenchCase } from './bench-case.ts';

// The GPU roofline on ResNet-50 (175 layers x 4 phases): a full evaluation with every breakdown
// and the per-kernel bounds, as a run shows it, and the totals a sweep point needs.

const parsed = gpuParamsFromValues(BUILTIN_GPUS.find((g) => g.id === 'a100')!.values);
const analysed = analyzeNetwork(zooNetwork('resnet50')!.network);
if (!parsed.ok || !analysed.ok) throw new Error('the A100 or ResNet-50 does not parse');
const a100 = parsed.params;
const resnet50 = analysed.analysis;

const cases: BenchCase[] = [
  { name: 'GPU training step, ResNet-50 on the A100 with every breakdown, median', unit: 'ms', measure: () => medianMs(() => evaluateGpu(a100, resnet50, { batch: 64, epoch: false }), 51) },
  { name: 'GPU sweep-point totals, ResNet-50 on the A100', unit: 'per s', measure: () => ratePerSecond(() => evaluateGpuTotals(a100, resnet50, 64)) },
];

export default cases;
