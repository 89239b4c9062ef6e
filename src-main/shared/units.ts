// Units of the values users type and libraries store.
// Inside the simulator everything is SI (J, s, m^2, Ohm ...); prefixes exist only at the edges.
// A unit string is a simple unit ("kOhm", "ns", "um^2", "F^2") or a ratio of two ("Ohm/um", "fF/um").

export const SI_PREFIXES: Readonly<Record<string, number>> = {
  a: 1e-18,
  f: 1e-15,
  p: 1e-12,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};

/** Prefixes offered on screen, smallest first (no µ duplicate). */
export const DISPLAY_PREFIXES = ['a', 'f', 'p', 'n', 'u', 'm', '', 'k', 'M', 'G', 'T'] as const;

interface BaseUnit {
  readonly quantity: string;
  /** Power the prefix is raised to ("um^2" is 1e-12 m^2). 0 means no prefix is allowed. */
  readonly prefixPower: number;
  readonly toSI: number;
}

// Symbols are ASCII so they can be typed on any keyboard and round-trip through NVSim files.
// "F" alone is NVSim's feature size (a length relative to the node); capacitance must carry a
// prefix ("fF", "pF") so the two never collide.
const BASE_UNITS: Readonly<Record<string, BaseUnit>> = {
  Ohm: { quantity: 'resistance', prefixPower: 1, toSI: 1 },
  V: { quantity: 'voltage', prefixPower: 1, toSI: 1 },
  A: { quantity: 'current', prefixPower: 1, toSI: 1 },
  s: { quantity: 'time', prefixPower: 1, toSI: 1 },
  J: { quantity: 'energy', prefixPower: 1, toSI: 1 },
  W: { quantity: 'power', prefixPower: 1, toSI: 1 },
  Hz: { quantity: 'frequency', prefixPower: 1, toSI: 1 },
  m: { quantity: 'length', prefixPower: 1, toSI: 1 },
  'm^2': { quantity: 'area', prefixPower: 2, toSI: 1 },
  K: { quantity: 'temperature', prefixPower: 0, toSI: 1 },
  bit: { quantity: 'information', prefixPower: 1, toSI: 1 },
  B: { quantity: 'information', prefixPower: 1, toSI: 8 },
  F: { quantity: 'feature-length', prefixPower: 0, toSI: 1 },
  'F^2': { quantity: 'feature-area', prefixPower: 0, toSI: 1 },
  '%': { quantity: 'ratio', prefixPower: 0, toSI: 0.01 },
  '1': { quantity: 'ratio', prefixPower: 0, toSI: 1 },
};

const FARAD: BaseUnit = { quantity: 'capacitance', prefixPower: 1, toSI: 1 };

/** A unit understood by the workbench: what it measures and the factor to its SI unit. */
export interface ParsedUnit {
  readonly symbol: string;
  readonly quantity: string;
  readonly toSI: number;
}

/** The unit of text and flag values. */
export const NO_UNIT = '';

const ALIASES: Readonly<Record<string, string>> = { ohm: 'Ohm', Ω: 'Ohm', ohms: 'Ohm' };

function parseSimple(raw: string): ParsedUnit | null {
  const symbol = raw.trim();
  if (symbol === '') return null;
  const direct = BASE_UNITS[ALIASES[symbol] ?? symbol];
  if (direct) return { symbol, quantity: direct.quantity, toSI: direct.toSI };
  for (const [alias, canonical] of Object.entries(ALIASES)) {
    if (symbol.endsWith(alias)) return parseSimple(symbol.slice(0, -alias.length) + canonical);
  }
  const prefix = symbol.slice(0, 1);
  const rest = symbol.slice(1);
  const factor = SI_PREFIXES[prefix];
  if (factor === undefined || rest === '') return null;
  const base = rest === 'F' ? FARAD : BASE_UNITS[rest];
  if (!base || base.prefixPower === 0) return null;
  return { symbol, quantity: base.quantity, toSI: factor ** base.prefixPower * base.toSI };
}

