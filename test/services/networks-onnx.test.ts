import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ONNX_FILE_MAX_BYTES as PARSER_MAX_BYTES } from '../../src-main/sim/workload/import/onnx/index.ts';
import { ONNX_FILE_MAX_BYTES } from '../../src-main/shared/schemas/network-api.ts';
import { parseNetworkFiles } from '../../src-main/services/networks.ts';
import type { Result } from '../../src-main/shared/result.ts';
import { OnnxGraph } from '../helpers/onnx-builder.ts';
import { useTempDir } from '../helpers/temp.ts';
import { call, testWorkbench } from '../helpers/workbench.ts';

// networks.import with ONNX models: picked by extension or by bytes, the input shape passed to
// the parser, its notes passed back, and a preview (store: false) that saves nothing.

/** conv 3x3 (3->8) -> relu -> conv 3x3 (8->8), plus a 1x1 shortcut (3->8), add, relu, global pool, fc (8->10). */
function residualBlock(input: readonly (number | string)[]): Uint8Array {
  const g = new OnnxGraph();
  const x = g.input('input', input);
  const conv = (from: string, name: string, dims: number[], pad: number) => g.node('Conv', [from, g.weight(`${name}.weight`, dims)], { pads: [pad, pad, pad, pad], kernel_shape: dims.slice(2) }, { name: `/${name}/Conv` });
  const main = conv(g.node('Relu', [conv(x, 'conv1', [8, 3, 3, 3], 1)]), 'conv2', [8, 8, 3, 3], 1);
  const sum = g.node('Relu', [g.node('Add', [main, conv(x, 'shortcut', [8, 3, 1, 1], 0)])]);
  const flat = g.node('Flatten', [g.node('GlobalAveragePool', [sum])], { axis: 1 });
  g.output(g.node('Gemm', [flat, g.weight('fc.weight', [10, 8]), g.weight('fc.bias', [10])], { transB: 1 }, { name: '/fc/Gemm' }));
  return g.toBytes();
}

/** MACs of the block on an HxW image: each conv out x in x kh x kw x H x W (stride 1, same size), the fc 8 x 10. */
const blockMacs = (h: number, w: number): number => (8 * 3 * 9 + 8 * 8 * 9 + 8 * 3) * h * w + 8 * 10;

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const VGG8 = readFileSync(fileURLToPath(new URL('../fixtures/workloads/vgg8-NetWork.csv', import.meta.url)), 'utf8');

describe('networks.import: ONNX models', () => {
  const temp = useTempDir();

  it('keeps the contract\'s size limit equal to the parser\'s', () => {
    expect(ONNX_FILE_MAX_BYTES).toBe(PARSER_MAX_BYTES);
  });

  it('previews a .onnx file without storing it, with the layer table and the parser\'s notes', async () => {
    const wb = testWorkbench(temp());
    const before = (await call(wb, 'networks.list', {})).items.length;
    const detail = await call(wb, 'networks.import', { files: [{ fileName: 'block.onnx', base64: base64(residualBlock(['batch', 3, 32, 32])) }], store: false });
    expect(detail).toMatchObject({ id: 'file', name: 'block', builtIn: false, forwardMacs: blockMacs(32, 32) });
    expect(detail.network.input).toEqual({ channels: 3, height: 32, width: 32 });
    expect(detail.layerTable.map((l) => l.kind)).toEqual(['conv', 'activation', 'conv', 'conv', 'add', 'activation', 'pool', 'fc', 'softmax']);
    expect(detail.notes).toContainEqual({ path: 'input "input"', message: expect.stringMatching(/^assumption: batch 1 for the symbolic batch dimension "batch"/) });
    expect((await call(wb, 'networks.list', {})).items).toHaveLength(before);
    wb.close();
  });

  it('stores an import under the file name without .onnx, announces it, and reads it back alike', async () => {
    const wb = testWorkbench(temp());
    const seen: unknown[] = [];
    wb.events.subscribe((name, payload) => seen.push({ name, payload }));
    const imported = await call(wb, 'networks.import', { files: [{ fileName: 'Residual.ONNX', base64: base64(residualBlock([1, 3, 32, 32])) }] });
    expect(imported.name).toBe('Residual');
    expect(imported.id).toMatch(/^net_/);
    expect(seen).toEqual([{ name: 'networks.changed', payload: { ids: [imported.id], reason: 'imported' } }]);
    const { notes, ...detail } = imported;
    expect(notes.length).toBeGreaterThan(0);
    expect(await call(wb, 'networks.get', { ref: 'Residual' })).toEqual(detail);
    wb.close();
  });

  it('reads bytes that look like ONNX as ONNX whatever the file is called', async () => {
    const wb = testWorkbench(temp());
    const detail = await call(wb, 'networks.import', { files: [{ fileName: 'exported.bin', base64: base64(residualBlock([1, 3, 32, 32])) }], name: 'from bytes', store: false });
    expect(detail.forwardMacs).toBe(blockMacs(32, 32));
    wb.close();
  });

  it('asks for the input shape when the file leaves H and W symbolic, and passes the one given to the parser', async () => {
    const wb = testWorkbench(temp());
    const files = [{ fileName: 'open.onnx', base64: base64(residualBlock(['N', 3, 'H', 'W'])) }];
    const refused = (await wb.dispatch('networks.import', { files })) as Result<unknown>;
    if (refused.ok) throw new Error('a symbolic input was imported');
    expect(refused.error).toMatchObject({ code: 'invalid_input', message: 'cannot import open.onnx' });
    expect(refused.error.issues).toEqual([{ path: 'input "input"', message: expect.stringMatching(/leaves dimensions 0 \(N\), 2 \(H\), 3 \(W\) of 4 symbolic/) }]);
    const given = await call(wb, 'networks.import', { files, input: [1, 3, 48, 40], store: false });
    expect(given.network.input).toEqual({ channels: 3, height: 48, width: 40 });
    expect(given.forwardMacs).toBe(blockMacs(48, 40));
    wb.close();
  });

  it('refuses a .onnx file sent as text and a binary file that is not ONNX, naming the file', async () => {
    const asText = await parseNetworkFiles([{ fileName: 'model.onnx', text: 'not bytes' }], 'model');
    expect(asText).toEqual({ ok: false, issues: [{ path: 'files[0]', message: 'model.onnx is an ONNX model, which is binary: send its bytes as base64, not as text' }] });
    const png = await parseNetworkFiles([{ fileName: 'model.onnx', base64: base64(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) }], 'model');
    expect(png).toEqual({ ok: false, issues: [{ path: 'files[0]', message: expect.stringMatching(/^model\.onnx is not an ONNX model: /) }] });
    const other = await parseNetworkFiles([{ fileName: 'weights.bin', base64: base64(new Uint8Array([1, 2, 3])) }], 'w');
    expect(other).toEqual({ ok: false, issues: [{ path: 'files[0]', message: 'weights.bin is not an ONNX model: binary files are read as ONNX models only' }] });
  });

  it('keeps the text formats as they were, now with their notes', async () => {
    const wb = testWorkbench(temp());
    const csv = await call(wb, 'networks.import', { files: [{ fileName: 'vgg8-NetWork.csv', text: VGG8 }], store: false });
    expect(csv).toMatchObject({ id: 'file', name: 'vgg8-NetWork', layers: 19 });
    expect(csv.notes.map((n) => n.message).join('\n')).toMatch(/^assumption: /m);
    wb.close();
  });
});
