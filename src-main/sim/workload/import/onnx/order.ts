import type { Issue } from '../../../../shared/result.ts';
import type { OnnxNode } from './model.ts';
import { nodeLabel } from './naming.ts';

// Nodes in an order where every tensor is made before it is read. ONNX requires files to be sorted
// that way already, so the file's order is kept when it is valid; otherwise Kahn's algorithm, which
// is deterministic: ready nodes in the order they become ready, ties in file order.

export type OrderResult = { readonly ok: true; readonly order: number[] } | { readonly ok: false; readonly issues: Issue[] };

function producersOf(nodes: readonly OnnxNode[], known: ReadonlySet<string>, issues: Issue[]): number[][] {
  const producer = new Map<string, number>();
  nodes.forEach((n, i) => n.outputs.forEach((t) => t !== '' && producer.set(t, i)));
  return nodes.map((n, i) =>
    n.inputs.flatMap((t) => {
      if (t === '' || known.has(t)) return [];
      const p = producer.get(t);
      if (p === undefined) issues.push({ path: nodeLabel(n, i), message: `reads "${t}", which no node, initializer or graph input defines` });
      return p === undefined ? [] : [p];
    }),
  );
}

export function nodeOrder(nodes: readonly OnnxNode[], known: ReadonlySet<string>): OrderResult {
  const issues: Issue[] = [];
  const producers = producersOf(nodes, known, issues);
  if (issues.length > 0) return { ok: false, issues };
  if (producers.every((list, i) => list.every((p) => p < i))) return { ok: true, order: nodes.map((_, i) => i) };
  const readers: number[][] = nodes.map(() => []);
  const waiting = producers.map((list) => list.length);
  producers.forEach((list, i) => list.forEach((p) => readers[p]!.push(i)));
  const order = waiting.flatMap((n, i) => (n === 0 ? [i] : []));
  for (let head = 0; head < order.length; head += 1) {
    for (const r of readers[order[head]!]!) {
      waiting[r]! -= 1;
      if (waiting[r] === 0) order.push(r);
    }
  }
  const placed = new Set(order);
  if (order.length === nodes.length) return { ok: true, order };
  const stuck = nodes.findIndex((_, i) => !placed.has(i));
  return { ok: false, issues: [{ path: nodeLabel(nodes[stuck]!, stuck), message: 'sits on or after a cycle: it reads, directly or not, its own output' }] };
}
