import onnxProto, { type onnx } from 'onnx-proto';
import type { OnnxDim, OnnxFunction, OnnxGraph, OnnxModel, OnnxNode, OnnxValueInfo } from './model.ts';
import { int64, int64s, tensorFromProto } from './proto-values.ts';
import { makeTensor, type ConstTensor } from './tensor.ts';
import { nodeModulePaths } from './node-scopes.ts';

// Decoding through onnx-proto (the ONNX protobuf schema compiled for protobufjs). Decoding keeps
// raw_data as views into the file's bytes; only node lists, shapes and small constants become
// plain data here.

function node(n: onnx.INodeProto): OnnxNode {
  const attributes = new Map((n.attribute ?? []).map((a) => [a.name ?? '', a] as const));
  return { name: n.name ?? '', opType: n.opType ?? '', domain: n.domain ?? '', inputs: n.input ?? [], outputs: n.output ?? [], attributes };
}

function dim(d: onnx.TensorShapeProto.IDimension): OnnxDim {
  if (d.dimValue !== null && d.dimValue !== undefined) {
    const size = int64(d.dimValue);
    if (size > 0) return size;
  }
  return d.dimParam ?? '';
}

function valueInfo(v: onnx.IValueInfoProto): OnnxValueInfo {
  const shape = v.type?.tensorType?.shape;
  return { name: v.name ?? '', dims: shape ? (shape.dim ?? []).map(dim) : undefined };
}

function sparseInitializer(s: onnx.ISparseTensorProto): [string, ConstTensor] {
  return [s.values?.name ?? '', makeTensor(s.values?.dataType ?? 0, int64s(s.dims))];
}

function graph(g: onnx.IGraphProto, modulePaths: readonly (string | undefined)[]): OnnxGraph {
  const initializers = new Map<string, ConstTensor>((g.initializer ?? []).map((t) => [t.name ?? '', tensorFromProto(t)]));
  for (const [name, tensor] of (g.sparseInitializer ?? []).map(sparseInitializer)) initializers.set(name, tensor);
  const nodes = (g.node ?? []).map((n, i) => {
    const decoded = node(n);
    const modulePath = modulePaths[i];
    return modulePath === undefined ? decoded : { ...decoded, modulePath };
  });
  return { nodes, inputs: (g.input ?? []).map(valueInfo), outputs: (g.output ?? []).map(valueInfo), initializers };
}

function localFunction(f: onnx.IFunctionProto): OnnxFunction {
  return { name: f.name ?? '', domain: f.domain ?? '', inputs: f.input ?? [], outputs: f.output ?? [], nodes: (f.node ?? []).map(node) };
}

/** The model, or why the bytes are not one (protobuf's own message). */
export function decodeModel(bytes: Uint8Array): OnnxModel | string {
  let proto: onnx.ModelProto;
  try {
    proto = onnxProto.onnx.ModelProto.decode(bytes);
  } catch (error) {
    return `protobuf decoding stops: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!proto.graph) return 'it has no graph';
  const opset = (proto.opsetImport ?? []).find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  return {
    producerName: proto.producerName ?? '',
    producerVersion: proto.producerVersion ?? '',
    opset: opset ? int64(opset.version) : undefined,
    graph: graph(proto.graph, nodeModulePaths(bytes)),
    functions: (proto.functions ?? []).map(localFunction),
  };
}
