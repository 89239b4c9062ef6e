import type { ValueRange } from './schemas/library.ts';
import { convertValue, isKnownUnit, parseUnit } from './units.ts';

// Uncertainty ranges on library values (schemas/library.ts, valueRangeSchema) as people read them,
// and re-expressed when their value changes prefix: a range is in its value's own unit.

/**
 * A number as people read it in a table, to 6 significant digits: in powers of ten from a million
 * up (an endurance of 1e15 cycles, not sixteen digits that widen a column) and below 1e-4.
 */
export function numberText(x: number): string {
  const rounded = Number(x.toPrecision(6));
  const size = Math.abs(rounded);
  if (size !== 0 && (size >= 1e6 || size < 1e-4)) return rounded.toExponential().replace('e+', 'e');
  return String(rounded);
}

/** "2–4, uniform", "100–500, lognormal, σ 0.3 (of ln)"; `dash` and `sigma` may be ASCII for a terminal. */
export function rangeText(range: ValueRange, options: { dash?: string; sigma?: string } = {}): string {
  const dash = options.dash ?? '–';
  const spread =
    range.sigma === undefined ? '' : `, ${options.sigma ?? 'σ'} ${numberText(range.sigma)}${range.distribution === 'lognormal' ? ' (of ln)' : ''}`;
  return `${numberText(range.low)}${dash}${numberText(range.high)}, ${range.distribution}${spread}`;
}

/**
 * The range of a value re-expressed from `from` to `to` (10 kOhm -> 10000 Ohm): bounds convert,
 * a normal spread converts, a lognormal one (of the logarithm) does not. Unknown or incompatible
 * units leave it as it is.
 */
export function convertRange(range: ValueRange, from: string, to: string): ValueRange {
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!isKnownUnit(from) || !a || !b || a.quantity !== b.quantity || from === to) return range;
  const converted: ValueRange = { ...range, low: convertValue(range.low, from, to), high: convertValue(range.high, from, to) };
  return range.sigma !== undefined && range.distribution === 'normal' ? { ...converted, sigma: convertValue(range.sigma, from, to) } : converted;
}
