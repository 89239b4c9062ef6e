import { z } from 'zod';
import { FORMAT_NAMES, MODE_NAMES } from './arith.ts';
import { paramValueSchema } from './library.ts';
import { evaluationSchema } from './evaluation.ts';

// Designs (architecture libraries that describe an accelerator), runs, the paper's comparison and
// sweeps, as they cross the contract.

const ref = z.string().trim().min(1, 'must name a design, network or experiment (id or name)').max(200);
/**
 * How the paper comparison costs and sizes the two designs (sim/experiment/bases.ts explains each);
 * `same-lanes` is the earlier name of `as-modelled`, `all` runs every basis.
 */
export const COMPARISON_BASES = ['as-modelled', 'floatpim-published', 'equal-power', 'step-count', 'same-lanes', 'all'] as const;
/** The number formats a run may choose (the arithmetic's formats). */
export const FORMAT_CHOICES = FORMAT_NAMES;
const batch = z.number().int('must be a whole number').min(1, 'must be at least 1').max(65_536, 'must be at most 65536');

/** A PIM chip (cells and arrays), or a GPU (values with `kind: gpu`). */
export const DESIGN_KINDS = ['pim', 'gpu'] as const;
export type DesignKind = (typeof DESIGN_KINDS)[number];

/**
 * For a GPU design the summary reads: cell "" (none), organisation its SMs, cores and memory,
 * area_m2 the die, peakPower_W the board power, blocks = activeBlocks = SMs.
 */
export const designSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(DESIGN_KINDS),
  name: z.string(),
  builtIn: z.boolean(),
  version: z.number().int(),
  cell: z.string(),
  node_nm: z.number(),
  organisation: z.string(),
  area_m2: z.number(),
  peakPower_W: z.number(),
  activeBlocks: z.number().int(),
  blocks: z.number().int(),
});
export type DesignSummary = z.infer<typeof designSummarySchema>;

/** What a GPU design's values come to (SI units; peak rates by the format key of its units: fp32, tf32, fp16, bf16, fp8). */
export const gpuDesignFiguresSchema = z.object({
  sms: z.number().int(),
  cudaCores: z.number().int(),
  peak_FLOPs: z.record(z.string(), z.number()),
  formats: z.object({ forward: z.string(), backward: z.string(), update: z.string() }),
  bandwidth_Bps: z.number(),
  memory_B: z.number(),
  onChip_B: z.number(),
  boardPower_W: z.number(),
  idlePower_W: z.number(),
});
export type GpuDesignFigures = z.infer<typeof gpuDesignFiguresSchema>;

/** A GPU's area is its die (as `periphery`, as its runs' breakdowns have it) and its power its board's; `gpu` holds the rest. */
export const designDetailSchema = designSummarySchema.extend({
  description: z.string(),
  values: z.array(paramValueSchema),
  area: z.object({ cells: z.number(), periphery: z.number(), interconnect: z.number(), controller: z.number() }),
  power: z.object({ blockCompute_W: z.number(), static_W: z.number(), uncapped_W: z.number(), peak_W: z.number() }),
  gpu: gpuDesignFiguresSchema.optional(),
  warnings: z.array(z.string()),
});
export type DesignDetail = z.infer<typeof designDetailSchema>;

export const runInputSchema = z
  .object({
    design: ref,
    network: ref,
    batch: batch.optional(),
    /** One format for every phase, overriding the design's. */
    format: z.enum(FORMAT_CHOICES).optional(),
    /** Arithmetic mode for every phase, overriding the design's `arithMode`. */
    mode: z.enum(MODE_NAMES).optional(),
    name: z.string().trim().min(1).max(120).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    /** Keep the run as an experiment (default true). */
    store: z.boolean().default(true),
  })
  .strict();

export const runOutputSchema = z.object({
  experimentId: z.string().nullable(),
  design: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  network: z.object({ id: z.string(), name: z.string() }),
  result: evaluationSchema,
});
export type RunOutput = z.infer<typeof runOutputSchema>;

