import type { Issue } from '../../../shared/result.ts';
import type { Layer, Network } from '../../../shared/schemas/workload.ts';

// NeuroSim's NetWork.csv: one row per conv or fc layer, numbers only, no header:
//   IFM_H, IFM_W, IFM_C, K_H, K_W, OFM_C, pooled_after (0/1), stride
// An fc layer is a convolution whose kernel covers its whole input. Padding is not in the file:
// NeuroSim's layer model keeps the feature map size for convolutions ('same' padding, as its
// VGG-8 rows show: 32x32 in, 32x32 out, 2x2 max pooling halving it when pooled_after is 1), so a
// kernel smaller than the input gets (K - 1) / 2 padding, and one equal to it none.

const COLUMNS = ['IFM_H', 'IFM_W', 'IFM_C', 'K_H', 'K_W', 'OFM_C', 'pooled_after', 'stride'] as const;

export type ImportResult = { readonly ok: true; readonly network: Network } | { readonly ok: false; readonly issues: Issue[] };

function parseRow(line: string, lineNo: number, issues: Issue[]): number[] | undefined {
  const cells = line.split(',').map((c) => c.trim());
  if (cells.length < COLUMNS.length) {
    issues.push({ path: `line ${lineNo}`, message: `has ${cells.length} columns; a layer row has ${COLUMNS.length}: ${COLUMNS.join(', ')}` });
    return undefined;
  }
  const values: number[] = [];
  for (let col = 0; col < COLUMNS.length; col += 1) {
    const text = cells[col]!;
    const value = Number(text);
    const name = COLUMNS[col]!;
    const pooled = name === 'pooled_after';
    if (!/^\d+$/.test(text) || (pooled ? value > 1 : value < 1)) {
      issues.push({ path: `line ${lineNo}, column ${col + 1} (${name})`, message: `"${text}" is not ${pooled ? '0 or 1' : 'a positive whole number'}` });
      return undefined;
    }
    values.push(value);
  }
  return values;
}

export function parseNeuroSimCsv(text: string, name: string): ImportResult {
  const issues: Issue[] = [];
  const layers: Layer[] = [];
  let previous: { shape: [number, number, number]; name: string } | undefined;
  let first: [number, number, number] | undefined;
  let index = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || issues.length) return;
    const row = parseRow(line, i + 1, issues);
    if (!row) return;
    const [h, w, c, kh, kw, out, pooled, stride] = row as [number, number, number, number, number, number, number, number];
    if (previous && previous.shape.join() !== [c, h, w].join()) {
      issues.push({ path: `line ${i + 1}, columns 1-3 (IFM_H, IFM_W, IFM_C)`, message: `${h}x${w}x${c} does not match the previous layer's output ${previous.shape[1]}x${previous.shape[2]}x${previous.shape[0]}` });
      return;
    }
    index += 1;
    first ??= [c, h, w];
    const whole = kh === h && kw === w;
    const pad: [number, number] = whole ? [0, 0] : [Math.floor((kh - 1) / 2), Math.floor((kw - 1) / 2)];
    const layerName = `layer${index}`;
    const inputs = previous ? [previous.name] : [];
    layers.push({ name: layerName, kind: 'conv', inputs, out, kernel: [kh, kw], stride: [stride, stride], padding: pad });
    layers.push({ name: `${layerName}.relu`, kind: 'relu', inputs: [layerName] });
    let oh = Math.floor((h + 2 * pad[0] - kh) / stride) + 1;
    let ow = Math.floor((w + 2 * pad[1] - kw) / stride) + 1;
    let last = `${layerName}.relu`;
    if (pooled) {
      layers.push({ name: `${layerName}.pool`, kind: 'pool', mode: 'max', kernel: [2, 2], stride: [2, 2], inputs: [last] });
      last = `${layerName}.pool`;
      oh = Math.floor(oh / 2);
      ow = Math.floor(ow / 2);
    }
    previous = { shape: [out, oh, ow], name: last };
  });
  if (!issues.length && !first) issues.push({ path: 'file', message: 'has no layer rows' });
  if (issues.length) return { ok: false, issues };
  const classes = previous!.shape[0];
  return {
    ok: true,
    network: { name, dataset: 'imported', input: { channels: first![0], height: first![1], width: first![2] }, classes, source: `NeuroSim NetWork.csv "${name}"`, layers },
  };
}
