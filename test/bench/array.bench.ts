import { evaluateSubarray } from '../../src-main/sim/array/subarray.ts';
import { cellParamsFromValues } from '../../src-main/sim/cells/params.ts';
import { builtinCell } from '../../src-main/sim/cells/builtin/index.ts';
import { ratePerSecond, type BenchCase } from './bench-case.ts';

// Subarray evaluations per second: the unit of work of design sweeps.
const parsed = cellParamsFromValues(builtinCell('sot-mram-2t2mtj')!.values);
if (!parsed.ok) throw new Error('built-in cell does not parse');
const cell = parsed.params;

const cases: BenchCase[] = [
  {
    name: 'subarray evaluations',
    unit: 'per s',
    measure: () => {
      let rows = 64;
      return ratePerSecond(() => {
        evaluateSubarray({ cell, rows, cols: 1024, node_nm: 28 });
        rows = rows === 2048 ? 64 : rows * 2;
      });
    },
  },
];

export default cases;
