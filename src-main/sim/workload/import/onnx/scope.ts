import type { Layer, Shape } from '../../../../shared/schemas/workload.ts';
import { formatShape } from '../../geometry.ts';
import { layerForward } from '../../layer-shapes.ts';
import { FAILED, type ConstantValue, type Conversion, type FeatureValue, type NewLayer, type Value } from './context.ts';
import { formatDims } from './dims.ts';
import type { OnnxNode } from './model.ts';
import { nodeLabel } from './naming.ts';
import type { ConstTensor } from './tensor.ts';

// One node's view of the conversion: its inputs as values, and the ways it can answer (a layer,
// a view of a feature map, a constant, or a refusal naming the node).

/** [channels, height, width] of a batch-first tensor: NxF is Fx1x1, NxCxL is CxLx1. */
export function perImage(shape: readonly number[]): Shape | string {
  const [, c, h, w] = shape;
  if (shape.length < 2 || shape.length > 4) return `a ${shape.length}-dimensional tensor (${formatDims(shape)}) is not a batch of feature maps (NxF, NxCxL or NxCxHxW)`;
  return [c!, h ?? 1, w ?? 1];
}

export interface EmitOptions {
  /** Rank of the output tensor (4 unless said): NxCxHxW, NxCxL or NxC. */
  readonly rank?: number;
  /** The output tensor's shape when it is not the layer's output in that rank (a MatMul costed as a 1x1 conv). */
  readonly view?: readonly number[];
  readonly channelAxis?: number;
  /** Default: the node's first output, under the node's layer name. */
  readonly output?: number;
  readonly name?: string;
}

const MERGES: ReadonlySet<Layer['kind']> = new Set(['add', 'concat', 'mul']);

export class NodeScope {
  readonly state: Conversion;
  readonly node: OnnxNode;
  readonly label: string;
  readonly name: string;

  constructor(state: Conversion, node: OnnxNode, index: number) {
    this.state = state;
    this.node = node;
    this.label = nodeLabel(node, index);
    this.name = state.names.forNode(index);
  }

  input(i: number): Value | undefined {
    const name = this.node.inputs[i];
    return name ? this.state.values.get(name) : undefined;
  }

  present(i: number): boolean {
    return Boolean(this.node.inputs[i]);
  }

  fail(message: string): void {
    this.state.issues.push({ path: this.label, message });
    for (const t of this.node.outputs) if (t !== '') this.state.values.set(t, FAILED);
  }

  note(message: string): void {
    this.state.notes.push({ path: this.label, message });
  }

  feature(i: number): FeatureValue | undefined {
    const v = this.input(i);
    if (v?.kind === 'feature') return v;
    this.fail(`reads a constant as input ${i + 1} where a feature map is expected`);
    return undefined;
  }

  constant(i: number): ConstantValue | undefined {
    const v = this.input(i);
    return v?.kind === 'constant' ? v : undefined;
  }

  /** A constant input's shape; the node fails when it is missing or not known. */
  weightDims(i: number, what: string): readonly number[] | undefined {
    const v = this.input(i);
    if (v?.kind === 'feature') return void this.fail(`its ${what} are computed from the data (a feature map), which the workbench cannot cost; they must be weights`);
    if (v?.kind === 'constant' && v.tensor.dims) return v.tensor.dims;
    this.fail(`the shape of its ${what} ("${this.node.inputs[i] ?? ''}") is not known at import${this.origin(v)}`);
    return undefined;
  }

  /**
   * An input's values, which the import needs (a target shape, split sizes, axes). Undefined, with
   * the node failed, when they cannot be known.
   */
  values(i: number, what: string): readonly number[] | undefined {
    const v = this.input(i);
    if (v?.kind === 'constant' && v.tensor.data) return v.tensor.data;
    if (v?.kind === 'feature') this.fail(`its ${what} come from the data (a feature map); the import needs them fixed`);
    else this.fail(`needs its ${what} ("${this.node.inputs[i] ?? ''}") at import${this.origin(v)}`);
    return undefined;
  }

