import { describe, expect, it } from 'vitest';
import { paramValueSchema, valuesSchema, type ParamValue, type ValueRange } from '../../src-main/shared/schemas/library.ts';
import { libraryFileSchema } from '../../src-main/shared/schemas/library-file.ts';
import { convertRange, rangeText } from '../../src-main/shared/value-range.ts';
import { stampEditedSources } from '../../src-main/shared/edited-source.ts';
import { formatPath } from '../../src-main/shared/ipc/issues.ts';

// Uncertainty ranges on library values: the rules a range must keep, how it reads, and how it
// follows its value.

const base = { key: 'resistanceLow', value: 3, unit: 'kOhm', source: 'Dong et al., "NVSim", IEEE TCAD 2012' };
const range = (over: Record<string, unknown> = {}) => ({ low: 2, high: 4, distribution: 'uniform', source: 'NVSim samples', ...over });

/** Each problem as "path: message". */
function problems(value: unknown): string[] {
  const parsed = paramValueSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

describe('a range on a library value', () => {
  it('is optional, and kept as given when it holds', () => {
    expect(paramValueSchema.parse(base)).toEqual(base);
    const ranged = { ...base, range: range() };
    expect(paramValueSchema.parse(ranged)).toEqual(ranged);
    expect(problems({ ...base, range: range({ distribution: 'normal', sigma: 0.5 }) })).toEqual([]);
    expect(problems({ ...base, range: range({ distribution: 'lognormal', sigma: 0.2 }) })).toEqual([]);
    expect(problems({ ...base, range: range({ distribution: 'log-uniform' }) })).toEqual([]);
    // The value may sit on either end.
    expect(problems({ ...base, range: range({ low: 3 }) })).toEqual([]);
    expect(problems({ ...base, range: range({ high: 3 }) })).toEqual([]);
  });

  it('must hold its value, between a low under its high', () => {
    expect(problems({ ...base, range: range({ low: 3.5 }) })).toEqual(['range.low: must be at most the value (3)']);
    expect(problems({ ...base, range: range({ high: 2.5 }) })).toEqual(['range.high: must be at least the value (3)']);
    expect(problems({ ...base, range: range({ low: 3, high: 3 }) })).toEqual(["range.high: must be more than the range's low (3)"]);
  });

  it('has finite numbers, a known distribution and a source', () => {
    expect(problems({ ...base, range: range({ low: Number.NaN }) })).toContain('range.low: must be a finite number');
    expect(problems({ ...base, range: range({ high: Number.POSITIVE_INFINITY }) })).toContain('range.high: must be a finite number');
    expect(problems({ ...base, range: range({ low: '2' }) })).toContain('range.low: must be a number');
    expect(problems({ ...base, range: { high: 4, distribution: 'uniform', source: 'x' } })).toContain('range.low: is required');
    expect(problems({ ...base, range: range({ distribution: 'gaussian' }) })).toEqual(['range.distribution: must be uniform, log-uniform, normal or lognormal']);
    expect(problems({ ...base, range: range({ source: '  ' }) })).toEqual(['range.source: must cite a source or start with "assumption:" and give the reason']);
    expect(problems({ ...base, range: range({ source: 'assumption:' }) })).toEqual(['range.source: must cite a source or start with "assumption:" and give the reason']);
    expect(problems({ ...base, range: range({ source: 'x'.repeat(2001) }) })).toEqual(['range.source: must be at most 2000 characters']);
  });

  it('needs a positive low for log-uniform and lognormal, and a positive sigma for normal and lognormal only', () => {
    const zero = { ...base, value: 0, unit: 'V' };
    expect(problems({ ...zero, range: range({ low: 0, distribution: 'log-uniform' }) })).toEqual(['range.low: must be more than 0 for a log-uniform range (it draws the logarithm)']);
    expect(problems({ ...zero, range: range({ low: -1, distribution: 'lognormal', sigma: 0.1 }) })).toEqual(['range.low: must be more than 0 for a lognormal range (it draws the logarithm)']);
    expect(problems({ ...zero, range: range({ low: -1, distribution: 'uniform' }) })).toEqual([]);
    expect(problems({ ...base, range: range({ distribution: 'normal' }) })).toEqual(["range.sigma: is needed for a normal range (its spread, in the value's unit)"]);
    expect(problems({ ...base, range: range({ distribution: 'lognormal', sigma: 0 }) })).toEqual(['range.sigma: must be more than 0 (the spread, of the natural logarithm)']);
    expect(problems({ ...base, range: range({ distribution: 'normal', sigma: -0.5 }) })).toEqual(["range.sigma: must be more than 0 (the spread, in the value's unit)"]);
    expect(problems({ ...base, range: range({ sigma: 0.5 }) })).toEqual(['range.sigma: applies to a normal or lognormal range only; remove it from a uniform one']);
  });

  it('is refused on a text or yes/no value', () => {
    expect(problems({ ...base, value: 'voltage', unit: '', range: range() })).toEqual(['range: applies to numbers only; remove it from a text or yes/no value']);
    expect(problems({ ...base, value: true, unit: '', range: range() })).toEqual(['range: applies to numbers only; remove it from a text or yes/no value']);
  });

  it('names the value it is on in a list and in a library file, and counts its source in the text limit', () => {
    const parsed = valuesSchema.safeParse([base, { ...base, key: 'resistanceHigh', value: 6, range: range() }]);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => formatPath(i.path))).toEqual(['[1].range.high']);
    const file = { format: 'pimwb-library', schemaVersion: 2, name: 'STT', kind: 'cell', values: [{ ...base, range: range() }] };
    expect(libraryFileSchema.parse(file).values[0]!.range).toEqual(range());
    // A version 1 file (no ranges) still reads; a file from a later workbench does not.
    expect(libraryFileSchema.safeParse({ ...file, schemaVersion: 1, values: [base] }).success).toBe(true);
    expect(libraryFileSchema.safeParse({ ...file, schemaVersion: 3 }).error?.issues[0]?.message).toMatch(/newer than this workbench reads \(2\)/);
    const long = Array.from({ length: 1000 }, (_, i) => ({ ...base, key: `k${i}`, range: range({ source: 's'.repeat(2000) }) }));
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...base, key: `k${i}`, source: 's'.repeat(1990) }));
    expect(valuesSchema.safeParse(many).success).toBe(true);
    expect(valuesSchema.safeParse(many.map((v, i) => ({ ...v, range: long[i]!.range }))).error?.issues[0]?.message).toMatch(/a library may hold at most 4000000/);
  });
});

