import type { Issue } from '../../shared/result.ts';
import type { Layer } from '../../shared/schemas/workload.ts';

// The layer graph: names resolved to indices, checked for unknown producers, repeated names and
// cycles, and put in an order where every producer comes before its readers. Layers may be
// declared in any order; the order returned is deterministic (declaration order where free).

export interface LayerGraph {
  /** Indices into the layer list, producers first. */
  readonly order: readonly number[];
  /** For each layer, the indices of the layers it reads (empty: the network input). */
  readonly producers: readonly (readonly number[])[];
  /** For each layer, how many times other layers read it. */
  readonly readers: readonly number[];
}

export type GraphResult = { readonly ok: true; readonly graph: LayerGraph } | { readonly ok: false; readonly issues: Issue[] };

function resolveNames(layers: readonly Layer[], issues: Issue[]): number[][] {
  const index = new Map<string, number>();
  layers.forEach((layer, i) => {
    const first = index.get(layer.name);
    if (first === undefined) index.set(layer.name, i);
    else issues.push({ path: `layers[${i}].name`, message: `"${layer.name}" is also the name of layers[${first}]` });
  });
  return layers.map((layer, i) => {
    const producers: number[] = [];
    layer.inputs.forEach((name, j) => {
      const producer = index.get(name);
      if (producer === undefined) issues.push({ path: `layers[${i}].inputs[${j}]`, message: `layer "${layer.name}" reads "${name}", which no layer defines` });
      else if (producer === i) issues.push({ path: `layers[${i}].inputs[${j}]`, message: `layer "${layer.name}" reads itself` });
      else producers.push(producer);
    });
    return producers;
  });
}

/** Kahn's algorithm; the layers left over sit on or behind a cycle. */
function topologicalOrder(producers: readonly (readonly number[])[]): { order: number[]; readers: number[][] } {
  const readers: number[][] = producers.map(() => []);
  const waiting = producers.map((list) => list.length);
  producers.forEach((list, i) => list.forEach((p) => readers[p]!.push(i)));
  const order = waiting.flatMap((n, i) => (n === 0 ? [i] : []));
  for (let head = 0; head < order.length; head += 1) {
    for (const reader of readers[order[head]!]!) {
      waiting[reader]! -= 1;
      if (waiting[reader] === 0) order.push(reader);
    }
  }
  return { order, readers };
}

/** Walks producers back from each stuck layer until a layer repeats: that loop is a cycle. */
function cycleIssues(layers: readonly Layer[], producers: readonly (readonly number[])[], placed: ReadonlySet<number>): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<number>();
  for (let start = 0; start < layers.length; start += 1) {
    if (placed.has(start) || seen.has(start)) continue;
    const path: number[] = [];
    let at = start;
    while (!path.includes(at) && !seen.has(at)) {
      path.push(at);
      at = producers[at]!.find((p) => !placed.has(p))!;
    }
    path.forEach((i) => seen.add(i));
    const loopStart = path.indexOf(at);
    if (loopStart < 0) continue;
    // In data-flow order, starting from the first layer declared.
    const reversed = path.slice(loopStart).reverse();
    const first = reversed.indexOf(Math.min(...reversed));
    const loop = [...reversed.slice(first), ...reversed.slice(0, first)];
    const names = [...loop, loop[0]!].map((i) => `"${layers[i]!.name}"`).join(' -> ');
    issues.push({ path: `layers[${loop[0]!}]`, message: `layers ${names} form a cycle` });
  }
  return issues;
}

export function layerGraph(layers: readonly Layer[]): GraphResult {
  const issues: Issue[] = [];
  const producers = resolveNames(layers, issues);
  if (issues.length > 0) return { ok: false, issues };
  const { order, readers } = topologicalOrder(producers);
  if (order.length < layers.length) return { ok: false, issues: cycleIssues(layers, producers, new Set(order)) };
  return { ok: true, graph: { order, producers, readers: readers.map((list) => list.length) } };
}
