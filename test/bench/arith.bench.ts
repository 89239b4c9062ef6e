import { executeFp } from '../../src-main/sim/arith/execute.ts';
import { FORMATS } from '../../src-main/sim/arith/formats.ts';
import { microprogram } from '../../src-main/sim/arith/programs.ts';
import { createState, run } from '../../src-main/sim/arith/engine.ts';
import { CELL_FAMILY_PRIMITIVES, type CellFamily } from '../../src-main/sim/isa/primitives.ts';
import { LOWERINGS } from '../../src-main/sim/arith/lowering.ts';
import { bestRate, type BenchCase } from './bench-case.ts';

// Bit-exact FP32 multiplies per second on one core, per cell, and the engine's word throughput
// next to a plain bitwise loop over arrays of the same size, measured in the same run.

const LANES = 8192;
const OPERANDS = 1 << 16;

function operands(): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(OPERANDS);
  const b = new Uint32Array(OPERANDS);
  let s = 12345;
  for (let i = 0; i < OPERANDS; i += 1) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    a[i] = s;
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    b[i] = s;
  }
  return { a, b };
}

function fpMulRate(family: CellFamily): number {
  const { a, b } = operands();
  return bestRate(() => executeFp({ family, op: 'mul', format: FORMATS.fp32!, mode: 'ieee', a, b, lanes: LANES }).z.length);
}

/** Word operations per second of the engine running the FP32 multiply program. */
function engineWordRate(): number {
  const program = microprogram('sot-mram-2t2mtj', 'fpMul', FORMATS.fp32!, 'ieee');
  const state = createState(program, LANES);
  return bestRate(() => {
    run(state, program);
    return program.instrs.length * state.words;
  });
}

/** The same number of word operations as plain two-input bitwise loops over rows of the same arrays. */
function plainWordRate(): number {
  const program = microprogram('sot-mram-2t2mtj', 'fpMul', FORMATS.fp32!, 'ieee');
  const state = createState(program, LANES);
  const { mem, words } = state;
  const rows = program.rowCount;
  return bestRate(() => {
    for (let step = 0; step < program.instrs.length; step += 1) {
      const d = (step % rows) * words;
      const x = ((step * 7 + 1) % rows) * words;
      const y = ((step * 13 + 2) % rows) * words;
      for (let w = 0; w < words; w += 1) mem[d + w] = mem[x + w]! & mem[y + w]!;
    }
    return program.instrs.length * words;
  });
}

// Families modelled as memory only (no microprograms) have nothing to measure here.
const families = (Object.keys(CELL_FAMILY_PRIMITIVES) as CellFamily[]).filter((f) => LOWERINGS[f] !== undefined);
let engine = 0;
let plain = 0;

const cases: BenchCase[] = [
  ...families.map((family) => ({ name: `fp32 multiplies, bit-exact, ${family}`, unit: 'per s', measure: () => fpMulRate(family) })),
  { name: 'engine word throughput', unit: 'words per s', measure: () => (engine = engineWordRate()) },
  { name: 'plain bitwise loop word throughput', unit: 'words per s', measure: () => (plain = plainWordRate()) },
  { name: 'engine to plain loop ratio', unit: '', measure: () => (engine || engineWordRate()) / (plain || plainWordRate()) },
];

export default cases;
