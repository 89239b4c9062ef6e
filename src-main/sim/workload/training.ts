import type { Layer, LayerShape, Network } from '../../shared/schemas/workload.ts';
import { elementsOf } from './geometry.ts';
import type { LayerGraph } from './graph.ts';
import { elementwisePhases } from './elementwise.ts';
import { NO_WORK, ops, zeroOps, type OpCounts, type PhaseWork } from './ops.ts';
import { savedElements } from './saved.ts';

// What one training step asks of the arithmetic, per layer and phase:
// - forward, activation gradient and weight gradient scale with the images of a batch; the weight
//   update and batch statistics happen once per batch (PhaseWork.perBatch).
// - conv and fc: forward M MACs; the activation gradient is the same M MACs with transposed weights
//   (skipped when nothing upstream has weights: the network input needs no gradient); the weight
//   gradient is M MACs again, the images of a batch accumulating into the same weight gradients.
//   A bias costs 1 fpAdd per output forward and 1 fpAdd per output into its gradient.
// - a layer read by k > 1 layers sums the k gradients that come back: (k - 1) fpAdd per output
//   element, counted in its activation-gradient phase (residual shortcuts, inception inputs).
// - weight update, per weight (biases and batch-norm scale and shift included) and per batch:
//   plain SGD is 1 fpMul (learning rate) and 1 fpAdd; averaging over the batch is folded into the
//   learning rate. Momentum adds v = mu v + g (1 fpMul, 1 fpAdd); weight decay g += lambda w (same).
// - element-wise layers: see elementwise.ts.

export const PHASES = ['forward', 'activationGradient', 'weightGradient', 'weightUpdate'] as const;
export type Phase = (typeof PHASES)[number];

export type { OpCounts, PhaseWork } from './ops.ts';

export interface TrainingOptions {
  readonly optimizer?: 'sgd' | 'momentum';
  readonly weightDecay?: boolean;
}

/** The dot products a phase's MACs form: how many results, and how many products each sums. */
export interface DotProducts {
  /** Per image for forward and activation gradient; per batch for the weight gradient, whose results the images share. */
  readonly results: number;
  /** Products summed into each result, on average, per image (per batch: times the batch size for the weight gradient). */
  readonly lengthPerImage: number;
}

export interface LayerWork {
  readonly name: string;
  readonly kind: Layer['kind'];
  readonly phases: Readonly<Record<Phase, PhaseWork>>;
  /** Conv and fc MACs, and batch-norm's scale gradient; zero results elsewhere. */
  readonly dotProducts: Readonly<Record<'forward' | 'activationGradient' | 'weightGradient', DotProducts>>;
  /** Elements read per image (all producers together) and produced per image. */
  readonly inputElements: number;
  readonly outputElements: number;
  readonly params: number;
  /** Elements the forward pass keeps per image for this layer's backward pass (saved.ts). */
  readonly savedElements: number;
  /** How many layers read this one. */
  readonly readers: number;
}

const NONE = NO_WORK;
const NO_DOTS: DotProducts = Object.freeze({ results: 0, lengthPerImage: 0 });
const imageWork = (counts: Partial<OpCounts>): PhaseWork => ({ perImage: ops(counts), perBatch: zeroOps() });

function weightUpdate(params: number, options: TrainingOptions): PhaseWork {
  const perWeight = 1 + (options.optimizer === 'momentum' ? 1 : 0) + (options.weightDecay === true ? 1 : 0);
  return params === 0 ? NONE : { perImage: zeroOps(), perBatch: ops({ fpMul: perWeight * params, fpAdd: perWeight * params }) };
}

