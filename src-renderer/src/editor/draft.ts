import type { ParamValue, RangeDistribution, ValueRange } from '@shared/schemas/library.ts';
import { SIGMA_DISTRIBUTIONS, sourceSchema, valueRangeSchema, valuesSchema } from '@shared/schemas/library.ts';
import { formatPath } from '@shared/ipc/issues.ts';
import { editedSource, isEditedSource, valueChanged } from '@shared/edited-source.ts';
import { sameRange } from '@shared/library-diff.ts';
import { convertRange } from '@shared/value-range.ts';
import type { Issue } from '@shared/result.ts';

// The editable form of library values: what the user typed, kept as typed (a half-written number
// stays on screen), and turned into ParamValue only to validate and save.

export type ValueType = 'number' | 'text' | 'flag';

/** A numeric value's uncertainty range as typed (see valueRangeSchema); `sigma` counts for normal and lognormal only. */
export interface DraftRange {
  readonly low: string;
  readonly high: string;
  readonly distribution: RangeDistribution;
  readonly sigma: string;
  readonly source: string;
}

export interface DraftRow {
  readonly uid: number;
  readonly key: string;
  readonly type: ValueType;
  readonly value: string;
  readonly unit: string;
  readonly source: string;
  /** Only on a number. */
  readonly range?: DraftRange | undefined;
  /** The value as saved, for a row that was saved: what an edit is compared with. */
  readonly origin?: ParamValue;
}

let nextUid = 1;

export function newRow(partial: Partial<Omit<DraftRow, 'uid'>> = {}): DraftRow {
  return { uid: nextUid++, key: '', type: 'number', value: '', unit: '', source: '', ...partial };
}

function toDraftRange(range: ValueRange): DraftRange {
  return { low: String(range.low), high: String(range.high), distribution: range.distribution, sigma: range.sigma === undefined ? '' : String(range.sigma), source: range.source };
}

export function toDraft(values: readonly ParamValue[]): DraftRow[] {
  return values.map((v) =>
    newRow({
      key: v.key,
      type: typeof v.value === 'number' ? 'number' : typeof v.value === 'boolean' ? 'flag' : 'text',
      value: String(v.value),
      unit: v.unit,
      source: v.source,
      ...(v.range ? { range: toDraftRange(v.range) } : {}),
      origin: v,
    }),
  );
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function parseValue(row: DraftRow): number | string | boolean | undefined {
  if (row.type === 'flag') return row.value === 'true';
  if (row.type === 'text') return row.value;
  return parseNumber(row.value);
}

const RANGE_NUMBERS = ['low', 'high', 'sigma'] as const;

/** The range's numbers as typed, or for each that is not a number yet, why. */
function parseRange(range: DraftRange): { range: ValueRange } | { problems: Map<(typeof RANGE_NUMBERS)[number], string> } {
  const problems = new Map<(typeof RANGE_NUMBERS)[number], string>();
  const numbers: Partial<Record<(typeof RANGE_NUMBERS)[number], number>> = {};
  for (const field of RANGE_NUMBERS) {
    // A spread is read for the distributions that have one; for the others whatever is typed is ignored.
    if (field === 'sigma' && (!SIGMA_DISTRIBUTIONS.includes(range.distribution) || range.sigma.trim() === '')) continue;
    const parsed = parseNumber(range[field]);
    if (parsed === undefined) problems.set(field, range[field].trim() === '' ? 'enter a number' : `"${range[field]}" is not a number`);
    else numbers[field] = parsed;
  }
  if (problems.size > 0) return { problems };
  const { low, high, sigma } = numbers as { low: number; high: number; sigma?: number };
  return { range: { low, high, distribution: range.distribution, ...(sigma === undefined ? {} : { sigma }), source: range.source.trim() } };
}

export interface DraftCheck {
  readonly values: ParamValue[];
  /** Problems by path, e.g. "values[3].unit". */
  readonly problems: ReadonlyMap<string, string>;
}

function addIssues(problems: Map<string, string>, prefix: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): void {
  for (const issue of issues) {
    const rest = formatPath(issue.path);
    const path = rest === '' || rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
    if (!problems.has(path)) problems.set(path, issue.message);
  }
}

/**
 * The row's range as the value will carry it, or undefined while it cannot be checked with its
 * value; every reason it cannot be saved goes into `problems` under values[i].range.<field>.
 */
function checkRange(row: DraftRow, i: number, valueKnown: boolean, problems: Map<string, string>): ValueRange | undefined {
  if (!row.range || row.type !== 'number') return undefined;
  const prefix = `values[${i}].range`;
  const parsed = parseRange(row.range);
  if ('problems' in parsed) {
    for (const [field, message] of parsed.problems) problems.set(`${prefix}.${field}`, message);
    // Its other fields are checked alone, so a missing source is said at once too.
    const source = sourceSchema.safeParse(row.range.source.trim());
    if (!source.success) problems.set(`${prefix}.source`, source.error.issues[0]!.message);
    return undefined;
  }
  if (valueKnown) return parsed.range;
  // Without a number to hold it, the range is checked on its own (low < high, sigma, source).
  const alone = valueRangeSchema.safeParse(parsed.range);
  if (!alone.success) addIssues(problems, prefix, alone.error.issues);
  return undefined;
}

/** Validates the draft with the same schema the services use, so the UI and the store agree. */
export function checkDraft(rows: readonly DraftRow[]): DraftCheck {
  const problems = new Map<string, string>();
  const values = rows.map((row, i) => {
    const value = parseValue(row);
    if (value === undefined) problems.set(`values[${i}].value`, row.value.trim() === '' ? 'enter a number' : `"${row.value}" is not a number`);
    const range = checkRange(row, i, value !== undefined, problems);
    return { key: row.key.trim(), value: value ?? 0, unit: row.unit.trim(), source: row.source.trim(), ...(range ? { range } : {}) };
  });
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) addIssues(problems, 'values', parsed.error.issues);
  return { values, problems };
}

