import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { networkSchema, type Network } from '../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork } from '../../../src-main/sim/workload/analyze.ts';
import { parseTimeloopLayers, type LayerFile } from '../../../src-main/sim/workload/import/timeloop.ts';

function folder(name: string): LayerFile[] {
  const dir = new URL(`../../fixtures/workloads/${name}/`, import.meta.url);
  return readdirSync(dir).map((fileName) => ({ fileName, text: readFileSync(new URL(fileName, dir), 'utf8') }));
}

function imported(files: readonly LayerFile[]) {
  const result = parseTimeloopLayers(files, 'sample');
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  expect(networkSchema.safeParse(result.network).success).toBe(true);
  return result;
}

function analysis(network: Network) {
  const result = analyzeNetwork(network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.analysis;
}

function issuesOf(files: readonly LayerFile[]) {
  const result = parseTimeloopLayers(files, 'bad');
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

const one = (text: string, fileName = 'l1.yaml') => [{ fileName, text }];

describe('Timeloop problem files', () => {
  it('read a folder in natural file order, keys in any case, MACs exactly C*M*P*Q*R*S', () => {
    const { network } = imported(folder('timeloop-alexnet'));
    expect(network.layers.map((l) => `${l.name}:${l.kind}`)).toEqual([
      'AlexNet_layer1:conv',
      'AlexNet_layer1.relu:activation',
      'AlexNet_layer2:conv',
      'AlexNet_layer2.relu:activation',
      'AlexNet_layer10:fc',
      'softmax:softmax',
    ]);
    expect(analysis(network).forwardMacs).toBe(3 * 96 * 55 * 55 * 11 * 11 + 96 * 256 * 27 * 27 * 5 * 5 + 4096 * 1000);
    // No padding in the files: layer 1 reads (55 - 1) * 4 + 11 = 227.
    expect(network.input).toEqual({ channels: 3, height: 227, width: 227 });
    expect(network.classes).toBe(1000);
  });

  it('give the same network whatever order the files come in', () => {
    const files = folder('timeloop-alexnet');
    expect(imported([...files].reverse()).network).toEqual(imported(files).network);
  });

  it('read CiMLoop files: template line and merged base, missing dimensions 1, groups', () => {
    const { network, notes } = imported(folder('cimloop-mobilenet'));
    expect(network.layers.filter((l) => l.kind !== 'activation').map((l) => l.name)).toEqual(['0', '1', '2', '10', 'softmax']);
    const depthwise = network.layers.find((l) => l.name === '1');
    expect(depthwise).toMatchObject({ kind: 'conv', out: 16, groups: 16, inputShape: [16, 114, 114], kernel: [3, 3] });
    const { shapes, forwardMacs } = analysis(network);
    expect(shapes.find((s) => s.name === '1')!.outShape).toEqual([16, 112, 112]);
    expect(forwardMacs).toBe(3 * 16 * 112 * 112 * 9 + 16 * 112 * 112 * 9 + 16 * 16 * 112 * 112 + 16 * 10);
    expect(notes.filter((n) => /merges a base problem/.test(n.message)).map((n) => n.path)).toEqual(['0.yaml', '1.yaml', '2.yaml', '10.yaml']);
  });

  it('use H, W and padding when a file gives them, and check them against P and Q', () => {
    const files = folder('timeloop-full');
    const { network } = imported(files);
    expect(network.layers[0]).toMatchObject({ kind: 'conv', inputShape: [3, 224, 224], padding: [1, 1], stride: [2, 2] });
    expect(analysis(network).forwardMacs).toBe(3 * 32 * 112 * 112 * 9);
    const wrong = files[0]!.text.replace('    P: 112', '    P: 111');
    expect(issuesOf(one(wrong, 'conv2d.yaml'))).toEqual([{ path: 'conv2d.yaml', message: 'Q x P = 112 x 111, but H, W, the kernel, strides, dilations and padding give 112 x 112' }]);
  });

  it('put P, R and Wstride along the width, Q, S and Hstride along the height', () => {
    const { network } = imported(one('problem:\n  instance: {C: 2, M: 4, N: 1, P: 7, Q: 5, R: 3, S: 1, Wstride: 2}\n'));
    expect(network.layers[0]).toMatchObject({ kernel: [1, 3], stride: [1, 2], inputShape: [2, 5, 15] });
    const { shapes, forwardMacs } = analysis(network);
    expect(shapes[0]!.outShape).toEqual([4, 5, 7]);
    expect(forwardMacs).toBe(2 * 4 * 7 * 5 * 3 * 1);
  });

  it('note a batch size in the file; counts stay per image', () => {
    const { notes } = imported(one('problem:\n  instance:\n    C: 2\n    M: 2\n    N: 16\n    P: 1\n    Q: 1\n    R: 1\n    S: 1\n'));
    expect(notes).toContainEqual({ path: 'l1.yaml, line 5 (problem.instance.N)', message: 'N = 16: counts are per image; the batch size comes from the run' });
  });
});

describe('Timeloop problem file errors name the file and line', () => {
  it('a missing dimension, a bad value, an alias where a number should be', () => {
    expect(issuesOf(one('problem:\n  instance:\n    C: 3\n    M: 4\n'))).toEqual(
      ['P', 'Q', 'R', 'S'].map((key) => ({ path: `l1.yaml (problem.instance.${key})`, message: 'is missing (Timeloop needs every dimension of the problem)' })),
    );
    const bad = issuesOf(one('problem:\n  instance:\n    c: -3\n    m: two\n    p: 1\n    q: 1\n    r: 1\n    s: 1\n    HStride: 0\n'));
    expect(bad).toEqual([
      { path: 'l1.yaml, line 3 (problem.instance.c)', message: 'must be a positive whole number (got -3)' },
      { path: 'l1.yaml, line 4 (problem.instance.m)', message: 'must be a positive whole number (got "two")' },
      { path: 'l1.yaml, line 9 (problem.instance.HStride)', message: 'must be a positive whole number (got 0)' },
    ]);
    expect(issuesOf(one('problem:\n  instance: {C: *channels, M: 1, P: 1, Q: 1, R: 1, S: 1}\n'))).toEqual([
      { path: 'l1.yaml, line 2 (problem.instance.C)', message: 'is an alias (*channels) to an anchor not in this file (line 2), which cannot be read here; write the number' },
    ]);
  });

  it('malformed YAML, no instance, a problem given by alias, no files', () => {
    expect(issuesOf(one('problem:\n\tinstance: {}\n', 'tabs.yaml'))).toEqual([{ path: 'tabs.yaml, line 2', message: 'a tab in the indentation: YAML indents with spaces only' }]);
    expect(issuesOf(one('problem:\n  shape: {name: x}\n'))).toEqual([{ path: 'l1.yaml', message: 'has no problem.instance mapping of numbers (C, M, P, Q, R, S ...)' }]);
    expect(issuesOf(one('problem: *base\n'))).toEqual([{ path: 'l1.yaml, line 1', message: 'problem is an alias (*base) to an anchor not in this file, which is not supported' }]);
    expect(issuesOf([])).toEqual([{ path: 'files', message: 'no problem files given' }]);
  });

  it('report every broken file of a folder', () => {
    const files = [...folder('timeloop-alexnet'), { fileName: 'AlexNet_layer3.yaml', text: 'problem:\n  instance: {C: 1}\n' }, { fileName: 'AlexNet_layer4.yaml', text: 'a: [\n' }];
    expect(issuesOf(files).map((i) => i.path)).toEqual([
      'AlexNet_layer3.yaml (problem.instance.M)',
      'AlexNet_layer3.yaml (problem.instance.P)',
      'AlexNet_layer3.yaml (problem.instance.Q)',
      'AlexNet_layer3.yaml (problem.instance.R)',
      'AlexNet_layer3.yaml (problem.instance.S)',
      'AlexNet_layer4.yaml, line 1',
    ]);
  });
});

describe('Timeloop import, property', () => {
  it('every file it accepts analyses, with MACs exactly C*M*P*Q*R*S*G (2,000 seeded random instances)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let accepted = 0;
    for (let k = 0; k < 2000; k += 1) {
      const d: Record<string, number> = { C: 1 + next(5), M: 1 + next(5), P: 1 + next(6), Q: 1 + next(6), R: 1 + next(4), S: 1 + next(4), Hstride: 1 + next(3), Wstride: 1 + next(3), Wdilation: 1 + next(2), G: 1 + next(3) };
      if (next(3) === 0) Object.assign(d, { H: 1 + next(20), Hpad: next(3), W: 1 + next(20), Wpad: next(3) });
      const text = `problem:\n  instance: {${Object.entries(d).map(([key, v]) => `${key}: ${v}`).join(', ')}}\n`;
      const result = parseTimeloopLayers(one(text), 'random');
      if (!result.ok) continue;
      accepted += 1;
      expect(networkSchema.safeParse(result.network).success, text).toBe(true);
      expect(analysis(result.network).forwardMacs, text).toBe(d.C! * d.M! * d.P! * d.Q! * d.R! * d.S! * d.G!);
    }
    expect(accepted).toBeGreaterThan(1000);
  });
});
