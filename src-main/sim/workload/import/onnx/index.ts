import { capIssues, type ImportResult } from '../result.ts';
import { convertModel } from './convert.ts';
import { decodeModel } from './decode.ts';
import { inlineFunctions } from './inline.ts';
import { looksLikeOnnx } from './sniff.ts';

// ONNX import: a model exported from PyTorch (torch.onnx.export, TorchScript or torch.export based;
// opset 11 and later), with or without its weights, as a workbench network. Never throws on bad
// input: every problem comes back as an issue naming the file, the input or the node.

export { looksLikeOnnx } from './sniff.ts';

/**
 * 256 MiB: a model file holds its weights (ResNet-50's 25.6 M float32 parameters make about
 * 100 MB, VGG-16's 138 M about 550 MB). The whole file is decoded in memory, so this caps what one
 * import can hold; larger models can be exported without weights (export_params=False).
 */
export const ONNX_FILE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Nodes after inlining local functions. assumption: exported image CNNs have hundreds to a few
 * thousand nodes; the cap only bounds the work one import may take.
 */
export const ONNX_MAX_NODES = 100_000;

export interface OnnxOptions {
  /** The full input shape, batch first (e.g. [1, 3, 224, 224]); fills dimensions the file leaves symbolic. */
  readonly input?: readonly number[];
}

/** Limits, for tests that check them without building a file that large. */
export interface OnnxLimits {
  readonly maxBytes: number;
  readonly maxNodes: number;
}

const MiB = 1024 * 1024;

export function parseOnnxWithLimits(bytes: Uint8Array, name: string, options: OnnxOptions, limits: OnnxLimits): ImportResult {
  const refuse = (message: string): ImportResult => ({ ok: false, issues: [{ path: 'file', message }] });
  if (bytes.byteLength > limits.maxBytes) {
    return refuse(`is ${(bytes.byteLength / MiB).toFixed(1)} MiB; the importer reads ONNX files up to ${(limits.maxBytes / MiB).toFixed(0)} MiB (export the model without weights, export_params=False, to import a larger one)`);
  }
  if (!looksLikeOnnx(bytes)) return refuse('is not an ONNX model (its bytes do not begin like a protobuf ModelProto with a graph)');
  const model = decodeModel(bytes);
  if (typeof model === 'string') return refuse(`is not an ONNX model (${model})`);
  const inlined = inlineFunctions(model.graph.nodes, model.functions, limits.maxNodes);
  if ('issue' in inlined) return refuse(inlined.issue);
  if (inlined.nodes.length > limits.maxNodes) return refuse(`has more than ${limits.maxNodes} nodes (local functions inlined); the importer takes at most ${limits.maxNodes}`);
  if (inlined.nodes.length === 0) return refuse('has an empty graph: no nodes, so no layers');
  const result = convertModel(model, inlined.nodes, name, options);
  return result.ok ? result : { ok: false, issues: capIssues(result.issues) };
}

export function parseOnnx(bytes: Uint8Array, name: string, options: { readonly input?: readonly number[] } = {}): ImportResult {
  return parseOnnxWithLimits(bytes, name, options, { maxBytes: ONNX_FILE_MAX_BYTES, maxNodes: ONNX_MAX_NODES });
}
