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

/** What bounds one GPU kernel's time: its arithmetic or its DRAM traffic. */
export const GPU_BOUNDS = ['compute', 'memory'] as const;

/** One kernel of a GPU step: a layer's phase, with its roofline terms. */
export const gpuKernelSchema = z.object({
  layer: z.string(),
  phase: z.enum(PHASE_NAMES),
  /** 2 x MACs plus the other operations (divide, exp, sqrt at the GPU's stated weight), for the batch. */
  flops: z.number(),
  /** DRAM bytes read and written. */
  bytes: z.number(),
  bound: z.enum(GPU_BOUNDS),
  /** max(compute_s, memory_s) plus the launch overhead. */
  time_s: z.number(),
  compute_s: z.number(),
  memory_s: z.number(),
});

/**
 * A run on a GPU design (sim/gpu): the roofline figures behind the totals. On such a run the
 * breakdowns read: byComponent cells 0; periphery = the dynamic energy of compute-bound kernels
 * and the die area; interconnect = the dynamic energy of memory-bound kernels (DRAM traffic);
 * controller = idle power over the whole step. byOp: a compute-bound kernel's busy time and
 * dynamic energy go to fpMul/fpAdd/compare/fpDiv/fpExp/fpSqrt by their share of its compute time
 * (a MAC half fpMul, half fpAdd); a memory-bound kernel's to `transfer`; launch overhead (time) and
 * idle power (energy, all step long) to `static`. design: blocks = activeBlocks = SMs, activeLanes
 * = FP32 CUDA cores; power.static_W = idle, blockCompute_W = what a running kernel adds, peak_W =
 * uncapped_W = board power. No lifetime and no reliability figures.
 */
export const gpuFiguresSchema = z.object({
  name: z.string().optional(),
  /** Peak FLOP/s of the units each phase's MACs run on, in the phase's format. */
  peak_FLOPs: z.object({ forward: z.number(), backward: z.number(), update: z.number() }),
  /** FP32 peak of the CUDA cores, which run the element-wise work. */
  vectorPeak_FLOPs: z.number(),
  bandwidth_Bps: z.number(),
  boardPower_W: z.number(),
  idlePower_W: z.number(),
  /** Kernels in step order (layers and phases without operations launch none). */
  byLayerPhase: z.array(gpuKernelSchema),
  /** The model's assumptions with this GPU's values, in words (shown with the figures). */
  assumptions: z.array(z.string()),
});
export type GpuFigures = z.infer<typeof gpuFiguresSchema>;

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
  /** Present on runs of a GPU design (gpuFiguresSchema says how the breakdowns read then). */
  gpu: gpuFiguresSchema.optional(),
  warnings: z.array(z.string()),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
