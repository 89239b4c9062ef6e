import { z } from 'zod';
import { LAYER_KINDS, networkSchema } from './workload.ts';

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

export const networkImportSchema = z
  .object({
    files: z.array(layerFileSchema).min(1, 'give at least one file').max(2000),
    name: z.string().trim().min(1).max(120).optional(),
    /** Store it (import) or only read it (show a file). */
    store: z.boolean().default(true),
  })
  .strict();