/** The row as a value; undefined while its number (or a number of its range) is not one yet. */
function asValue(row: DraftRow): ParamValue | undefined {
  const value = parseValue(row);
  if (value === undefined) return undefined;
  const base = { key: row.key.trim(), value, unit: row.unit.trim(), source: row.source };
  if (!row.range || row.type !== 'number') return base;
  const parsed = parseRange(row.range);
  return 'range' in parsed ? { ...base, range: { ...parsed.range, source: row.range.source } } : undefined;
}

/**
 * `row` after its value, unit or type was edited to `patch`: a saved value whose source the user
 * left alone now says it was edited on `day`; edited back to what was saved, it cites its source again.
 */
export function editValue(row: DraftRow, patch: Partial<Pick<DraftRow, 'type' | 'value' | 'unit' | 'range'>>, day: string): DraftRow {
  const next = { ...row, ...patch };
  const origin = row.origin;
  if (!origin) return next;
  const current = asValue(next);
  const changed = current === undefined || valueChanged(origin, current);
  if (changed && row.source === origin.source) return { ...next, source: editedSource(day) };
  if (!changed && isEditedSource(row.source) && row.source !== origin.source) return { ...next, source: origin.source };
  return next;
}

/** An empty range for the user to fill in: no number and no source is assumed for them. */
export function emptyRange(): DraftRange {
  return { low: '', high: '', distribution: 'uniform', sigma: '', source: '' };
}

/**
 * `row` after its range was edited to `patch` (null removes it), by editValue's rule for the
 * range's own source: a saved range whose source the user left alone now says it was edited on
 * `day`; edited back to what was saved, it cites its source again.
 */
export function editRange(row: DraftRow, patch: Partial<DraftRange> | null, day: string): DraftRow {
  if (patch === null) return { ...row, range: undefined };
  const range = { ...(row.range ?? emptyRange()), ...patch };
  const next = { ...row, range };
  const saved = row.origin?.range;
  if (!saved || !row.origin || 'source' in patch) return next;
  const current = asValue(next);
  const moved = current === undefined || !sameRange(row.origin, current);
  if (moved && range.source === saved.source) return { ...next, range: { ...range, source: editedSource(day) } };
  if (!moved && isEditedSource(range.source) && range.source !== saved.source) return { ...next, range: { ...range, source: saved.source } };
  return next;
}

/** The range re-expressed with its value in another unit (a prefix picked: 10 kOhm -> 10000 Ohm); numbers not typed yet stay as they are. */
export function convertDraftRange(range: DraftRange, from: string, to: string): DraftRange {
  const parsed = parseRange(range);
  if (!('range' in parsed)) return range;
  const converted = convertRange(parsed.range, from, to);
  return { ...range, low: String(converted.low), high: String(converted.high), ...(converted.sigma === undefined ? {} : { sigma: String(converted.sigma) }) };
}

export interface RowNotes {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * What the simulator said, put on the rows (by uid) whose key it names; what names no row (a key the
 * library still lacks) is returned apart.
 */
export function placeIssues(rows: readonly DraftRow[], errors: readonly Issue[], warnings: readonly Issue[]): { byRow: Map<number, RowNotes>; unplaced: { errors: Issue[]; warnings: Issue[] } } {
  const rowOf = new Map<string, number>();
  rows.forEach((row) => {
    if (!rowOf.has(row.key.trim())) rowOf.set(row.key.trim(), row.uid);
  });
  const byRow = new Map<number, { errors: string[]; warnings: string[] }>();
  const unplaced = { errors: [] as Issue[], warnings: [] as Issue[] };
  const place = (issue: Issue, kind: 'errors' | 'warnings'): void => {
    const uid = rowOf.get(issue.path);
    if (uid === undefined) {
      unplaced[kind].push(issue);
      return;
    }
    const notes = byRow.get(uid) ?? { errors: [], warnings: [] };
    if (!notes[kind].includes(issue.message)) notes[kind].push(issue.message);
    byRow.set(uid, notes);
  };
  for (const issue of errors) place(issue, 'errors');
  for (const issue of warnings) place(issue, 'warnings');
  return { byRow, unplaced };
}

function sameDraftRange(a: DraftRange | undefined, b: DraftRange | undefined): boolean {
  if (!a || !b) return a === b;
  return a.low === b.low && a.high === b.high && a.distribution === b.distribution && a.sigma === b.sigma && a.source === b.source;
}

export function sameDraft(a: readonly DraftRow[], b: readonly DraftRow[]): boolean {
  return a.length === b.length && a.every((row, i) => {
    const other = b[i]!;
    return row.key === other.key && row.type === other.type && row.value === other.value && row.unit === other.unit && row.source === other.source && sameDraftRange(row.range, other.range);
  });
}
