import { z } from 'zod';

// What one training-step evaluation returns (pimwb run --json, experiments, the result page).
// SI units throughout; every breakdown sums to its total.

const figure = z.object({ energy_J: z.number(), latency_s: z.number() });

export const PHASE_NAMES = ['forward', 'activationGradient', 'weightGradient', 'weightUpdate'] as const;
export const COMPONENT_NAMES = ['cells', 'periphery', 'interconnect', 'controller'] as const;
export const OP_NAMES = ['fpMul', 'fpAdd', 'compare', 'fpDiv', 'fpExp', 'fpSqrt', 'write', 'transfer', 'static'] as const;

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
  warnings: z.array(z.string()),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