describe('how a range reads and follows its value', () => {
  it('reads as "low–high, distribution" with its spread', () => {
    expect(rangeText(range() as ValueRange)).toBe('2–4, uniform');
    expect(rangeText(range({ distribution: 'normal', sigma: 0.25 }) as ValueRange)).toBe('2–4, normal, σ 0.25');
    expect(rangeText(range({ distribution: 'lognormal', sigma: 0.3 }) as ValueRange, { dash: '..', sigma: 'sigma' })).toBe('2..4, lognormal, sigma 0.3 (of ln)');
    expect(rangeText({ low: 0.1 + 0.2, high: 40.82, distribution: 'uniform', source: 's' })).toBe('0.3–40.82, uniform');
    // Endurances and other big counts in powers of ten, so a table column stays narrow.
    expect(rangeText({ low: 1e12, high: 1e16, distribution: 'log-uniform', source: 's' })).toBe('1e12–1e16, log-uniform');
    expect(rangeText({ low: 3.16e-5, high: 999_999, distribution: 'uniform', source: 's' })).toBe('3.16e-5–999999, uniform');
  });

  it('is re-expressed with its value in another prefix; a lognormal spread is of the logarithm and stays', () => {
    expect(convertRange(range({ distribution: 'normal', sigma: 0.5 }) as ValueRange, 'kOhm', 'Ohm')).toMatchObject({ low: 2000, high: 4000, sigma: 500 });
    expect(convertRange(range({ distribution: 'lognormal', sigma: 0.2 }) as ValueRange, 'kOhm', 'Ohm')).toMatchObject({ low: 2000, high: 4000, sigma: 0.2 });
    expect(convertRange(range() as ValueRange, 'kOhm', 'ns')).toEqual(range());
  });

  it('gets the source "edited by the user on <day>" when it moves and its source was left alone, not when it is restated or re-sourced', () => {
    const saved: ParamValue[] = [{ ...base, range: range() as ValueRange }];
    const moved = stampEditedSources(saved, [{ ...base, range: range({ high: 5 }) as ValueRange }], '2026-01-02');
    expect(moved[0]).toMatchObject({ source: base.source, range: { high: 5, source: 'edited by the user on 2026-01-02' } });
    const restated = stampEditedSources(saved, [{ ...base, value: 3000, unit: 'Ohm', range: range({ low: 2000, high: 4000 }) as ValueRange }], '2026-01-02');
    expect(restated[0]).toMatchObject({ source: base.source, range: { source: 'NVSim samples' } });
    const resourced = stampEditedSources(saved, [{ ...base, range: range({ high: 5, source: 'our measurement' }) as ValueRange }], '2026-01-02');
    expect(resourced[0]!.range!.source).toBe('our measurement');
    // A changed value stamps the value's source, not the range's.
    const value = stampEditedSources(saved, [{ ...base, value: 3.5, range: range() as ValueRange }], '2026-01-02');
    expect(value[0]).toMatchObject({ source: 'edited by the user on 2026-01-02', range: { source: 'NVSim samples' } });
  });
});
