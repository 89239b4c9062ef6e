import type { ParamValue } from './schemas/library.ts';
import { compareValues, sameRange } from './library-diff.ts';

// A value the user changed no longer says what its citation said, so it stops citing it: its
// source becomes "edited by the user on <day>" unless the user gave another. A value only
// re-expressed in another prefix (10 kOhm as 10000 Ohm) is the same value and keeps its source.
// A value's range has a source of its own and follows the same rule: moving the range stamps the
// range's source, not the value's.

export const EDITED_PREFIX = 'edited by the user on ';

export function editedSource(day: string): string {
  return `${EDITED_PREFIX}${day}`;
}

export function isEditedSource(source: string): boolean {
  return source.startsWith(EDITED_PREFIX);
}

/** The local calendar day, YYYY-MM-DD, as the user reads it on their clock. */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True when `next` holds another number, text or unit than `before` (not a mere restatement). */
export function valueChanged(before: ParamValue, next: ParamValue): boolean {
  return compareValues(before, { ...next, source: before.source }) === 'changed';
}

/** True when both values have a range and `next`'s says something else than `before`'s (its source aside). */
export function rangeMoved(before: ParamValue, next: ParamValue): boolean {
  return before.range !== undefined && next.range !== undefined && !sameRange(before, next);
}

/**
 * `next` with the edited source on every value that changed from `base` but kept its old source,
 * and on every range that moved but kept its old source.
 */
export function stampEditedSources(base: readonly ParamValue[], next: readonly ParamValue[], day: string): ParamValue[] {
  const before = new Map(base.map((v) => [v.key, v]));
  return next.map((v) => {
    const old = before.get(v.key);
    if (!old) return v;
    let stamped = v.source === old.source && valueChanged(old, v) ? { ...v, source: editedSource(day) } : v;
    if (stamped.range && stamped.range.source === old.range?.source && rangeMoved(old, stamped)) stamped = { ...stamped, range: { ...stamped.range, source: editedSource(day) } };
    return stamped;
  });
}
