import { IMAGENET, IMAGENET_SIZE_SOURCE, NetBuilder, type ZooEntry } from './builder.ts';

// ResNet-18 and ResNet-50 (He, Zhang, Ren, Sun, "Deep residual learning for image recognition",
// CVPR 2016, Table 1) in torchvision's layout: no conv biases, batch-norm after every conv, a
// 1 x 1 projection shortcut where the shape changes.

/** Where a bottleneck block downsamples: torchvision's v1.5 strides the 3x3 conv, the paper's v1 the first 1x1. */
type StrideAt = '3x3' | '1x1';

function shortcut(b: NetBuilder, name: string, input: string, out: number, stride: number, project: boolean): string {
  if (!project) return input;
  b.conv(`${name}.downsample`, out, 1, { stride, bias: false, from: input });
  return b.bn(`${name}.downsample.bn`);
}

function basicBlock(b: NetBuilder, name: string, input: string, width: number, stride: number, project: boolean): string {
  b.convBnRelu(`${name}.conv1`, width, 3, { stride, padding: 1, from: input });
  b.conv(`${name}.conv2`, width, 3, { padding: 1, bias: false });
  const main = b.bn(`${name}.conv2.bn`);
  b.add(`${name}.add`, main, shortcut(b, name, input, width, stride, project));
  return b.act(`${name}.relu`);
}

function bottleneck(b: NetBuilder, name: string, input: string, width: number, stride: number, project: boolean, strideAt: StrideAt): string {
  b.convBnRelu(`${name}.conv1`, width, 1, { stride: strideAt === '1x1' ? stride : 1, from: input });
  b.convBnRelu(`${name}.conv2`, width, 3, { stride: strideAt === '3x3' ? stride : 1, padding: 1 });
  b.conv(`${name}.conv3`, width * 4, 1, { bias: false });
  const main = b.bn(`${name}.conv3.bn`);
  b.add(`${name}.add`, main, shortcut(b, name, input, width * 4, stride, project));
  return b.act(`${name}.relu`);
}

function resnetLayers(blocks: readonly number[], bottlenecks: boolean, strideAt: StrideAt): NetBuilder {
  const b = new NetBuilder();
  b.convBnRelu('conv1', 64, 7, { stride: 2, padding: 3 });
  let x = b.pool('maxpool', 'max', 3, 2, { padding: 1 });
  let channels = 64;
  blocks.forEach((count, stage) => {
    const width = 64 * 2 ** stage;
    const outChannels = bottlenecks ? width * 4 : width;
    for (let i = 0; i < count; i += 1) {
      const stride = stage > 0 && i === 0 ? 2 : 1;
      const project = i === 0 && (stride !== 1 || channels !== outChannels);
      const name = `layer${stage + 1}.${i}`;
      x = bottlenecks ? bottleneck(b, name, x, width, stride, project, strideAt) : basicBlock(b, name, x, width, stride, project);
      channels = outChannels;
    }
  });
  b.globalAvgPool('avgpool');
  b.fc('fc', 1000);
  b.softmax();
  return b;
}

const imagenet224 = { ...IMAGENET, input: { channels: 3, height: 224, width: 224 } };

export function resnet18(): ZooEntry {
  return {
    id: 'resnet18',
    network: resnetLayers([2, 2, 2, 2], false, '3x3').network({ name: 'ResNet-18', ...imagenet224, source: `He et al., CVPR 2016, Table 1 (18-layer), torchvision layout; ${IMAGENET_SIZE_SOURCE}` }),
    publishedForwardMacs: 1.8e9,
    macsSource: 'He, Zhang, Ren, Sun, "Deep residual learning for image recognition", CVPR 2016, Table 1: 1.8 x 10^9 FLOPs for 18 layers, which are multiply-adds (conv + fc)',
    notes: 'Basic blocks; the residual adds, batch-norm and pooling are element-wise work outside the MAC count, as in the published figure.',
  };
}

export function resnet50(): ZooEntry {
  return {
    id: 'resnet50',
    network: resnetLayers([3, 4, 6, 3], true, '3x3').network({
      name: 'ResNet-50',
      ...imagenet224,
      source: `He et al., CVPR 2016, Table 1 (50-layer), in torchvision's "v1.5" layout (a downsampling block strides its 3x3 conv); ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 4.1e9,
    macsSource: 'torchvision model documentation, ResNet50_Weights.IMAGENET1K_V1: 4.09 GFLOPS (multiply-accumulates of conv and linear layers)',
    notes: 'v1.5: 4.09 G. The paper\'s v1 strides the first 1x1 conv instead and counts 3.86 G (its Table 1: 3.8 x 10^9); see resnet50-v1. 4.1 G is the v1.5 count.',
  };
}

export function resnet50v1(): ZooEntry {
  return {
    id: 'resnet50-v1',
    network: resnetLayers([3, 4, 6, 3], true, '1x1').network({ name: 'ResNet-50 v1', ...imagenet224, source: `He et al., CVPR 2016, Table 1 (50-layer), stride on the first 1x1 conv of a downsampling block; ${IMAGENET_SIZE_SOURCE}` }),
    publishedForwardMacs: 3.8e9,
    macsSource: 'He et al., CVPR 2016, Table 1: 3.8 x 10^9 FLOPs (multiply-adds) for the 50-layer network',
    notes: 'The layout of the paper; the published figure is rounded down from 3.86 G.',
  };
}