function computeLayer(layer: Extract<Layer, { kind: 'conv' | 'fc' }>, shape: LayerShape, inputElements: number, needsInputGradient: boolean) {
  const outputs = elementsOf(shape.outShape);
  const biasAdds = layer.bias === false ? 0 : outputs;
  const weights = shape.params - (layer.bias === false ? 0 : layer.out);
  const phases = {
    forward: imageWork({ macs: shape.macs, fpAdd: biasAdds }),
    activationGradient: needsInputGradient ? imageWork({ macs: shape.macs }) : NONE,
    weightGradient: imageWork({ macs: shape.macs, fpAdd: biasAdds }),
  };
  const dotProducts = {
    forward: { results: outputs, lengthPerImage: shape.macs / outputs },
    activationGradient: needsInputGradient ? { results: inputElements, lengthPerImage: shape.macs / inputElements } : NO_DOTS,
    weightGradient: { results: weights, lengthPerImage: shape.macs / weights },
  };
  return { phases, dotProducts };
}

function withFanIn(work: PhaseWork, readers: number, outputs: number): PhaseWork {
  if (readers < 2) return work;
  return { perImage: { ...work.perImage, fpAdd: work.perImage.fpAdd + (readers - 1) * outputs }, perBatch: work.perBatch };
}

/** For each layer: whether anything it reads, directly or not, has weights to train. */
function trainableUpstream(graph: LayerGraph, shapes: readonly LayerShape[]): boolean[] {
  const upstream: boolean[] = shapes.map(() => false);
  for (const i of graph.order) upstream[i] = graph.producers[i]!.some((p) => shapes[p]!.params > 0 || upstream[p]!);
  return upstream;
}

function dotProductsOf(layer: Layer, shape: LayerShape, compute: ReturnType<typeof computeLayer> | undefined): LayerWork['dotProducts'] {
  if (compute) return compute.dotProducts;
  // Batch-norm's scale gradient sums dy * xhat over each channel's positions.
  const [channels, height, width] = shape.inShape;
  const weightGradient = layer.kind === 'batchnorm' ? { results: channels, lengthPerImage: height * width } : NO_DOTS;
  return { forward: NO_DOTS, activationGradient: NO_DOTS, weightGradient };
}

function layerWork(layer: Layer, shape: LayerShape, inputElements: number, upstream: boolean, readers: number, options: TrainingOptions): LayerWork {
  const outputElements = elementsOf(shape.outShape);
  const compute = layer.kind === 'conv' || layer.kind === 'fc' ? computeLayer(layer, shape, inputElements, upstream) : undefined;
  const base = compute?.phases ?? elementwisePhases(layer, shape, inputElements);
  // The gradient of this layer's output is needed when it, or anything before it, has weights.
  const outputGradientNeeded = upstream || shape.params > 0;
  const activationGradient = upstream ? base.activationGradient : NONE;
  const phases = {
    forward: base.forward,
    activationGradient: outputGradientNeeded ? withFanIn(activationGradient, readers, outputElements) : NONE,
    weightGradient: base.weightGradient,
    weightUpdate: weightUpdate(shape.params, options),
  };
  const dotProducts = dotProductsOf(layer, shape, compute);
  return { name: layer.name, kind: layer.kind, phases, dotProducts, inputElements, outputElements, params: shape.params, savedElements: savedElements(layer, shape, inputElements), readers };
}

/**
 * Per-layer training work, in declaration order. `shapes` and `graph` come from inferShapes on
 * the same network.
 */
export function trainingWork(network: Network, shapes: readonly LayerShape[], graph: LayerGraph, options: TrainingOptions = {}): LayerWork[] {
  const upstream = trainableUpstream(graph, shapes);
  return network.layers.map((layer, i) => {
    const shape = shapes[i]!;
    const producers = graph.producers[i]!;
    // A declared input shape stands for what the layer reads, whatever its producer makes.
    const declared = layer.inputShape !== undefined || producers.length === 0;
    const inputElements = declared ? elementsOf(shape.inShape) : producers.reduce((sum, p) => sum + elementsOf(shapes[p]!.outShape), 0);
    return layerWork(layer, shape, inputElements, upstream[i]!, graph.readers[i]!, options);
  });
}
