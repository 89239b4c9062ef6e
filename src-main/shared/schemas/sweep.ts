import { z } from 'zod';
import { snapshotNetworkSchema, versionedValuesSchema } from './experiment-bundle.ts';

// Sweeps as they cross the contract: one or two design parameters over ranges, results per point
// (null figures and a reason for a point whose design is not valid) and the Pareto front. A sweep
// is kept when it finishes (or is cancelled): its header and settings in one place, its points read
// back a page at a time, so a page never has to take 100,000 points in one answer.

export const MAX_SWEEP_POINTS = 100_000;
/** Most points one `sweeps.points` answer carries. */
export const MAX_POINTS_PAGE = 25_000;

const ref = z.string().trim().min(1, 'must name a sweep or reproduction (id or name)').max(200);
const jobId = z.string().min(1).max(100);

export const sweepAxisSchema = z
  .object({
    key: z.string().min(1).max(200),
    from: z.number().refine(Number.isFinite, 'must be a finite number'),
    to: z.number().refine(Number.isFinite, 'must be a finite number'),
    steps: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
    scale: z.enum(['linear', 'log']).default('linear'),
  })
  .strict()
  .refine((a) => a.scale === 'linear' || (a.from > 0 && a.to > 0), { message: 'a logarithmic range must be above zero at both ends', path: ['from'] });

/** How a caller wants the answer: kept or not, and the points in it or read later with sweeps.points. */
const delivery = {
  /** Keep the sweep in History (default true). */
  store: z.boolean().default(true),
  /** false: the answer's `points` is empty and the kept sweep's points are read with sweeps.points. */
  returnPoints: z.boolean().default(true),
};

export const sweepInputSchema = z
  .object({
    /** Chosen by the caller so it can follow progress and cancel before the answer arrives. */
    jobId,
    design: z.string().trim().min(1).max(200),
    network: z.string().trim().min(1).max(200),
    batch: z.number().int().min(1).max(65_536).optional(),
    axes: z.array(sweepAxisSchema).min(1, 'choose at least one parameter').max(2, 'choose at most two parameters'),
    name: z.string().trim().min(1).max(120).optional(),
    ...delivery,
  })
  .strict()
  .refine((s) => s.axes.reduce((n, a) => n * a.steps, 1) <= MAX_SWEEP_POINTS, { message: `a sweep may have at most ${MAX_SWEEP_POINTS} points`, path: ['axes'] })
  .refine((s) => s.axes.length < 2 || s.axes[0]!.key !== s.axes[1]!.key, { message: 'the two parameters must differ', path: ['axes', 1, 'key'] })
  .refine((s) => s.store || s.returnPoints, { message: 'a sweep that is not kept must return its points', path: ['returnPoints'] });

export const sweepPointSchema = z.object({
  index: z.number().int(),
  values: z.record(z.string(), z.number()),
  energy_J: z.number().nullable(),
  latency_s: z.number().nullable(),
  area_m2: z.number().nullable(),
  /** Days of continuous training until the most-written cell wears out; null when the cell gives no endurance (or the point failed). */
  lifetime_days: z.number().nullable().optional(),
  error: z.string().optional(),
});
export type SweepPointData = z.infer<typeof sweepPointSchema>;

export const sweepAxisInfoSchema = z.object({ key: z.string(), from: z.number(), to: z.number(), steps: z.number().int(), scale: z.string(), unit: z.string(), label: z.string() });
export type SweepAxisData = z.infer<typeof sweepAxisInfoSchema>;

/** What a sweep is, without its points: enough to draw its set-up, list it and page its points. */
const sweepCore = {
  status: z.enum(['done', 'cancelled']),
  total: z.number().int(),
  /** Indices of the points on the energy-latency Pareto front. */
  front: z.array(z.number().int()),
  design: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  network: z.object({ id: z.string(), name: z.string() }),
  /** Images per step; null: each point's design's own. */
  batch: z.number().int().nullable(),
  axes: z.array(sweepAxisInfoSchema),
  elapsed_s: z.number(),
};

export const sweepOutputSchema = z.object({
  jobId: z.string(),
  /** The kept sweep's id; null when it was not kept. */
  sweepId: z.string().nullable(),
  ...sweepCore,
  /** Points finished: `total` unless cancelled; `points` holds them unless returnPoints was false. */
  pointCount: z.number().int(),
  points: z.array(sweepPointSchema),
});
export type SweepOutput = z.infer<typeof sweepOutputSchema>;

export const sweepHeaderSchema = z.object({
  id: z.string(),
  name: z.string(),
  notes: z.string(),
  ...sweepCore,
  /** Points kept: `total` for a finished sweep, fewer for a cancelled one. */
  pointCount: z.number().int(),
  modelVersion: z.string(),
  appVersion: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SweepHeader = z.infer<typeof sweepHeaderSchema>;

/** What produced a kept sweep, so it can be explained and run again without today's libraries. */
export const sweepSnapshotSchema = z
  .object({
    design: versionedValuesSchema,
    cell: versionedValuesSchema,
    network: snapshotNetworkSchema,
    options: z.object({ batch: z.number().int().min(1).max(65_536).nullable() }).strict(),
    axes: z.array(sweepAxisSchema).min(1).max(2),
  })
  .strict();
export type SweepSnapshot = z.output<typeof sweepSnapshotSchema>;

export const keptRefSchema = z.object({ ref }).strict();

export const sweepPointsInputSchema = z
  .object({
    ref,
    /** Position of the first point (points are in index order; a cancelled sweep has gaps in its indices). */
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(MAX_POINTS_PAGE).default(MAX_POINTS_PAGE),
  })
  .strict();

export const sweepPointsOutputSchema = z.object({
  offset: z.number().int(),
  /** Points the sweep keeps in all, so a reader knows when it has them all. */
  pointCount: z.number().int(),
  points: z.array(sweepPointSchema),
});

export const sweepRerunInputSchema = z.object({ ref, jobId, ...delivery }).strict();

export const sweepRerunOutputSchema = sweepOutputSchema.extend({
  /** The kept sweep this re-ran and whether every point came out bit for bit the same. */
  rerunOf: z.object({ id: z.string(), name: z.string(), same: z.boolean(), differing: z.number().int(), modelVersion: z.string() }),
});

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export const keptExportInputSchema = z.object({ ref, format: z.enum(EXPORT_FORMATS).default('json') }).strict();
export const keptExportOutputSchema = z.object({ fileName: z.string(), text: z.string() });

export const keptUpdateInputSchema = z
  .object({
    ref,
    name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
    notes: z.string().max(20_000, 'must be at most 20000 characters').optional(),
  })
  .strict();

export const keptDeleteOutputSchema = z.object({ id: z.string(), name: z.string() });
