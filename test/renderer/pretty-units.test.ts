import { describe, expect, it } from 'vitest';
import { displaySI, prettyUnit, prettyUnitsIn } from '@/display.ts';

describe('units on screen', () => {
  it('typesets a unit and a value with its unit', () => {
    expect(prettyUnit('mm^2')).toBe('mm²');
    expect(prettyUnit('us')).toBe('µs');
    expect(prettyUnit('uA')).toBe('µA');
    expect(displaySI(1.99e-4, 's')).toBe('199 µs');
    expect(displaySI(1.925e-3, 'm^2')).toBe('1925 mm²');
  });

  it('typesets units standing as words in running text, and nothing else', () => {
    expect(prettyUnitsIn('about 30 um of wire, 0.5 um^2 each')).toBe('about 30 µm of wire, 0.5 µm² each');
    expect(prettyUnitsIn('10 to 50 uA; 1 us; 4 F^2 to 150 F^2; 3 mm^2')).toBe('10 to 50 µA; 1 µs; 4 F² to 150 F²; 3 mm²');
    expect(prettyUnitsIn('a uniform usage sum of umbrellas')).toBe('a uniform usage sum of umbrellas');
    expect(prettyUnitsIn('2^10 blocks')).toBe('2^10 blocks');
  });
});
