import type { ParamValue } from '@shared/schemas/library.ts';
import { valuesSchema } from '@shared/schemas/library.ts';
import { formatPath } from '@shared/ipc/issues.ts';
import { editedSource, isEditedSource, valueChanged } from '@shared/edited-source.ts';
import type { Issue } from '@shared/result.ts';

// The editable form of library values: what the user typed, kept as typed (a half-written number
// stays on screen), and turned into ParamValue only to validate and save.

export type ValueType = 'number' | 'text' | 'flag';

export interface DraftRow {
  readonly uid: number;
  readonly key: string;
  readonly type: ValueType;
  readonly value: string;
  readonly unit: string;
  readonly source: string;
  /** The value as saved, for a row that was saved: what an edit is compared with. */
  readonly origin?: ParamValue;
}

let nextUid = 1;

export function newRow(partial: Partial<Omit<DraftRow, 'uid'>> = {}): DraftRow {
  return { uid: nextUid++, key: '', type: 'number', value: '', unit: '', source: '', ...partial };
}

export function toDraft(values: readonly ParamValue[]): DraftRow[] {
  return values.map((v) =>
    newRow({
      key: v.key,
      type: typeof v.value === 'number' ? 'number' : typeof v.value === 'boolean' ? 'flag' : 'text',
      value: String(v.value),
      unit: v.unit,
      source: v.source,
      origin: v,
    }),
  );
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseValue(row: DraftRow): number | string | boolean | undefined {
  if (row.type === 'flag') return row.value === 'true';
  if (row.type === 'text') return row.value;
  const text = row.value.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}

export interface DraftCheck {
  readonly values: ParamValue[];
  /** Problems by path, e.g. "values[3].unit". */
  readonly problems: ReadonlyMap<string, string>;
}

/** Validates the draft with the same schema the services use, so the UI and the store agree. */
export function checkDraft(rows: readonly DraftRow[]): DraftCheck {
  const problems = new Map<string, string>();
  const values = rows.map((row, i) => {
    const value = parseValue(row);
    if (value === undefined) problems.set(`values[${i}].value`, row.value.trim() === '' ? 'enter a number' : `"${row.value}" is not a number`);
    return { key: row.key.trim(), value: value ?? 0, unit: row.unit.trim(), source: row.source.trim() };
  });
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = `values${formatPath(issue.path)}`;
      if (!problems.has(path)) problems.set(path, issue.message);
    }
  }
  return { values, problems };
}

/** The row as a value; undefined while its number is not one yet. */
function asValue(row: DraftRow): ParamValue | undefined {
  const value = parseValue(row);
  return value === undefined ? undefined : { key: row.key.trim(), value, unit: row.unit.trim(), source: row.source };
}

/**
 * `row` after its value, unit or type was edited to `patch`: a saved value whose source the user
 * left alone now says it was edited on `day`; edited back to what was saved, it cites its source again.
 */
export function editValue(row: DraftRow, patch: Partial<Pick<DraftRow, 'type' | 'value' | 'unit'>>, day: string): DraftRow {
  const next = { ...row, ...patch };
  const origin = row.origin;
  if (!origin) return next;
  const current = asValue(next);
  const changed = current === undefined || valueChanged(origin, current);
  if (changed && row.source === origin.source) return { ...next, source: editedSource(day) };
  if (!changed && isEditedSource(row.source) && row.source !== origin.source) return { ...next, source: origin.source };
  return next;
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

export function sameDraft(a: readonly DraftRow[], b: readonly DraftRow[]): boolean {
  return a.length === b.length && a.every((row, i) => {
    const other = b[i]!;
    return row.key === other.key && row.type === other.type && row.value === other.value && row.unit === other.unit && row.source === other.source;
  });
}
