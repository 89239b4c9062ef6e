import { sweepInputSchema, MAX_SWEEP_POINTS } from '@shared/schemas/sweep.ts';
import { issuesFromZod } from '@shared/ipc/issues.ts';
import type { Input } from '@shared/ipc/contract.ts';
import type { Issue } from '@shared/result.ts';
import type { ParamValue } from '@shared/schemas/library.ts';
import { formatParam, type SweepAxisInfo, type SweepPoint } from '@/charts/sweep-common.ts';
import { digestOf, type Failure } from '@/charts/sweep-digest.ts';

// The sweep form as plain data, and what the page derives from it and from results: kept apart
// from components and the store so it can be tested on plain Node.

export interface AxisDraft {
  key: string;
  from: string;
  to: string;
  steps: string;
  scale: 'linear' | 'log';
}

export interface SweepDraft {
  design: string;
  network: string;
  /** Empty: the design's own batch. */
  batch: string;
  axes: AxisDraft[];
}

/** A design value a sweep can vary: a number, in the unit the design stores it in. */
export interface NumericParam {
  readonly key: string;
  readonly value: number;
  readonly unit: string;
}

export function numericParams(values: readonly ParamValue[]): NumericParam[] {
  return values.filter((v): v is ParamValue & { value: number } => typeof v.value === 'number').map((v) => ({ key: v.key, value: v.value, unit: v.unit }));
}

/** Steps per axis a new range starts with: fine for one parameter, a 10 × 10 grid for two. */
export const DEFAULT_STEPS = { one: 25, two: 10 };

function tidy(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A range around the current value: a quarter to four times it in log steps (0 to 1 for a zero). */
export function prefillAxis(param: NumericParam, axisCount: number): AxisDraft {
  const steps = String(axisCount > 1 ? DEFAULT_STEPS.two : DEFAULT_STEPS.one);
  const { value } = param;
  if (!(value > 0)) return { key: param.key, from: '0', to: '1', steps, scale: 'linear' };
  const whole = param.unit === '1' && Number.isInteger(value);
  const from = whole ? Math.max(1, Math.round(value / 4)) : value / 4;
  const to = whole ? Math.round(value * 4) : value * 4;
  return { key: param.key, from: tidy(from), to: tidy(to), steps, scale: 'log' };
}

/** Favourite axes: a PIM chip's organisation and envelope, a GPU's bandwidth and FP32 peak. */
const FAVOURITES = ['rows', 'powerBudget', 'tiles', 'cols', 'bandwidth', 'peak.fp32'];

/** The parameter offered for a new axis: a favourite not yet chosen, else the first free one. */
export function nextParam(params: readonly NumericParam[], taken: readonly string[]): NumericParam | undefined {
  const free = params.filter((p) => !taken.includes(p.key));
  return FAVOURITES.map((k) => free.find((p) => p.key === k)).find((p) => p !== undefined) ?? free[0];
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** Number of points the axes give, or null while a step count is not a number. */
export function pointCount(axes: readonly AxisDraft[]): number | null {
  let n = 1;
  for (const a of axes) {
    const steps = parseNumber(a.steps);
    if (steps === null) return null;
    n *= Math.max(0, Math.floor(steps));
  }
  return n;
}

export type BuiltInput = { readonly ok: true; readonly input: Input<'sweeps.run'> } | { readonly ok: false; readonly issues: Issue[] };

/** The contract's input from the form, or the problems, each at the path of its field (`axes[1].to`). */
export function buildSweepInput(draft: SweepDraft, jobId: string): BuiltInput {
  const issues: Issue[] = [];
  const number = (text: string, path: string): number => {
    const n = parseNumber(text);
    if (n === null) issues.push({ path, message: text.trim() === '' ? 'enter a number' : 'must be a number' });
    return n ?? 0;
  };
  if (!draft.design) issues.push({ path: 'design', message: 'choose a design' });
  if (!draft.network) issues.push({ path: 'network', message: 'choose a network' });
  const axes = draft.axes.map((a, i) => {
    if (!a.key) issues.push({ path: `axes[${i}].key`, message: 'choose a parameter' });
    return { key: a.key, from: number(a.from, `axes[${i}].from`), to: number(a.to, `axes[${i}].to`), steps: number(a.steps, `axes[${i}].steps`), scale: a.scale };
  });
  const batch = draft.batch.trim() === '' ? undefined : number(draft.batch, 'batch');
  const input = { jobId, design: draft.design, network: draft.network, axes, ...(batch === undefined ? {} : { batch }) };
  if (issues.length > 0) return { ok: false, issues };
  const parsed = sweepInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error).map(explainTotal) };
  return { ok: true, input };
}

function explainTotal(issue: Issue): Issue {
  return issue.path === 'axes' && issue.message.includes(String(MAX_SWEEP_POINTS)) ? { path: 'axes', message: `${issue.message}: use fewer steps` } : issue;
}

export type { Failure };

/** Why points failed, most frequent reason first. */
export function failures(points: readonly SweepPoint[]): readonly Failure[] {
  return digestOf({ points: points as SweepPoint[] }).failures;
}

/** The failures that name a parameter (the simulator starts its reasons with the value's key: "rows must…", "rows: a lane…"). */
export function failuresOf(key: string, list: readonly Failure[]): Failure[] {
  return list.filter((f) => f.message.split('; ').some((part) => part.startsWith(`${key} `) || part.startsWith(`${key}:`)));
}

/**
 * The design's values with the point's values put in, each changed one marked as chosen in a
 * sweep. A swept value keeps its uncertainty range while the range holds it, and loses it when
 * the sweep went past it (a saved value must lie within its range).
 */
export function pointValues(base: readonly ParamValue[], point: SweepPoint, why: string): ParamValue[] {
  return base.map((v) => {
    if (!(v.key in point.values)) return v;
    const value = point.values[v.key]!;
    const { range, ...rest } = v;
    const kept = range && range.low <= value && value <= range.high ? { range } : {};
    return { ...rest, value, source: `assumption: ${why}`, ...kept };
  });
}

/** "name @ rows=256, powerBudget=44.72 W", cut to the 120 characters a name may have. */
export function pointName(designName: string, point: SweepPoint, axes: readonly SweepAxisInfo[]): string {
  const values = axes.map((a) => `${a.key}=${formatParam(point.values[a.key] ?? NaN, a.unit)}`).join(', ');
  const suffix = ` @ ${values}`;
  return designName.length + suffix.length <= 120 ? designName + suffix : `${designName.slice(0, Math.max(1, 119 - suffix.length))}…${suffix}`.slice(0, 120);
}
