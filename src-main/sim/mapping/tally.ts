import { COMPONENT_NAMES, OP_NAMES } from '../../shared/schemas/evaluation.ts';

// Running sums of one evaluation, in one Float64Array indexed by operation and component: a sweep
// adds into it hundreds of times per design, and numeric indices keep that loop fast.

export { OP_NAMES };
export type OpName = (typeof OP_NAMES)[number];

/** Operation indices (the order of OP_NAMES). */
export const OP = { fpMul: 0, fpAdd: 1, compare: 2, fpDiv: 3, fpExp: 4, fpSqrt: 5, write: 6, transfer: 7, static: 8 } as const satisfies Record<OpName, number>;
const OPS = OP_NAMES.length;
/** Component indices (the order of COMPONENT_NAMES). */
export const PART = { cells: 0, periphery: 1, interconnect: 2, controller: 3 } as const;

export const T_ENERGY = 0;
export const T_LATENCY = 1;
const OP_ENERGY = 2;
const OP_LATENCY = OP_ENERGY + OPS;
const COMPONENT = OP_LATENCY + OPS;
/** Write pulses on the most-written cell of a lane over the step: its scratch rows, and the rows values are written or moved into. */
export const T_WEAR_SCRATCH = COMPONENT + COMPONENT_NAMES.length;
export const T_WEAR_OPERANDS = T_WEAR_SCRATCH + 1;
export const TALLY_SIZE = T_WEAR_OPERANDS + 1;

export function newTally(): Float64Array {
  return new Float64Array(TALLY_SIZE);
}

/** `n` operations on lanes at `energy` per lane (`cells` of it in the cells), taking `latency` in all. */
export function addOps(t: Float64Array, op: number, n: number, energy: number, cells: number, latency: number): void {
  const e = n * energy;
  const c = n * cells;
  t[OP_ENERGY + op]! += e;
  t[OP_LATENCY + op]! += latency;
  t[COMPONENT + PART.cells]! += c;
  t[COMPONENT + PART.periphery]! += e - c;
  t[T_ENERGY]! += e;
  t[T_LATENCY]! += latency;
}

/**
 * `runs` executions of `op` one after another on every active lane (the lanes run in lockstep, so
 * each lane takes all of them), each putting `hotWrites` pulses on the lane's most-written cell.
 */
export function addWear(t: Float64Array, op: number, runs: number, hotWrites: number): void {
  t[op === OP.write || op === OP.transfer ? T_WEAR_OPERANDS : T_WEAR_SCRATCH]! += runs * hotWrites;
}

/** Energy with no latency of its own (the wire part of a transfer). */
export function addInterconnect(t: Float64Array, energy: number): void {
  t[OP_ENERGY + OP.transfer]! += energy;
  t[COMPONENT + PART.interconnect]! += energy;
  t[T_ENERGY]! += energy;
}

/** Leakage and controller power over a stretch of time already counted. */
export function addStatic(t: Float64Array, leakage: number, controller: number): void {
  t[OP_ENERGY + OP.static]! += leakage + controller;
  t[COMPONENT + PART.periphery]! += leakage;
  t[COMPONENT + PART.controller]! += controller;
  t[T_ENERGY]! += leakage + controller;
}

export function opEnergy(t: Float64Array, op: number): number {
  return t[OP_ENERGY + op]!;
}

export function opLatency(t: Float64Array, op: number): number {
  return t[OP_LATENCY + op]!;
}

export function componentEnergy(t: Float64Array, part: number): number {
  return t[COMPONENT + part]!;
}
