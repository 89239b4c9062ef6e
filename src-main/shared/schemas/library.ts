import { z } from 'zod';
import { isKnownUnit } from '../units.ts';
import { provenanceOf } from '../sourced.ts';

// Parameter libraries: named, versioned sets of values, each with its unit and source.
// A saved version never changes; editing saves a new one.

export const LIBRARY_KINDS = ['cell', 'array', 'architecture', 'technology', 'workload', 'other'] as const;
export const libraryKindSchema = z.enum(LIBRARY_KINDS);
export type LibraryKind = z.infer<typeof libraryKindSchema>;

export const MAX_VALUES = 10_000;
/** Text of all values of a library together (keys, strings, units, sources): 4 MB. */
export const MAX_VALUES_TEXT = 4_000_000;
/** A library file on disk: the values' text plus JSON punctuation, with room to spare. */
export const LIBRARY_FILE_MAX_BYTES = 8_000_000;

/** Names users type on the command line and see in lists: visible text, no control characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters');

const keySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_.\-[\]]*$/, 'must start with a letter or _ and use letters, digits, _ . - [ ] only');

const scalarSchema = z.union([
  z.number().refine(Number.isFinite, 'must be a finite number'),
  z.string().max(10_000, 'must be at most 10000 characters'),
  z.boolean(),
]);

export const unitSchema = z.string().max(40).refine(isKnownUnit, { message: 'is not a known unit (for example Ohm, kOhm, V, uA, ns, pJ, F^2, um^2, "" for none)' });

export const sourceSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => provenanceOf(s) !== 'missing', 'must cite a source or start with "assumption:" and give the reason');

/**
 * How a value's uncertainty is spread between `low` and `high`: evenly (uniform), evenly in its
 * logarithm (log-uniform, for spans of decades), or as a normal or lognormal spread of width
 * `sigma` cut at the bounds.
 */
export const RANGE_DISTRIBUTIONS = ['uniform', 'log-uniform', 'normal', 'lognormal'] as const;
export const rangeDistributionSchema = z.enum(RANGE_DISTRIBUTIONS, { error: 'must be uniform, log-uniform, normal or lognormal' });
export type RangeDistribution = z.infer<typeof rangeDistributionSchema>;

/** Distributions that need a positive lower bound (they draw the logarithm). */
export const LOG_DISTRIBUTIONS: readonly RangeDistribution[] = ['log-uniform', 'lognormal'];
/** Distributions that need `sigma`. */
export const SIGMA_DISTRIBUTIONS: readonly RangeDistribution[] = ['normal', 'lognormal'];

const finiteNumber = z
  .number({ error: (issue) => (issue.input === undefined ? 'is required' : typeof issue.input === 'number' ? 'must be a finite number' : 'must be a number') })
  .refine(Number.isFinite, 'must be a finite number');

/**
 * The uncertainty of a numeric value, in the value's own unit, with where it comes from. `sigma`
 * (normal and lognormal only) is in the value's unit for normal and of the natural logarithm for
 * lognormal. The value itself must lie within [low, high] (checked on the value, paramValueSchema).
 */
export const valueRangeSchema = z
  .object({
    low: finiteNumber,
    high: finiteNumber,
    distribution: rangeDistributionSchema,
    sigma: finiteNumber.optional(),
    source: sourceSchema,
  })
  .superRefine((range, ctx) => {
    if (!(range.low < range.high)) ctx.addIssue({ code: 'custom', path: ['high'], message: `must be more than the range's low (${range.low})` });
    if (LOG_DISTRIBUTIONS.includes(range.distribution) && !(range.low > 0)) {
      ctx.addIssue({ code: 'custom', path: ['low'], message: `must be more than 0 for a ${range.distribution} range (it draws the logarithm)` });
    }
    if (SIGMA_DISTRIBUTIONS.includes(range.distribution)) {
      const of = range.distribution === 'normal' ? "in the value's unit" : 'of the natural logarithm';
      if (range.sigma === undefined) ctx.addIssue({ code: 'custom', path: ['sigma'], message: `is needed for a ${range.distribution} range (its spread, ${of})` });
      else if (!(range.sigma > 0)) ctx.addIssue({ code: 'custom', path: ['sigma'], message: `must be more than 0 (the spread, ${of})` });
    } else if (range.sigma !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['sigma'], message: `applies to a normal or lognormal range only; remove it from a ${range.distribution} one` });
    }
  });
export type ValueRange = z.infer<typeof valueRangeSchema>;

export const paramValueSchema = z
  .object({
    key: keySchema,
    value: scalarSchema,
    unit: unitSchema,
    source: sourceSchema,
    /** Optional uncertainty of a numeric value (sensitivity and uncertainty studies draw from it). */
    range: valueRangeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.range) return;
    if (typeof v.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'applies to numbers only; remove it from a text or yes/no value' });
      return;
    }
    if (v.range.low > v.value) ctx.addIssue({ code: 'custom', path: ['range', 'low'], message: `must be at most the value (${v.value})` });
    if (v.range.high < v.value) ctx.addIssue({ code: 'custom', path: ['range', 'high'], message: `must be at least the value (${v.value})` });
  });
export type ParamValue = z.infer<typeof paramValueSchema>;

export const valuesSchema = z
  .array(paramValueSchema)
  .max(MAX_VALUES, `must hold at most ${MAX_VALUES} values`)
  .superRefine((values, ctx) => {
    const text = values.reduce((n, v) => n + v.key.length + v.unit.length + v.source.length + (typeof v.value === 'string' ? v.value.length : 8) + (v.range ? v.range.source.length + 40 : 0), 0);
    if (text > MAX_VALUES_TEXT) ctx.addIssue({ code: 'custom', path: [], message: `hold ${text} characters of text; a library may hold at most ${MAX_VALUES_TEXT}` });
    const seen = new Map<string, number>();
    values.forEach((v, i) => {
      const first = seen.get(v.key);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `"${v.key}" repeats values[${first}].key` });
      else seen.set(v.key, i);
    });
  });

export const descriptionSchema = z.string().max(10_000, 'must be at most 10000 characters');

export const librarySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: libraryKindSchema,
  description: z.string(),
  builtIn: z.boolean(),
  version: z.number().int().positive(),
  valueCount: z.number().int().nonnegative(),
  provenance: z.object({ cited: z.number().int(), assumption: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LibrarySummary = z.infer<typeof librarySummarySchema>;

export const libraryDetailSchema = librarySummarySchema.extend({
  /** The version shown (the latest unless another was asked for). */
  shownVersion: z.number().int().positive(),
  note: z.string(),
  values: z.array(paramValueSchema),
});
export type LibraryDetail = z.infer<typeof libraryDetailSchema>;

export const libraryVersionSchema = z.object({
  version: z.number().int().positive(),
  note: z.string(),
  valueCount: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type LibraryVersion = z.infer<typeof libraryVersionSchema>;
