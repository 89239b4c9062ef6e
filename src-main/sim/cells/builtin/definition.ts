import type { CellValue } from '../params.ts';
export type { CellValue } from '../params.ts';

/** A shipped cell: its library values (each with unit and source) plus what it is. */
export interface CellDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly values: readonly CellValue[];
}

/** Shorthand for one sourced value. */
export function v(key: string, value: number | string, unit: string, source: string): CellValue {
  return { key, value, unit, source };
}
