import type { ParamValue } from '@shared/schemas/library.ts';
import { valuesSchema } from '@shared/schemas/library.ts';
import { formatPath } from '@shared/ipc/issues.ts';

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

export function sameDraft(a: readonly DraftRow[], b: readonly DraftRow[]): boolean {
  return a.length === b.length && a.every((row, i) => {
    const other = b[i]!;
    return row.key === other.key && row.type === other.type && row.value === other.value && row.unit === other.unit && row.source === other.source;
  });
}
