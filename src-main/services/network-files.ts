import type { Issue } from '../shared/result.ts';
import { isOnnxCandidate, type NetworkFile } from '../shared/schemas/network-api.ts';
import { parseNeuroSimCsv } from '../sim/workload/import/neurosim-csv.ts';
import { parseTimeloopLayers } from '../sim/workload/import/timeloop.ts';
import type { ImportResult } from '../sim/workload/import/result.ts';

// Which importer reads a set of network files: text files by their extension (NetWork.csv,
// Timeloop .yaml), binary ones by their bytes (ONNX).

export interface NetworkFileOptions {
  /** ONNX only: the full input tensor shape with batch, fixing dimensions the file leaves symbolic. */
  readonly input?: readonly number[] | undefined;
}

/** The name a network gets from its file when none is given. */
export function networkNameFromFile(fileName: string): string {
  return fileName.replace(/\.(csv|ya?ml|onnx)$/i, '');
}

function refused(path: string, message: string): ImportResult {
  return { ok: false, issues: [{ path, message }] satisfies Issue[] };
}

/** Bytes of base64 the contract has already checked strictly, so Node's lenient decoder meets no surprises. */
function decodeBase64(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}

// The ONNX importer and its protobuf definitions load on the first ONNX file: every CLI command
// loads this module, and compiling them at start-up cost each one about 0.13 s.
async function parseOnnxFile(files: readonly NetworkFile[], name: string, options: NetworkFileOptions): Promise<ImportResult> {
  const [file] = files;
  if (!file || files.length !== 1) return refused('files', `give exactly one .onnx file (an ONNX model is one file; got ${files.length} files)`);
  if (file.base64 === undefined) return refused('files[0]', `${file.fileName} is an ONNX model, which is binary: send its bytes as base64, not as text`);
  const bytes = decodeBase64(file.base64);
  const { looksLikeOnnx, parseOnnx } = await import('../sim/workload/import/onnx/index.ts');
  if (!looksLikeOnnx(bytes)) {
    const why = /\.onnx$/i.test(file.fileName) ? 'its bytes do not begin like an ONNX model (a protobuf ModelProto with its graph whole): it is another format, or a model cut short or damaged' : 'binary files are read as ONNX models only';
    return refused('files[0]', `${file.fileName} is not an ONNX model: ${why}`);
  }
  return parseOnnx(bytes, name, options.input ? { input: options.input } : undefined);
}

/** Picks the importer: ONNX (.onnx, or bytes that look like one), NeuroSim NetWork.csv, or Timeloop .yaml files (one per layer). */
export async function parseNetworkFiles(files: readonly NetworkFile[], name: string, options: NetworkFileOptions = {}): Promise<ImportResult> {
  if (files.some(isOnnxCandidate)) return parseOnnxFile(files, name, options);
  const texts = files.filter((f): f is Extract<NetworkFile, { text: string }> => 'text' in f);
  const csv = texts.filter((f) => /\.csv$/i.test(f.fileName));
  const yaml = texts.filter((f) => /\.ya?ml$/i.test(f.fileName));
  if (csv.length === 1 && files.length === 1) return parseNeuroSimCsv(csv[0]!.text, name);
  if (yaml.length === files.length) return parseTimeloopLayers(yaml, name);
  return refused('files', 'give one NeuroSim NetWork.csv, or Timeloop problem files (.yaml), one per layer');
}
