import { describe, expect, it } from 'vitest';
import { cellParamsFromValues, NUMERIC_SPECS, type CellParams } from '../../../src-main/sim/cells/params.ts';
import { BUILTIN_CELLS } from '../../../src-main/sim/cells/builtin/index.ts';
import { checkCell } from '../../../src-main/sim/cells/plausibility.ts';
import { ArrayInputError, evaluateSubarray } from '../../../src-main/sim/array/subarray.ts';

// The bounds of params.ts are meant to keep every figure the array model returns finite: a value at
// a bound either evaluates to finite numbers or is refused with a reason, never Infinity or NaN
// (which the contract refuses, and which once reached the cell panel as an internal error).

/** The smallest positive double with full precision (Number.MIN_VALUE is subnormal). */
const SMALLEST_NORMAL = 2 ** -1022;

function nonFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

function evaluated(cell: CellParams, rows: number): string[] | 'refused' {
  try {
    return nonFinite(evaluateSubarray({ cell, rows, cols: rows, node_nm: 22 }));
  } catch (error) {
    if (error instanceof ArrayInputError) return 'refused';
    throw error;
  }
}

describe('cell parameter bounds', () => {
  it('keep every figure of the smallest and largest subarrays finite, for every built-in cell with any one value at a bound', () => {
    let evaluations = 0;
    for (const def of BUILTIN_CELLS) {
      const parsed = cellParamsFromValues(def.values);
      if (!parsed.ok) throw new Error(def.id);
      for (const spec of NUMERIC_SPECS) {
        for (const bound of [spec.max, spec.positive === true ? SMALLEST_NORMAL : spec.min]) {
          if (bound === undefined) continue;
          const cell = { ...parsed.params, [spec.field]: bound };
          if (checkCell(cell).errors.length > 0) continue;
          for (const rows of [16, 4096]) {
            const result = evaluated(cell, rows);
            if (result !== 'refused') evaluations += 1;
            expect(result === 'refused' ? [] : result, `${def.id} ${spec.key} = ${bound}, ${rows} rows`).toEqual([]);
          }
        }
      }
    }
    expect(evaluations).toBeGreaterThan(200);
  });

  it('puts an upper bound on every number a cell has', () => {
    expect(NUMERIC_SPECS.filter((spec) => spec.max === undefined).map((spec) => spec.key)).toEqual([]);
  });
});
