import { z } from 'zod';
import { FORMAT_NAMES, MODE_NAMES } from './arith.ts';
import { paramValueSchema } from './library.ts';
import { evaluationSchema } from './evaluation.ts';

// Designs (architecture libraries that describe an accelerator), runs, the paper's comparison and
// sweeps, as they cross the contract.

const ref = z.string().trim().min(1, 'must name a design, network or experiment (id or name)').max(200);
/** How the paper comparison sizes the two designs (sim/experiment/reproduce.ts explains each). */
export const COMPARISON_BASES = ['same-lanes', 'equal-power'] as const;
/** The number formats a run may choose (the arithmetic's formats). */
export const FORMAT_CHOICES = FORMAT_NAMES;
const batch = z.number().int('must be a whole number').min(1, 'must be at least 1').max(65_536, 'must be at most 65536');

export const designSummarySchema = z.object({
  id: z.string(),
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

export const designDetailSchema = designSummarySchema.extend({
  description: z.string(),
  values: z.array(paramValueSchema),
  area: z.object({ cells: z.number(), periphery: z.number(), interconnect: z.number(), controller: z.number() }),
  power: z.object({ blockCompute_W: z.number(), static_W: z.number(), uncapped_W: z.number(), peak_W: z.number() }),
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

export const reproduceInputSchema = z
  .object({
    basis: z.enum(COMPARISON_BASES).default('same-lanes'),
    batch: batch.optional(),
    proposed: ref.default('sot-mram-pim'),
    baseline: ref.default('floatpim'),
  })
  .strict();

export const reproduceOutputSchema = z.object({
  basis: z.string(),
  batch: z.number().int(),
  proposed: z.object({ id: z.string(), name: z.string() }),
  baseline: z.object({ id: z.string(), name: z.string() }),
  models: z.array(z.object({ network: z.string(), proposed: totals, baseline: totals, ratios })),
  average: ratios,
  targets: ratios,
  gaps: z.array(z.object({ metric: z.string(), modelled: z.number(), target: z.number(), withinTolerance: z.boolean(), explanation: z.string() })),
  assumptions: z.array(z.object({ name: z.string(), value: z.string(), source: z.string() })),
});
export type ReproduceOutput = z.infer<typeof reproduceOutputSchema>;
