import { IMAGENET, IMAGENET_SIZE_SOURCE, NetBuilder, type ZooEntry } from './builder.ts';

// SqueezeNet (Iandola et al., "SqueezeNet: AlexNet-level accuracy with 50x fewer parameters and
// <0.5MB model size", arXiv:1602.07360, 2016): fire modules (a 1x1 squeeze, then 1x1 and 3x3
// expands concatenated). The built-in `squeezenet` is version 1.1 from the authors' repository
// (github.com/forresti/SqueezeNet, SqueezeNet_v1.1), as torchvision ships it, on 224 x 224 input.

function fire(b: NetBuilder, name: string, input: string, squeeze: number, expand: number): string {
  b.conv(`${name}.squeeze`, squeeze, 1, { from: input });
  const s = b.act(`${name}.squeeze.relu`);
  b.conv(`${name}.expand1x1`, expand, 1, { from: s });
  const e1 = b.act(`${name}.expand1x1.relu`);
  b.conv(`${name}.expand3x3`, expand, 3, { padding: 1, from: s });
  const e3 = b.act(`${name}.expand3x3.relu`);
  return b.concat(`${name}.concat`, [e1, e3]);
}

/** [squeeze, expand] channels of fire2..fire9 (the same in both versions). */
const FIRES: readonly (readonly [number, number])[] = [[16, 64], [16, 64], [32, 128], [32, 128], [48, 192], [48, 192], [64, 256], [64, 256]];

/** v1.0 pools after conv1, fire4 and fire8; v1.1 after conv1, fire3 and fire5. */
function squeezenetLayers(version: '1.0' | '1.1'): NetBuilder {
  const b = new NetBuilder();
  if (version === '1.0') b.conv('conv1', 96, 7, { stride: 2 });
  else b.conv('conv1', 64, 3, { stride: 2 });
  b.act('conv1.relu');
  let x = b.pool('pool1', 'max', 3, 2, { ceil: true });
  const poolAfter = version === '1.0' ? [4, 8] : [3, 5];
  FIRES.forEach(([squeeze, expand], i) => {
    const n = i + 2;
    x = fire(b, `fire${n}`, x, squeeze, expand);
    if (poolAfter.includes(n)) x = b.pool(`pool${n}`, 'max', 3, 2, { ceil: true, from: x });
  });
  b.conv('conv10', 1000, 1, { from: x });
  b.act('conv10.relu');
  b.globalAvgPool('avgpool');
  b.softmax();
  return b;
}

const imagenet224 = { ...IMAGENET, input: { channels: 3, height: 224, width: 224 } };

export function squeezenet(): ZooEntry {
  return {
    id: 'squeezenet',
    network: squeezenetLayers('1.1').network({
      name: 'SqueezeNet 1.1',
      ...imagenet224,
      source: `SqueezeNet v1.1 (Iandola et al., arXiv:1602.07360; github.com/forresti/SqueezeNet, SqueezeNet_v1.1), as torchvision's squeezenet1_1 (224 x 224 input); ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 0.35e9,
    macsSource: 'torchvision model documentation, SqueezeNet1_1_Weights.IMAGENET1K_V1: 0.35 GFLOPS (multiply-accumulates; conv only, SqueezeNet has no fc)',
    notes:
      'Version 1.1, 2.4x cheaper than 1.0 at the same accuracy (Iandola et al.\'s release notes); 1.0 is squeezenet1.0 (0.82 G on 224 x 224, 0.83 G on the Caffe release\'s 227 x 227). ' +
      'On 227 x 227 input 1.1 would count 0.39 G.',
  };
}

export function squeezenet10(): ZooEntry {
  return {
    id: 'squeezenet1.0',
    network: squeezenetLayers('1.0').network({
      name: 'SqueezeNet 1.0',
      ...imagenet224,
      source: `SqueezeNet v1.0 (Iandola et al., arXiv:1602.07360, Table 1), as torchvision's squeezenet1_0 (224 x 224 input); ${IMAGENET_SIZE_SOURCE}`,
    }),
    publishedForwardMacs: 0.82e9,
    macsSource: 'torchvision model documentation, SqueezeNet1_0_Weights.IMAGENET1K_V1: 0.82 GFLOPS (multiply-accumulates)',
    notes: 'On the Caffe release\'s 227 x 227 input the same layers count 0.83 G.',
  };
}
