import { NetBuilder, type ZooEntry } from './builder.ts';

// ResNet-18/50, GoogLeNet and SqueezeNet: networks with residual adds and concatenated branches.

const IMAGENET = { dataset: 'ImageNet', datasetSize: 1_281_167, input: { channels: 3, height: 224, width: 224 }, classes: 1000 };

function resnetStem(b: NetBuilder): string {
  b.convBnRelu('conv1', 64, 7, 2, 3);
  return b.pool('pool1', 'max', 3, 2, 1);
}

function basicBlock(b: NetBuilder, name: string, input: string, out: number, stride: number, project: boolean): string {
  b.convBnRelu(`${name}.conv1`, out, 3, stride, 1, input);
  b.conv(`${name}.conv2`, out, 3, 1, 1);
  const main = b.bn(`${name}.conv2.bn`);
  const skip = project ? (b.conv(`${name}.down`, out, 1, stride, 0, { from: input }), b.bn(`${name}.down.bn`)) : input;
  b.add(`${name}.add`, main, skip);
  return b.relu(`${name}.relu`);
}

function bottleneck(b: NetBuilder, name: string, input: string, width: number, stride: number, project: boolean): string {
  // torchvision's ResNet v1.5: the stride sits on the 3x3 convolution.
  b.convBnRelu(`${name}.conv1`, width, 1, 1, 0, input);
  b.convBnRelu(`${name}.conv2`, width, 3, stride, 1);
  b.conv(`${name}.conv3`, width * 4, 1);
  const main = b.bn(`${name}.conv3.bn`);
  const skip = project ? (b.conv(`${name}.down`, width * 4, 1, stride, 0, { from: input }), b.bn(`${name}.down.bn`)) : input;
  b.add(`${name}.add`, main, skip);
  return b.relu(`${name}.relu`);
}

function resnet(id: string, name: string, blocks: readonly number[], bottlenecks: boolean, macs: number): ZooEntry {
  const b = new NetBuilder();
  let x = resnetStem(b);
  let channels = 64;
  blocks.forEach((count, stage) => {
    const width = 64 * 2 ** stage;
    for (let i = 0; i < count; i += 1) {
      const stride = stage > 0 && i === 0 ? 2 : 1;
      const outChannels = bottlenecks ? width * 4 : width;
      const project = i === 0 && (stride !== 1 || channels !== outChannels);
      const blockName = `layer${stage + 1}.${i}`;
      x = bottlenecks ? bottleneck(b, blockName, x, width, stride, project) : basicBlock(b, blockName, x, width, stride, project);
      channels = outChannels;
    }
  });
  b.globalPool('avgpool');
  b.fc('fc', 1000);
  b.softmax('softmax');
  return {
    id,
    network: b.network({ name, ...IMAGENET, source: 'He et al., CVPR 2016 (torchvision layout: stride on the 3x3 convolution)' }),
    publishedForwardMacs: macs,
    macsSource: `domain.md section 7: ${name} about ${macs / 1e9} G MACs per image`,
  };
}

function inception(b: NetBuilder, name: string, input: string, c: readonly [number, number, number, number, number, number]): string {
  const [c1, r3, c3, r5, c5, cp] = c;
  const one = b.convBnRelu(`${name}.1x1`, c1, 1, 1, 0, input);
  b.convBnRelu(`${name}.3x3red`, r3, 1, 1, 0, input);
  const three = b.convBnRelu(`${name}.3x3`, c3, 3, 1, 1);
  b.convBnRelu(`${name}.5x5red`, r5, 1, 1, 0, input);
  // torchvision's reference GoogLeNet uses 3x3 kernels in this "5x5" branch; its 1.5 G MACs is
  // the figure usually quoted (the paper's 5x5 kernels give about 1.58 G).
  const five = b.convBnRelu(`${name}.5x5`, c5, 3, 1, 1);
  b.pool(`${name}.pool`, 'max', 3, 1, 1, true, input);
  const proj = b.convBnRelu(`${name}.poolproj`, cp, 1);
  return b.concat(`${name}.concat`, [one, three, five, proj]);
}

