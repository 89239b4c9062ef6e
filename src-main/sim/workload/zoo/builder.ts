import type { Layer, Network } from '../../../shared/schemas/workload.ts';

// A small language for writing the built-in networks: each call appends a layer reading the
// previous one (or named ones), so the zoo reads like the papers' tables.

export class NetBuilder {
  readonly layers: Layer[] = [];
  last: string | undefined;

  private push(layer: Omit<Layer, 'inputs'> & { inputs?: string[] }, from?: string | string[]): string {
    const inputs = from === undefined ? (this.last ? [this.last] : []) : Array.isArray(from) ? from : [from];
    this.layers.push({ ...layer, inputs });
    this.last = layer.name;
    return layer.name;
  }

  conv(name: string, out: number, k: number, s = 1, p = 0, options: { groups?: number; from?: string } = {}): string {
    return this.push({ name, kind: 'conv', out, kernel: [k, k], stride: [s, s], padding: [p, p], ...(options.groups ? { groups: options.groups } : {}) }, options.from);
  }

  fc(name: string, out: number, from?: string): string {
    return this.push({ name, kind: 'fc', out }, from);
  }

  relu(name: string, from?: string): string {
    return this.push({ name, kind: 'relu' }, from);
  }

  bn(name: string, from?: string): string {
    return this.push({ name, kind: 'bn' }, from);
  }

  pool(name: string, mode: 'max' | 'avg', k: number, s: number, p = 0, ceil = false, from?: string): string {
    return this.push({ name, kind: 'pool', mode, kernel: [k, k], stride: [s, s], padding: [p, p], ...(ceil ? { ceil } : {}) }, from);
  }

  globalPool(name: string, from?: string): string {
    return this.push({ name, kind: 'pool', mode: 'global' }, from);
  }

  add(name: string, a: string, b: string): string {
    return this.push({ name, kind: 'add' }, [a, b]);
  }

  concat(name: string, from: string[]): string {
    return this.push({ name, kind: 'concat' }, from);
  }

  softmax(name: string): string {
    return this.push({ name, kind: 'softmax' });
  }

  /** conv, batch-norm, ReLU: the usual trio of modern CNNs. */
  convBnRelu(name: string, out: number, k: number, s = 1, p = 0, from?: string): string {
    this.conv(name, out, k, s, p, from ? { from } : {});
    this.bn(`${name}.bn`);
    return this.relu(`${name}.relu`);
  }

  /** A classifier head: fc + ReLU per hidden width, the output fc, then softmax. */
  classifier(prefix: string, widths: readonly number[], first = 1): string {
    widths.forEach((width, i) => {
      this.fc(`${prefix}${first + i}`, width);
      if (i < widths.length - 1) this.relu(`${prefix}${first + i}.relu`);
    });
    return this.softmax('softmax');
  }

  network(meta: Omit<Network, 'layers'>): Network {
    return { ...meta, layers: this.layers };
  }
}

/** A built-in network with the forward MACs its literature reports, to check the zoo against. */
export interface ZooEntry {
  readonly id: string;
  readonly network: Network;
  readonly publishedForwardMacs: number;
  readonly macsSource: string;
}
