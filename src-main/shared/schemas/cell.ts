import { z } from 'zod';
import { librarySummarySchema, libraryDetailSchema, nameSchema } from './library.ts';

// Contract shapes for memory cells (stored as libraries of kind "cell") and subarray evaluations.

const issueSchema = z.object({ path: z.string(), message: z.string() });

export const cellSummarySchema = librarySummarySchema.extend({ family: z.string() });
export type CellSummary = z.infer<typeof cellSummarySchema>;

/** P(one step's output bit is wrong in a lane), averaged over random data, and how it was obtained. */
export const primitiveErrorSchema = z.object({ probability: z.number().min(0).max(1), basis: z.string() });

export const cellDetailSchema = z.object({
  library: libraryDetailSchema,
  family: z.string(),
  primitives: z.array(z.string()),
  warnings: z.array(issueSchema),
});
export type CellDetail = z.infer<typeof cellDetailSchema>;

/** Per primitive, from the cell's variation values; absent for incomplete cells and cells without in-memory logic. */
export const cellErrorsOutputSchema = z.object({ errors: z.record(z.string(), primitiveErrorSchema).optional() });

/** An NVSim .cell file is a few hundred bytes; 1 MB leaves room for comments. */
export const CELL_FILE_MAX_BYTES = 1_000_000;

export const nvsimImportInputSchema = z
  .object({
    text: z.string().max(CELL_FILE_MAX_BYTES, 'the .cell file is larger than 1 MB'),
    fileName: z.string().max(500).default('cell file'),
    name: nameSchema.optional(),
  })
  .strict();

export const nvsimImportOutputSchema = z.object({ cell: cellDetailSchema, warnings: z.array(issueSchema) });

const figureSchema = z.object({ latency_s: z.number(), energy_J: z.number(), cellEnergy_J: z.number().optional() });
const breakdownSchema = z.object({ latencyBreakdown: z.record(z.string(), z.number()), energyBreakdown: z.record(z.string(), z.number()) });

export const SUPPORTED_ARRAY_SIZE = { min: 16, max: 4096 } as const;
/** Columns that may share one sense amplifier through the column mux. */
export const MUX_CHOICES = [1, 2, 4, 8] as const;

export const arrayInputSchema = z
  .object({
    /** A stored or built-in cell (id or name), or the text of an NVSim .cell file. */
    cell: z.union([z.string().min(1), z.object({ nvsimText: z.string().max(1_000_000), fileName: z.string().default('cell file') })]),
    rows: z.number().int().min(SUPPORTED_ARRAY_SIZE.min).max(SUPPORTED_ARRAY_SIZE.max),
    cols: z.number().int().min(SUPPORTED_ARRAY_SIZE.min).max(SUPPORTED_ARRAY_SIZE.max),
    node: z.number().int(),
    /** Columns per sense amplifier; when absent, the fewest a sense amplifier fits under. */
    mux: z
      .number()
      .int()
      .refine((m) => (MUX_CHOICES as readonly number[]).includes(m), `must be one of ${MUX_CHOICES.join(', ')}`)
      .optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();

export const arrayResultSchema = z.object({
  area_m2: z.number(),
  read: figureSchema,
  write: figureSchema,
  primitives: z.record(z.string(), figureSchema),
  lanes: z.number(),
  mux: z.number(),
  leakage_W: z.number(),
  predecoder: z.object({ area_m2: z.number(), energy_J: z.number(), latency_s: z.number() }),
  breakdown: z.object({ area_m2: z.record(z.string(), z.number()), read: breakdownSchema, write: breakdownSchema, primitives: z.record(z.string(), breakdownSchema) }),
  warnings: z.array(z.string()),
  cell: z.object({ id: z.string(), name: z.string(), family: z.string() }),
  node_nm: z.number(),
});
export type ArrayResult = z.infer<typeof arrayResultSchema>;
