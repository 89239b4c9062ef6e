import { describe, expect, it } from 'vitest';
import { areCompatible, formatSI, fromSI, isKnownUnit, parseUnit, toSI } from '../../src-main/shared/units.ts';

describe('units', () => {
  it('converts prefixed units to SI', () => {
    expect(toSI(10, 'kOhm')).toBe(10_000);
    expect(toSI(10, 'ns')).toBeCloseTo(1e-8, 20);
    expect(toSI(80, 'uA')).toBeCloseTo(8e-5, 18);
    expect(toSI(1, 'pJ')).toBeCloseTo(1e-12, 24);
    expect(toSI(25, 'mV')).toBeCloseTo(0.025, 15);
  });
  it('squares the prefix of an area unit', () => {
    expect(toSI(1, 'um^2')).toBeCloseTo(1e-12, 24);
    expect(toSI(30.64, 'mm^2')).toBeCloseTo(30.64e-6, 18);
  });
  it('reads ratios of units', () => {
    expect(toSI(2, 'Ohm/um')).toBeCloseTo(2e6, 6);
    expect(toSI(0.2, 'fF/um')).toBeCloseTo(2e-10, 22);
    expect(parseUnit('fF/um')?.quantity).toBe('capacitance/length');
  });
  it('keeps feature-size units apart from farads', () => {
    expect(parseUnit('F')?.quantity).toBe('feature-length');
    expect(parseUnit('F^2')?.quantity).toBe('feature-area');
    expect(parseUnit('fF')?.quantity).toBe('capacitance');
    expect(isKnownUnit('kF^2')).toBe(false);
  });
  it('accepts common spellings of ohm and rejects unknown units', () => {
    expect(toSI(3, 'kohm')).toBe(3000);
    expect(toSI(3, 'MΩ')).toBe(3e6);
    expect(isKnownUnit('furlong')).toBe(false);
    expect(isKnownUnit('a/b/c')).toBe(false);
    expect(() => toSI(1, 'xyz')).toThrow(/unknown unit/);
  });
  it('formats SI values with the best prefix', () => {
    expect(formatSI(1.628e-9, 's')).toBe('1.628 ns');
    expect(formatSI(9986e-12, 'm^2')).toBe('9986 um^2');
    expect(formatSI(30.64e-6, 'm^2')).toBe('30.64 mm^2');
    // Squared units step by 10^6: a tenth of a mm^2 stays in mm^2.
    expect(formatSI(0.1195e-6, 'm^2')).toBe('0.1195 mm^2');
    expect(formatSI(62.6, 'W')).toBe('62.6 W');
    expect(formatSI(0, 'J')).toBe('0 J');
    expect(formatSI(54, 'F^2')).toBe('54 F^2');
  });
  it('converts between compatible units only', () => {
    expect(fromSI(1e-9, 'ns')).toBeCloseTo(1, 12);
    expect(areCompatible('ns', 'ms')).toBe(true);
    expect(areCompatible('ns', 'nJ')).toBe(false);
  });
});

describe('prefix alternatives', () => {
  it('offers the same quantity with other prefixes', async () => {
    const { prefixAlternatives, convertValue } = await import('../../src-main/shared/units.ts');
    expect(prefixAlternatives('kOhm')).toContain('MOhm');
    expect(prefixAlternatives('kOhm')).toContain('Ohm');
    expect(prefixAlternatives('um^2')).toContain('mm^2');
    expect(prefixAlternatives('fF')).not.toContain('F');
    expect(prefixAlternatives('F^2')).toEqual(['F^2']);
    expect(prefixAlternatives('Ohm/um')).toEqual(['Ohm/um']);
    expect(convertValue(10, 'kOhm', 'Ohm')).toBe(10000);
    expect(convertValue(0.3, 'ns', 'ps')).toBe(300);
    expect(convertValue(1, 'mm^2', 'um^2')).toBe(1e6);
  });
});
