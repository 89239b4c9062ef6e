import { z } from 'zod';

// Which value decides a result: local sensitivity (a tornado), goal seek, and (sobol.ts in the
// simulator) global sensitivity and uncertainty, as they cross the contract. Figures are in SI
// (J, s, m², W) or, with a second design, the ratio of the first to it.

const ref = z.string().trim().min(1, 'must name a design or network (id or name)').max(200);
const batch = z.number().int('must be a whole number').min(1, 'must be at least 1').max(65_536, 'must be at most 65536');

export const ANALYSIS_METRICS = ['energy', 'latency', 'area', 'power'] as const;
export type AnalysisMetric = (typeof ANALYSIS_METRICS)[number];

const studyShape = {
  design: ref,
  network: ref,
  metric: z.enum(ANALYSIS_METRICS).default('energy'),
  /** A second design: the metric becomes design ÷ vs, and both designs' values are studied. */
  vs: ref.optional(),
  batch: batch.optional(),
};

export const sensitivityInputSchema = z
  .object({
    ...studyShape,
    /** Each value moved down and up by this much; without it, a value with a range in its library moves to the range's ends and the others by 10%. */
    percent: z.number().gt(0, 'must be more than 0').lt(100, 'must be less than 100').optional(),
  })
  .strict();

const sensitivityParameterSchema = z.object({
  /** The library the value belongs to (a design's or a cell's name, or "28 nm node"). */
  library: z.string(),
  key: z.string(),
  unit: z.string(),
  low: z.number(),
  high: z.number(),
  /** Null where the simulator refuses the moved value (`refused` says why). */
  metricAtLow: z.number().nullable(),
  metricAtHigh: z.number().nullable(),
  /** d ln M / d ln p between the two ends. */
  elasticity: z.number().nullable(),
  refused: z.string().optional(),
  /** Which design of a comparison the value belongs to. */
  side: z.enum(['design', 'vs']),
  /** The value itself, in `unit`. */
  value: z.number(),
  /** Whether the ends are the range the library gives or ±percent. */
  moved: z.enum(['range', 'percent']),
});

export const sensitivityOutputSchema = z.object({
  metric: z.enum(ANALYSIS_METRICS),
  baseline: z.number(),
  parameters: z.array(sensitivityParameterSchema),
  percent: z.number(),
  /** "J", "s", "m^2", "W", or "1" for a ratio to the second design. */
  unit: z.string(),
  design: z.string(),
  vs: z.string().nullable(),
  network: z.string(),
  evaluations: z.number().int(),
});
export type SensitivityOutput = z.infer<typeof sensitivityOutputSchema>;

export const goalSeekInputSchema = z
  .object({
    ...studyShape,
    key: z.string().trim().min(1, 'must name a value of the design, its cell or its node').max(120),
    target: z.number().gt(0, 'must be more than 0').finite(),
    /** The range searched, in the value's unit; two decades either side of the value by default. */
    low: z.number().gt(0, 'must be more than 0').finite().optional(),
    high: z.number().gt(0, 'must be more than 0').finite().optional(),
  })
  .strict()
  .refine((v) => v.low === undefined || v.high === undefined || v.high > v.low, { path: ['high'], message: 'must be more than low' });

export const goalSeekOutputSchema = z.object({
  key: z.string(),
  unit: z.string(),
  /** The value that gives the target (absent when unreachable). */
  value: z.number().optional(),
  achieved: z.number().optional(),
  iterations: z.number().int(),
  /** Why no value in the range gives the target, with the span the metric covers there. */
  unreachable: z.string().optional(),
  range: z.tuple([z.number(), z.number()]),
  metricRange: z.tuple([z.number(), z.number()]).nullable().optional(),
  metric: z.enum(ANALYSIS_METRICS),
  target: z.number(),
  /** The value before the search, in `unit`. */
  current: z.number(),
  library: z.string(),
});
export type GoalSeekOutput = z.infer<typeof goalSeekOutputSchema>;

/**
 * Global studies draw every value at once: from its range where the library gives one, else
 * uniformly within ±percent of the value (an assumption the answer states).
 */