const totals = z.object({ energy_J: z.number(), latency_s: z.number(), area_m2: z.number() });
const ratios = z.object({ energy: z.number(), latency: z.number(), area: z.number() });
const assumption = z.object({ name: z.string(), value: z.string(), source: z.string() });
const opFigures = z.object({
  format: z.string(),
  area_m2: z.number(),
  peakPower_W: z.number(),
  ops: z.record(z.enum(['fpMul', 'fpAdd']), z.object({ steps: z.record(z.string(), z.number()), latency_s: z.number(), energyPerLane_J: z.number() })),
});
const side = z.object({ energy_J: z.number(), time_s: z.number() });
const step = z.object({ energy_J: z.number(), latency_s: z.number() });
/** GPU ÷ the PIM design: step time (speed) and step energy (energy efficiency); null where the basis has no physical units. */
const gpuRatios = z.object({ speedup: z.number().nullable(), energyEfficiency: z.number().nullable() });
/** The comparison's baseline (FloatPIM) against FloatPIM's GPU, a GTX 1080 in FP32 at the same batch, beside FloatPIM's published ratios. */
export const gpuComparisonSchema = z.object({
  gpu: z.object({ id: z.string(), name: z.string(), format: z.string() }),
  against: z.string(),
  batch: z.number().int(),
  comparable: z.boolean(),
  note: z.string(),
  models: z.array(z.object({ network: z.string(), gpu: step, pim: step, ratios: gpuRatios })),
  /** Arithmetic and geometric means of the per-network ratios (the paper's "average" names neither). */
  average: z.object({ arithmetic: gpuRatios, geometric: gpuRatios }),
  published: z.object({ speedup: z.number(), energyEfficiency: z.number() }),
});
export type GpuComparisonOutput = z.infer<typeof gpuComparisonSchema>;
const basisResult = z.object({
  basis: z.string(),
  description: z.string(),
  figuresIn: z.enum(['SI', 'steps']),
  models: z.array(z.object({ network: z.string(), proposed: totals, baseline: totals, ratios })),
  average: ratios,
  gaps: z.array(z.object({ metric: z.string(), modelled: z.number(), target: z.number(), withinTolerance: z.boolean(), survives: z.boolean(), explanation: z.string() })),
  designs: z.object({ proposed: opFigures, baseline: opFigures }),
  perImage: z.object({ network: z.string(), proposed: side, baseline: side }).nullable(),
  scratchBitsPerLane: z.object({ proposed: z.number(), baseline: z.number(), ratio: z.number(), label: z.string() }),
  assumptions: z.array(assumption),
  /** Absent from comparisons kept before it was added. */
  gpuComparison: gpuComparisonSchema.optional(),
});

export const reproduceInputSchema = z
  .object({
    basis: z.enum(COMPARISON_BASES).default('as-modelled'),
    batch: batch.optional(),
    proposed: ref.default('sot-mram-pim'),
    baseline: ref.default('floatpim'),
    /** Keep the reproduction in History (default true, as runs are kept). */
    store: z.boolean().default(true),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .strict();

const designRef = z.object({ id: z.string(), name: z.string(), version: z.number().int().optional() });
export const reproduceOutputSchema = basisResult.extend({
  /** The kept reproduction's id; null when it was not kept (absent from answers that predate keeping them). */
  reproductionId: z.string().nullable().optional(),
  batch: z.number().int(),
  proposed: designRef,
  baseline: designRef,
  targets: ratios,
  gpuClaims: z.object({ speedup: z.number(), energyEfficiency: z.number() }),
  whatItTakes: z.array(
    z.object({ metric: z.string(), basis: z.string(), key: z.string(), value: z.number().nullable(), unit: z.string(), feasible: z.boolean(), reason: z.string() }),
  ),
  bases: z.array(basisResult).optional(),
});
export type ReproduceOutput = z.infer<typeof reproduceOutputSchema>;
