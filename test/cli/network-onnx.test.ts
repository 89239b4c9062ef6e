import { describe, expect, it } from 'vitest';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ONNX_FILE_MAX_BYTES } from '../../src-main/shared/schemas/network-api.ts';
import { OnnxGraph } from '../helpers/onnx-builder.ts';
import { useTempDir } from '../helpers/temp.ts';
import { pimwb } from '../helpers/cli.ts';

// `pimwb network import|show model.onnx [--input SHAPE]`: the model read as bytes, the shape flag
// checked before anything is read, and the same NetworkDetail under --json as for the other formats.

const VGG8 = fileURLToPath(new URL('../fixtures/workloads/vgg8-NetWork.csv', import.meta.url));

/** conv 3x3 (3->16, padding 1) -> relu -> global average pool -> fc (16->10). */
function smallModel(input: readonly (number | string)[]): Uint8Array {
  const g = new OnnxGraph();
  const x = g.input('input', input);
  const conv = g.node('Conv', [x, g.weight('conv.weight', [16, 3, 3, 3])], { pads: [1, 1, 1, 1], kernel_shape: [3, 3] }, { name: '/conv/Conv' });
  const flat = g.node('Flatten', [g.node('GlobalAveragePool', [g.node('Relu', [conv])])], { axis: 1 });
  g.output(g.node('Gemm', [flat, g.weight('fc.weight', [10, 16]), g.weight('fc.bias', [10])], { transB: 1 }, { name: '/fc/Gemm' }));
  return g.toBytes();
}

/** The conv's out x in x 3 x 3 per output pixel (same size), plus the fc's 16 x 10. */
const smallMacs = (h: number, w: number): number => 16 * 3 * 9 * h * w + 16 * 10;

interface Detail {
  id: string;
  name: string;
  forwardMacs: number;
  layerTable: { kind: string; inShape: number[]; outShape: number[] }[];
  notes: { path: string; message: string }[];
}

