import { formatSI } from '@shared/units.ts';

// Numbers with units as people read them on screen: SI prefixes (formatSI) with the unit typeset
// ("µs", "mm²"). Files and the command line keep the ASCII form ("us", "mm^2").

/** A unit as typeset on screen: "mm^2" -> "mm²", "us" -> "µs". */
export function prettyUnit(unit: string): string {
  return unit
    .replace(/^u(?=[A-Za-z])/, 'µ')
    .replace(/\^2\b/g, '²')
    .replace(/\^3\b/g, '³');
}

/** "67.17 J", "199 µs", "1925 mm²", "0.1195 mm²". */
export function displaySI(value: number, unit: string): string {
  const text = formatSI(value, unit);
  const space = text.lastIndexOf(' ');
  return space < 0 ? text : `${text.slice(0, space)} ${prettyUnit(text.slice(space + 1))}`;
}
