import { NetBuilder, type ZooEntry } from './builder.ts';

// LeNet-5, AlexNet, VGG-16 and NeuroSim's VGG-8: plain stacks of conv, pool and fc layers.

function lenet5(): ZooEntry {
  const b = new NetBuilder();
  b.conv('c1', 6, 5);
  b.relu('c1.relu');
  b.pool('s2', 'avg', 2, 2);
  b.conv('c3', 16, 5);
  b.relu('c3.relu');
  b.pool('s4', 'avg', 2, 2);
  b.conv('c5', 120, 5);
  b.relu('c5.relu');
  b.fc('f6', 84);
  b.relu('f6.relu');
  b.fc('output', 10);
  b.softmax('softmax');
  return {
    id: 'lenet5',
    network: b.network({
      name: 'LeNet-5',
      dataset: 'MNIST',
      datasetSize: 60_000,
      input: { channels: 1, height: 32, width: 32 },
      classes: 10,
      source: 'LeCun et al., Proc. IEEE 1998 (C3 fully connected to S2, ReLU in place of the scaled tanh)',
    }),
    publishedForwardMacs: 0.42e6,
    macsSource: 'domain.md section 7: LeNet-5 about 0.42 M MACs per image',
  };
}

function alexnet(): ZooEntry {
  const b = new NetBuilder();
  // The single-tower variant ("one weird trick", Krizhevsky 2014; torchvision): 64-192-384-256-256.
  b.conv('conv1', 64, 11, 4, 2);
  b.relu('conv1.relu');
  b.pool('pool1', 'max', 3, 2);
  b.conv('conv2', 192, 5, 1, 2);
  b.relu('conv2.relu');
  b.pool('pool2', 'max', 3, 2);
  b.conv('conv3', 384, 3, 1, 1);
  b.relu('conv3.relu');
  b.conv('conv4', 256, 3, 1, 1);
  b.relu('conv4.relu');
  b.conv('conv5', 256, 3, 1, 1);
  b.relu('conv5.relu');
  b.pool('pool5', 'max', 3, 2);
  b.classifier('fc', [4096, 4096, 1000], 6);
  return {
    id: 'alexnet',
    network: b.network({
      name: 'AlexNet',
      dataset: 'ImageNet',
      datasetSize: 1_281_167,
      input: { channels: 3, height: 224, width: 224 },
      classes: 1000,
      source: 'Krizhevsky, "One weird trick for parallelizing CNNs", arXiv 1404.5997 (2014): the single-tower AlexNet',
    }),
    publishedForwardMacs: 0.72e9,
    macsSource: 'domain.md section 7: AlexNet about 0.72 G MACs per image',
  };
}

function vggBlock(b: NetBuilder, stage: number, convs: number, out: number): void {
  for (let i = 1; i <= convs; i += 1) {
    b.conv(`conv${stage}_${i}`, out, 3, 1, 1);
    b.relu(`conv${stage}_${i}.relu`);
  }
  b.pool(`pool${stage}`, 'max', 2, 2);
}

function vgg16(): ZooEntry {
  const b = new NetBuilder();
  [64, 128, 256, 512, 512].forEach((out, i) => vggBlock(b, i + 1, i < 2 ? 2 : 3, out));
  b.classifier('fc', [4096, 4096, 1000], 6);
  return {
    id: 'vgg16',
    network: b.network({
      name: 'VGG-16',
      dataset: 'ImageNet',
      datasetSize: 1_281_167,
      input: { channels: 3, height: 224, width: 224 },
      classes: 1000,
      source: 'Simonyan & Zisserman, ICLR 2015, configuration D',
    }),
    publishedForwardMacs: 15.5e9,
    macsSource: 'domain.md section 7: VGG-16 about 15.5 G MACs per image',
  };
}

function vgg8Cifar(): ZooEntry {
  const b = new NetBuilder();
  // NeuroSim's VGG-8 for CIFAR-10 (its NetWork.csv): 'same' padding, 2x2 max pooling.
  b.conv('conv1', 128, 3, 1, 1);
  b.relu('conv1.relu');
  b.conv('conv2', 128, 3, 1, 1);
  b.relu('conv2.relu');
  b.pool('pool2', 'max', 2, 2);
  b.conv('conv3', 256, 3, 1, 1);
  b.relu('conv3.relu');
  b.conv('conv4', 256, 3, 1, 1);
  b.relu('conv4.relu');
  b.pool('pool4', 'max', 2, 2);
  b.conv('conv5', 512, 3, 1, 1);
  b.relu('conv5.relu');
  b.conv('conv6', 512, 3, 1, 1);
  b.relu('conv6.relu');
  b.pool('pool6', 'max', 2, 2);
  b.classifier('fc', [1024, 10], 7);
  return {
    id: 'vgg8-cifar',
    network: b.network({
      name: 'VGG-8 (CIFAR-10, NeuroSim)',
      dataset: 'CIFAR-10',
      datasetSize: 50_000,
      input: { channels: 3, height: 32, width: 32 },
      classes: 10,
      source: 'NeuroSim (DNN+NeuroSim V2.1) VGG-8 NetWork.csv for CIFAR-10',
    }),
    publishedForwardMacs: 0.62e9,
    macsSource: 'domain.md section 7: VGG-8 (CIFAR-10, NeuroSim) about 0.62 G MACs per image',
  };
}

export const CLASSIC_NETWORKS = [lenet5, alexnet, vgg16, vgg8Cifar];
