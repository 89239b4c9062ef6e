import { z } from 'zod';

// Sweeps as they cross the contract: one or two design parameters over ranges, results per point
// (null figures and a reason for a point whose design is not valid) and the Pareto front.

export const MAX_SWEEP_POINTS = 100_000;

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

export const sweepInputSchema = z
  .object({
    /** Chosen by the caller so it can follow progress and cancel before the answer arrives. */
    jobId: z.string().min(1).max(100),
    design: z.string().trim().min(1).max(200),
    network: z.string().trim().min(1).max(200),
    batch: z.number().int().min(1).max(65_536).optional(),
    axes: z.array(sweepAxisSchema).min(1, 'choose at least one parameter').max(2, 'choose at most two parameters'),
  })
  .strict()
  .refine((s) => s.axes.reduce((n, a) => n * a.steps, 1) <= MAX_SWEEP_POINTS, { message: `a sweep may have at most ${MAX_SWEEP_POINTS} points`, path: ['axes'] })
  .refine((s) => s.axes.length < 2 || s.axes[0]!.key !== s.axes[1]!.key, { message: 'the two parameters must differ', path: ['axes', 1, 'key'] });

const pointSchema = z.object({
  index: z.number().int(),
  values: z.record(z.string(), z.number()),
  energy_J: z.number().nullable(),
  latency_s: z.number().nullable(),
  area_m2: z.number().nullable(),
  error: z.string().optional(),
});

export const sweepOutputSchema = z.object({
  jobId: z.string(),
  status: z.enum(['done', 'cancelled']),
  total: z.number().int(),
  points: z.array(pointSchema),
  /** Indices of the points on the energy-latency Pareto front. */
  front: z.array(z.number().int()),
  design: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  network: z.object({ id: z.string(), name: z.string() }),
  axes: z.array(z.object({ key: z.string(), from: z.number(), to: z.number(), steps: z.number().int(), scale: z.string(), unit: z.string(), label: z.string() })),
  elapsed_s: z.number(),
});
export type SweepOutput = z.infer<typeof sweepOutputSchema>;
