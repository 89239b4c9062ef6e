import { IMAGENET, IMAGENET_SIZE_SOURCE, NetBuilder, type ZooEntry } from './builder.ts';

// LeNet-5, AlexNet, VGG-16 and NeuroSim's VGG-8: plain stacks of conv, pool and fc layers.

export function lenet5(): ZooEntry {
  const b = new NetBuilder();
  b.conv('C1', 6, 5);
  b.act('C1.tanh', 'tanh');
  b.pool('S2', 'avg', 2, 2);
  b.conv('C3', 16, 5);
  b.act('C3.tanh', 'tanh');
  b.pool('S4', 'avg', 2, 2);
  b.conv('C5', 120, 5);
  b.act('C5.tanh', 'tanh');
  b.classifier(['F6', 'output'], [84, 10], 'tanh');
  return {
    id: 'lenet5',
    network: b.network({
      name: 'LeNet-5',
      dataset: 'MNIST',
      datasetSize: 60_000,
      input: { channels: 1, height: 32, width: 32 },
      classes: 10,
      source: 'LeCun, Bottou, Bengio, Haffner, "Gradient-based learning applied to document recognition", Proc. IEEE 86(11), 1998 (LeNet-5, 32 x 32 input); MNIST: 60,000 training images',
    }),
    publishedForwardMacs: 0.42e6,
    macsSource: "assumption: 0.42 M MACs per image (conv + fc), counted from the layer shapes of LeCun et al., Proc. IEEE 1998, with C3 connected to all six S2 maps; no publication gives a total for this variant (the paper's partial C3 gives 0.33 M)",
    notes:
      'C3 fully connected to all six S2 maps (the paper connects 10 of 16 maps to a subset: 151,600 instead of 240,000 MACs, 0.33 M in all); ' +
      'S2 and S4 as plain average pooling (the paper trains a coefficient and a bias per map), the RBF output as an fc layer, softmax cross-entropy as the loss.',
  };
}

function alexnetHead(b: NetBuilder): void {
  b.classifier(['fc6', 'fc7', 'fc8'], [4096, 4096, 1000]);
}

