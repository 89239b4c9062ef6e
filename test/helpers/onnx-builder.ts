import onnxProto, { type onnx } from 'onnx-proto';

// ONNX models built in memory for tests, encoded with onnx-proto (the package the importer decodes
// with), so tests need no exported files.
//
//   const g = new OnnxGraph();                              // opset 17, producer "pytorch 2.6.0"
//   const x = g.input('input', [1, 3, 32, 32]);             // the data input; a string is a symbolic dim
//   const w = g.weight('conv.weight', [8, 3, 3, 3]);        // float32 zeros; a graph input with weightsAsInputs
//   const y = g.node('Conv', [x, w], { pads: [1, 1, 1, 1] }, { name: '/conv/Conv' });
//   g.output(y);
//   const bytes = g.toBytes();                              // or g.toBytes({ weightsAsInputs: true })
//
// node() returns its first output's name; nodeOutputs() all of them. Attribute values: whole
// numbers and arrays of them are INT / INTS, strings STRING, { f } FLOAT, { floats } FLOATS,
// { tensor } TENSOR. Constants: int64s() and floats() as initializers, constant() as a Constant node.

const { onnx: proto } = onnxProto;
const TYPE = proto.AttributeProto.AttributeType;
const FLOAT = 1;
const INT64 = 7;

/** A small tensor: int64 (stored as int64_data, or raw_data little-endian) or float32. */
export interface TensorSpec {
  readonly values: readonly number[];
  readonly dims?: readonly number[];
  readonly type?: 'int64' | 'float';
  readonly raw?: boolean;
}

export type AttrValue = number | readonly number[] | string | { readonly f: number } | { readonly floats: readonly number[] } | { readonly tensor: TensorSpec };

export interface NodeOptions {
  /** Node name; default "/<OpType>_<n>". '' leaves it unnamed. */
  readonly name?: string;
  /** Output tensor names, or how many to make. */
  readonly outputs?: readonly string[] | number;
  readonly domain?: string;
}

export interface ModelOptions {
  readonly opset?: number;
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly irVersion?: number;
}

export function tensorProto(name: string, spec: TensorSpec): onnx.ITensorProto {
  const dims = [...(spec.dims ?? [spec.values.length])];
  if (spec.type === 'float') return { name, dims, dataType: FLOAT, floatData: [...spec.values] };
  if (!spec.raw) return { name, dims, dataType: INT64, int64Data: [...spec.values] };
  const raw = new Uint8Array(8 * spec.values.length);
  const view = new DataView(raw.buffer);
  spec.values.forEach((v, i) => view.setBigInt64(8 * i, BigInt(v), true));
  return { name, dims, dataType: INT64, rawData: raw };
}

function attribute(name: string, value: AttrValue): onnx.IAttributeProto {
  if (typeof value === 'number') return { name, type: TYPE.INT, i: value };
  if (typeof value === 'string') return { name, type: TYPE.STRING, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) return { name, type: TYPE.INTS, ints: [...(value as number[])] };
  if ('f' in value) return { name, type: TYPE.FLOAT, f: value.f };
  if ('floats' in value) return { name, type: TYPE.FLOATS, floats: [...value.floats] };
  return { name, type: TYPE.TENSOR, t: tensorProto('', (value as { tensor: TensorSpec }).tensor) };
}

function valueInfo(name: string, dims: readonly (number | string)[] | undefined, elemType = FLOAT): onnx.IValueInfoProto {
  const shape = dims && { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  return { name, type: { tensorType: { elemType, ...(shape ? { shape } : {}) } } };
}

export class OnnxGraph {
  private readonly options: ModelOptions;
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly weights: { name: string; dims: readonly number[] }[] = [];
  private readonly constants: onnx.ITensorProto[] = [];
  private readonly functions: onnx.IFunctionProto[] = [];
  private count = 0;

  constructor(options: ModelOptions = {}) {
    this.options = options;
  }

  /** A graph input with a shape (strings are symbolic dims); undefined dims: no shape at all. */
  input(name: string, dims: readonly (number | string)[] | undefined): string {
    this.inputs.push(valueInfo(name, dims));
    return name;
  }

  /** Float32 weights (zeros): an initializer, or a graph input with its shape under weightsAsInputs. */
  weight(name: string, dims: readonly number[]): string {
    this.weights.push({ name, dims });
    return name;
  }

  int64s(name: string, values: readonly number[], options: { dims?: readonly number[]; raw?: boolean } = {}): string {
    this.constants.push(tensorProto(name, { values, type: 'int64', ...options }));
    return name;
  }

  floats(name: string, values: readonly number[], dims?: readonly number[]): string {
    this.constants.push(tensorProto(name, { values, type: 'float', ...(dims ? { dims } : {}) }));
    return name;
  }

  /** A Constant node holding `spec` as its `value` tensor (or as value_ints / value_float when `as` says so). */
  constant(spec: TensorSpec, as: 'value' | 'value_ints' | 'value_float' = 'value'): string {
    const attr: AttrValue = as === 'value_ints' ? [...spec.values] : as === 'value_float' ? { f: spec.values[0]! } : { tensor: spec };
    return this.node('Constant', [], { [as]: attr });
  }

  nodeOutputs(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttrValue>> = {}, options: NodeOptions = {}): string[] {
    this.count += 1;
    const n = this.count;
    const outputs = typeof options.outputs === 'object' ? [...options.outputs] : Array.from({ length: options.outputs ?? 1 }, (_, i) => `${opType}_${n}_out${i}`);
    this.nodes.push({
      name: options.name ?? `/${opType}_${n}`,
      opType,
      domain: options.domain ?? '',
      input: [...inputs],
      output: outputs,
      attribute: Object.entries(attributes).map(([k, v]) => attribute(k, v)),
    });
    return outputs;
  }

  node(opType: string, inputs: readonly string[], attributes: Readonly<Record<string, AttrValue>> = {}, options: NodeOptions = {}): string {
    return this.nodeOutputs(opType, inputs, attributes, options)[0]!;
  }

  /** A graph output, with a shape when given. */
  output(name: string, dims?: readonly (number | string)[]): void {
    this.outputs.push(valueInfo(name, dims));
  }

  /** A model-local function (as the torch.export-based exporter can emit); call it with node(name, ..., { domain }). */
  localFunction(fn: onnx.IFunctionProto): void {
    this.functions.push(fn);
  }

  toBytes(options: { weightsAsInputs?: boolean } = {}): Uint8Array {
    const asInputs = options.weightsAsInputs === true;
    const weightTensors = asInputs ? [] : this.weights.map((w) => ({ name: w.name, dims: [...w.dims], dataType: FLOAT, rawData: new Uint8Array(4 * w.dims.reduce((p, d) => p * d, 1)) }));
    const weightInputs = asInputs ? this.weights.map((w) => valueInfo(w.name, w.dims)) : [];
    const { opset = 17, producerName = 'pytorch', producerVersion = '2.6.0', irVersion = 8 } = this.options;
    const model: onnx.IModelProto = {
      irVersion,
      producerName,
      producerVersion,
      opsetImport: [{ domain: '', version: opset }],
      graph: { name: 'main_graph', node: this.nodes, input: [...this.inputs, ...weightInputs], output: this.outputs, initializer: [...weightTensors, ...this.constants] },
      functions: this.functions,
    };
    return proto.ModelProto.encode(model).finish();
  }
}
