import type { Issue } from '../../shared/result.ts';
import type { ValueRange } from '../../shared/schemas/library.ts';
import { formatSI, parseUnit, prefixableBase } from '../../shared/units.ts';

// Library values (each with a unit and a source) read into typed SI parameters by a list of specs,
// naming every missing or malformed key. Cells and architectures both read their values this way.

/** One library value, as stored. */
export interface LibraryValue {
  readonly key: string;
  readonly value: number | string | boolean;
  readonly unit: string;
  readonly source: string;
  /**
   * The value's uncertainty, in its unit, with its own source (sensitivity and uncertainty studies
   * draw from it). Reading values ignores it: the model computes with `value` only.
   */
  readonly range?: ValueRange;
}

export interface NumberSpec<F extends string = string> {
  readonly key: string;
  readonly field: F;
  /** The quantity of the unit (see units.ts), checked on input. */
  readonly quantity: string;
  /** The unit the key is shown and exported in. */
  readonly unit: string;
  readonly required: boolean;
  readonly label: string;
  /** Bounds in SI units, inclusive; `integer` asks for a whole number, `positive` for more than 0. */
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly positive?: boolean;
}

export interface ChoiceSpec<F extends string = string> {
  readonly key: string;
  readonly field: F;
  readonly choices: readonly string[];
  readonly required: boolean;
  readonly label: string;
}

export type ReadResult = { readonly ok: true; readonly params: Record<string, number | string> } | { readonly ok: false; readonly issues: Issue[] };

/** A bound or value as a person reads it: "1 s", "1 TOhm", "10000 F^2", not "1000000000 ns". */
export function boundText(spec: Pick<NumberSpec, 'unit'>, si: number): string {
  const base = prefixableBase(spec.unit);
  if (base) return formatSI(si, base.prefixPower === 2 ? 'm^2' : base.base, 6);
  const unit = parseUnit(spec.unit);
  const shown = Number((unit ? si / unit.toSI : si).toPrecision(12));
  return spec.unit === '1' || !unit ? `${shown}` : `${shown} ${spec.unit}`;
}

function readNumber(spec: NumberSpec, found: LibraryValue, issues: Issue[]): number | undefined {
  const unit = parseUnit(found.unit);
  if (typeof found.value !== 'number' || !Number.isFinite(found.value)) {
    issues.push({ path: spec.key, message: `must be a number (${spec.label})` });
    return undefined;
  }
  if (!unit || unit.quantity !== spec.quantity) {
    issues.push({ path: spec.key, message: `unit "${found.unit}" is not a ${spec.quantity} unit (for example ${spec.unit})` });
    return undefined;
  }
  const si = found.value * unit.toSI;
  if (spec.integer === true && !Number.isInteger(si)) issues.push({ path: spec.key, message: `must be a whole number (${spec.label})` });
  else if (spec.positive === true && !(si > 0)) issues.push({ path: spec.key, message: `must be positive (got ${found.value}${found.unit === '1' || found.unit === '' ? '' : ` ${found.unit}`})` });
  else if (spec.min !== undefined && si < spec.min) issues.push({ path: spec.key, message: `must be at least ${boundText(spec, spec.min)} (${spec.label})` });
  else if (spec.max !== undefined && si > spec.max) issues.push({ path: spec.key, message: `must be at most ${boundText(spec, spec.max)} (${spec.label})` });
  else return si;
  return undefined;
}

export function readValues(values: readonly LibraryValue[], numbers: readonly NumberSpec[], choices: readonly ChoiceSpec[]): ReadResult {
  const byKey = new Map(values.map((v) => [v.key, v]));
  const issues: Issue[] = [];
  const params: Record<string, number | string> = {};
  for (const spec of choices) {
    const found = byKey.get(spec.key);
    if (!found) {
      if (spec.required) issues.push({ path: spec.key, message: `is missing (${spec.label})` });
      continue;
    }
    if (typeof found.value !== 'string' || !spec.choices.includes(found.value)) issues.push({ path: spec.key, message: `must be one of ${spec.choices.join(', ')}` });
    else params[spec.field] = found.value;
  }
  for (const spec of numbers) {
    const found = byKey.get(spec.key);
    if (!found) {
      if (spec.required) issues.push({ path: spec.key, message: `is missing (${spec.label})` });
      continue;
    }
    const value = readNumber(spec, found, issues);
    if (value !== undefined) params[spec.field] = value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, params };
}
