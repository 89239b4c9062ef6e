import type { Issue } from '../../../shared/result.ts';
import { lineOfKey, parseYamlDocument, YamlUnsupported, type YamlMap, type YamlValue } from './yaml-document.ts';

// Reads `problem.instance` of one Timeloop or CiMLoop problem file into numbers, keys in any case
// (published files write both HStride and Hstride).
//
// Timeloop requires every dimension of the problem shape in the instance and defaults the
// coefficients (strides, dilations) to 1. CiMLoop files instead merge a base problem
// (`<<<: *problem_base`, brought in by a `{{include_text(...)}}` template line) whose instance sets
// every dimension to 1, and list only the others; for such files a missing dimension is 1 too.

export const DIMENSIONS = ['c', 'm', 'p', 'q', 'r', 's'] as const;
const OPTIONAL_ONES = ['g', 'hstride', 'wstride', 'hdilation', 'wdilation'] as const;
const OPTIONAL = ['h', 'w', 'hpad', 'wpad'] as const;

export type Instance = Record<(typeof DIMENSIONS)[number] | (typeof OPTIONAL_ONES)[number], number> & Partial<Record<(typeof OPTIONAL)[number], number>> & { readonly batch?: number };

type Lookup = { readonly map: YamlMap; readonly keys: Map<string, string> };

function lookup(value: YamlValue): Lookup | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof YamlUnsupported) return undefined;
  const keys = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
  return { map: value, keys };
}

function get(table: Lookup, key: string): YamlValue | undefined {
  const original = table.keys.get(key);
  return original === undefined ? undefined : table.map[original];
}

interface Context {
  readonly file: string;
  readonly instance: Lookup;
  readonly issues: Issue[];
  readonly notes: Issue[];
}

function where(ctx: Context, key: string): string {
  const original = ctx.instance.keys.get(key) ?? key.toUpperCase();
  const line = lineOfKey(ctx.instance.map, original);
  return `${ctx.file}${line === undefined ? '' : `, line ${line}`} (problem.instance.${original})`;
}

function readNumber(ctx: Context, key: string, fallback: number | undefined, minimum: 0 | 1): number | undefined {
  const value = get(ctx.instance, key);
  if (value === undefined || value === null) {
    if (fallback === undefined) ctx.issues.push({ path: where(ctx, key), message: 'is missing (Timeloop needs every dimension of the problem)' });
    return fallback;
  }
  if (value instanceof YamlUnsupported) {
    ctx.issues.push({ path: where(ctx, key), message: `is ${value.what} (line ${value.line}), which cannot be read here; write the number` });
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) {
    ctx.issues.push({ path: where(ctx, key), message: `must be a ${minimum === 1 ? 'positive' : 'non-negative'} whole number (got ${JSON.stringify(value)})` });
    return undefined;
  }
  return value;
}

function readBatch(ctx: Context): number | undefined {
  const value = get(ctx.instance, 'n');
  if (typeof value === 'number' && Number.isInteger(value) && value > 1) {
    ctx.notes.push({ path: where(ctx, 'n'), message: `N = ${value}: counts are per image; the batch size comes from the run` });
    return value;
  }
  return undefined;
}

function findInstance(file: string, value: YamlValue, issues: Issue[]): { instance: Lookup; merged: boolean } | undefined {
  const top = lookup(value);
  const problemValue = top ? (get(top, 'problem') ?? (get(top, 'instance') !== undefined ? value : undefined)) : undefined;
  if (problemValue instanceof YamlUnsupported) {
    issues.push({ path: `${file}, line ${problemValue.line}`, message: `problem is ${problemValue.what}, which is not supported` });
    return undefined;
  }
  const problem = problemValue === undefined ? undefined : lookup(problemValue);
  const instanceValue = problem ? get(problem, 'instance') : undefined;
  const instance = instanceValue === undefined ? undefined : lookup(instanceValue);
  if (!problem || !instance) {
    const line = instanceValue instanceof YamlUnsupported ? `, line ${instanceValue.line}` : '';
    issues.push({ path: `${file}${line}`, message: 'has no problem.instance mapping of numbers (C, M, P, Q, R, S ...)' });
    return undefined;
  }
  return { instance, merged: get(problem, '<<<') !== undefined || get(problem, '<<') !== undefined };
}

/** The instance of one file, or undefined with its issues pushed. */
export function readInstance(file: string, text: string, issues: Issue[], notes: Issue[]): Instance | undefined {
  const parsed = parseYamlDocument(text);
  if (!parsed.ok) {
    issues.push(...parsed.issues.map((issue) => ({ path: `${file}, ${issue.path}`, message: issue.message })));
    return undefined;
  }
  const found = findInstance(file, parsed.value, issues);
  if (!found) return undefined;
  const merged = found.merged || parsed.templates.length > 0;
  if (merged) notes.push({ path: file, message: 'merges a base problem that is not read (CiMLoop): dimensions it leaves out are taken as 1, as CiMLoop\'s problem_base.yaml sets them' });
  const ctx: Context = { file, instance: found.instance, issues, notes };
  const before = issues.length;
  const out: Record<string, number | undefined> = {};
  for (const key of DIMENSIONS) out[key] = readNumber(ctx, key, merged ? 1 : undefined, 1);
  for (const key of OPTIONAL_ONES) out[key] = readNumber(ctx, key, 1, 1);
  for (const key of OPTIONAL) if (get(found.instance, key) !== undefined) out[key] = readNumber(ctx, key, undefined, key.endsWith('pad') ? 0 : 1);
  const batch = readBatch(ctx);
  if (issues.length > before) return undefined;
  return { ...(out as Instance), ...(batch === undefined ? {} : { batch }) };
}
