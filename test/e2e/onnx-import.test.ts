import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ONNX_FILE_MAX_BYTES } from '../../src-main/shared/schemas/network-api.ts';
import { OnnxGraph } from '../helpers/onnx-builder.ts';
import { useWorkbenchPage, screenshot, type BrowserSession } from './harness.ts';

// Importing ONNX models on the Workloads page: a model is read as bytes in the page, its layers
// land in the table, a symbolic input is asked for at the input-shape field with the file kept,
// and a file that is not ONNX is refused with a message.
const chromiumPath = inject('chromiumPath');

/** conv 3x3 (3->8) -> relu -> conv 3x3 (8->8), plus a 1x1 shortcut (3->8), add, relu, global pool, fc (8->10). */
function residualBlock(input: readonly (number | string)[]): Buffer {
  const g = new OnnxGraph();
  const x = g.input('input', input);
  const conv = (from: string, name: string, dims: number[], pad: number) => g.node('Conv', [from, g.weight(`${name}.weight`, dims)], { pads: [pad, pad, pad, pad], kernel_shape: dims.slice(2) }, { name: `/${name}/Conv` });
  const main = conv(g.node('Relu', [conv(x, 'conv1', [8, 3, 3, 3], 1)], {}, { name: '/relu1/Relu' }), 'conv2', [8, 8, 3, 3], 1);
  const sum = g.node('Relu', [g.node('Add', [main, conv(x, 'shortcut', [8, 3, 1, 1], 0)], {}, { name: '/add/Add' })], {}, { name: '/relu2/Relu' });
  const flat = g.node('Flatten', [g.node('GlobalAveragePool', [sum], {}, { name: '/pool/GlobalAveragePool' })], { axis: 1 });
  g.output(g.node('Gemm', [flat, g.weight('fc.weight', [10, 8]), g.weight('fc.bias', [10])], { transB: 1 }, { name: '/fc/Gemm' }));
  return Buffer.from(g.toBytes());
}

/** Each layer's kind, shapes (CxHxW) and MACs on an HxW image: a conv is out x in x kh x kw per output pixel. */
function expectedRows(h: number, w: number): { kind: string; inShape: string; outShape: string; macs: number }[] {
  const s = (c: number, y = h, x = w) => `${c}×${y}×${x}`;
  const conv = (cin: number, cout: number, k: number) => ({ kind: 'conv', inShape: s(cin), outShape: s(cout), macs: cout * cin * k * k * h * w });
  return [
    conv(3, 8, 3),
    { kind: 'activation', inShape: s(8), outShape: s(8), macs: 0 },
    conv(8, 8, 3),
    conv(3, 8, 1),
    { kind: 'add', inShape: s(8), outShape: s(8), macs: 0 },
    { kind: 'activation', inShape: s(8), outShape: s(8), macs: 0 },
    { kind: 'pool', inShape: s(8), outShape: s(8, 1, 1), macs: 0 },
    { kind: 'fc', inShape: s(8, 1, 1), outShape: s(10, 1, 1), macs: 8 * 10 },
    { kind: 'softmax', inShape: s(10, 1, 1), outShape: s(10, 1, 1), macs: 0 },
  ];
}

const onnxFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

