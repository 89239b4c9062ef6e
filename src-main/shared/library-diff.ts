import type { ParamValue } from './schemas/library.ts';
import { parseUnit } from './units.ts';

// Compares two sets of library values key by key. Numbers are compared in SI, so "10 kOhm" and
// "10000 Ohm" are the same value written differently, not a change.

export type DiffKind = 'same' | 'restated' | 'changed' | 'source-changed' | 'added' | 'removed';

export interface DiffRow {
  readonly key: string;
  readonly kind: DiffKind;
  readonly left?: ParamValue;
  readonly right?: ParamValue;
}

export interface LibraryDiff {
  readonly rows: DiffRow[];
  readonly counts: Record<DiffKind, number>;
}

/** Relative tolerance for "same number": values that went through a unit conversion may differ in the last bits. */
const RELATIVE_TOLERANCE = 1e-12;

function sameNumber(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** How `right` differs from `left`, one value of the same key. */
export function compareValues(left: ParamValue, right: ParamValue): DiffKind {
  if (typeof left.value === 'number' && typeof right.value === 'number') {
    const l = parseUnit(left.unit);
    const r = parseUnit(right.unit);
    const comparable = l && r && l.quantity === r.quantity;
    if (!comparable) return 'changed';
    if (!sameNumber(left.value * l.toSI, right.value * r.toSI)) return 'changed';
    if (left.unit !== right.unit || left.value !== right.value) return 'restated';
  } else if (left.value !== right.value || left.unit !== right.unit) {
    return 'changed';
  }
  return left.source === right.source ? 'same' : 'source-changed';
}

/** Rows in the order of the right side, with removed keys placed where they stood on the left. */
export function diffValues(left: readonly ParamValue[], right: readonly ParamValue[]): LibraryDiff {
  const leftByKey = new Map(left.map((v) => [v.key, v]));
  const rightKeys = new Set(right.map((v) => v.key));
  const rows: DiffRow[] = [];
  const removedBefore = new Map<string, ParamValue[]>();
  let pending: ParamValue[] = [];
  for (const v of left) {
    if (rightKeys.has(v.key)) {
      removedBefore.set(v.key, pending);
      pending = [];
    } else pending.push(v);
  }
  for (const v of right) {
    for (const gone of removedBefore.get(v.key) ?? []) rows.push({ key: gone.key, kind: 'removed', left: gone });
    const old = leftByKey.get(v.key);
    rows.push(old ? { key: v.key, kind: compareValues(old, v), left: old, right: v } : { key: v.key, kind: 'added', right: v });
  }
  for (const gone of pending) rows.push({ key: gone.key, kind: 'removed', left: gone });
  const counts: Record<DiffKind, number> = { same: 0, restated: 0, changed: 0, 'source-changed': 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return { rows, counts };
}
