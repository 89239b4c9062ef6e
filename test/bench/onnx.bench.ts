import { readFileSync } from 'node:fs';
import { parseOnnx } from '../../src-main/sim/workload/import/onnx/index.ts';
import { networkImportSchema } from '../../src-main/shared/schemas/network-api.ts';
import { parseNetworkFiles } from '../../src-main/services/network-files.ts';
import { OnnxGraph } from '../helpers/onnx-builder.ts';
import { medianMs, type BenchCase } from './bench-case.ts';

// ONNX import: a real export without weights (resnet18 as PyTorch's torch.export writes it), and a
// model that carries 100 MB of weights, parsed alone and as networks.import receives it from the
// window or the bridge (strict base64 check, decode, parse). The import runs on the thread that
// answers the window, so these say how long a big model holds it.

const resnet18 = new Uint8Array(readFileSync(new URL('../fixtures/onnx/resnet18-dynamo-opset18.onnx', import.meta.url)));

/** VGG-16's first classifier layer (25088 x 1000 float32, 100 MB) after a 3x3 conv. */
function heavyModel(): Uint8Array {
  const g = new OnnxGraph();
  const x = g.input('input', [1, 512, 7, 7]);
  const conv = g.node('Conv', [x, g.weight('conv.weight', [512, 512, 3, 3])], { pads: [1, 1, 1, 1] }, { name: '/conv/Conv' });
  const flat = g.node('Flatten', [conv], { axis: 1 }, { name: '/flatten/Flatten' });
  g.output(g.node('Gemm', [flat, g.weight('fc.weight', [1000, 25088])], { transB: 1 }, { name: '/fc/Gemm' }));
  return g.toBytes();
}

const heavy = heavyModel();
const heavyBase64 = Buffer.from(heavy).toString('base64');

function importOk(bytes: Uint8Array): void {
  if (!parseOnnx(bytes, 'bench').ok) throw new Error('the bench model does not import');
}

async function throughContract(): Promise<void> {
  const input = networkImportSchema.parse({ files: [{ fileName: 'heavy.onnx', base64: heavyBase64 }], store: false });
  if (!(await parseNetworkFiles(input.files, 'heavy')).ok) throw new Error('the bench model does not import');
}

const cases: BenchCase[] = [
  { name: 'ONNX import of resnet18 (torch.export, no weights), median', unit: 'ms', measure: () => medianMs(() => importOk(resnet18), 21) },
  { name: `ONNX import of a ${Math.round(heavy.length / 1e6)} MB model with its weights, median`, unit: 'ms', measure: () => medianMs(() => importOk(heavy), 7) },
  { name: `networks.import of the ${Math.round(heavy.length / 1e6)} MB model (base64 check, decode, parse), median`, unit: 'ms', measure: () => medianMs(throughContract, 5) },
];

export default cases;
