import { z } from 'zod';
import { LAYER_KINDS, networkSchema } from './workload.ts';
import { base64Chars, base64DecodedBytes, base64Problem } from '../base64.ts';
import { INPUT_SHAPE_MAX_DIM, INPUT_SHAPE_MAX_DIMS, INPUT_SHAPE_MIN_DIMS, SHAPE_EXAMPLE } from '../shape-text.ts';

// Contract shapes of the network channels: a summary for lists, the layer table for a network.

export const networkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  dataset: z.string(),
  builtIn: z.boolean(),
  layers: z.number().int(),
  forwardMacs: z.number(),
  params: z.number(),
  publishedForwardMacs: z.number().optional(),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

const shape = z.tuple([z.number(), z.number(), z.number()]);

export const networkDetailSchema = networkSummarySchema.extend({
  network: networkSchema,
  layerTable: z.array(z.object({ name: z.string(), kind: z.enum(LAYER_KINDS), inShape: shape, outShape: shape, macs: z.number(), params: z.number() })),
  macsSource: z.string().optional(),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

/** One network file's text (NetWork.csv, Timeloop YAML): 5 MB, far above any real description. */
export const NETWORK_FILE_MAX_BYTES = 5_000_000;
export const layerFileSchema = z.object({ fileName: z.string().min(1).max(500), text: z.string().max(NETWORK_FILE_MAX_BYTES, `must be at most ${NETWORK_FILE_MAX_BYTES} characters`) });

/**
 * The largest ONNX model imported: 256 MiB, the parser's ONNX_FILE_MAX_BYTES (sim/workload/import/onnx).
 * Repeated here because this layer cannot import the simulator; a test keeps the two equal.
 */
export const ONNX_FILE_MAX_BYTES = 256 * 1024 * 1024;
/** The same limit as base64 characters (4 for every 3 bytes). */
export const NETWORK_BASE64_MAX_CHARS = base64Chars(ONNX_FILE_MAX_BYTES);

const mib = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(0)} MiB`;

/** A binary network file (ONNX) as base64, checked strictly so a damaged upload is refused rather than decoded to other bytes. */
export const binaryFileSchema = z
  .object({
    fileName: z.string().min(1).max(500),
    base64: z
      .string()
      .min(1, 'must not be empty (the file has no bytes)')
      .max(NETWORK_BASE64_MAX_CHARS, `must be at most ${NETWORK_BASE64_MAX_CHARS} characters (a ${mib(ONNX_FILE_MAX_BYTES)} file)`)
      .superRefine((text, ctx) => {
        // Too long is already reported, and scanning hundreds of MB more would only delay the answer.
        if (text.length > NETWORK_BASE64_MAX_CHARS) return;
        const problem = base64Problem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
        else if (base64DecodedBytes(text) > ONNX_FILE_MAX_BYTES) ctx.addIssue({ code: 'custom', message: `decodes to ${base64DecodedBytes(text)} bytes; the limit is ${ONNX_FILE_MAX_BYTES} bytes (${mib(ONNX_FILE_MAX_BYTES)})` });
      }),
  })
  .strict();

/** A network file: its text, or (ONNX) its bytes as base64. A text file with base64 beside it is refused, not guessed at. */
export const networkFileSchema = z.union([layerFileSchema.extend({ base64: z.undefined().optional() }), binaryFileSchema], {
  error: (issue) => (issue.code === 'invalid_union' ? 'must be { fileName, text } (NetWork.csv, Timeloop .yaml) or { fileName, base64 } (.onnx)' : undefined),
});
export type NetworkFile = z.infer<typeof networkFileSchema>;

/** True for a file the ONNX importer reads: sent as bytes, or named .onnx. */
export function isOnnxCandidate(file: { fileName: string; base64?: string | undefined }): boolean {
  return file.base64 !== undefined || /\.onnx$/i.test(file.fileName);
}

const shapeRange = `must give ${INPUT_SHAPE_MIN_DIMS} to ${INPUT_SHAPE_MAX_DIMS} dimensions, batch first (e.g. ${SHAPE_EXAMPLE.split('x').join(', ')})`;

/** The full input tensor shape of an ONNX model, batch first: fixes the dimensions the file leaves symbolic. */
export const inputShapeSchema = z
  .array(z.number().int('must be a whole number').positive('must be at least 1').max(INPUT_SHAPE_MAX_DIM, `must be at most ${INPUT_SHAPE_MAX_DIM}`))
  .min(INPUT_SHAPE_MIN_DIMS, shapeRange)
  .max(INPUT_SHAPE_MAX_DIMS, shapeRange);

export const networkImportSchema = z
  .object({
    files: z.array(networkFileSchema).min(1, 'give at least one file').max(2000),
    name: z.string().trim().min(1).max(120).optional(),
    /** ONNX only: the input tensor shape with batch, e.g. [1, 3, 224, 224]. */
    input: inputShapeSchema.optional(),
    /** Store it (import) or only read it (show a file). */
    store: z.boolean().default(true),
  })
  .strict()
  .superRefine((request, ctx) => {
    const onnx = request.files.some(isOnnxCandidate);
    if (onnx && request.files.length > 1) ctx.addIssue({ code: 'custom', path: ['files'], message: `give exactly one .onnx file (an ONNX model is one file; got ${request.files.length} files)` });
    if (request.input && !onnx) ctx.addIssue({ code: 'custom', path: ['input'], message: 'applies to ONNX models only (NetWork.csv and Timeloop files give each layer its shape)' });
  });

const issueSchema = z.object({ path: z.string(), message: z.string() });

/** An import answers the network's detail and what the importer assumed or warns about (not stored: they describe the file read). */
export const networkImportOutputSchema = networkDetailSchema.extend({ notes: z.array(issueSchema) });
export type NetworkImportOutput = z.infer<typeof networkImportOutputSchema>;
