import type { Issue } from '../../shared/result.ts';
import type { Layer, LayerShape, Network, Shape } from '../../shared/schemas/workload.ts';
import { formatShape } from './geometry.ts';
import { layerGraph, type LayerGraph } from './graph.ts';
import { layerForward } from './layer-shapes.ts';

// Shape inference over the layer graph, with every layer's forward MACs and parameters per image.
// Errors are data: each names the layer, so an imported or edited network points at its mistake.
// A layer downstream of a broken one is skipped quietly: its problem is the one already reported.

export type ShapeResult =
  | { readonly ok: true; readonly layers: LayerShape[]; readonly graph: LayerGraph }
  | { readonly ok: false; readonly issues: Issue[] };

function inputShapes(layer: Layer, producers: readonly number[], outputs: readonly (Shape | undefined)[], networkInput: Shape): Shape[] | undefined {
  if (layer.inputShape) return [layer.inputShape];
  if (producers.length === 0) return [networkInput];
  const shapes = producers.map((p) => outputs[p]);
  return shapes.every((s) => s !== undefined) ? (shapes as Shape[]) : undefined;
}

function shapeLayer(layer: Layer, ins: readonly Shape[], where: string): LayerShape | Issue {
  if (layer.inputShape && (layer.kind === 'add' || layer.kind === 'concat' || layer.kind === 'mul')) {
    return { path: `${where}.inputShape`, message: `layer "${layer.name}" merges its producers, so it cannot declare one input shape` };
  }
  const names = layer.inputs.length > 0 ? layer.inputs : ['input'];
  const forward = layerForward(layer, ins, names);
  if (typeof forward === 'string') return { path: where, message: `layer "${layer.name}": ${forward}` };
  if (forward.out.some((d) => d < 1)) {
    return { path: where, message: `layer "${layer.name}" would have an empty output (${formatShape(forward.out)}): its kernel, stride, dilation or padding do not fit its input ${formatShape(ins[0]!)}` };
  }
  return { name: layer.name, kind: layer.kind, inShape: ins[0]!, outShape: forward.out, macs: forward.macs, params: forward.params };
}

/**
 * Infers every layer's shapes. On success `layers[i]` describes `network.layers[i]` (declaration
 * order), and `graph` gives producers, readers and an order with producers first.
 */
export function inferShapes(network: Network): ShapeResult {
  const resolved = layerGraph(network.layers);
  if (!resolved.ok) return resolved;
  const { graph } = resolved;
  const networkInput: Shape = [network.input.channels, network.input.height, network.input.width];
  const outputs: (Shape | undefined)[] = [];
  const shaped: (LayerShape | undefined)[] = [];
  const issues: Issue[] = [];
  for (const i of graph.order) {
    const layer = network.layers[i]!;
    const ins = inputShapes(layer, graph.producers[i]!, outputs, networkInput);
    if (!ins) continue;
    const result = shapeLayer(layer, ins, `layers[${i}]`);
    if ('path' in result) issues.push(result);
    else {
      shaped[i] = result;
      outputs[i] = result.outShape;
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true })) };
  return { ok: true, layers: shaped as LayerShape[], graph };
}

/** Sum of forward MACs over layers, per image. */
export function forwardMacs(layers: readonly LayerShape[]): number {
  return layers.reduce((sum, layer) => sum + layer.macs, 0);
}

/** Sum of trainable parameters over layers. */
export function parameterCount(layers: readonly LayerShape[]): number {
  return layers.reduce((sum, layer) => sum + layer.params, 0);
}
