import type { Issue } from '../../../shared/result.ts';
import { windowOutputSize } from '../geometry.ts';
import { ASSUMED_ELEMENTWISE, capIssues, chain, type ImportResult, type UnlinkedLayer } from './result.ts';
import { readInstance, type Instance } from './timeloop-instance.ts';

// Timeloop / CiMLoop problem files: one layer per file, `problem: instance: {C, M, P, Q, R, S, N,
// Hstride, Wstride, ...}`. A folder of such files is one network, its layers in the natural order
// of the file names (layer2 before layer10). The parser stays pure: it takes the files' names and
// texts.
//
// Axes follow Timeloop's CNN-layer projection (its problem shape: Inputs width = R * Wdilation +
// P * Wstride, height = S * Hdilation + Q * Hstride): P, R, Wstride run along the width and Q, S,
// Hstride along the height. C and M are per group and G counts the groups (CiMLoop's depthwise
// layers). Files give no padding unless they list H, W, Hpad, Wpad, and they leave out the pooling
// between layers, so each layer declares the input it reads: H = (Q - 1) Hstride + (S - 1) Hdilation
// + 1 when H is not given. Its MACs are then exactly C M P Q R S G per image. No biases (a problem
// has weights only).

export interface LayerFile {
  readonly fileName: string;
  readonly text: string;
}

const naturalOrder = (a: LayerFile, b: LayerFile): number => a.fileName.localeCompare(b.fileName, 'en', { numeric: true });

function axis(size: number | undefined, out: number, kernel: number, stride: number, dilation: number, pad: number | undefined) {
  const input = size ?? (out - 1) * stride + (kernel - 1) * dilation + 1;
  const padding = pad ?? 0;
  return { input, padding, made: windowOutputSize(input, { kernel, stride, padding, dilation, ceil: false }) };
}

function layerOf(file: string, name: string, d: Instance, issues: Issue[]): UnlinkedLayer | undefined {
  const height = axis(d.h, d.q, d.s, d.hstride, d.hdilation, d.hpad);
  const width = axis(d.w, d.p, d.r, d.wstride, d.wdilation, d.wpad);
  if (height.made !== d.q || width.made !== d.p) {
    issues.push({ path: file, message: `Q x P = ${d.q} x ${d.p}, but H, W, the kernel, strides, dilations and padding give ${height.made} x ${width.made}` });
    return undefined;
  }
  const inputShape: [number, number, number] = [d.c * d.g, height.input, width.input];
  if (d.p === 1 && d.q === 1 && d.r === 1 && d.s === 1 && d.g === 1 && height.input === 1 && width.input === 1) {
    return { name, kind: 'fc', out: d.m, bias: false, inputShape };
  }
  return {
    name,
    kind: 'conv',
    out: d.m * d.g,
    kernel: [d.s, d.r],
    stride: [d.hstride, d.wstride],
    padding: [height.padding, width.padding],
    ...(d.hdilation > 1 || d.wdilation > 1 ? { dilation: [d.hdilation, d.wdilation] as [number, number] } : {}),
    ...(d.g > 1 ? { groups: d.g } : {}),
    bias: false,
    inputShape,
  };
}

function layerNames(files: readonly LayerFile[]): string[] {
  const used = new Set<string>();
  return files.map((file, i) => {
    const stem = file.fileName.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '') || `layer${i + 1}`;
    const name = used.has(stem) ? `${stem}_${i + 1}` : stem;
    used.add(name);
    return name;
  });
}

export function parseTimeloopLayers(files: readonly LayerFile[], name: string): ImportResult {
  if (files.length === 0) return { ok: false, issues: [{ path: 'files', message: 'no problem files given' }] };
  const issues: Issue[] = [];
  const notes: Issue[] = [];
  const sorted = [...files].sort(naturalOrder);
  const names = layerNames(sorted);
  const computes: UnlinkedLayer[] = [];
  sorted.forEach((file, i) => {
    const instance = readInstance(file.fileName, file.text, issues, notes);
    const layer = instance && layerOf(file.fileName, names[i]!, instance, issues);
    if (layer) computes.push(layer);
  });
  if (issues.length > 0) return { ok: false, issues: capIssues(issues) };
  const layers = computes.flatMap((layer, i): UnlinkedLayer[] => (i < computes.length - 1 ? [layer, { name: `${layer.name}.relu`, kind: 'activation', function: 'relu' }] : [layer]));
  const first = computes[0]!.inputShape!;
  const last = computes.at(-1)!;
  return {
    ok: true,
    network: {
      name,
      dataset: 'imported',
      input: { channels: first[0], height: first[1], width: first[2] },
      classes: 'out' in last ? last.out : 1,
      source: `Timeloop problem files "${name}": ${sorted.length === 1 ? sorted[0]!.fileName : `${sorted.length} files, ${sorted[0]!.fileName} to ${sorted.at(-1)!.fileName}`}`,
      layers: chain(layers),
    },
    notes: [{ path: 'files', message: ASSUMED_ELEMENTWISE }, { path: 'files', message: 'layers in the natural order of the file names; the pooling between them is not in the files (each layer keeps the input its file declares)' }, ...notes],
  };
}
