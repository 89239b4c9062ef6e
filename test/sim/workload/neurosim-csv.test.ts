import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Network } from '../../../src-main/shared/schemas/workload.ts';
import { networkSchema } from '../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../src-main/sim/workload/analyze.ts';
import { parseNeuroSimCsv } from '../../../src-main/sim/workload/import/neurosim-csv.ts';
import { networkToNeuroSimCsv } from '../../../src-main/sim/workload/import/neurosim-export.ts';
import { zooNetwork } from '../../../src-main/sim/workload/zoo/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/workloads/${name}`, import.meta.url), 'utf8');

function imported(text: string, options?: Parameters<typeof parseNeuroSimCsv>[2]) {
  const result = parseNeuroSimCsv(text, 'sample', options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

function macs(network: Network): number {
  const result = analyzeNetwork(network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.analysis.forwardMacs;
}

function issuesOf(text: string, options?: Parameters<typeof parseNeuroSimCsv>[2]) {
  const result = parseNeuroSimCsv(text, 'bad', options);
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('NeuroSim NetWork.csv import', () => {
  it("reads NeuroSim's VGG-8 into the built-in VGG-8: same MACs, fc rows as fc layers, 2x2 max pools", () => {
    // vgg8-NetWork.csv holds the rows of DNN+NeuroSim V2.1's Training_pytorch/NeuroSIM/NetWork.csv.
    const { network, notes } = imported(fixture('vgg8-NetWork.csv'));
    expect(networkSchema.safeParse(network).success).toBe(true);
    expect(macs(network)).toBe(macs(zooNetwork('vgg8-cifar')!.network));
    expect(macs(network)).toBe(615_917_568);
    expect(network.layers).toHaveLength(19);
    expect(network.layers.filter((l) => l.kind === 'fc').map((l) => l.name)).toEqual(['layer7', 'layer8']);
    expect(network.layers.filter((l) => l.kind === 'pool').map((l) => (l.kind === 'pool' ? [l.name, l.mode, l.kernel] : []))).toEqual([
      ['layer2.pool', 'max', [2, 2]],
      ['layer4.pool', 'max', [2, 2]],
      ['layer6.pool', 'max', [2, 2]],
    ]);
    expect(network.layers.at(-1)).toEqual({ name: 'softmax', kind: 'softmax', inputs: ['layer8'] });
    expect(network.classes).toBe(10);
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/^assumption: 'same' padding/), expect.stringMatching(/^assumption: a ReLU after every layer/)]);
  });

  it('round-trips: VGG-8 written back gives the same file, the built-in one too', () => {
    const text = fixture('vgg8-NetWork.csv');
    const back = networkToNeuroSimCsv(imported(text).network);
    expect(back).toEqual({ ok: true, text });
    expect(networkToNeuroSimCsv(zooNetwork('vgg8-cifar')!.network)).toEqual({ ok: true, text });
  });

  it("reads a residual network's rows, shortcuts included, and notes the rows that do not chain", () => {
    // resnet18-NetWork.csv (CRLF line ends) was written by networkToNeuroSimCsv from the built-in
    // ResNet-18; it matches DNN+NeuroSim V1.3's NetWork_ResNet18.csv row for row.
    const text = fixture('resnet18-NetWork.csv');
    const { network, notes } = imported(text);
    expect(macs(network)).toBe(macs(zooNetwork('resnet18')!.network));
    expect(notes.slice(2).map((n) => n.path)).toEqual([8, 13, 18].map((line) => `line ${line}, columns 1-3 (IFM_H, IFM_W, IFM_C)`));
    expect(notes[2]!.message).toMatch(/reads 56x56x64 \(H x W x C\) where the row before makes 28x28x128/);
    const pools = network.layers.filter((l) => l.kind === 'pool');
    expect(pools.map((p) => [p.name, p.kind === 'pool' && (p.global === true ? 'global' : p.mode)])).toEqual([
      ['layer1.pool', 'max'],
      ['layer20.pool', 'global'],
    ]);
    expect(networkToNeuroSimCsv(zooNetwork('resnet18')!.network)).toEqual({ ok: true, text: text.replace(/\r\n/g, '\n') });
  });

  it("with padding 'valid' counts NeuroSim's own (IFM - K + 1) / stride output positions", () => {
    const { network } = imported(fixture('vgg8-NetWork.csv'), { padding: 'valid' });
    const convs = 30 * 30 * 128 * 27 + 30 * 30 * 128 * 1152 + 14 * 14 * 256 * 1152 + 14 * 14 * 256 * 2304 + 6 * 6 * 512 * 2304 + 6 * 6 * 512 * 4608;
    expect(macs(network)).toBe(convs + 8192 * 1024 + 1024 * 10);
    expect(network.source).toMatch(/valid padding/);
  });

  it('ignores blank lines, a byte-order mark and trailing commas; notes extra columns', () => {
    const { network, notes } = imported('\uFEFF\n32,32,3,3,3,16,0,1,\r\n,,,,\n32,32,16,3,3,10,0,1,7\n\n');
    expect(network.layers.map((l) => l.kind)).toEqual(['conv', 'activation', 'conv', 'softmax']);
    expect(notes.at(-1)).toEqual({ path: 'line 4, column 9', message: 'columns after the 8th are not part of the NetWork.csv format and are ignored' });
  });
});

describe('NeuroSim NetWork.csv errors name line and column', () => {
  it('every malformed row of a file, not just the first', () => {
    const text = ['32,32,3,3,3,128,0,1', '32,32,128,three,3,128,1,1', '16,16,128,3,3,256,2,1', '16,16,256,3,3', '8,8,256,3,3,,0,1', '8,8,256,0,3,512,0,1.5'].join('\n');
    expect(issuesOf(text)).toEqual([
      { path: 'line 2, column 4 (K_H)', message: '"three" is not a positive whole number' },
      { path: 'line 3, column 7 (pooled_after)', message: '"2" is not 0 or 1' },
      { path: 'line 4', message: 'has 5 columns; a layer row has 8: IFM_H, IFM_W, IFM_C, K_H, K_W, OFM_C, pooled_after, stride' },
      { path: 'line 5, column 6 (OFM_C)', message: 'is empty' },
      { path: 'line 6, column 4 (K_H)', message: '"0" is not a positive whole number' },
      { path: 'line 6, column 8 (stride)', message: '"1.5" is not a positive whole number' },
    ]);
  });

  it('a header row, a kernel that does not fit, a pool on a 1x1 output, an empty file', () => {
    expect(issuesOf('IFM_H,IFM_W,IFM_C,K_H,K_W,OFM_C,pooled,stride\n32,32,3,3,3,8,0,1\n')[0]).toEqual({
      path: 'line 1, column 1 (IFM_H)',
      message: '"IFM_H" is not a positive whole number (NetWork.csv has no header row)',
    });
    expect(issuesOf('4,4,3,5,5,8,0,1\n', { padding: 'valid' })).toEqual([{ path: 'line 1, columns 4-5 (K_H, K_W)', message: 'a 5x5 kernel with stride 1 does not fit the 4x4 input' }]);
    expect(issuesOf('1,1,16,1,1,8,1,1\n1,1,8,1,1,4,0,1\n')).toEqual([{ path: 'line 1, column 7 (pooled_after)', message: 'a 2x2 pool needs at least a 2x2 output; this layer makes 1x1' }]);
    expect(issuesOf('\n \n')).toEqual([{ path: 'file', message: 'has no layer rows' }]);
  });

  it('lists at most 50 problems and says how many more there are', () => {
    const found = issuesOf(Array.from({ length: 60 }, () => 'x,1,1,1,1,1,0,1').join('\n'));
    expect(found).toHaveLength(51);
    expect(found.at(-1)).toEqual({ path: 'file', message: '10 more problems not listed' });
  });
});

describe('NetWork.csv export', () => {
  it('refuses layers the format cannot express instead of changing their MACs', () => {
    const result = networkToNeuroSimCsv(zooNetwork('alexnet')!.network);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toEqual({ path: 'layers[0]', message: `layer "conv1" has padding 0x0; NetWork.csv implies 'same' padding (5x5)` });
  });
});

describe('NeuroSim import, property', () => {
  it('every file it accepts is a valid network that analyses (2,000 seeded random files, both paddings)', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let accepted = 0;
    for (let k = 0; k < 2000; k += 1) {
      const rows = Array.from({ length: 1 + next(4) }, () => [1 + next(12), 1 + next(12), 1 + next(6), 1 + next(5), 1 + next(5), 1 + next(6), next(2), 1 + next(3)].join(','));
      const result = parseNeuroSimCsv(rows.join('\n'), 'random', { padding: next(2) === 0 ? 'same' : 'valid' });
      if (!result.ok) continue;
      accepted += 1;
      expect(networkSchema.safeParse(result.network).success, rows.join(' / ')).toBe(true);
      expect(analyzeNetwork(result.network).ok, rows.join(' / ')).toBe(true);
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