export function alexnet(): ZooEntry {
  const b = new NetBuilder();
  b.conv('conv1', 96, 11, { stride: 4 });
  b.act('conv1.relu');
  b.pool('pool1', 'max', 3, 2);
  b.conv('conv2', 256, 5, { padding: 2, groups: 2 });
  b.act('conv2.relu');
  b.pool('pool2', 'max', 3, 2);
  b.conv('conv3', 384, 3, { padding: 1 });
  b.act('conv3.relu');
  b.conv('conv4', 384, 3, { padding: 1, groups: 2 });
  b.act('conv4.relu');
  b.conv('conv5', 256, 3, { padding: 1, groups: 2 });
  b.act('conv5.relu');
  b.pool('pool5', 'max', 3, 2);
  alexnetHead(b);
  return {
    id: 'alexnet',
    network: b.network({
      name: 'AlexNet',
      ...IMAGENET,
      input: { channels: 3, height: 227, width: 227 },
      source: `Krizhevsky, Sutskever, Hinton, "ImageNet classification with deep convolutional neural networks", NIPS 2012: the original two-tower network (conv2, conv4, conv5 in 2 groups), 227 x 227 input as in Caffe's bvlc_alexnet; ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 0.72e9,
    macsSource: 'Sze, Chen, Yang, Emer, "Efficient Processing of Deep Neural Networks: A Tutorial and Survey", Proc. IEEE 105(12), 2017: AlexNet 724 M MACs per image (conv + fc), about 0.72 G',
    notes:
      'The grouped original, not the single-tower "one weird trick" variant (torchvision, 0.71 G; see alexnet-single-tower): both are within 2%, the original is the one FloatPIM-era papers train and the one whose 724 M matches 0.72 G. ' +
      'The paper\'s 224 x 224 input cannot give its 55 x 55 conv1 output with an 11 x 11 stride-4 kernel; 227 x 227 does. Local response normalisation and dropout are left out (no weights, under 0.1% of the operations).',
  };
}

export function alexnetSingleTower(): ZooEntry {
  const b = new NetBuilder();
  b.conv('conv1', 64, 11, { stride: 4, padding: 2 });
  b.act('conv1.relu');
  b.pool('pool1', 'max', 3, 2);
  b.conv('conv2', 192, 5, { padding: 2 });
  b.act('conv2.relu');
  b.pool('pool2', 'max', 3, 2);
  b.conv('conv3', 384, 3, { padding: 1 });
  b.act('conv3.relu');
  b.conv('conv4', 256, 3, { padding: 1 });
  b.act('conv4.relu');
  b.conv('conv5', 256, 3, { padding: 1 });
  b.act('conv5.relu');
  b.pool('pool5', 'max', 3, 2);
  alexnetHead(b);
  return {
    id: 'alexnet-single-tower',
    network: b.network({
      name: 'AlexNet (single tower)',
      ...IMAGENET,
      input: { channels: 3, height: 224, width: 224 },
      source: `Krizhevsky, "One weird trick for parallelizing convolutional neural networks", arXiv:1404.5997 (2014), as in torchvision's alexnet; ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 0.71e9,
    macsSource: 'torchvision model documentation, AlexNet_Weights.IMAGENET1K_V1: 0.71 GFLOPS (counted as multiply-accumulates of conv and linear layers)',
    notes: 'Channels 64-192-384-256-256, no groups, 224 x 224 input.',
  };
}

export function vgg16(): ZooEntry {
  const b = new NetBuilder();
  [64, 128, 256, 512, 512].forEach((out, stage) => {
    const convs = stage < 2 ? 2 : 3;
    for (let i = 1; i <= convs; i += 1) {
      b.conv(`conv${stage + 1}_${i}`, out, 3, { padding: 1 });
      b.act(`conv${stage + 1}_${i}.relu`);
    }
    b.pool(`pool${stage + 1}`, 'max', 2, 2);
  });
  b.classifier(['fc6', 'fc7', 'fc8'], [4096, 4096, 1000]);
  return {
    id: 'vgg16',
    network: b.network({
      name: 'VGG-16',
      ...IMAGENET,
      input: { channels: 3, height: 224, width: 224 },
      source: `Simonyan, Zisserman, "Very deep convolutional networks for large-scale image recognition", ICLR 2015, configuration D; ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 15.5e9,
    macsSource: 'Sze, Chen, Yang, Emer, "Efficient Processing of Deep Neural Networks: A Tutorial and Survey", Proc. IEEE 105(12), 2017: VGG-16 15.5 G MACs per image (conv + fc)',
    notes: 'Dropout is left out (no weights).',
  };
}

export function vgg8Cifar(): ZooEntry {
  const b = new NetBuilder();
  const block = (names: readonly string[], out: number, pool: string): void => {
    for (const name of names) {
      b.conv(name, out, 3, { padding: 1, bias: false });
      b.act(`${name}.relu`);
    }
    b.pool(pool, 'max', 2, 2);
  };
  block(['conv1', 'conv2'], 128, 'pool2');
  block(['conv3', 'conv4'], 256, 'pool4');
  block(['conv5', 'conv6'], 512, 'pool6');
  b.classifier(['fc7', 'fc8'], [1024, 10], 'relu', false);
  return {
    id: 'vgg8-cifar',
    network: b.network({
      name: 'VGG-8 (CIFAR-10, NeuroSim)',
      dataset: 'CIFAR-10',
      datasetSize: 50_000,
      input: { channels: 3, height: 32, width: 32 },
      classes: 10,
      source: 'DNN+NeuroSim V2.1 (github.com/neurosim/DNN_NeuroSim_V2.1): Training_pytorch/cifar/model.py and NeuroSIM/NetWork.csv; CIFAR-10: 50,000 training images (Krizhevsky 2009)',
    }),
    publishedForwardMacs: 0.62e9,
    macsSource: 'assumption: 0.62 G MACs per image (conv + fc), counted from the layer table DNN+NeuroSim V2.1 ships (NeuroSIM/NetWork.csv; Peng et al., IEEE TCAD 2021), which states no total',
    notes: "'same' padding and no biases, as NeuroSim's QConv2d and QLinear; 2 x 2 max pooling; fc7 reads the 512 x 4 x 4 map flattened (8192 features).",
  };
}
