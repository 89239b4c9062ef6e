import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOnnx } from '../../../../src-main/sim/workload/import/onnx/index.ts';
import { networkSchema } from '../../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../../src-main/sim/workload/analyze.ts';
import { evaluate } from '../../../../src-main/sim/experiment/evaluate.ts';
import { prepared } from '../../design-fixtures.ts';

// Golden: torchvision's resnet18 and mobilenet_v2 as PyTorch 2.6 exports them, with both of its
// exporters (TorchScript at opset 11, torch.export at opset 18), without weights. The expected
// figures were counted in PyTorch from the modules themselves (test/fixtures/onnx/expected.json
// says how), so they do not depend on how the importer reads the graph.

const FIXTURES = new URL('../../../fixtures/onnx/', import.meta.url);

interface Expected {
  readonly networks: Record<string, { forwardMacs: number; convLayers: number; linearLayers: number; batchNorms: number; params: number; classes: number }>;
  readonly files: Record<string, { network: string; producer: string; opset: number }>;
}

const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Expected;

function imported(file: string) {
  const bytes = new Uint8Array(readFileSync(new URL(file, FIXTURES)));
  const result = parseOnnx(bytes, file.replace(/\.onnx$/, ''));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result;
}

describe('ONNX golden files: torchvision networks exported by PyTorch', () => {
  for (const [file, facts] of Object.entries(expected.files)) {
    const net = expected.networks[facts.network]!;
    it(`${file} imports with the forward MACs of its conv and linear layers (${net.forwardMacs})`, () => {
      const { network, notes } = imported(file);
      expect(networkSchema.safeParse(network).success).toBe(true);
      const analysis = analyzeNetwork(network);
      if (!analysis.ok) throw new Error(JSON.stringify(analysis.issues));
      expect(analysis.analysis.forwardMacs).toBe(net.forwardMacs);
      const kinds = network.layers.map((l) => l.kind);
      expect(kinds.filter((k) => k === 'conv')).toHaveLength(net.convLayers);
      expect(kinds.filter((k) => k === 'fc')).toHaveLength(net.linearLayers);
      expect(network.input).toEqual({ channels: 3, height: 224, width: 224 });
      expect(network.classes).toBe(net.classes);
      expect(network.layers.at(-1)!.kind).toBe('softmax');
      expect(network.source).toContain(`opset ${facts.opset}`);
      // The TorchScript exporter folds each batch norm into the conv before it (eval mode); the
      // torch.export one keeps them, and then every parameter torchvision counts is there.
      const batchNorms = kinds.filter((k) => k === 'batchnorm').length;
      if (file.includes('torchscript')) {
        expect(batchNorms).toBe(0);
        expect(notes.map((n) => n.message).join('\n')).toMatch(/batch ?norm/i);
      } else {
        expect(batchNorms).toBe(net.batchNorms);
        expect(analysis.analysis.params).toBe(net.params);
      }
    });
  }

  it('keeps the residual edges of resnet18: eight adds, each reading two producers', () => {
    for (const file of ['resnet18-torchscript-opset11.onnx', 'resnet18-dynamo-opset18.onnx']) {
      const adds = imported(file).network.layers.filter((l) => l.kind === 'add');
      expect(adds, file).toHaveLength(8);
      for (const add of adds) expect(add.inputs, file).toHaveLength(2);
    }
  });

  it('names layers by PyTorch module path with both exporters (torch.export keeps the path in node metadata)', () => {
    const named = (file: string) =>
      imported(file)
        .network.layers.filter((l) => l.kind === 'conv' || l.kind === 'fc' || l.kind === 'add')
        .map((l) => l.name);
    const scripted = named('resnet18-torchscript-opset11.onnx');
    expect(scripted).toContain('/layer1/layer1.0/conv1/Conv');
    expect(named('resnet18-dynamo-opset18.onnx')).toEqual(scripted);
  });

  it('both exporters give mobilenet_v2 the same layer shapes and MACs, layer by layer', () => {
    const table = (file: string) => {
      const analysis = analyzeNetwork(imported(file).network);
      if (!analysis.ok) throw new Error(file);
      return analysis.analysis.shapes.filter((s) => s.macs > 0).map((s) => [s.inShape, s.outShape, s.macs]);
    };
    expect(table('mobilenet_v2-dynamo-opset18.onnx')).toEqual(table('mobilenet_v2-torchscript-opset11.onnx'));
  });

  it('the imported networks run a training step on a built-in design', () => {
    const design = prepared('sot-mram-pim');
    for (const file of Object.keys(expected.files)) {
      const analysis = analyzeNetwork(imported(file).network);
      if (!analysis.ok) throw new Error(file);
      const step = evaluate(design, analysis.analysis, { batch: 8, epoch: false });
      expect(step.energy_J, file).toBeGreaterThan(0);
      expect(step.latency_s, file).toBeGreaterThan(0);
      expect(step.work.forwardMacsPerImage, file).toBe(expected.networks[expected.files[file]!.network]!.forwardMacs);
    }
  });
});