describe.skipIf(!chromiumPath)('ONNX import in the browser', () => {
  const workbench = useWorkbenchPage(chromiumPath, '#/workloads');
  let session: BrowserSession;

  beforeAll(async () => {
    session = workbench.session();
    await session.page.getByTestId('network-detail').waitFor();
  });

  async function tableRows() {
    return session.page.getByTestId('layer-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const cells = Array.from(row.querySelectorAll('td'));
        const text = (i: number) => cells[i]?.textContent?.trim() ?? '';
        return { kind: text(1), inShape: text(2), outShape: text(3), macs: Number(cells[4]?.getAttribute('data-macs')) };
      }),
    );
  }

  it('tells the size limit before anything is picked', async () => {
    expect(await session.page.getByTestId('import-hint').textContent()).toContain(`ONNX up to ${ONNX_FILE_MAX_BYTES / (1024 * 1024)} MiB`);
    expect(await session.page.getByTestId('import-network-file').getAttribute('accept')).toContain('.onnx');
  });

  it('imports a residual block with a symbolic batch: kinds, shapes and MACs in the table, the batch assumption in the notes', async () => {
    const { page } = session;
    await page.getByTestId('import-network-file').setInputFiles(onnxFile('residual.onnx', residualBlock(['batch', 3, 32, 32])));
    await page.getByTestId('network-name').filter({ hasText: /^residual$/ }).waitFor();
    const expected = expectedRows(32, 32);
    expect(await tableRows()).toEqual(expected);
    const total = expected.reduce((sum, row) => sum + row.macs, 0);
    expect(await page.getByTestId('forward-macs').textContent()).toBe(`${(total / 1e6).toFixed(3)} M`);
    const notes = page.getByTestId('import-notes');
    expect(await notes.textContent()).toMatch(/assumption: batch 1 for the symbolic batch dimension "batch"/);
    expect(await page.getByTestId('onnx-import').count()).toBe(0);
    const dismiss = page.getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    await screenshot(page, 'workloads-onnx-imported');
  });

  it('asks for the shape at the field when H and W are symbolic, keeps the file, and imports once it is typed', async () => {
    const { page } = session;
    await page.getByTestId('import-network-file').setInputFiles(onnxFile('open.onnx', residualBlock(['N', 3, 'H', 'W'])));
    const fieldError = page.getByTestId('onnx-input-shape-error');
    await fieldError.filter({ hasText: 'symbolic' }).waitFor();
    expect(await fieldError.textContent()).toMatch(/leaves dimensions 0 \(N\), 2 \(H\), 3 \(W\) of 4 symbolic/);
    expect(await page.getByTestId('onnx-file-name').textContent()).toBe('open.onnx');
    expect(await page.getByTestId('onnx-input-shape').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'workloads-onnx-input-shape');
    const field = page.getByTestId('onnx-input-shape');
    await field.fill('1x3xq');
    expect(await fieldError.textContent()).toMatch(/^Input shape has "q", which is not a positive whole number/);
    expect(await page.getByTestId('onnx-import-submit').isDisabled()).toBe(true);
    await field.fill('1x3x24x40');
    await page.getByTestId('onnx-import-submit').click();
    await page.getByTestId('network-name').filter({ hasText: /^open$/ }).waitFor();
    expect(await tableRows()).toEqual(expectedRows(24, 40));
    expect(await page.getByTestId('onnx-import').count()).toBe(0);
  });

  it('refuses a file that is not ONNX with a message, and imports nothing', async () => {
    const { page } = session;
    const before = await page.getByRole('option').count();
    await page.getByTestId('import-network-file').setInputFiles(onnxFile('notes.onnx', Buffer.from('layer,kind\nconv1,conv\n')));
    const dialog = page.getByTestId('problems-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Cannot import notes\.onnx.*notes\.onnx is not an ONNX model: its bytes do not begin like an ONNX model/s);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('option').count()).toBe(before);
  });

  it('stops a model over the size limit at the field and sends nothing', async () => {
    const { page } = session;
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/networks.import')) sent.push(request.url());
    });
    // A file just over the limit, made in the page: sending 256 MiB through the test driver would take long.
    await page.getByTestId('import-network-file').evaluate((input, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'huge.onnx'));
      (input as HTMLInputElement).files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, ONNX_FILE_MAX_BYTES + 1);
    const error = page.getByTestId('onnx-file-error');
    await error.waitFor();
    const limit = ONNX_FILE_MAX_BYTES.toLocaleString('en-US');
    const size = (ONNX_FILE_MAX_BYTES + 1).toLocaleString('en-US');
    expect(await error.textContent()).toBe(`huge.onnx is 256.0 MiB (${size} bytes); ONNX models are imported up to 256 MiB (${limit} bytes). Nothing was sent.`);
    expect(await page.getByTestId('onnx-import-submit').isDisabled()).toBe(true);
    await page.getByTestId('onnx-import-cancel').click();
    expect(await page.getByTestId('onnx-import').count()).toBe(0);
    expect(sent).toEqual([]);
    expect(session.problems).toEqual([]);
  });
});
