// Numbers of the lifetime and reliability cards as people read them: counts in engineering
// notation (SI prefixes k to T), values far outside that range and tiny probabilities in scientific
// notation ("3.2e-9"), and a zero as a plain 0 (a probability of exactly 0 is a statement, not a
// rounding).

const PREFIXES: readonly (readonly [number, string])[] = [
  [1e12, 'T'],
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'k'],
];

/** A Julian year: the mean calendar year over the leap-year cycle, so long spans need no calendar. */
export const DAYS_PER_YEAR = 365.25;

function trimmed(value: number, digits: number): string {
  return String(Number(value.toPrecision(digits)));
}

/** "3.2e-9", "1.5e18": the mantissa trimmed, the exponent without a plus sign. */
export function scientific(value: number, digits = 3): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  return `${Number(mantissa)}e${Number(exponent)}`;
}

/** A count or ratio: 0.0123, 412.3, 61.71 k, 1.814 G; beyond 1e15 or under 1e-3, scientific. */
export function engineering(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 1e-3 || size >= 1e15) return scientific(value, Math.min(digits, 3));
  const step = PREFIXES.find(([factor]) => size >= factor);
  return step ? `${trimmed(value / step[0], digits)} ${step[1]}` : trimmed(value, digits);
}

/** A probability: exactly 0 as 0, under 1e-3 scientific ("3.2e-9"), else 3 significant digits. */
export function probability(p: number): string {
  if (p === 0) return '0';
  return Math.abs(p) < 1e-3 ? scientific(p, 2) : trimmed(p, 3);
}

/** A span of days with digit grouping ("1,234 days"); engineering notation from a million on. */
export function daysText(days: number): string {
  const shown = days >= 1e6 || (days > 0 && days < 1e-3) ? engineering(days) : days.toLocaleString('en-US', { maximumSignificantDigits: 4 });
  return `${shown} ${days === 1 ? 'day' : 'days'}`;
}

/** The same span in years once it passes a year ("3.378 years"), else null. */
export function yearsText(days: number): string | null {
  if (!(days > 365)) return null;
  const years = days / DAYS_PER_YEAR;
  return `${years >= 1e6 ? engineering(years) : years.toLocaleString('en-US', { maximumSignificantDigits: 4 })} years`;
}

/** A span shorter than a day in hours, minutes or seconds, for the line under it ("≈ 10.1 h"). */
export function shortSpan(days: number): string {
  const seconds = days * 86_400;
  if (seconds >= 3600) return `≈ ${trimmed(seconds / 3600, 3)} h`;
  if (seconds >= 60) return `≈ ${trimmed(seconds / 60, 3)} min`;
  return `≈ ${trimmed(seconds, 3)} s`;
}
