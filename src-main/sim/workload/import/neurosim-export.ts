import type { Issue } from '../../../shared/result.ts';
import type { Layer, LayerShape, Network } from '../../../shared/schemas/workload.ts';
import { elementsOf } from '../geometry.ts';
import { inferShapes } from '../shapes.ts';

// Writes a network as NeuroSim's NetWork.csv (the format parseNeuroSimCsv reads), so a network
// built or imported here can be simulated by NeuroSim. One row per conv or fc layer in
// declaration order, each with the input it reads; pooled_after is 1 when a pool comes before
// the next conv or fc layer. The format has no groups, dilation, asymmetric strides or padding
// other than 'same': such layers are refused rather than written with a different MAC count.

export type ExportResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly issues: readonly Issue[] };

type Compute = Extract<Layer, { kind: 'conv' | 'fc' }>;

function convIssue(layer: Extract<Layer, { kind: 'conv' }>): string | undefined {
  const [kh, kw] = layer.kernel;
  const [sh, sw] = layer.stride ?? [1, 1];
  const [ph, pw] = layer.padding ?? [0, 0];
  if ((layer.groups ?? 1) > 1) return 'has groups, which NetWork.csv cannot express';
  if ((layer.dilation ?? [1, 1]).some((d) => d > 1)) return 'is dilated, which NetWork.csv cannot express';
  if (sh !== sw) return 'has different strides along height and width';
  if (ph !== Math.floor(kh / 2) || pw !== Math.floor(kw / 2)) return `has padding ${ph}x${pw}; NetWork.csv implies 'same' padding (${Math.floor(kh / 2)}x${Math.floor(kw / 2)})`;
  return undefined;
}

function row(layer: Compute, shape: LayerShape, pooled: boolean): string {
  const [c, h, w] = shape.inShape;
  if (layer.kind === 'fc') return [1, 1, elementsOf(shape.inShape), 1, 1, layer.out, 0, 1].join(',');
  const [kh, kw] = layer.kernel;
  return [h, w, c, kh, kw, layer.out, pooled ? 1 : 0, (layer.stride ?? [1, 1])[0]].join(',');
}

export function networkToNeuroSimCsv(network: Network): ExportResult {
  const shapes = inferShapes(network);
  if (!shapes.ok) return shapes;
  const computes = network.layers.flatMap((layer, i) => (layer.kind === 'conv' || layer.kind === 'fc' ? [i] : []));
  const issues = computes.flatMap((i) => {
    const layer = network.layers[i]!;
    const problem = layer.kind === 'conv' ? convIssue(layer) : undefined;
    return problem ? [{ path: `layers[${i}]`, message: `layer "${layer.name}" ${problem}` }] : [];
  });
  if (issues.length > 0) return { ok: false, issues };
  if (computes.length === 0) return { ok: false, issues: [{ path: 'layers', message: 'has no conv or fc layer to write' }] };
  const rows = computes.map((i, k) => {
    const until = computes[k + 1] ?? network.layers.length;
    const pooled = network.layers.slice(i + 1, until).some((layer) => layer.kind === 'pool');
    return row(network.layers[i] as Compute, shapes.layers[i]!, pooled);
  });
  return { ok: true, text: `${rows.join('\n')}\n` };
}
