import { expect } from 'vitest';
import type { Issue } from '../../../../src-main/shared/result.ts';
import { networkSchema, type Layer, type Network } from '../../../../src-main/shared/schemas/workload.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../../../../src-main/sim/workload/analyze.ts';
import { parseOnnx } from '../../../../src-main/sim/workload/import/onnx/index.ts';

// Shared by the ONNX import tests: import that must succeed, import that must fail, and the
// analysis every imported network must pass.

export function imported(bytes: Uint8Array, input?: readonly number[]): { network: Network; notes: readonly Issue[] } {
  const result = parseOnnx(bytes, 'net', input ? { input } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

export function refused(bytes: Uint8Array, input?: readonly number[]): readonly Issue[] {
  const result = parseOnnx(bytes, 'net', input ? { input } : {});
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.network.layers.map((l) => l.name))}`);
  return result.issues;
}

/** Schema-valid and analysable, as any network the workbench stores. */
export function analysed(network: Network): NetworkAnalysis {
  expect(networkSchema.safeParse(network).success).toBe(true);
  const result = analyzeNetwork(network);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.analysis;
}

export const edges = (layers: readonly Layer[]) => layers.map((l) => [l.name, l.kind, l.inputs]);

export function layerNamed(network: Network, name: string): Layer {
  const layer = network.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`no layer "${name}" in ${JSON.stringify(network.layers.map((l) => l.name))}`);
  return layer;
}
