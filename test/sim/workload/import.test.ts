import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseNeuroSimCsv } from '../../../src-main/sim/workload/import/neurosim-csv.ts';
import { parseTimeloopLayers } from '../../../src-main/sim/workload/import/timeloop.ts';
import { parseYamlSubset } from '../../../src-main/sim/workload/import/yaml-subset.ts';
import { inferShapes } from '../../../src-main/sim/workload/shapes.ts';
import { ZOO } from '../../../src-main/sim/workload/zoo/index.ts';

const fixture = (p: string) => new URL(`../../fixtures/workloads/${p}`, import.meta.url);
const totalMacs = (network: Parameters<typeof inferShapes>[0]) => {
  const shapes = inferShapes(network);
  if (!shapes.ok) throw new Error(JSON.stringify(shapes.issues));
  return shapes.layers.reduce((s, l) => s + l.macs, 0);
};

describe('NeuroSim NetWork.csv import', () => {
  it("reads NeuroSim's VGG-8 into the same MACs as the built-in one", () => {
    const result = parseNeuroSimCsv(readFileSync(fixture('vgg8-NetWork.csv'), 'utf8'), 'VGG-8');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(totalMacs(result.network)).toBe(totalMacs(ZOO.find((z) => z.id === 'vgg8-cifar')!.network));
    expect(result.network.classes).toBe(10);
  });

  it('names the line and column of a malformed row', () => {
    const cases: [string, string, RegExp][] = [
      ['32,32,3,3,3,128,0,1\n32,32,128,3,x,128,1,1\n', 'line 2, column 5 (K_W)', /"x" is not a positive whole number/],
      ['32,32,3,3,3,128,2,1\n', 'line 1, column 7 (pooled_after)', /0 or 1/],
      ['32,32,3,3,3\n', 'line 1', /has 5 columns/],
      ['32,32,3,3,3,128,0,1\n16,16,128,3,3,128,0,1\n', 'line 2, columns 1-3 (IFM_H, IFM_W, IFM_C)', /does not match the previous layer's output 32x32x128/],
      ['\n\n', 'file', /no layer rows/],
    ];
    for (const [text, path, message] of cases) {
      const r = parseNeuroSimCsv(text, 'x');
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    }
  });
});

describe('Timeloop problem files', () => {
  const folder = fixture('timeloop-alexnet/');
  const files = readdirSync(folder).map((fileName) => ({ fileName, text: readFileSync(new URL(fileName, folder), 'utf8') }));

  it('reads a folder in natural file order, keys in any case, MACs exactly C*M*P*Q*R*S', () => {
    const result = parseTimeloopLayers(files, 'AlexNet (Timeloop)');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.network.layers.filter((l) => l.kind === 'conv').map((l) => l.out)).toEqual([96, 256, 1000]);
    expect(totalMacs(result.network)).toBe(3 * 96 * 55 * 55 * 121 + 96 * 256 * 27 * 27 * 25 + 4096 * 1000);
  });

  it('reports a missing dimension and unsupported YAML with file and line', () => {
    const broken = parseTimeloopLayers([{ fileName: 'l1.yaml', text: 'problem:\n  instance:\n    C: 3\n    M: 4\n' }], 'x');
    expect(!broken.ok && broken.issues[0]!.path).toBe('l1.yaml problem.instance.P');
    const anchor = parseTimeloopLayers([{ fileName: 'l2.yaml', text: 'problem:\n  instance: &a\n    C: 3\n' }], 'x');
    expect(!anchor.ok && anchor.issues[0]).toEqual({ path: 'l2.yaml line 2', message: expect.stringMatching(/not supported/) });
  });
});

describe('YAML subset', () => {
  it('parses mappings, sequences, flow collections, quotes and comments', () => {
    const text = `# comment\ntop:\n  a: 1\n  b: "two # not a comment"\n  list:\n    - 3\n    - x: 4\n      y: [5, 6]\n  flow: {k: v, n: 7}\n  empty:\n`;
    expect(parseYamlSubset(text)).toEqual({ ok: true, value: { top: { a: 1, b: 'two # not a comment', list: [3, { x: 4, y: [5, 6] }], flow: { k: 'v', n: 7 }, empty: null } } });
  });

  it('refuses tabs and bad indentation with the line number', () => {
    expect(parseYamlSubset('a:\n\tb: 1\n')).toEqual({ ok: false, issues: [{ path: 'line 2', message: expect.stringMatching(/tabs/) }] });
    expect(parseYamlSubset('a: 1\n    b: 2\n').ok).toBe(false);
  });
});
