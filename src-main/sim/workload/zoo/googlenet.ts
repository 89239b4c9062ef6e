import { IMAGENET, IMAGENET_SIZE_SOURCE, NetBuilder, type ZooEntry } from './builder.ts';

// GoogLeNet (Szegedy et al., "Going deeper with convolutions", CVPR 2015, Table 1). Two layouts:
// torchvision's reference (batch-norm after every conv; its "5x5" branch uses 3x3 kernels) and the
// paper's (5x5 kernels, conv biases, no batch-norm). Local response normalisation and the two
// auxiliary classifiers of the paper are left out of both (8.5 M MACs, 0.6%).

interface Layout {
  /** Kernel of the "5x5" branch. */
  readonly fiveByFive: 3 | 5;
  readonly batchnorm: boolean;
  /** The max pool before inception5a: torchvision 2x2, the paper 3x3 (both stride 2, 14 -> 7). */
  readonly pool4Kernel: 2 | 3;
}

/** [1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool projection] output channels, from Table 1. */
type InceptionWidths = readonly [number, number, number, number, number, number];

function unit(b: NetBuilder, layout: Layout, name: string, out: number, kernel: number, options: { stride?: number; padding?: number; from?: string } = {}): string {
  if (layout.batchnorm) return b.convBnRelu(name, out, kernel, options);
  b.conv(name, out, kernel, options);
  return b.act(`${name}.relu`);
}

function inception(b: NetBuilder, layout: Layout, name: string, input: string, widths: InceptionWidths): string {
  const [c1, r3, c3, r5, c5, cp] = widths;
  const one = unit(b, layout, `${name}.1x1`, c1, 1, { from: input });
  unit(b, layout, `${name}.3x3_reduce`, r3, 1, { from: input });
  const three = unit(b, layout, `${name}.3x3`, c3, 3, { padding: 1 });
  unit(b, layout, `${name}.5x5_reduce`, r5, 1, { from: input });
  const five = unit(b, layout, `${name}.5x5`, c5, layout.fiveByFive, { padding: (layout.fiveByFive - 1) / 2 });
  b.pool(`${name}.pool`, 'max', 3, 1, { padding: 1, ceil: true, from: input });
  const projection = unit(b, layout, `${name}.pool_proj`, cp, 1);
  return b.concat(`${name}.concat`, [one, three, five, projection]);
}

const STAGE4: readonly [string, InceptionWidths][] = [
  ['inception4a', [192, 96, 208, 16, 48, 64]],
  ['inception4b', [160, 112, 224, 24, 64, 64]],
  ['inception4c', [128, 128, 256, 24, 64, 64]],
  ['inception4d', [112, 144, 288, 32, 64, 64]],
  ['inception4e', [256, 160, 320, 32, 128, 128]],
];

function googlenetLayers(layout: Layout): NetBuilder {
  const b = new NetBuilder();
  unit(b, layout, 'conv1', 64, 7, { stride: 2, padding: 3 });
  b.pool('pool1', 'max', 3, 2, { ceil: true });
  unit(b, layout, 'conv2_reduce', 64, 1);
  unit(b, layout, 'conv2', 192, 3, { padding: 1 });
  let x = b.pool('pool2', 'max', 3, 2, { ceil: true });
  x = inception(b, layout, 'inception3a', x, [64, 96, 128, 16, 32, 32]);
  x = inception(b, layout, 'inception3b', x, [128, 128, 192, 32, 96, 64]);
  x = b.pool('pool3', 'max', 3, 2, { ceil: true, from: x });
  for (const [name, widths] of STAGE4) x = inception(b, layout, name, x, widths);
  x = b.pool('pool4', 'max', layout.pool4Kernel, 2, { ceil: true, from: x });
  x = inception(b, layout, 'inception5a', x, [256, 160, 320, 32, 128, 128]);
  inception(b, layout, 'inception5b', x, [384, 192, 384, 48, 128, 128]);
  b.globalAvgPool('avgpool');
  b.fc('fc', 1000);
  b.softmax();
  return b;
}

const imagenet224 = { ...IMAGENET, input: { channels: 3, height: 224, width: 224 } };

export function googlenet(): ZooEntry {
  return {
    id: 'googlenet',
    network: googlenetLayers({ fiveByFive: 3, batchnorm: true, pool4Kernel: 2 }).network({
      name: 'GoogLeNet',
      ...imagenet224,
      source: `Szegedy et al., CVPR 2015, Table 1, in torchvision's reference layout (batch-norm, 3x3 kernels in the "5x5" branches); ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 1.5e9,
    macsSource: 'Szegedy et al., "Going deeper with convolutions", CVPR 2015: a budget of 1.5 billion multiply-adds per image (conv + fc); torchvision documents 1.50 GFLOPS (multiply-accumulates) for its GoogLeNet',
    notes:
      'The published 1.5 G matches this layout (1.50 G). The paper\'s own layout, with 5x5 kernels, counts 1.58 G (googlenet-paper, 5.5% over): its Table 1 also sums to about 1.5 G only because ' +
      'it lists 34 M operations for conv1, where 7x7x3 kernels into 64 maps of 112 x 112 take 118 M.',
  };
}

export function googlenetPaper(): ZooEntry {
  return {
    id: 'googlenet-paper',
    network: googlenetLayers({ fiveByFive: 5, batchnorm: false, pool4Kernel: 3 }).network({
      name: 'GoogLeNet (paper layout)',
      ...imagenet224,
      source: `Szegedy et al., CVPR 2015, Table 1: 5x5 kernels, conv biases, no batch-norm; ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 1.5e9,
    macsSource: 'Szegedy et al., CVPR 2015: "a computational budget of 1.5 billion multiply-adds at inference time"',
    notes: 'Counts 1.58 G: the 1.5 G budget of the paper undercounts conv1 (see googlenet).',
  };
}
