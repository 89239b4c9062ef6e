import { normalOperands } from '../../src-main/sim/arith/accuracy.ts';
import { executeFp } from '../../src-main/sim/arith/execute.ts';
import { FORMATS } from '../../src-main/sim/arith/formats.ts';
import { CELL_FAMILY_PRIMITIVES, type CellFamily } from '../../src-main/sim/isa/primitives.ts';
import { executeFpWithFaults } from '../../src-main/sim/reliability/fault-run.ts';
import { bestRate, type BenchCase } from './bench-case.ts';

// Bit-exact FP32 multiplies per second on one core without and with fault injection (1e-4 on every
// primitive), same operands, same lanes, measured in the same run; the ratio is the price of faults.

const LANES = 8192;
const OPERANDS = 1 << 16;
const RATE = 1e-4;
const FAMILIES: CellFamily[] = ['sot-mram-2t2mtj', 'reram-magic'];

const fp32 = FORMATS.fp32!;
const { a, b } = normalOperands(fp32, OPERANDS, 12345);

function faultFreeRate(family: CellFamily): number {
  return bestRate(() => executeFp({ family, op: 'mul', format: fp32, mode: 'ieee', a, b, lanes: LANES }).z.length);
}

function faultyRate(family: CellFamily): number {
  const rates = Object.fromEntries(CELL_FAMILY_PRIMITIVES[family].map((name) => [name, RATE]));
  let seed = 0;
  // A new seed each call, so every measured run draws its own flips.
  return bestRate(() => executeFpWithFaults({ family, op: 'mul', format: fp32, mode: 'ieee', a, b, lanes: LANES, rates, seed: (seed += 1) }).z.length);
}

const measured = new Map<string, number>();

function remember(key: string, measure: () => number): number {
  const value = measure();
  measured.set(key, value);
  return value;
}

const cases: BenchCase[] = FAMILIES.flatMap((family) => [
  { name: `fp32 multiplies, fault-free, ${family}`, unit: 'per s', measure: () => remember(`free ${family}`, () => faultFreeRate(family)) },
  { name: `fp32 multiplies, faults at ${RATE} per primitive step, ${family}`, unit: 'per s', measure: () => remember(`faulty ${family}`, () => faultyRate(family)) },
  {
    name: `fault-injected to fault-free ratio, ${family}`,
    unit: '',
    measure: () => (measured.get(`faulty ${family}`) ?? faultyRate(family)) / (measured.get(`free ${family}`) ?? faultFreeRate(family)),
  },
]);

export default cases;
