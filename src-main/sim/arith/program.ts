import type { PrimitiveName } from '../isa/primitives.ts';

// A microprogram: a straight-line list of primitive steps on bit rows (no data-dependent control
// flow: every lane runs the same steps). The same list is executed on the bit-level array and
// counted, so a count is always the count of a program that was checked to compute correctly.

/** A bit row read by a sensing step, optionally through the complementary cell's inverted path. */
export interface Operand {
  readonly row: number;
  readonly inv: boolean;
}

export type SenseKind = 'read' | 'and2' | 'or2' | 'xor2' | 'maj3' | 'xor3';

export type Instr =
  /** Write a constant into a bit row (on every lane, or only masked lanes). */
  | { readonly op: 'preset'; readonly dst: number; readonly value: 0 | 1; readonly masked: boolean; readonly activity?: number }
  /** MAGIC NOR: dst &= ~(src0 | src1 | ...), on every lane or only masked lanes. */
  | { readonly op: 'nor'; readonly dst: number; readonly srcs: readonly number[]; readonly masked: boolean; readonly activity?: number }
  /** Multi-row sense into the lane latch, or into the lane mask register. */
  | { readonly op: 'sense'; readonly kind: SenseKind; readonly srcs: readonly Operand[]; readonly toMask: boolean }
  /** Write the lane latch into a bit row (on every lane, or only masked lanes). */
  | { readonly op: 'write'; readonly dst: number; readonly masked: boolean; readonly activity?: number }
  /** Content search: mask := lanes whose bit rows equal the driven constant query. */
  | { readonly op: 'search'; readonly rows: readonly number[]; readonly query: readonly (0 | 1)[] };

export interface Program {
  readonly instrs: readonly Instr[];
  /** Bit rows the program uses (inputs, constants, temporaries). */
  readonly rowCount: number;
  /** Rows that must hold constants before the program runs: they are written by its first steps. */
  readonly inputs: Readonly<Record<string, readonly number[]>>;
  readonly outputs: Readonly<Record<string, readonly number[]>>;
}

/** Which primitive a step is, for counting and for checking the cell supports it. */
export function primitiveOf(instr: Instr): PrimitiveName {
  switch (instr.op) {
    case 'preset':
      return 'preset';
    case 'write':
      return 'write';
    case 'search':
      return 'search';
    case 'nor':
      return instr.srcs.length === 1 ? 'not' : instr.srcs.length === 2 ? 'nor2' : 'nor3';
    case 'sense':
      return instr.kind === 'read' && instr.srcs[0]!.inv ? 'xnor' : instr.kind;
  }
}

export type StepCounts = Partial<Record<PrimitiveName, number>>;

export function countSteps(program: Program): StepCounts {
  const counts: StepCounts = {};
  for (const instr of program.instrs) {
    const name = primitiveOf(instr);
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * Steps weighted by the expected fraction of lanes they drive. A masked write or MAGIC step only
 * drives the lanes of the mask (write drivers of the others stay off), so its energy scales with
 * that fraction; its latency does not. Unmasked steps weigh 1.
 */
export function activitySteps(program: Program): StepCounts {
  const weighted: StepCounts = {};
  for (const instr of program.instrs) {
    const name = primitiveOf(instr);
    const activity = 'activity' in instr && instr.activity !== undefined ? instr.activity : 1;
    weighted[name] = (weighted[name] ?? 0) + activity;
  }
  return weighted;
}

export function totalSteps(counts: StepCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}