describe('pimwb network with ONNX models', () => {
  const temp = useTempDir();
  const db = () => join(temp(), 'net.sqlite');
  const model = (name: string, input: readonly (number | string)[]): string => {
    const path = join(temp(), name);
    writeFileSync(path, smallModel(input));
    return path;
  };

  it('imports a .onnx file under its name without the extension, and lists it', async () => {
    const path = model('tiny.onnx', ['batch', 3, 32, 32]);
    const result = await pimwb(['network', 'import', path, '--db', db()]);
    expect(result.stderr).toBe('');
    // The CLI prints counts below a million in thousands with one decimal.
    expect(result.stdout).toMatch(new RegExp(`^imported "tiny" as net_\\w+: 5 layers, ${(smallMacs(32, 32) / 1e3).toFixed(1)} k MACs per image`));
    expect(result.stdout).toMatch(/notes:\n {2}- input "input": assumption: batch 1 for the symbolic batch dimension "batch"/);
    const list = JSON.parse((await pimwb(['network', 'list', '--json', '--db', db()])).stdout) as { items: { name: string; forwardMacs: number }[] };
    expect(list.items.find((n) => n.name === 'tiny')?.forwardMacs).toBe(smallMacs(32, 32));
  });

  it('shows a .onnx file without storing it, as the same NetworkDetail JSON as the other formats', async () => {
    const path = model('tiny.onnx', [1, 3, 32, 32]);
    const shown = await pimwb(['network', 'show', path, '--json', '--db', db()]);
    expect(shown.code).toBe(0);
    const detail = JSON.parse(shown.stdout) as Detail;
    expect(detail).toMatchObject({ id: 'file', name: 'tiny', forwardMacs: smallMacs(32, 32) });
    expect(detail.layerTable.map((l) => l.kind)).toEqual(['conv', 'activation', 'pool', 'fc', 'softmax']);
    expect(detail.layerTable[0]).toMatchObject({ inShape: [3, 32, 32], outShape: [16, 32, 32] });
    const csv = JSON.parse((await pimwb(['network', 'show', VGG8, '--json', '--db', db()])).stdout) as Detail;
    expect(Object.keys(detail).sort()).toEqual(Object.keys(csv).sort());
    const list = JSON.parse((await pimwb(['network', 'list', '--json', '--db', db()])).stdout) as { items: unknown[] };
    expect(list.items).toHaveLength(8);
  });

  it('asks for --input when H and W are symbolic, and takes AxBxCxD or A,B,C,D', async () => {
    const path = model('open.onnx', ['N', 3, 'H', 'W']);
    const refused = await pimwb(['network', 'show', path, '--db', db()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot import open\.onnx/);
    expect(refused.stderr).toMatch(/leaves dimensions 0 \(N\), 2 \(H\), 3 \(W\) of 4 symbolic: give the full input shape, batch first, e\.g\. --input/);
    for (const flag of ['1x3x24x40', '1,3,24,40']) {
      const shown = await pimwb(['network', 'show', path, '--input', flag, '--json', '--db', db()]);
      expect(shown.code, flag).toBe(0);
      expect((JSON.parse(shown.stdout) as Detail).forwardMacs).toBe(smallMacs(24, 40));
    }
    const imported = await pimwb(['network', 'import', path, '--input=2x3x24x40', '--name', 'Open net', '--db', db()]);
    expect(imported.stdout).toMatch(/^imported "Open net" as net_\w+: 5 layers/);
  });

  it('exits 2 naming --input when the shape is malformed or does not apply', async () => {
    const path = model('tiny.onnx', [1, 3, 32, 32]);
    for (const [flag, message] of [
      ['1x3xqx32', /--input "1x3xqx32" has "q", which is not a positive whole number; give 2 to 6 whole numbers, batch first/],
      ['224', /--input "224" has 1 dimension; /],
      ['1x3,32x32', /--input "1x3,32x32" mixes x and commas/],
      ['1x3x', /--input "1x3x" has an empty dimension/],
      ['', /--input "" is empty/],
    ] as const) {
      const result = await pimwb(['network', 'import', path, '--input', flag, '--db', db()]);
      expect(result.code, flag).toBe(2);
      expect(result.stderr, flag).toMatch(message);
    }
    const clash = await pimwb(['network', 'show', path, '--input', '1x3x64x64', '--db', db()]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/sets dimension 2 to 64, but the file fixes it at 32/);
    const stored = await pimwb(['network', 'show', 'resnet18', '--input', '1x3x224x224', '--db', db()]);
    expect(stored.code).toBe(2);
    expect(stored.stderr).toMatch(/--input applies to an ONNX file, not to a stored network/);
    const csv = await pimwb(['network', 'show', VGG8, '--input', '1x3x32x32', '--db', db()]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toMatch(/input: applies to ONNX models only/);
  });

  it('exits 2 with one message for a missing file, a folder, a file over the limit and a file that is not ONNX', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'folder.onnx'));
    const huge = join(dir, 'huge.onnx');
    writeFileSync(huge, '');
    // Sparse: the size check must refuse it from its length, before reading a byte.
    truncateSync(huge, ONNX_FILE_MAX_BYTES + 1);
    const fake = join(dir, 'fake.onnx');
    writeFileSync(fake, 'name,layers\nresnet,18\n');
    for (const [path, message] of [
      [join(dir, 'missing.onnx'), /cannot read .*missing\.onnx: no such file/],
      [join(dir, 'folder.onnx'), /folder\.onnx is a folder, not a file/],
      [huge, new RegExp(`huge\\.onnx is too large \\(${ONNX_FILE_MAX_BYTES + 1} bytes; the limit is ${ONNX_FILE_MAX_BYTES} bytes`)],
      [fake, /fake\.onnx is not an ONNX model: its bytes do not begin like an ONNX model/],
    ] as const) {
      const result = await pimwb(['network', 'import', path, '--db', db()]);
      expect(result.code, path).toBe(2);
      expect(result.stderr.split('\n').filter((l) => l.startsWith('pimwb: error'))).toHaveLength(1);
      expect(result.stderr, path).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names ONNX models and --input in the help of both commands', async () => {
    for (const command of ['import', 'show']) {
      const help = await pimwb(['network', command, '--help']);
      expect(help.stdout, command).toMatch(/\.onnx/);
      expect(help.stdout, command).toMatch(/--input SHAPE/);
    }
  });
});
