import type { Issue } from '../../../shared/result.ts';
import type { Layer, Network } from '../../../shared/schemas/workload.ts';

// What an importer returns: a network and notes on what it assumed, or the issues that stopped it
// (each naming the file, line and, for tables, the column). Importers never throw on bad input.

export type ImportResult =
  | { readonly ok: true; readonly network: Network; readonly notes: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Issues past this many are summarised: the first ones are what a user fixes first. */
export const MAX_ISSUES = 50;

export function capIssues(issues: readonly Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return [...issues];
  return [...issues.slice(0, MAX_ISSUES), { path: 'file', message: `${issues.length - MAX_ISSUES} more problems not listed` }];
}

export const ASSUMED_ELEMENTWISE =
  'assumption: a ReLU after every layer but the last and a softmax cross-entropy loss after the last (the file describes the conv and fc layers only)';

type WithoutInputs<T> = T extends unknown ? Omit<T, 'inputs'> : never;
export type UnlinkedLayer = WithoutInputs<Layer>;

/**
 * Links layers into a chain, each reading the one before (the first reads the network input),
 * and closes it with the softmax loss. File formats without producer edges give such a chain.
 */
export function chain(layers: readonly UnlinkedLayer[]): Layer[] {
  const linked = layers.map((layer, i) => ({ ...layer, inputs: i === 0 ? [] : [layers[i - 1]!.name] }) as Layer);
  const last = layers.at(-1);
  if (!last) return linked;
  const taken = new Set(layers.map((layer) => layer.name));
  let name = 'softmax';
  for (let n = 2; taken.has(name); n += 1) name = `softmax_${n}`;
  return [...linked, { name, kind: 'softmax', inputs: [last.name] }];
}