/** Parses a unit string; null when the workbench does not know it. The empty string is "no unit". */
export function parseUnit(unit: string): ParsedUnit | null {
  if (unit === NO_UNIT) return { symbol: '', quantity: 'none', toSI: 1 };
  const parts = unit.split('/');
  if (parts.length === 1) return parseSimple(unit);
  if (parts.length !== 2) return null;
  const top = parseSimple(parts[0] ?? '');
  const bottom = parseSimple(parts[1] ?? '');
  if (!top || !bottom) return null;
  return { symbol: unit, quantity: `${top.quantity}/${bottom.quantity}`, toSI: top.toSI / bottom.toSI };
}

export function isKnownUnit(unit: string): boolean {
  return parseUnit(unit) !== null;
}

/** Converts a value given in `unit` to SI. Throws on an unknown unit (a programming error: validate first). */
export function toSI(value: number, unit: string): number {
  const parsed = parseUnit(unit);
  if (!parsed) throw new Error(`unknown unit "${unit}"`);
  return value * parsed.toSI;
}

/** Converts an SI value into `unit`. */
export function fromSI(valueSI: number, unit: string): number {
  const parsed = parseUnit(unit);
  if (!parsed) throw new Error(`unknown unit "${unit}"`);
  return valueSI / parsed.toSI;
}

/** True when a value in `from` can be shown in `to` (same quantity). */
export function areCompatible(from: string, to: string): boolean {
  const a = parseUnit(from);
  const b = parseUnit(to);
  return a !== null && b !== null && a.quantity === b.quantity;
}

/** The base symbol a prefixed unit hangs off ("kOhm" -> "Ohm", "fF/um" -> null: compound units are not re-prefixed). */
export function prefixableBase(unit: string): { base: string; prefixPower: number } | null {
  if (unit.includes('/')) return null;
  const parsed = parseUnit(unit);
  if (!parsed) return null;
  for (const [base, info] of Object.entries(BASE_UNITS)) {
    if (info.prefixPower > 0 && info.quantity === parsed.quantity && info.toSI === 1) return { base, prefixPower: info.prefixPower };
  }
  if (parsed.quantity === 'capacitance') return { base: 'F', prefixPower: 1 };
  return null;
}

/**
 * Formats an SI value with the SI prefix that keeps 1 <= |mantissa| < 1000, e.g. (1.2e-9, 's') -> "1.2 ns".
 * Units that take no prefix are printed as they are. Here "F" means farad: simulator outputs are SI,
 * and feature-size lengths are inputs that are never re-prefixed.
 */
export function formatSI(valueSI: number, siUnit: string, significant = 4): string {
  if (!Number.isFinite(valueSI)) return `${valueSI} ${siUnit}`.trim();
  const base = prefixableBase(siUnit === 'F' ? 'fF' : siUnit);
  if (!base || valueSI === 0) return `${trimNumber(valueSI, significant)} ${siUnit}`.trim();
  const magnitude = Math.abs(valueSI);
  // A squared unit steps by 10^6 between prefixes, so 0.12 mm^2 reads better than 119500 um^2.
  const least = base.prefixPower === 2 ? 0.1 : 1;
  let best = '';
  for (const prefix of DISPLAY_PREFIXES) {
    const scaled = magnitude / SI_PREFIXES[prefix]! ** base.prefixPower;
    if (scaled >= least) best = prefix;
  }
  const shown = valueSI / SI_PREFIXES[best]! ** base.prefixPower;
  const symbol = base.prefixPower === 2 ? `${best}m^2` : `${best}${base.base}`;
  return `${trimNumber(shown, significant)} ${symbol}`;
}

function trimNumber(value: number, significant: number): string {
  return String(Number(value.toPrecision(significant)));
}

/**
 * The units a value in `unit` may be shown in without changing its quantity: the same base with
 * other SI prefixes ("kOhm" -> mOhm ... GOhm). Units without prefixes offer only themselves.
 */
export function prefixAlternatives(unit: string): string[] {
  const base = prefixableBase(unit);
  if (!base) return [unit];
  const symbol = base.prefixPower === 2 ? 'm^2' : base.base;
  const choices = DISPLAY_PREFIXES.filter((p) => !(base.base === 'F' && p === '')).map((p) => (base.prefixPower === 2 ? `${p}m^2` : `${p}${symbol}`));
  return choices.filter(isKnownUnit);
}

/** Re-expresses a value in another unit of the same quantity, rounded to 12 significant digits. */
export function convertValue(value: number, from: string, to: string): number {
  return Number(((value * toSI(1, from)) / toSI(1, to)).toPrecision(12));
}
