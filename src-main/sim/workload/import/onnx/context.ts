import type { Issue } from '../../../../shared/result.ts';
import type { Layer, Shape } from '../../../../shared/schemas/workload.ts';
import type { UnlinkedLayer } from '../result.ts';
import type { LayerNames } from './naming.ts';
import type { ConstTensor } from './tensor.ts';

// What the conversion knows about every tensor of the graph, and the layers made so far.
// A tensor is a feature map (made by a workbench layer, or the network input, and viewed in the
// shape ONNX gives it, batch first), a constant (weights, or small values evaluated at import),
// or failed (its node was refused; readers stay quiet so one problem is reported once).

export interface FeatureValue {
  readonly kind: 'feature';
  /** The layer whose output this is a view of; undefined for the network input. */
  readonly layer: string | undefined;
  /** The full ONNX shape, batch first. */
  readonly shape: readonly number[];
}

export interface ConstantValue {
  readonly kind: 'constant';
  readonly tensor: ConstTensor;
  /** The node whose result this depends on and that the importer could not evaluate. */
  readonly unevaluated?: string;
  /** An initializer or weight input (a trained parameter), not a value computed in the graph. */
  readonly parameter?: boolean;
}

export type Value = FeatureValue | ConstantValue | { readonly kind: 'failed' };

export const FAILED: Value = Object.freeze({ kind: 'failed' });

export interface LayerRecord {
  layer: Layer;
  /** [channels, height, width] per image, as the workbench infers it. */
  readonly out: Shape;
  /** The tensor holding this layer's output as first made (a fold checks it is read there). */
  readonly outTensor: string;
  /** The tensor a single-input layer read (a fold checks what it read). */
  readonly readTensor: string | undefined;
  /** The axis of the output tensor that holds channels: 1, or the last for a MatMul costed as a 1x1 conv. */
  readonly channelAxis: number;
  /** The node that made it, as issues name it. */
  readonly label: string;
}

export interface Conversion {
  readonly values: Map<string, Value>;
  readonly layers: LayerRecord[];
  readonly byName: Map<string, LayerRecord>;
  readonly issues: Issue[];
  readonly notes: Issue[];
  /** How many node inputs and graph outputs read each tensor. */
  readonly consumers: ReadonlyMap<string, number>;
  readonly names: LayerNames;
  readonly batch: number;
  /** The network input per image. */
  readonly input: Shape;
  /** Nodes the importer could not evaluate, and whether a layer needed their result. */
  readonly unevaluated: Map<string, boolean>;
}

/** A layer as a handler writes it: everything but its producers, which come from what it reads. */
export type NewLayer = UnlinkedLayer;
