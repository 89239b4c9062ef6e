import type { ZooEntry } from './builder.ts';
import { alexnet, alexnetSingleTower, lenet5, vgg16, vgg8Cifar } from './classic.ts';
import { googlenet, googlenetPaper } from './googlenet.ts';
import { resnet18, resnet50, resnet50v1 } from './resnet.ts';
import { squeezenet, squeezenet10 } from './squeezenet.ts';

export type { ZooEntry } from './builder.ts';
export { NetBuilder } from './builder.ts';

/** The built-in networks, in the order users see them. */
export const ZOO: readonly ZooEntry[] = [lenet5, alexnet, vgg16, vgg8Cifar, resnet18, resnet50, googlenet, squeezenet].map((make) => make());

/**
 * Other layouts that go by the same names, for users who need to match another paper's count;
 * each entry's notes say how it differs from the built-in one.
 */
export const ZOO_VARIANTS: readonly ZooEntry[] = [alexnetSingleTower, resnet50v1, googlenetPaper, squeezenet10].map((make) => make());

export function zooNetwork(id: string): ZooEntry | undefined {
  return ZOO.find((entry) => entry.id === id) ?? ZOO_VARIANTS.find((entry) => entry.id === id);
}
