import type { onnx } from 'onnx-proto';
import type { ConstTensor } from './tensor.ts';

// The parts of an ONNX model the importer reads, as plain data (decode.ts fills them in).

export type OnnxAttribute = onnx.IAttributeProto;

export interface OnnxNode {
  readonly name: string;
  readonly opType: string;
  /** '' for the standard operators (also written 'ai.onnx'). */
  readonly domain: string;
  /** '' where an optional input is left out. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: ReadonlyMap<string, OnnxAttribute>;
  /** The PyTorch module the node came from ("/layer1/layer1.0/conv1"), where the exporter records it. */
  readonly modulePath?: string;
}

/** A dimension: a size, a symbolic name (dim_param), or '' when the file leaves it blank. */
export type OnnxDim = number | string;

export interface OnnxValueInfo {
  readonly name: string;
  /** Undefined when the file gives no shape. */
  readonly dims: readonly OnnxDim[] | undefined;
}

export interface OnnxFunction {
  readonly name: string;
  readonly domain: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly nodes: readonly OnnxNode[];
}

export interface OnnxGraph {
  readonly nodes: readonly OnnxNode[];
  readonly inputs: readonly OnnxValueInfo[];
  readonly outputs: readonly OnnxValueInfo[];
  readonly initializers: ReadonlyMap<string, ConstTensor>;
}

export interface OnnxModel {
  readonly producerName: string;
  readonly producerVersion: string;
  /** The default domain's opset version, when the file imports it. */
  readonly opset: number | undefined;
  readonly graph: OnnxGraph;
  readonly functions: readonly OnnxFunction[];
}

export const isStandardDomain = (domain: string): boolean => domain === '' || domain === 'ai.onnx';
