import type { CellValue } from '../params.ts';
import type { RangeDistribution, ValueRange } from '../../../shared/schemas/library.ts';
export type { CellValue } from '../params.ts';

/** A shipped cell: its library values (each with unit and source) plus what it is. */
export interface CellDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly values: readonly CellValue[];
}

/** Shorthand for one sourced value, with the span the literature gives it when it gives one. */
export function v(key: string, value: number | string, unit: string, source: string, range?: ValueRange): CellValue {
  return range ? { key, value, unit, source, range } : { key, value, unit, source };
}

/** Shorthand for a value's uncertainty range, in the value's unit, with its own source. */
export function span(low: number, high: number, distribution: RangeDistribution, source: string): ValueRange {
  return { low, high, distribution, source };
}
