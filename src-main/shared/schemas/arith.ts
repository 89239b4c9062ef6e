import { z } from 'zod';

// Contract shapes for in-memory arithmetic: step counts and costs of the operations a cell runs.

export const FORMAT_NAMES = ['bf16', 'fp16', 'fp32', 'fp8-e5m2', 'fp8-e4m3'] as const;
export const MODE_NAMES = ['ieee', 'ftz-trunc'] as const;

export const opsInputSchema = z
  .object({
    cell: z.string().min(1),
    format: z.enum(FORMAT_NAMES),
    mode: z.enum(MODE_NAMES).default('ieee'),
    rows: z.number().int().min(16).max(4096).default(1024),
    cols: z.number().int().min(16).max(4096).default(1024),
    node: z.number().int().default(28),
  })
  .strict();

const opFigureSchema = z.object({
  steps: z.record(z.string(), z.number()),
  totalSteps: z.number(),
  latency_s: z.number(),
  energy_J: z.number(),
  /** Bit rows the microprogram needs (operands, constants and scratch). */
  rows: z.number(),
});

const ulpSchema = z.object({ samples: z.number(), maxUlp: z.number(), meanUlp: z.number(), exactFraction: z.number() });

export const opsOutputSchema = z.object({
  fullAdd: opFigureSchema,
  add: opFigureSchema,
  mul: opFigureSchema,
  fpAdd: opFigureSchema,
  fpMul: opFigureSchema,
  context: z.object({
    cell: z.object({ id: z.string(), name: z.string(), family: z.string() }),
    format: z.string(),
    mode: z.string(),
    /** false for ftz-trunc: flush to zero and truncation, not IEEE 754. */
    ieee: z.boolean(),
    array: z.object({ rows: z.number(), cols: z.number(), node_nm: z.number(), lanes: z.number() }),
    /** ftz-trunc only: its error against IEEE round to nearest even on random normal operands. */
    accuracy: z.object({ fpAdd: ulpSchema, fpMul: ulpSchema }).optional(),
  }),
});
export type OpsOutput = z.infer<typeof opsOutputSchema>;

/** `pimwb faults`: fault injection into the bit-exact FP microprograms. */
export const faultsInputSchema = z
  .object({
    cell: z.string().min(1),
    format: z.enum(FORMAT_NAMES),
    op: z.enum(['add', 'mul']),
    mode: z.enum(MODE_NAMES).default('ieee'),
    samples: z.number().int().min(1).max(10_000_000).default(100_000),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** One flip probability for every step; without it each primitive's comes from the cell's variation. */
    rate: z.number().min(0).max(1).optional(),
  })
  .strict();

export const faultsOutputSchema = z.object({
  samples: z.number(),
  /** Results that differ from the fault-free result of the same operands. */
  wrong: z.number(),
  wrongFraction: z.number(),
  /** Wrong results whose sign, NaN/Inf class or magnitude (a factor of 2 or more) is wrong. */
  catastrophic: z.number(),
  /** Wrong results by distance in units in the last place: "1", "2-3", "4-7", ... and "nan". */
  ulpHistogram: z.record(z.string(), z.number()),
  /** Each primitive of the microprogram: its flip probability per driven lane and the bits it flipped. */
  perPrimitive: z.record(z.string(), z.object({ probability: z.number(), flips: z.number() })),
});
export type FaultsOutput = z.infer<typeof faultsOutputSchema>;
