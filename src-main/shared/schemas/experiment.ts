import { z } from 'zod';
import { evaluationSchema } from './evaluation.ts';

// An experiment is one evaluation (a design training a workload). It keeps a full snapshot of its
// resolved inputs and the model and app versions, so an old result can be explained and re-run.

/**
 * The cell a GPU run's input snapshot records: a GPU has no PIM cell, and snapshots keep one shape.
 * History tells GPU runs by it, which is cheaper than reading the design values of every row.
 */
export const GPU_SNAPSHOT_CELL_ID = 'none';

export const EXPERIMENT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export const experimentStatusSchema = z.enum(EXPERIMENT_STATUSES);
export type ExperimentStatus = z.infer<typeof experimentStatusSchema>;

export const libraryRefSchema = z.object({ libraryId: z.string(), version: z.number().int().positive() });
export type LibraryRef = z.infer<typeof libraryRefSchema>;

export const experimentSchema = z.object({
  id: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  status: experimentStatusSchema,
  inputSnapshot: z.unknown(),
  libraryRefs: z.array(libraryRefSchema),
  modelVersion: z.string(),
  appVersion: z.string(),
  results: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Experiment = z.infer<typeof experimentSchema>;

/**
 * One row of History: what the table shows, read from the stored snapshot and results without
 * sending them (a run's snapshot and results weigh 20-50 kB; a page of 50 would be megabytes).
 * Fields are null when an experiment has no such input or result (a failed run, an odd snapshot).
 */
export const experimentSummarySchema = experimentSchema.omit({ inputSnapshot: true, results: true, libraryRefs: true }).extend({
  design: z.object({ id: z.string(), name: z.string(), version: z.number().nullable() }).nullable(),
  /** `gpu` for a run of a GPU design (its snapshot's cell is GPU_SNAPSHOT_CELL_ID); absent from rows read before kinds were told apart. */
  designKind: z.enum(['pim', 'gpu']).optional(),
  cell: z.string().nullable(),
  network: z.object({ id: z.string(), name: z.string() }).nullable(),
  batch: z.number().nullable(),
  format: z.string().nullable(),
  figures: z.object({ energy_J: z.number(), latency_s: z.number(), area_m2: z.number(), power_W: z.number().nullable() }).nullable(),
});
export type ExperimentSummary = z.infer<typeof experimentSummarySchema>;

/** A date (2026-03-01, the whole day in UTC) or an instant with its offset (2026-03-01T09:30:00Z). */
const dateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (YYYY-MM-DD) or an ISO date-time' });

export const experimentCursorSchema = z.object({ createdAt: z.string(), id: z.string() });
export type ExperimentCursor = z.infer<typeof experimentCursorSchema>;

/** History's page and filters, shared by the list of experiments and the list of everything kept. */
export const listFilterShape = {
  limit: z.number().int().min(1).max(500).default(50),
  after: experimentCursorSchema.nullable().optional(),
  /** Part of the name, in any case. */
  text: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(60).optional(),
  /** Created on or after. */
  from: dateBound.optional(),
  /** Created on or before (a date includes the whole day). */
  to: dateBound.optional(),
};

export function checkDateRange(input: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (input.from && input.to && lowerBound(input.from) > upperBound(input.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'is before "from"' });
}

export const experimentListInputSchema = z.object(listFilterShape).strict().superRefine(checkDateRange);

export const experimentListOutputSchema = z.object({
  items: z.array(experimentSummarySchema),
  next: experimentCursorSchema.nullable(),
  /** How many experiments match the filters in all pages; given on the first page only (no `after`). */
  total: z.number().int().optional(),
});

/** The first instant a bound admits, as stored timestamps are written (UTC, milliseconds). */
export function lowerBound(bound: string): string {
  return new Date(bound.length === 10 ? `${bound}T00:00:00.000Z` : bound).toISOString();
}

/** The last instant a bound admits: a date runs to the end of its day. */
export function upperBound(bound: string): string {
  return bound.length === 10 ? new Date(Date.parse(`${bound}T00:00:00.000Z`) + 86_399_999).toISOString() : new Date(bound).toISOString();
}

const tagSchema = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');

export const experimentUpdateInputSchema = z
  .object({
    ref: z.string().trim().min(1, 'must name an experiment (id or name)').max(200),
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
    notes: z.string().max(20_000, 'must be at most 20000 characters').optional(),
    tags: z.array(tagSchema).max(20, 'must be at most 20 tags').optional(),
  })
  .strict();

export const experimentTagsOutputSchema = z.object({ items: z.array(z.object({ tag: z.string(), count: z.number().int() })) });

export const RERUN_METRICS = ['energy_J', 'latency_s', 'area_m2'] as const;

export const experimentRerunOutputSchema = z.object({
  experimentId: z.string(),
  name: z.string(),
  result: evaluationSchema,
  /** True when energy, latency and area are bit-for-bit the stored ones. */
  same: z.boolean(),
  differences: z.array(z.object({ metric: z.enum(RERUN_METRICS), stored: z.number().nullable(), rerun: z.number(), relative: z.number().nullable() })),
  /** The model that produced the stored numbers and the one that produced these. */
  modelVersion: z.object({ stored: z.string(), current: z.string() }),
});
export type ExperimentRerunOutput = z.infer<typeof experimentRerunOutputSchema>;
