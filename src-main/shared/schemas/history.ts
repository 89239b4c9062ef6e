import { z } from 'zod';
import { checkDateRange, experimentCursorSchema, experimentSummarySchema, listFilterShape } from './experiment.ts';

// History lists everything kept, newest first: experiments (runs), sweeps and paper reproductions,
// each row with the settings that tell it apart. One keyset page spans the three kinds.

export const HISTORY_KINDS = ['experiment', 'sweep', 'reproduction'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const historyListInputSchema = z
  .object({ ...listFilterShape, kind: z.enum(HISTORY_KINDS).optional() })
  .strict()
  .superRefine(checkDateRange);

const kept = {
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  /** Sweeps and reproductions carry no tags; the field keeps every row alike. */
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const sweepSummarySchema = z.object({
  kind: z.literal('sweep'),
  ...kept,
  status: z.enum(['done', 'cancelled']),
  design: z.object({ id: z.string(), name: z.string(), version: z.number().nullable() }),
  network: z.object({ id: z.string(), name: z.string() }),
  batch: z.number().nullable(),
  axes: z.array(z.object({ key: z.string(), from: z.number(), to: z.number(), steps: z.number(), scale: z.string(), unit: z.string() })),
  pointCount: z.number().int(),
  total: z.number().int(),
  frontCount: z.number().int(),
  elapsed_s: z.number().nullable(),
});
export type SweepSummary = z.infer<typeof sweepSummarySchema>;

const ratios = z.object({ energy: z.number(), latency: z.number(), area: z.number() });

export const reproductionSummarySchema = z.object({
  kind: z.literal('reproduction'),
  ...kept,
  status: z.literal('done'),
  proposed: z.object({ id: z.string(), name: z.string() }),
  baseline: z.object({ id: z.string(), name: z.string() }),
  basis: z.string(),
  batch: z.number().nullable(),
  /** Baseline ÷ proposed, geometric mean over the networks, on the basis shown. */
  average: ratios.nullable(),
  networks: z.array(z.string()),
});
export type ReproductionSummary = z.infer<typeof reproductionSummarySchema>;

export const historyItemSchema = z.discriminatedUnion('kind', [experimentSummarySchema.extend({ kind: z.literal('experiment') }), sweepSummarySchema, reproductionSummarySchema]);
export type HistoryItem = z.infer<typeof historyItemSchema>;

export const historyListOutputSchema = z.object({
  items: z.array(historyItemSchema),
  next: experimentCursorSchema.nullable(),
  /** Matches in all pages, every kind counted; given on the first page only. */
  total: z.number().int().optional(),
  /** The same by kind, for the kind filter. */
  counts: z.object({ experiment: z.number().int(), sweep: z.number().int(), reproduction: z.number().int() }).optional(),
});
export type HistoryPage = z.infer<typeof historyListOutputSchema>;
