import type { Program } from '../arith/program.ts';

// How a microprogram wears its lane: every step that drives a bit row (a preset, a MAGIC NOR
// output, a write of the latch) is a write pulse on that row's cell in each driven lane. Wear is
// counted in pulses applied, not in actual state changes: a pulse that finds the cell already in
// its target state wears it far less, so this errs on the side of a shorter lifetime (stated where
// lifetime is shown). Masked steps are counted as if every lane were driven, for the same reason.

export interface ProgramWear {
  /** Pulses on the most-written bit row of one lane, per execution. */
  readonly hottestRowWrites: number;
  /** Pulses on all bit rows of one lane, per execution. */
  readonly totalWrites: number;
  /** Bit rows written at least once. */
  readonly writtenRows: number;
}

const cache = new WeakMap<Program, ProgramWear>();

export function programWear(program: Program): ProgramWear {
  let found = cache.get(program);
  if (found) return found;
  const writes = new Uint32Array(program.rowCount);
  for (const instr of program.instrs) if (instr.op !== 'sense' && instr.op !== 'search') writes[instr.dst]! += 1;
  let hottestRowWrites = 0;
  let totalWrites = 0;
  let writtenRows = 0;
  for (const n of writes) {
    hottestRowWrites = Math.max(hottestRowWrites, n);
    totalWrites += n;
    if (n > 0) writtenRows += 1;
  }
  found = { hottestRowWrites, totalWrites, writtenRows };
  cache.set(program, found);
  return found;
}
