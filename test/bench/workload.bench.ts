import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { stepTotals } from '../../src-main/sim/workload/totals.ts';
import { parseTimeloopLayers } from '../../src-main/sim/workload/import/timeloop.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { medianMs, ratePerSecond, type BenchCase } from './bench-case.ts';

// Workload analysis: shape inference over the layer graph plus every layer's training operation
// counts (all four phases), then the totals of one batch, for ResNet-50 (175 layers). The
// training-step evaluation of issue 5 runs this once per evaluation, so its budget is well under 1 ms.

const resnet50 = zooNetwork('resnet50')!.network;

function analyzeStep(): number {
  const result = analyzeNetwork(resnet50);
  if (!result.ok) throw new Error('ResNet-50 does not analyse');
  return stepTotals(result.analysis.work, 256).forward.macs;
}

/** A 50-file problem folder, the size of a ResNet-50 export. */
const folder = Array.from({ length: 50 }, (_, i) => ({
  fileName: `layer${i + 1}.yaml`,
  text: `problem:\n  shape:\n    name: CNN-Layer # comment\n  instance:\n    C: 64\n    M: 64\n    N: 1\n    P: 56\n    Q: 56\n    R: 3\n    S: 3\n    Hstride: 1\n    Wstride: 1\n`,
}));

const cases: BenchCase[] = [
  { name: 'ResNet-50 shape inference + training op counts', unit: 'per s', measure: () => ratePerSecond(analyzeStep) },
  { name: 'ResNet-50 shape inference + training op counts, median', unit: 'ms', measure: () => medianMs(analyzeStep, 51) },
  { name: 'Timeloop import of 50 problem files', unit: 'per s', measure: () => ratePerSecond(() => parseTimeloopLayers(folder, 'bench')) },
];

export default cases;
