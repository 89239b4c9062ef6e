import { builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { builtinCell } from '../../src-main/sim/cells/builtin/index.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';
import { analyzeNetwork } from '../../src-main/sim/workload/analyze.ts';
import { studyKnobs, type Study, type StudySide } from '../../src-main/sim/analysis/knobs.ts';
import { tornado } from '../../src-main/sim/analysis/tornado.ts';
import { medianMs, type BenchCase } from './bench-case.ts';

// Local sensitivity of a ResNet-50 training step: every value of the design, its cell and its node
// moved down and up by 10% (the target is under 0.2 s), and the same for the energy ratio to
// FloatPIM (both designs' values).

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

const cases: BenchCase[] = [
  { name: `ResNet-50 tornado over every value (${studyKnobs(one).length} values, ±10%), median`, unit: 'ms', measure: () => medianMs(() => tornado(one, 10), 5) },
  { name: `ResNet-50 energy-ratio tornado against FloatPIM (${studyKnobs(ratio).length} values of both designs), median`, unit: 'ms', measure: () => medianMs(() => tornado(ratio, 10), 5) },
];

export default cases;
