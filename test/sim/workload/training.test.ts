import { describe, expect, it } from 'vitest';
import type { Layer, Network } from '../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../src-main/sim/workload/analyze.ts';
import { ops } from '../../../src-main/sim/workload/ops.ts';
import { epochBatches, opsAtBatch, perImageTotals, stepTotals } from '../../../src-main/sim/workload/totals.ts';
import type { LayerWork, TrainingOptions } from '../../../src-main/sim/workload/training.ts';
import { ZOO, zooNetwork } from '../../../src-main/sim/workload/zoo/index.ts';

const net = (layers: Layer[]): Network => ({ name: 't', dataset: 'd', input: { channels: 3, height: 8, width: 8 }, classes: 2, source: 'test', layers });

function work(network: Network, options?: TrainingOptions): Record<string, LayerWork> {
  const result = analyzeNetwork(network, options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return Object.fromEntries(result.analysis.work.map((w) => [w.name, w]));
}

const NONE = ops({});

// conv a (3 -> 4, 3x3, padding 1, bias): 4x8x8 = 256 outputs, 64 x 4 x 27 = 6912 MACs, 112 params.
// ReLU r on 256 elements. conv b (4 -> 2, 1x1, bias): 128 outputs, 64 x 2 x 4 = 512 MACs, 10 params.
// softmax s over its 128 inputs.
const plain = net([
  { name: 'a', kind: 'conv', inputs: [], out: 4, kernel: [3, 3], padding: [1, 1] },
  { name: 'r', kind: 'activation', function: 'relu', inputs: ['a'] },
  { name: 'b', kind: 'conv', inputs: ['r'], out: 2, kernel: [1, 1] },
  { name: 's', kind: 'softmax', inputs: ['b'] },
]);

describe('training work per layer, checked by hand', () => {
  it('forward: MACs and bias adds for conv, a compare per ReLU element, the softmax loss', () => {
    const w = work(plain);
    expect(w.a!.phases.forward.perImage).toEqual(ops({ macs: 6912, fpAdd: 256 }));
    expect(w.r!.phases.forward.perImage).toEqual(ops({ compare: 256 }));
    expect(w.b!.phases.forward.perImage).toEqual(ops({ macs: 512, fpAdd: 128 }));
    expect(w.s!.phases.forward.perImage).toEqual(ops({ compare: 127, fpAdd: 255, fpExp: 128, fpDiv: 1, fpMul: 128 }));
  });

  it('activation gradient: the same MACs with transposed weights, none for the layer reading the network input', () => {
    const w = work(plain);
    expect(w.a!.phases.activationGradient.perImage).toEqual(NONE);
    expect(w.r!.phases.activationGradient.perImage).toEqual(ops({ compare: 256 }));
    expect(w.b!.phases.activationGradient.perImage).toEqual(ops({ macs: 512 }));
    expect(w.s!.phases.activationGradient.perImage).toEqual(ops({ fpAdd: 128 }));
  });

  it('weight gradient: the forward MACs again plus a bias gradient; the update once per batch', () => {
    const w = work(plain);
    expect(w.a!.phases.weightGradient.perImage).toEqual(ops({ macs: 6912, fpAdd: 256 }));
    expect(w.b!.phases.weightGradient.perImage).toEqual(ops({ macs: 512, fpAdd: 128 }));
    expect(w.a!.phases.weightUpdate).toEqual({ perImage: NONE, perBatch: ops({ fpMul: 112, fpAdd: 112 }) });
    expect(w.r!.phases.weightUpdate.perBatch).toEqual(NONE);
  });

  it('the dot products behind the MACs: results and their length', () => {
    const w = work(plain);
    expect(w.a!.dotProducts.forward).toEqual({ results: 256, lengthPerImage: 27 });
    // 4 x 3 x 3 x 3 = 108 weights, each summing 64 positions per image (x batch).
    expect(w.a!.dotProducts.weightGradient).toEqual({ results: 108, lengthPerImage: 64 });
    expect(w.a!.dotProducts.activationGradient).toEqual({ results: 0, lengthPerImage: 0 });
    // b's input gradient: 256 values, each the sum of 2 products.
    expect(w.b!.dotProducts.activationGradient).toEqual({ results: 256, lengthPerImage: 2 });
  });

  it('momentum and weight decay each add a multiply and an add per weight', () => {
    expect(work(plain, { optimizer: 'momentum' }).a!.phases.weightUpdate.perBatch).toEqual(ops({ fpMul: 224, fpAdd: 224 }));
    expect(work(plain, { optimizer: 'momentum', weightDecay: true }).a!.phases.weightUpdate.perBatch).toEqual(ops({ fpMul: 336, fpAdd: 336 }));
  });

  it('what the forward pass keeps for the backward pass', () => {
    const w = work(plain);
    expect([w.a, w.r, w.b, w.s].map((l) => l!.savedElements)).toEqual([192, 256, 256, 128]);
  });
});

describe('residual, batch-norm and pooling work', () => {
  // stem (3 -> 8, 3x3, padding 1, no bias) is read twice: by bn and by the residual add.
  const residual = net([
    { name: 'stem', kind: 'conv', inputs: [], out: 8, kernel: [3, 3], padding: [1, 1], bias: false },
    { name: 'bn', kind: 'batchnorm', inputs: ['stem'] },
    { name: 'relu', kind: 'activation', function: 'relu', inputs: ['bn'] },
    { name: 'branch', kind: 'conv', inputs: ['relu'], out: 8, kernel: [3, 3], padding: [1, 1], bias: false },
    { name: 'sum', kind: 'add', inputs: ['branch', 'stem'] },
  ]);

  it('a layer read twice sums the two gradients that come back', () => {
    const w = work(residual);
    expect(w.stem!.readers).toBe(2);
    // No input gradient (nothing before it has weights), but 512 adds for its output gradient.
    expect(w.stem!.phases.activationGradient.perImage).toEqual(ops({ fpAdd: 512 }));
    expect(w.sum!.phases.forward.perImage).toEqual(ops({ fpAdd: 512 }));
    expect(w.sum!.phases.activationGradient.perImage).toEqual(NONE);
  });

  it('batch-norm: per element and per channel and batch, as elementwise.ts writes down', () => {
    const bn = work(residual).bn!;
    expect(bn.phases.forward).toEqual({ perImage: ops({ fpAdd: 2048, fpMul: 1536 }), perBatch: ops({ fpMul: 56, fpAdd: 32, fpSqrt: 8, fpDiv: 8 }) });
    expect(bn.phases.activationGradient).toEqual({ perImage: ops({ fpMul: 1536, fpAdd: 1024 }), perBatch: ops({ fpMul: 16 }) });
    expect(bn.phases.weightGradient.perImage).toEqual(ops({ macs: 512, fpAdd: 512 }));
    expect(bn.dotProducts.weightGradient).toEqual({ results: 8, lengthPerImage: 64 });
    expect(bn.phases.weightUpdate.perBatch).toEqual(ops({ fpMul: 16, fpAdd: 16 }));
    expect(bn.savedElements).toBe(512 + 16);
  });

  it('pooling: window compares or adds forward, a scatter backward', () => {
    const pooled = (pool: Layer) => work(net([{ name: 'c', kind: 'conv', inputs: [], out: 4, kernel: [1, 1] }, { ...pool, inputs: ['c'] } as Layer])).p!;
    // 4x8x8 pooled 2x2: 64 outputs.
    const max = pooled({ name: 'p', kind: 'pool', inputs: [], mode: 'max', kernel: [2, 2] });
    expect([max.phases.forward.perImage, max.phases.activationGradient.perImage]).toEqual([ops({ compare: 192 }), ops({ fpAdd: 64 })]);
    const avg = pooled({ name: 'p', kind: 'pool', inputs: [], mode: 'avg', kernel: [2, 2] });
    expect([avg.phases.forward.perImage, avg.phases.activationGradient.perImage]).toEqual([ops({ fpAdd: 192, fpMul: 64 }), ops({ fpMul: 64, fpAdd: 256 })]);
    const global = pooled({ name: 'p', kind: 'pool', inputs: [], mode: 'avg', global: true });
    expect([global.phases.forward.perImage, global.phases.activationGradient.perImage]).toEqual([ops({ fpAdd: 4 * 63, fpMul: 4 }), ops({ fpMul: 4, fpAdd: 256 })]);
  });

  it('sigmoid and tanh', () => {
    const act = (fn: 'sigmoid' | 'tanh') => work(net([{ name: 'c', kind: 'conv', inputs: [], out: 1, kernel: [1, 1] }, { name: 'f', kind: 'activation', function: fn, inputs: ['c'] }])).f!;
    expect(act('sigmoid').phases.forward.perImage).toEqual(ops({ fpExp: 64, fpAdd: 64, fpDiv: 64 }));
    expect(act('tanh').phases.forward.perImage).toEqual(ops({ fpMul: 64, fpExp: 64, fpAdd: 128, fpDiv: 64 }));
    expect(act('tanh').phases.activationGradient.perImage).toEqual(ops({ fpMul: 128, fpAdd: 64 }));
  });
});

describe('a training step and an epoch', () => {
  it('scales per-image work with the batch and adds per-batch work once', () => {
    const layers = analyzeNetwork(zooNetwork('resnet18')!.network);
    if (!layers.ok) throw new Error('resnet18');
    const one = stepTotals(layers.analysis.work, 1);
    const two = stepTotals(layers.analysis.work, 2);
    const image = perImageTotals(layers.analysis.work);
    expect(two.forward.fpMul - one.forward.fpMul).toBe(image.forward.fpMul);
    expect(two.weightUpdate).toEqual(one.weightUpdate);
    expect(one.weightUpdate.fpMul).toBe(layers.analysis.params);
    const bn = layers.analysis.work.find((w) => w.kind === 'batchnorm')!;
    expect(opsAtBatch(bn.phases.forward, 32).fpSqrt).toBe(64);
  });

  it('costs three times the forward MACs, less the input gradient of the first conv, for every built-in network', () => {
    for (const entry of ZOO) {
      const result = analyzeNetwork(entry.network);
      if (!result.ok) throw new Error(entry.id);
      const totals = perImageTotals(result.analysis.work);
      const firstConv = result.analysis.shapes.find((s) => s.macs > 0)!.macs;
      expect(totals.forward.macs, entry.id).toBe(result.analysis.forwardMacs);
      // Batch-norm's scale gradient is a dot product too: one MAC per element it normalises.
      expect(totals.weightGradient.macs - batchnormElements(result.analysis.work), entry.id).toBe(result.analysis.forwardMacs);
      expect(totals.activationGradient.macs, entry.id).toBe(result.analysis.forwardMacs - firstConv);
    }
  });

  it('counts the steps of an epoch, the last batch partial', () => {
    expect(epochBatches(1_281_167, 256)).toEqual({ fullBatches: 5004, lastBatchSize: 143, steps: 5005 });
    expect(epochBatches(60_000, 100)).toEqual({ fullBatches: 600, lastBatchSize: 0, steps: 600 });
  });
});

function batchnormElements(layers: readonly LayerWork[]): number {
  return layers.filter((w) => w.kind === 'batchnorm').reduce((sum, w) => sum + w.inputElements, 0);
}
