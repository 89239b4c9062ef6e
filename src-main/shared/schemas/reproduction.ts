import { z } from 'zod';
import { COMPARISON_BASES, reproduceOutputSchema } from './design-api.ts';
import { valuesSchema } from './library.ts';

// A kept paper reproduction: the two designs as they were evaluated (every value, so it re-runs
// without today's libraries), the basis and batch asked for, and the whole comparison that came out.

const designDataSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    version: z.number().int().positive().optional(),
    values: valuesSchema,
    cellName: z.string().min(1),
    cellValues: valuesSchema,
  })
  .strict();

export const reproductionSnapshotSchema = z
  .object({
    basis: z.enum(COMPARISON_BASES),
    batch: z.number().int().min(1).max(65_536).nullable(),
    proposed: designDataSchema,
    baseline: designDataSchema,
  })
  .strict();
export type ReproductionSnapshot = z.output<typeof reproductionSnapshotSchema>;

const designRef = z.object({ id: z.string(), name: z.string(), version: z.number().int().nullable() });

export const reproductionSchema = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  inputs: z.object({ basis: z.string(), batch: z.number().int().nullable(), proposed: designRef, baseline: designRef }),
  output: reproduceOutputSchema,
  modelVersion: z.string(),
  appVersion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Reproduction = z.infer<typeof reproductionSchema>;

export const reproductionRerunOutputSchema = z.object({
  reproductionId: z.string(),
  name: z.string(),
  /** True when every figure of the comparison is bit for bit the stored one. */
  same: z.boolean(),
  /** The first figures that differ, by their path in the output. */
  differences: z.array(z.object({ path: z.string(), stored: z.unknown(), rerun: z.unknown() })),
  differing: z.number().int(),
  modelVersion: z.object({ stored: z.string(), current: z.string() }),
});
export type ReproductionRerunOutput = z.infer<typeof reproductionRerunOutputSchema>;
