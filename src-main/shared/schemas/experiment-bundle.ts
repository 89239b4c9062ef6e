import { z } from 'zod';
import { MODE_NAMES } from './arith.ts';
import { FORMAT_CHOICES } from './design-api.ts';
import { evaluationSchema } from './evaluation.ts';
import { valuesSchema } from './library.ts';
import { networkSchema, type Network } from './workload.ts';

// An experiment as one JSON file: the resolved inputs, the results and the versions that produced
// them. Importing it elsewhere stores a new experiment that re-runs to the same numbers, because
// the snapshot carries every value (design, cell, network) rather than references to libraries.

export const EXPERIMENT_BUNDLE_FORMAT = 'pimwb-experiment';
export const EXPERIMENT_BUNDLE_SCHEMA_VERSION = 1;

export const versionedValuesSchema = z
  .object({
    id: z.string().min(1, 'must not be empty'),
    name: z.string().min(1, 'must not be empty'),
    version: z.number().int().positive(),
    values: valuesSchema,
  })
  .strict();

/** The network as evaluated, with the id it had in the store it came from. */
export const snapshotNetworkSchema = z.looseObject({ id: z.string().min(1, 'must not be empty') }).transform((value, ctx): Network & { id: string } => {
  const { id, ...network } = value;
  const parsed = networkSchema.safeParse(network);
  if (parsed.success) return { id, ...parsed.data };
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

export const inputSnapshotSchema = z
  .object({
    design: versionedValuesSchema,
    cell: versionedValuesSchema,
    network: snapshotNetworkSchema,
    options: z
      .object({
        batch: z.number().int('must be a whole number').min(1, 'must be at least 1').max(65_536, 'must be at most 65536'),
        format: z.enum(FORMAT_CHOICES).nullable(),
        /** Arithmetic mode override of the run; absent in runs made before the override existed. */
        mode: z.enum(MODE_NAMES).nullable().optional(),
      })
      .strict(),
  })
  .strict();
export type InputSnapshot = z.output<typeof inputSnapshotSchema>;

export const experimentBundleSchema = z
  .object({
    format: z.literal(EXPERIMENT_BUNDLE_FORMAT, { message: `must be "${EXPERIMENT_BUNDLE_FORMAT}" (this is not an experiment bundle)` }),
    schemaVersion: z
      .number()
      .int()
      .min(1)
      .max(EXPERIMENT_BUNDLE_SCHEMA_VERSION, { message: `is newer than this workbench reads (${EXPERIMENT_BUNDLE_SCHEMA_VERSION}); update PIM Workbench` }),
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
    tags: z.array(z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters')).max(20, 'must be at most 20 tags').default([]),
    notes: z.string().max(20_000, 'must be at most 20000 characters').default(''),
    inputSnapshot: inputSnapshotSchema,
    results: evaluationSchema,
    modelVersion: z.string().min(1, 'must name the model version that produced the results'),
    appVersion: z.string().min(1, 'must name the app version that produced the results'),
    createdAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }),
  })
  .strict();
export type ExperimentBundle = z.output<typeof experimentBundleSchema>;

/** Import arrives as the file's text, so a parse error can name the file and its position. */
export const bundleFileSchema = z
  .object({
    fileName: z.string().trim().min(1, 'must not be empty').max(255),
    text: z.string().max(50_000_000, 'is larger than 50 MB'),
  })
  .strict();
