import type { Issue } from '../../shared/result.ts';
import type { LayerShape, Network } from '../../shared/schemas/workload.ts';
import type { LayerGraph } from './graph.ts';
import { forwardMacs, inferShapes, parameterCount } from './shapes.ts';
import { trainingWork, type LayerWork, type TrainingOptions } from './training.ts';

// One call for what the mapping needs from a network: shapes, graph and training work per layer.

export interface NetworkAnalysis {
  readonly network: Network;
  /** Per layer, in declaration order. */
  readonly shapes: readonly LayerShape[];
  readonly graph: LayerGraph;
  readonly work: readonly LayerWork[];
  /** Conv and fc MACs per image, forward pass. */
  readonly forwardMacs: number;
  readonly params: number;
}

export type AnalysisResult = { readonly ok: true; readonly analysis: NetworkAnalysis } | { readonly ok: false; readonly issues: Issue[] };

export function analyzeNetwork(network: Network, options: TrainingOptions = {}): AnalysisResult {
  const inferred = inferShapes(network);
  if (!inferred.ok) return inferred;
  const work = trainingWork(network, inferred.layers, inferred.graph, options);
  return {
    ok: true,
    analysis: { network, shapes: inferred.layers, graph: inferred.graph, work, forwardMacs: forwardMacs(inferred.layers), params: parameterCount(inferred.layers) },
  };
}