  /** Optional input's values: undefined when left out, 'unknown' when given but not evaluable. */
  optionalValues(i: number): readonly number[] | undefined | 'unknown' {
    if (!this.present(i)) return undefined;
    const v = this.input(i);
    return v?.kind === 'constant' && v.tensor.data ? v.tensor.data : 'unknown';
  }

  private origin(v: Value | undefined): string {
    if (v?.kind !== 'constant' || !v.unevaluated) return ', and the file does not give it';
    this.state.unevaluated.set(v.unevaluated, true);
    return `: it depends on ${v.unevaluated}, which the importer cannot evaluate`;
  }

  setOutput(i: number, value: Value): void {
    const name = this.node.outputs[i];
    if (name) this.state.values.set(name, value);
  }

  setConstant(i: number, tensor: ConstTensor, unevaluated?: string): void {
    this.setOutput(i, unevaluated ? { kind: 'constant', tensor, unevaluated } : { kind: 'constant', tensor });
  }

  /** The output of the layer (or network input) a feature map is a view of, per image. */
  producerShape(v: FeatureValue): Shape {
    return v.layer === undefined ? this.state.input : this.state.byName.get(v.layer)!.out;
  }

  /** The shapes the new layer reads, declaring its input where it reads a reshaped view; undefined when refused. */
  private readShapes(layer: NewLayer, reads: readonly FeatureValue[]): Shape[] | undefined {
    const views = reads.map((r) => perImage(r.shape));
    const problem = views.find((v): v is string => typeof v === 'string');
    if (problem) return void this.fail(`reads ${problem}`);
    const shapes = views as Shape[];
    const differs = (r: FeatureValue, i: number) => shapes[i]!.some((d, k) => d !== this.producerShape(r)[k]);
    if (MERGES.has(layer.kind)) {
      if (reads.some((r) => r.layer === undefined)) return void this.fail('merges the network input with another tensor; the workbench names layers, not the input, as producers of a merge');
      if (reads.some(differs)) return void this.fail('merges feature maps reshaped from what their layers make, which the workbench cannot express');
      return reads.map((r) => this.producerShape(r));
    }
    if (layer.inputShape) return [layer.inputShape];
    if (layer.kind !== 'fc' && differs(reads[0]!, 0)) (layer as { inputShape?: Shape }).inputShape = shapes[0]!;
    return [layer.inputShape ?? this.producerShape(reads[0]!)];
  }

  /** Makes a layer reading `reads` and sets the node's output to its output. */
  emit(layer: NewLayer, reads: readonly FeatureValue[], options: EmitOptions = {}): void {
    const name = options.name ?? this.name;
    const full = { ...layer, name, inputs: reads.flatMap((r) => (r.layer === undefined ? [] : [r.layer])) } as Layer;
    const ins = this.readShapes(full, reads);
    if (!ins) return;
    const forward = layerForward(full, ins, full.inputs.length > 0 ? full.inputs : ['the network input']);
    if (typeof forward === 'string') return this.fail(forward);
    if (forward.out.some((d) => d < 1)) return this.fail(`would have an empty output (${formatShape(forward.out)}) from its input ${formatShape(ins[0]!)}`);
    const [c, h, w] = forward.out;
    const rank = options.rank ?? 4;
    const view = options.view ?? [this.state.batch, ...[c, h, w].slice(0, rank - 1)];
    const output = this.node.outputs[options.output ?? 0] ?? '';
    const record = { layer: full, out: forward.out, outTensor: output, readTensor: reads.length === 1 ? this.node.inputs[0] : undefined, channelAxis: options.channelAxis ?? 1, label: this.label };
    this.state.layers.push(record);
    this.state.byName.set(name, record);
    this.setOutput(options.output ?? 0, { kind: 'feature', layer: name, shape: view });
  }
}
