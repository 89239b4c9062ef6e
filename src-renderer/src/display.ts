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

/**
 * Units inside running text (a source, a typical range) typeset as prettyUnit does, only where a
 * unit stands as its own word: "30 um of wire, 0.5 um^2" -> "30 µm of wire, 0.5 µm²".
 */
export function prettyUnitsIn(text: string): string {
  return text.replace(/\bu(?=(?:m|s|A|J|W|V|F|Ohm)\b|m\^)/g, 'µ').replace(/(?<=[A-Za-z])\^([23])\b/g, (_, p: string) => (p === '2' ? '²' : '³'));
}
