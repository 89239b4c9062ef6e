import { CELL_FAMILY_PRIMITIVES, type CellFamily, type PrimitiveName } from '../isa/primitives.ts';
import { Builder } from './builder.ts';
import { LOWERINGS } from './lowering.ts';
import { add } from './blocks.ts';
import { buildFpAdd } from './fp-add.ts';
import { buildFpMul, multiplyShiftAdd } from './fp-mul.ts';
import type { ArithMode, FloatFormat } from './formats.ts';
import { activitySteps, countSteps, primitiveOf, totalSteps, type Program, type StepCounts } from './program.ts';
import { compactRows } from './compact.ts';

// The operations a training accelerator needs, as microprograms per cell family, format and mode.
// Programs are built once and cached: counts and execution both come from the cached program.

export const OPERATIONS = ['fullAdd', 'add', 'mul', 'fpAdd', 'fpMul'] as const;
export type Operation = (typeof OPERATIONS)[number];

export class MissingPrimitiveError extends Error {
  override readonly name = 'MissingPrimitiveError';
}

/** A cell that lacks a primitive cannot run a program that uses it. */
export function assertRunnable(program: Program, family: CellFamily): void {
  const supported: ReadonlySet<PrimitiveName> = new Set(CELL_FAMILY_PRIMITIVES[family]);
  for (const instr of program.instrs) {
    const name = primitiveOf(instr);
    if (!supported.has(name)) throw new MissingPrimitiveError(`${family} cannot perform "${name}", which this microprogram needs`);
  }
}

function build(family: CellFamily, op: Operation, format: FloatFormat, mode: ArithMode): Program {
  if (!LOWERINGS[family]) throw new MissingPrimitiveError(`${family} cells have no in-memory logic here (they are modelled as memory): no microprogram for ${op}`);
  const b = new Builder(family);
  const n = format.fracBits + 1;
  switch (op) {
    case 'fullAdd': {
      const [x, y, c] = b.input('in', 3) as [number, number, number];
      const fa = b.fullAdd(x, y, c);
      b.output('out', [fa.sum, fa.carry]);
      break;
    }
    case 'add': {
      const { sum, carry } = add(b, b.input('a', n), b.input('b', n));
      b.output('out', [...sum, carry]);
      break;
    }
    case 'mul':
      b.output('out', multiplyShiftAdd(b, b.input('a', n), b.input('b', n)));
      break;
    case 'fpAdd':
      b.output('out', buildFpAdd(b, b.input('a', format.width), b.input('b', format.width), format, mode));
      break;
    case 'fpMul':
      b.output('out', buildFpMul(b, b.input('a', format.width), b.input('b', format.width), format, mode));
      break;
  }
  const program = compactRows(b.program());
  assertRunnable(program, family);
  return program;
}

const cache = new Map<string, Program>();

export function microprogram(family: CellFamily, op: Operation, format: FloatFormat, mode: ArithMode): Program {
  const key = `${family}/${op}/${format.name}:${format.expBits}:${format.fracBits}/${mode}`;
  let program = cache.get(key);
  if (!program) {
    program = build(family, op, format, mode);
    cache.set(key, program);
  }
  return program;
}

export interface OpCount {
  readonly steps: StepCounts;
  readonly totalSteps: number;
  /** Steps weighted by the fraction of lanes they drive (for energy). */
  readonly activity: StepCounts;
}

export function countOperation(family: CellFamily, op: Operation, format: FloatFormat, mode: ArithMode): OpCount {
  const program = microprogram(family, op, format, mode);
  const steps = countSteps(program);
  return { steps, totalSteps: totalSteps(steps), activity: activitySteps(program) };
}

export interface PrimitiveCost {
  readonly latency_s: number;
  readonly energy_J: number;
}

/**
 * Cost of one lane-parallel operation: each step takes its primitive's latency, and its energy
 * scaled by the fraction of lanes it drives (`activity`, default: every lane).
 */
export function costOf(steps: StepCounts, costs: Partial<Record<PrimitiveName, PrimitiveCost>>, activity: StepCounts = steps): PrimitiveCost {
  let latency_s = 0;
  let energy_J = 0;
  for (const [name, count] of Object.entries(steps) as [PrimitiveName, number][]) {
    const cost = costs[name];
    if (!cost) throw new MissingPrimitiveError(`no cost for primitive "${name}"`);
    latency_s += count * cost.latency_s;
    energy_J += (activity[name] ?? count) * cost.energy_J;
  }
  return { latency_s, energy_J };
}
