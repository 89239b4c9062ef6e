import { describe, expect, it } from 'vitest';
import { daysText, engineering, probability, scientific, shortSpan, yearsText } from '@/components/experiments/figure-text.ts';

// The numbers of the lifetime and reliability cards: engineering notation for counts, scientific
// for the tiny and the huge, a zero as 0, years beside days once a span passes a year.

describe('figure text', () => {
  it('writes counts in engineering notation with SI prefixes, 4 significant digits', () => {
    expect(engineering(0)).toBe('0');
    expect(engineering(0.0123)).toBe('0.0123');
    expect(engineering(412.34)).toBe('412.3');
    expect(engineering(61_706)).toBe('61.71 k');
    expect(engineering(1_814_073_344)).toBe('1.814 G');
    expect(engineering(2.5e12)).toBe('2.5 T');
    expect(engineering(-4200)).toBe('-4.2 k');
  });

  it('turns to scientific notation below 1e-3 and from 1e15 on', () => {
    expect(engineering(3.2e-9)).toBe('3.2e-9');
    expect(engineering(9.99e-4)).toBe('9.99e-4');
    expect(engineering(1.5e18)).toBe('1.5e18');
    expect(scientific(1.23456e-7, 3)).toBe('1.23e-7');
    expect(engineering(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('shows a probability of exactly 0 as 0, tiny ones in scientific notation, others to 3 digits', () => {
    expect(probability(0)).toBe('0');
    expect(probability(3.2e-9)).toBe('3.2e-9');
    expect(probability(3.25e-9)).toBe('3.3e-9');
    expect(probability(0.00123)).toBe('0.00123');
    expect(probability(0.5)).toBe('0.5');
    expect(probability(1)).toBe('1');
  });

  it('writes spans in days, with years once past a year (Julian, 365.25 days)', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(412.34)).toBe('412.3 days');
    expect(daysText(1234.5)).toBe('1,235 days');
    expect(daysText(3.2e7)).toBe('32 M days');
    expect(yearsText(365)).toBeNull();
    expect(yearsText(730.5)).toBe('2 years');
    expect(yearsText(3.6525e9)).toBe('10 M years');
    expect(shortSpan(0.5)).toBe('≈ 12 h');
    expect(shortSpan(0.01)).toBe('≈ 14.4 min');
    expect(shortSpan(1e-4)).toBe('≈ 8.64 s');
    expect(daysText(8.1257e-4)).toBe('8.13e-4 days');
  });
});
