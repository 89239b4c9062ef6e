import type { Issue } from '../../../shared/result.ts';
import { windowOutputSize } from '../geometry.ts';
import { ASSUMED_ELEMENTWISE, capIssues, chain, type ImportResult, type UnlinkedLayer } from './result.ts';

// NeuroSim's NetWork.csv (DNN+NeuroSim V1.x, V2.x): one row per conv or fc layer, numbers only,
// no header: IFM_H, IFM_W, IFM_C, K_H, K_W, OFM_C, pooled_after (0/1), stride.
//
// Each row declares the input it reads, and the rows need not chain: NeuroSim's ResNet-18 and
// DenseNet-40 files list shortcut convolutions and concatenation inputs with the sizes they read.
// So each layer keeps its declared input (Layer.inputShape) and the rows are linked in file order;
// a row whose input the row before cannot make gets a note, not an error.
//
// Padding is not in the file. The default is 'same' (floor(K / 2) on each side): NeuroSim's
// PyTorch models pad that way (Training_pytorch/cifar/model.py: padding = kernel // 2), and the
// files' consecutive sizes need it (VGG-8: a 3x3 conv keeps 32 x 32; ResNet-18: a 3x3 stride-2
// conv takes 56 to 28). NeuroSim's chip model itself counts (IFM - K + 1) / stride positions per
// dimension (Chip.cpp, numInVector), i.e. no padding: `padding: 'valid'` reproduces that count.
//
// A row whose kernel covers its whole input (an fc layer, written as a 1x1 conv on a 1x1 input or
// a K x K conv on a K x K map) becomes an fc layer. pooled_after = 1 adds NeuroSim's 2x2 max pool
// (stride 2), or a global average pool when the next row reads a 1 x 1 map of this row's channels
// (the end of ResNet-18). Convolutions have no bias, as NeuroSim's QConv2d and QLinear.

export type { ImportResult } from './result.ts';

export const NETWORK_CSV_COLUMNS = ['IFM_H', 'IFM_W', 'IFM_C', 'K_H', 'K_W', 'OFM_C', 'pooled_after', 'stride'] as const;

export interface NeuroSimOptions {
  readonly padding?: 'same' | 'valid';
}

interface Row {
  readonly line: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly kh: number;
  readonly kw: number;
  readonly out: number;
  readonly pooled: boolean;
  readonly stride: number;
}

function cellIssue(line: number, col: number, text: string, firstRow: boolean): Issue | undefined {
  const name = NETWORK_CSV_COLUMNS[col]!;
  const where = `line ${line}, column ${col + 1} (${name})`;
  if (name === 'pooled_after') return /^[+]?[01](\.0*)?$/.test(text) ? undefined : { path: where, message: `"${text}" is not 0 or 1` };
  if (/^[+]?\d+(\.0*)?$/.test(text) && Number(text) >= 1) return undefined;
  const header = firstRow && /[a-z]/i.test(text) ? ' (NetWork.csv has no header row)' : '';
  return { path: where, message: text === '' ? 'is empty' : `"${text}" is not a positive whole number${header}` };
}

function parseRow(raw: string, line: number, firstRow: boolean, issues: Issue[], notes: Issue[]): Row | undefined {
  const cells = raw.split(',').map((cell) => cell.trim());
  while (cells.length > NETWORK_CSV_COLUMNS.length && cells.at(-1) === '') cells.pop();
  if (cells.length < NETWORK_CSV_COLUMNS.length) {
    issues.push({ path: `line ${line}`, message: `has ${cells.length} column${cells.length === 1 ? '' : 's'}; a layer row has ${NETWORK_CSV_COLUMNS.length}: ${NETWORK_CSV_COLUMNS.join(', ')}` });
    return undefined;
  }
  if (cells.length > NETWORK_CSV_COLUMNS.length) notes.push({ path: `line ${line}, column ${NETWORK_CSV_COLUMNS.length + 1}`, message: 'columns after the 8th are not part of the NetWork.csv format and are ignored' });
  const found = cells.slice(0, NETWORK_CSV_COLUMNS.length).flatMap((text, col) => cellIssue(line, col, text, firstRow) ?? []);
  if (found.length > 0) {
    issues.push(...found);
    return undefined;
  }
  const [h, w, c, kh, kw, out, pooled, stride] = cells.map(Number) as [number, number, number, number, number, number, number, number];
  return { line, h, w, c, kh, kw, out, pooled: pooled === 1, stride };
}

function readRows(text: string, issues: Issue[], notes: Issue[]): Row[] {
  const rows: Row[] = [];
  let seenRow = false;
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (/^[\s,]*$/.test(raw)) return;
    const row = parseRow(raw, i + 1, !seenRow, issues, notes);
    seenRow = true;
    if (row) rows.push(row);
  });
  return rows;
}

