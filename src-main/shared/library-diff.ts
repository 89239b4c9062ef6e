import type { ParamValue } from './schemas/library.ts';
import { parseUnit } from './units.ts';

// Compares two sets of library values key by key. Numbers are compared in SI, so "10 kOhm" and
// "10000 Ohm" are the same value written differently, not a change. A value's uncertainty range
// is compared the same way (in SI, in its value's unit): a range added, removed or moved while the
// value stayed is "range-changed"; a new source of the value or of its range is "source-changed".

export type DiffKind = 'same' | 'restated' | 'changed' | 'range-changed' | 'source-changed' | 'added' | 'removed';

export interface DiffRow {
  readonly key: string;
  readonly kind: DiffKind;
  readonly left?: ParamValue;
  readonly right?: ParamValue;
  /** Both sides hold the key and its range differs (added, removed, other bounds, distribution or spread), whatever the kind. */
  readonly rangeChanged: boolean;
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

/**
 * True when the two values' ranges say the same (both absent, or the same bounds and normal spread
 * in SI, the same distribution and lognormal spread); their sources are not compared.
 */
export function sameRange(left: ParamValue, right: ParamValue): boolean {
  const a = left.range;
  const b = right.range;
  if (!a || !b) return a === b;
  if (a.distribution !== b.distribution) return false;
  const l = parseUnit(left.unit);
  const r = parseUnit(right.unit);
  const lSI = l && r && l.quantity === r.quantity ? l.toSI : 1;
  const rSI = l && r && l.quantity === r.quantity ? r.toSI : 1;
  if (!sameNumber(a.low * lSI, b.low * rSI) || !sameNumber(a.high * lSI, b.high * rSI)) return false;
  if (a.sigma === undefined || b.sigma === undefined) return a.sigma === b.sigma;
  return a.distribution === 'normal' ? sameNumber(a.sigma * lSI, b.sigma * rSI) : sameNumber(a.sigma, b.sigma);
}

/** How `right` differs from `left`, one value of the same key. */
export function compareValues(left: ParamValue, right: ParamValue): DiffKind {
  let restated = false;
  if (typeof left.value === 'number' && typeof right.value === 'number') {
    const l = parseUnit(left.unit);
    const r = parseUnit(right.unit);
    const comparable = l && r && l.quantity === r.quantity;
    if (!comparable) return 'changed';
    if (!sameNumber(left.value * l.toSI, right.value * r.toSI)) return 'changed';
    restated = left.unit !== right.unit || left.value !== right.value;
  } else if (left.value !== right.value || left.unit !== right.unit) {
    return 'changed';
  }
  if (!sameRange(left, right)) return 'range-changed';
  if (restated) return 'restated';
  return left.source === right.source && left.range?.source === right.range?.source ? 'same' : 'source-changed';
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
    for (const gone of removedBefore.get(v.key) ?? []) rows.push({ key: gone.key, kind: 'removed', left: gone, rangeChanged: false });
    const old = leftByKey.get(v.key);
    rows.push(old ? { key: v.key, kind: compareValues(old, v), left: old, right: v, rangeChanged: !sameRange(old, v) } : { key: v.key, kind: 'added', right: v, rangeChanged: false });
  }
  for (const gone of pending) rows.push({ key: gone.key, kind: 'removed', left: gone, rangeChanged: false });
  const counts: Record<DiffKind, number> = { same: 0, restated: 0, changed: 0, 'range-changed': 0, 'source-changed': 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.kind] += 1;
  return { rows, counts };
}