function googlenet(): ZooEntry {
  const b = new NetBuilder();
  b.convBnRelu('conv1', 64, 7, 2, 3);
  b.pool('pool1', 'max', 3, 2, 0, true);
  b.convBnRelu('conv2', 64, 1);
  b.convBnRelu('conv3', 192, 3, 1, 1);
  let x = b.pool('pool2', 'max', 3, 2, 0, true);
  x = inception(b, 'inception3a', x, [64, 96, 128, 16, 32, 32]);
  x = inception(b, 'inception3b', x, [128, 128, 192, 32, 96, 64]);
  x = b.pool('pool3', 'max', 3, 2, 0, true, x);
  x = inception(b, 'inception4a', x, [192, 96, 208, 16, 48, 64]);
  x = inception(b, 'inception4b', x, [160, 112, 224, 24, 64, 64]);
  x = inception(b, 'inception4c', x, [128, 128, 256, 24, 64, 64]);
  x = inception(b, 'inception4d', x, [112, 144, 288, 32, 64, 64]);
  x = inception(b, 'inception4e', x, [256, 160, 320, 32, 128, 128]);
  x = b.pool('pool4', 'max', 2, 2, 0, true, x);
  x = inception(b, 'inception5a', x, [256, 160, 320, 32, 128, 128]);
  inception(b, 'inception5b', x, [384, 192, 384, 48, 128, 128]);
  b.globalPool('avgpool');
  b.fc('fc', 1000);
  b.softmax('softmax');
  return {
    id: 'googlenet',
    network: b.network({ name: 'GoogLeNet', ...IMAGENET, source: 'Szegedy et al., CVPR 2015, Table 1, in the torchvision reference layout (batch-norm, 3x3 kernels in the 5x5 branches)' }),
    publishedForwardMacs: 1.5e9,
    macsSource: 'domain.md section 7: GoogLeNet about 1.5 G MACs per image',
  };
}

function fire(b: NetBuilder, name: string, input: string, squeeze: number, expand: number): string {
  b.conv(`${name}.squeeze`, squeeze, 1, 1, 0, { from: input });
  const s = b.relu(`${name}.squeeze.relu`);
  b.conv(`${name}.expand1x1`, expand, 1, 1, 0, { from: s });
  const e1 = b.relu(`${name}.expand1x1.relu`);
  b.conv(`${name}.expand3x3`, expand, 3, 1, 1, { from: s });
  const e3 = b.relu(`${name}.expand3x3.relu`);
  return b.concat(`${name}.concat`, [e1, e3]);
}

function squeezenet(): ZooEntry {
  const b = new NetBuilder();
  // SqueezeNet 1.0 (Caffe release, 227 x 227 input).
  b.conv('conv1', 96, 7, 2);
  b.relu('conv1.relu');
  let x = b.pool('pool1', 'max', 3, 2, 0, true);
  x = fire(b, 'fire2', x, 16, 64);
  x = fire(b, 'fire3', x, 16, 64);
  x = fire(b, 'fire4', x, 32, 128);
  x = b.pool('pool4', 'max', 3, 2, 0, true, x);
  x = fire(b, 'fire5', x, 32, 128);
  x = fire(b, 'fire6', x, 48, 192);
  x = fire(b, 'fire7', x, 48, 192);
  x = fire(b, 'fire8', x, 64, 256);
  x = b.pool('pool8', 'max', 3, 2, 0, true, x);
  x = fire(b, 'fire9', x, 64, 256);
  b.conv('conv10', 1000, 1, 1, 0, { from: x });
  b.relu('conv10.relu');
  b.globalPool('avgpool');
  b.softmax('softmax');
  return {
    id: 'squeezenet',
    network: b.network({ name: 'SqueezeNet 1.0', ...IMAGENET, input: { channels: 3, height: 227, width: 227 }, source: 'Iandola et al., arXiv 1602.07360 (2016), SqueezeNet 1.0 as released for Caffe (227 x 227 input)' }),
    publishedForwardMacs: 0.85e9,
    macsSource: 'domain.md section 7: SqueezeNet 1.0 about 0.85 G MACs per image',
  };
}

export const MODERN_NETWORKS = [
  () => resnet('resnet18', 'ResNet-18', [2, 2, 2, 2], false, 1.8e9),
  () => resnet('resnet50', 'ResNet-50', [3, 4, 6, 3], true, 4.1e9),
  googlenet,
  squeezenet,
];