/** [height, width] a row's layer produces before pooling; zero where the kernel does not fit. */
function computeOutput(row: Row, pad: (k: number) => number): [number, number] {
  if (row.kh === row.h && row.kw === row.w) return [1, 1];
  const along = (size: number, k: number) => windowOutputSize(size, { kernel: k, stride: row.stride, padding: pad(k), dilation: 1, ceil: false });
  return [along(row.h, row.kh), along(row.w, row.kw)];
}

function computeLayer(row: Row, name: string, pad: (k: number) => number): UnlinkedLayer {
  const inputShape: [number, number, number] = [row.c, row.h, row.w];
  if (row.kh === row.h && row.kw === row.w) return { name, kind: 'fc', out: row.out, bias: false, inputShape };
  const [ph, pw] = [pad(row.kh), pad(row.kw)];
  return { name, kind: 'conv', out: row.out, kernel: [row.kh, row.kw], stride: [row.stride, row.stride], padding: [ph, pw], bias: false, inputShape };
}

function isGlobalPool(row: Row, next: Row | undefined, [oh, ow]: [number, number]): boolean {
  return next !== undefined && next.h === 1 && next.w === 1 && next.c === row.out && (oh > 1 || ow > 1);
}

interface RowLayers {
  readonly layers: UnlinkedLayer[];
  /** [channels, height, width] after this row's pooling. */
  readonly output: [number, number, number];
}

function rowLayers(row: Row, index: number, next: Row | undefined, pad: (k: number) => number, issues: Issue[]): RowLayers | undefined {
  const [oh, ow] = computeOutput(row, pad);
  if (oh < 1 || ow < 1) {
    issues.push({ path: `line ${row.line}, columns 4-5 (K_H, K_W)`, message: `a ${row.kh}x${row.kw} kernel with stride ${row.stride} does not fit the ${row.h}x${row.w} input` });
    return undefined;
  }
  const name = `layer${index + 1}`;
  const layers: UnlinkedLayer[] = [computeLayer(row, name, pad)];
  if (next) layers.push({ name: `${name}.relu`, kind: 'activation', function: 'relu' });
  if (!row.pooled) return { layers, output: [row.out, oh, ow] };
  if (isGlobalPool(row, next, [oh, ow])) {
    layers.push({ name: `${name}.pool`, kind: 'pool', mode: 'avg', global: true });
    return { layers, output: [row.out, 1, 1] };
  }
  if (oh < 2 || ow < 2) {
    issues.push({ path: `line ${row.line}, column 7 (pooled_after)`, message: `a 2x2 pool needs at least a 2x2 output; this layer makes ${oh}x${ow}` });
    return undefined;
  }
  layers.push({ name: `${name}.pool`, kind: 'pool', mode: 'max', kernel: [2, 2], stride: [2, 2] });
  return { layers, output: [row.out, Math.floor(oh / 2), Math.floor(ow / 2)] };
}

function chainNote(row: Row, made: [number, number, number]): Issue | undefined {
  const [c, h, w] = made;
  if (c === row.c && h === row.h && w === row.w) return undefined;
  if (row.h === 1 && row.w === 1 && row.c === c * h * w) return undefined;
  return {
    path: `line ${row.line}, columns 1-3 (IFM_H, IFM_W, IFM_C)`,
    message: `reads ${row.h}x${row.w}x${row.c} (H x W x C) where the row before makes ${h}x${w}x${c}: a shortcut or concatenation the format does not describe; the layer keeps the input the file declares`,
  };
}

export function parseNeuroSimCsv(text: string, name: string, options: NeuroSimOptions = {}): ImportResult {
  const issues: Issue[] = [];
  const notes: Issue[] = [];
  const rows = readRows(text, issues, notes);
  if (issues.length === 0 && rows.length === 0) issues.push({ path: 'file', message: 'has no layer rows' });
  const padding = options.padding ?? 'same';
  const pad = padding === 'same' ? (k: number) => Math.floor(k / 2) : () => 0;
  const layers: UnlinkedLayer[] = [];
  let made: [number, number, number] | undefined;
  rows.forEach((row, i) => {
    const note = made && chainNote(row, made);
    if (note) notes.push(note);
    const built = rowLayers(row, i, rows[i + 1], pad, issues);
    if (built) layers.push(...built.layers);
    made = built?.output;
  });
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };
  const first = rows[0]!;
  const paddingNote = padding === 'same' ? "assumption: 'same' padding, floor(K / 2) on each side, as NeuroSim's PyTorch models" : "'valid' padding (none), as NeuroSim's chip model counts output positions";
  return {
    ok: true,
    network: {
      name,
      dataset: 'imported',
      input: { channels: first.c, height: first.h, width: first.w },
      classes: rows.at(-1)!.out,
      source: `NeuroSim NetWork.csv "${name}" (${padding} padding)`,
      layers: chain(layers),
    },
    notes: [{ path: 'file', message: paddingNote }, { path: 'file', message: ASSUMED_ELEMENTWISE }, ...notes],
  };
}
