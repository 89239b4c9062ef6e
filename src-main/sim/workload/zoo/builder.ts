import type { ActivationFunction, Layer, Network } from '../../../shared/schemas/workload.ts';

// A small language for writing the built-in networks: each call appends a layer that reads the
// previous one (or the named ones), so a builder reads like the layer table of its paper.

export interface ConvOptions {
  readonly stride?: number;
  readonly padding?: number;
  readonly groups?: number;
  /** Default true; false where a batch-norm follows (its shift makes a bias redundant). */
  readonly bias?: boolean;
  readonly from?: string;
}

export interface PoolOptions {
  readonly padding?: number;
  readonly ceil?: boolean;
  readonly from?: string;
}

type WithoutInputs<T> = T extends unknown ? Omit<T, 'inputs'> : never;
type NewLayer = WithoutInputs<Layer>;

export class NetBuilder {
  readonly layers: Layer[] = [];
  private last: string | undefined;

  /** Appends a layer reading `from` (default: the previous layer, or the network input for the first). */
  push(layer: NewLayer, from?: string | readonly string[]): string {
    const inputs = from === undefined ? (this.last === undefined ? [] : [this.last]) : typeof from === 'string' ? [from] : [...from];
    this.layers.push({ ...layer, inputs } as Layer);
    this.last = layer.name;
    return layer.name;
  }

  conv(name: string, out: number, kernel: number, options: ConvOptions = {}): string {
    const { stride = 1, padding = 0, groups = 1, bias = true } = options;
    const layer: NewLayer = { name, kind: 'conv', out, kernel: [kernel, kernel], stride: [stride, stride], padding: [padding, padding] };
    return this.push({ ...layer, ...(groups > 1 ? { groups } : {}), ...(bias ? {} : { bias: false }) }, options.from);
  }

  fc(name: string, out: number, options: { bias?: boolean; from?: string } = {}): string {
    return this.push({ name, kind: 'fc', out, ...(options.bias === false ? { bias: false } : {}) }, options.from);
  }

  act(name: string, fn: ActivationFunction = 'relu', from?: string): string {
    return this.push({ name, kind: 'activation', function: fn }, from);
  }

  bn(name: string): string {
    return this.push({ name, kind: 'batchnorm' });
  }

  pool(name: string, mode: 'max' | 'avg', kernel: number, stride: number, options: PoolOptions = {}): string {
    const { padding = 0, ceil = false } = options;
    return this.push({ name, kind: 'pool', mode, kernel: [kernel, kernel], stride: [stride, stride], padding: [padding, padding], ...(ceil ? { ceil } : {}) }, options.from);
  }

  globalAvgPool(name: string): string {
    return this.push({ name, kind: 'pool', mode: 'avg', global: true });
  }

  add(name: string, a: string, b: string): string {
    return this.push({ name, kind: 'add' }, [a, b]);
  }

  concat(name: string, from: readonly string[]): string {
    return this.push({ name, kind: 'concat' }, from);
  }

  softmax(name = 'softmax'): string {
    return this.push({ name, kind: 'softmax' });
  }

  /** Conv without bias, batch-norm, ReLU: the unit of ResNet and torchvision's GoogLeNet. */
  convBnRelu(name: string, out: number, kernel: number, options: Omit<ConvOptions, 'bias'> = {}): string {
    this.conv(name, out, kernel, { ...options, bias: false });
    this.bn(`${name}.bn`);
    return this.act(`${name}.relu`);
  }

  /** fc + activation for each hidden width, then the output fc and the softmax loss. */
  classifier(names: readonly string[], widths: readonly number[], fn: ActivationFunction = 'relu', bias = true): string {
    widths.forEach((width, i) => {
      this.fc(names[i]!, width, { bias });
      if (i < widths.length - 1) this.act(`${names[i]!}.${fn}`, fn);
    });
    return this.softmax();
  }

  network(meta: Omit<Network, 'layers'>): Network {
    return { ...meta, layers: this.layers };
  }
}

/** A built-in network with the forward MACs its literature reports, to check the zoo against. */
export interface ZooEntry {
  readonly id: string;
  readonly network: Network;
  /** Conv + fc multiply-accumulates per image, as published. */
  readonly publishedForwardMacs: number;
  readonly macsSource: string;
  /** Which variant this is, and why its count matches the published one. */
  readonly notes: string;
}

export const IMAGENET = { dataset: 'ImageNet (ILSVRC-2012)', datasetSize: 1_281_167, classes: 1000 } as const;
export const IMAGENET_SIZE_SOURCE = 'ILSVRC-2012 training set: 1,281,167 images (Russakovsky et al., IJCV 2015)';
