import { describe, expect, it } from 'vitest';
import { networkSchema } from '../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../src-main/sim/workload/analyze.ts';
import { ZOO, ZOO_VARIANTS, zooNetwork } from '../../../src-main/sim/workload/zoo/index.ts';
import { resnet50 } from '../../../src-main/sim/workload/zoo/resnet.ts';
import { googlenet } from '../../../src-main/sim/workload/zoo/googlenet.ts';

function counts(id: string): { macs: number; params: number; layers: number } {
  const result = analyzeNetwork(zooNetwork(id)!.network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { macs: result.analysis.forwardMacs, params: result.analysis.params, layers: result.analysis.shapes.length };
}

// Published forward MACs per image (conv + fc multiply-accumulates), each with its source. The
// zoo entries carry the same figure; the table is repeated here so that a changed entry fails.
const PUBLISHED: readonly [string, number, string][] = [
  ['lenet5', 0.42e6, 'counted from LeCun et al. 1998, C3 fully connected'],
  ['alexnet', 0.72e9, 'Sze et al., Proc. IEEE 2017: 724 M'],
  ['vgg16', 15.5e9, 'Sze et al., Proc. IEEE 2017: 15.5 G'],
  ['vgg8-cifar', 0.62e9, "counted from NeuroSim's NetWork.csv"],
  ['resnet18', 1.8e9, 'He et al., CVPR 2016, Table 1: 1.8 G'],
  ['resnet50', 4.1e9, 'torchvision: 4.09 G'],
  ['googlenet', 1.5e9, 'Szegedy et al., CVPR 2015: 1.5 G'],
  ['squeezenet', 0.35e9, 'torchvision: 0.35 G'],
];

describe('built-in networks', () => {
  it('are the eight of issue 5, each a valid network with a source and, where standard, a dataset size', () => {
    expect(ZOO.map((z) => z.id)).toEqual(PUBLISHED.map(([id]) => id));
    for (const entry of [...ZOO, ...ZOO_VARIANTS]) {
      const parsed = networkSchema.safeParse(entry.network);
      expect(parsed.success, `${entry.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(entry.network.source.length, entry.id).toBeGreaterThan(20);
      expect(entry.network.datasetSize, entry.id).toBeGreaterThan(0);
    }
    expect(zooNetwork('resnet50')!.network.datasetSize).toBe(1_281_167);
    expect(zooNetwork('vgg8-cifar')!.network.datasetSize).toBe(50_000);
    expect(zooNetwork('lenet5')!.network.datasetSize).toBe(60_000);
  });

  for (const [id, published, source] of PUBLISHED) {
    it(`${id}: forward MACs within 2% of the published ${published} (${source})`, () => {
      const entry = zooNetwork(id)!;
      expect(entry.publishedForwardMacs).toBe(published);
      expect(Math.abs(counts(id).macs / published - 1)).toBeLessThanOrEqual(0.02);
    });
  }

  it('count exactly what the layer tables give (hand-summed)', () => {
    // LeNet-5: C1 28*28*6*25 + C3 10*10*16*150 + C5 120*400 + F6 120*84 + output 84*10.
    expect(counts('lenet5').macs).toBe(117_600 + 240_000 + 48_000 + 10_080 + 840);
    // AlexNet (grouped): conv1 55^2*96*363, conv2 27^2*256*48*25, conv3 13^2*384*256*9,
    // conv4 13^2*384*192*9, conv5 13^2*256*192*9, fc 9216*4096 + 4096*4096 + 4096*1000.
    const alexConv = 3025 * 96 * 363 + 729 * 256 * 1200 + 169 * 384 * 2304 + 169 * 384 * 1728 + 169 * 256 * 1728;
    expect(counts('alexnet').macs).toBe(alexConv + 9216 * 4096 + 4096 * 4096 + 4096 * 1000);
  });

  it('have the parameter counts their reference implementations publish', () => {
    // torchvision model documentation, num_params: AlexNet (single tower) 61,100,840; VGG-16 138,357,544;
    // ResNet-18 11,689,512; ResNet-50 25,557,032; GoogLeNet 6,624,904; SqueezeNet 1.0 1,248,424; 1.1 1,235,496.
    // Caffe's bvlc_alexnet (grouped): 60,965,224.
    const expected: Record<string, number> = {
      'alexnet-single-tower': 61_100_840,
      vgg16: 138_357_544,
      resnet18: 11_689_512,
      resnet50: 25_557_032,
      googlenet: 6_624_904,
      'squeezenet1.0': 1_248_424,
      squeezenet: 1_235_496,
      alexnet: 60_965_224,
    };
    for (const [id, params] of Object.entries(expected)) expect(counts(id).params, id).toBe(params);
  });

  it('keep the layer count the Workloads page shows for ResNet-50', () => {
    expect(counts('resnet50').layers).toBe(175);
  });

  it('come out the same from every build (no state shared between builders)', () => {
    expect(JSON.stringify(resnet50().network)).toBe(JSON.stringify(zooNetwork('resnet50')!.network));
    expect(JSON.stringify(googlenet().network)).toBe(JSON.stringify(zooNetwork('googlenet')!.network));
  });
});

describe('variants of the same names', () => {
  it('match their own published figures within 2%, except the paper GoogLeNet, whose budget undercounts conv1', () => {
    // alexnet-single-tower: torchvision 0.71 GFLOPS; resnet50-v1: He et al. 2016 Table 1, 3.8e9; squeezenet1.0: torchvision 0.82 GFLOPS.
    for (const id of ['alexnet-single-tower', 'resnet50-v1', 'squeezenet1.0']) {
      const entry = zooNetwork(id)!;
      expect(Math.abs(counts(id).macs / entry.publishedForwardMacs - 1), id).toBeLessThanOrEqual(0.02);
    }
    // The paper's Table 1 lists 34 M operations for conv1; 7x7x3 kernels into 64 maps of 112 x 112 take 118 M.
    const conv1 = 112 * 112 * 64 * 7 * 7 * 3;
    expect(conv1).toBe(118_013_952);
    expect(Math.abs((counts('googlenet-paper').macs - conv1 + 34e6) / 1.5e9 - 1)).toBeLessThan(0.01);
  });

  it('differ from the built-in ones where their notes say', () => {
    // GoogLeNet: only the "5x5" branches differ, by (25 - 9) / 9 of their MACs.
    const fiveByFive = [
      [28, 16, 32], [28, 32, 96],
      [14, 16, 48], [14, 24, 64], [14, 24, 64], [14, 32, 64], [14, 32, 128],
      [7, 32, 128], [7, 48, 128],
    ].reduce((sum, [size, reduce, out]) => sum + size! * size! * reduce! * out! * 9, 0);
    expect(counts('googlenet-paper').macs - counts('googlenet').macs).toBe((fiveByFive * 16) / 9);
    // ResNet-50 v1 strides the first 1x1 of a downsampling block: its 3x3 then runs on the small map.
    expect(counts('resnet50-v1').macs).toBeLessThan(counts('resnet50').macs);
    expect(counts('resnet50-v1').params).toBe(counts('resnet50').params);
  });
});
