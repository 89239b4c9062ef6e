import { z } from 'zod';

// What one training-step evaluation returns (pimwb run --json, experiments, the result page).
// SI units throughout; every breakdown sums to its total.

const figure = z.object({ energy_J: z.number(), latency_s: z.number() });

export const PHASE_NAMES = ['forward', 'activationGradient', 'weightGradient', 'weightUpdate'] as const;
export const COMPONENT_NAMES = ['cells', 'periphery', 'interconnect', 'controller'] as const;
export const OP_NAMES = ['fpMul', 'fpAdd', 'compare', 'fpDiv', 'fpExp', 'fpSqrt', 'write', 'transfer', 'static'] as const;

export const WEAR_CLASSES = ['scratch', 'operands', 'weights'] as const;

export const lifetimeSchema = z.object({
  writesPerCellPerStep: z.number(),
  hottest: z.enum(WEAR_CLASSES),
  byClass: z.object({ scratch: z.number(), operands: z.number(), weights: z.number() }),
  endurance: z.number().nullable(),
  steps: z.number().nullable(),
  epochs: z.number().nullable(),
  days: z.number().nullable(),
  wearLevelling: z.object({ kind: z.enum(['none', 'rotate', 'spread']), factor: z.number() }),
});
export type LifetimeFigures = z.infer<typeof lifetimeSchema>;

const opRateSchema = z.object({
  format: z.string(),
  op: z.enum(['fpMul', 'fpAdd']),
  /** Expected bit flips per operation per lane: each step's error probability times the lanes it drives. */
  flipsPerOp: z.number(),
  /** Probability that an operation's result is wrong, and that it is catastrophically wrong (sign, exponent, NaN/Inf). */
  wrong: z.number(),
  catastrophic: z.number(),
});

/** Device variation carried to one training step (sim/reliability/step-view.ts). */
export const reliabilitySchema = z.object({
  perOp: z.array(opRateSchema),
  /** Expected multiply-accumulates per step with a wrong result (multiply or add wrong), and catastrophically wrong. */
  corruptedMacs: z.number(),
  catastrophicMacs: z.number(),
  /** Expected weight updates per step (one multiply and one add each, in the update format) with a wrong result. */
  corruptedWeightUpdates: z.number(),
  catastrophicWeightUpdates: z.number(),
  /** Per primitive: the probability a step's output bit is wrong, and how it was computed. */
  primitives: z.record(z.string(), z.object({ probability: z.number(), basis: z.string() })),
  /** How the figures were obtained, in words (shown with them). */
  assumptions: z.array(z.string()),
});
export type ReliabilityFigures = z.infer<typeof reliabilitySchema>;

export const evaluationSchema = z.object({
  energy_J: z.number(),
  latency_s: z.number(),
  area_m2: z.number(),
  /** Average power over the step: energy / latency. */
  power_W: z.number(),
  batch: z.number().int().positive(),
  breakdown: z.object({
    byPhase: z.object(Object.fromEntries(PHASE_NAMES.map((p) => [p, figure])) as Record<(typeof PHASE_NAMES)[number], typeof figure>),
    byLayer: z.array(figure.extend({ name: z.string(), kind: z.string() })),
    byComponent: z.object(Object.fromEntries(COMPONENT_NAMES.map((c) => [c, z.object({ energy_J: z.number(), area_m2: z.number() })])) as Record<(typeof COMPONENT_NAMES)[number], z.ZodObject<{ energy_J: z.ZodNumber; area_m2: z.ZodNumber }>>),
    byOp: z.object(Object.fromEntries(OP_NAMES.map((o) => [o, figure])) as Record<(typeof OP_NAMES)[number], typeof figure>),
  }),
  perEpoch: z.object({ steps: z.number().int(), images: z.number().int(), energy_J: z.number(), latency_s: z.number() }).optional(),
  design: z.object({
    blocks: z.number().int(),
    activeBlocks: z.number().int(),
    activeLanes: z.number().int(),
    power: z.object({ blockCompute_W: z.number(), static_W: z.number(), uncapped_W: z.number(), peak_W: z.number() }),
    formats: z.object({ forward: z.string(), backward: z.string(), update: z.string() }),
    arithMode: z.string(),
  }),
  work: z.object({ forwardMacsPerImage: z.number(), macs: z.number(), params: z.number() }),
  /** When the most-written cell wears out (sim/reliability/lifetime.ts); null figures when the cell gives no endurance. */
  lifetime: lifetimeSchema.optional(),
  /** Expected wrong results per step from device variation; present on runs (not on sweep points). */
  reliability: reliabilitySchema.optional(),
  warnings: z.array(z.string()),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