const globalShape = {
  ...studyShape,
  samples: z.number().int('must be a whole number').min(16, 'must be at least 16').max(65_536, 'must be at most 65536'),
  seed: z.number().int('must be a whole number').min(0, 'must not be negative').max(4_294_967_295, 'must be at most 4294967295').default(1),
  percent: z.number().gt(0, 'must be more than 0').lt(100, 'must be less than 100').default(10),
};

export const sobolInputSchema = z
  .object({
    ...globalShape,
    samples: globalShape.samples.default(1024),
    /** The values studied: the `top` the tornado ranks highest (all when fewer). */
    top: z.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(30),
  })
  .strict();

const rangeSchema = z.object({ low: z.number(), high: z.number(), distribution: z.enum(['uniform', 'log-uniform', 'normal', 'lognormal']), sigma: z.number().optional(), source: z.string() });

export const sobolOutputSchema = z.object({
  indices: z.array(
    z.object({
      key: z.string(),
      first: z.number(),
      total: z.number(),
      firstCI: z.tuple([z.number(), z.number()]),
      totalCI: z.tuple([z.number(), z.number()]),
      library: z.string(),
      side: z.enum(['design', 'vs']),
      unit: z.string(),
      /** What the value was drawn from. */
      range: rangeSchema,
      /** Values drawn with this one (the other state of the same device): one factor with it. */
      together: z.array(z.string()).optional(),
    }),
  ),
  metric: z.enum(ANALYSIS_METRICS),
  unit: z.string(),
  baseline: z.number(),
  mean: z.number(),
  variance: z.number(),
  samples: z.number().int(),
  seed: z.number().int(),
  evaluations: z.number().int(),
  /** Draws the simulator refused (left out of the estimate, which then stands on fewer samples). */
  refused: z.number().int(),
  confidence: z.number(),
});
export type SobolOutput = z.infer<typeof sobolOutputSchema>;

export const uncertaintyInputSchema = z.object({ ...globalShape, samples: globalShape.samples.default(1000) }).strict();

export const uncertaintyOutputSchema = z.object({
  p5: z.number(),
  p50: z.number(),
  p95: z.number(),
  samples: z.number().int(),
  mean: z.number(),
  metric: z.enum(ANALYSIS_METRICS),
  unit: z.string(),
  baseline: z.number(),
  seed: z.number().int(),
  refused: z.number().int(),
  /** Every value drawn, with what from. */
  parameters: z.array(
    z.object({
      library: z.string(),
      side: z.enum(['design', 'vs']),
      key: z.string(),
      unit: z.string(),
      value: z.number(),
      range: rangeSchema,
      /** The value this one is drawn with (it moves through its range as that one moves through its own). */
      drawnWith: z.string().optional(),
    }),
  ),
});
export type UncertaintyOutput = z.infer<typeof uncertaintyOutputSchema>;

/** The comparison bases the paper reproduction runs (sim/experiment/bases.ts). */
export const PAPER_BAND_BASES = ['as-modelled', 'floatpim-published', 'equal-power', 'step-count'] as const;

export const paperBandsInputSchema = z
  .object({
    proposed: ref.default('sot-mram-pim'),
    baseline: ref.default('floatpim'),
    basis: z.enum(PAPER_BAND_BASES).default('as-modelled'),
    batch: batch.optional(),
    samples: z.number().int('must be a whole number').min(16, 'must be at least 16').max(10_000, 'must be at most 10000').default(300),
    seed: globalShape.seed,
    percent: globalShape.percent,
  })
  .strict();

export const paperBandsOutputSchema = z.object({
  basis: z.enum(PAPER_BAND_BASES),
  /** Baseline ÷ proposed, geometric mean over the paper's networks, as the reproduction reports it. */
  metrics: z.array(
    z.object({
      metric: z.enum(['energy', 'latency', 'area']),
      /** With the values as the libraries give them. */
      modelled: z.number(),
      p5: z.number(),
      p50: z.number(),
      p95: z.number(),
      /** The ratio the paper claims. */
      published: z.number(),
      /** Whether the claim lies within [p5, p95]. */
      inside: z.boolean(),
    }),
  ),
  samples: z.number().int(),
  refused: z.number().int(),
  seed: z.number().int(),
  percent: z.number(),
  /** Values drawn, and how many of them within an assumed ±percent (no range in their library). */
  parameters: z.number().int(),
  assumed: z.number().int(),
});
export type PaperBandsOutput = z.infer<typeof paperBandsOutputSchema>;
