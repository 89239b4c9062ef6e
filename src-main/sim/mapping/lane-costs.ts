import type { OpFigure, SubarrayResult } from '../array/subarray.ts';
import type { CellFamily, PrimitiveName } from '../isa/primitives.ts';
import { countOperation, microprogram, MissingPrimitiveError } from '../arith/programs.ts';
import { formatByName, type ArithMode, type FloatFormat } from '../arith/formats.ts';
import type { StepCounts } from '../arith/program.ts';
import type { InitPolicy } from '../arch/design.ts';
import { programWear } from '../reliability/row-writes.ts';

// What one operation costs one lane, on one design and format: latency (all lanes of a subarray run
// it at once) and energy per lane, split into cells and periphery. Multiply and add come from their
// executable microprograms; the rest is built from them or from single primitives, as written here.

export interface LaneCost {
  readonly latency_s: number;
  /** Per lane. */
  readonly energy_J: number;
  /** Per lane, the part spent in the cells. */
  readonly cellEnergy_J: number;
}

/** The operations the mapping prices. `write` is one value written into a lane; `transfer` one value moved to a neighbouring block. */
export interface FormatCosts {
  readonly format: FloatFormat;
  readonly fpMul: LaneCost;
  readonly fpAdd: LaneCost;
  readonly compare: LaneCost;
  readonly fpDiv: LaneCost;
  readonly fpExp: LaneCost;
  readonly fpSqrt: LaneCost;
  readonly write: LaneCost;
  /** Array steps only; the switch and wire energy is interconnect and added by the caller. */
  readonly transfer: LaneCost;
  /** Bits of a lane the multiply and add microprograms occupy (operands, results and scratch). */
  readonly programBits: number;
  /** Write pulses on the most-written cell of a lane per operation (reliability/row-writes.ts). */
  readonly hotRowWrites: Readonly<Record<WearOp, number>>;
}

/** Operations that wear a lane: the arithmetic wears its scratch rows, writes and transfers the rows they fill. */
export type WearOp = 'fpMul' | 'fpAdd' | 'compare' | 'fpDiv' | 'fpExp' | 'fpSqrt' | 'write' | 'transfer';

/**
 * Operations without a microprogram of their own, as multiplies and adds (assumption: the usual
 * software sequences; they are a small share of training work, see the byOp breakdown):
 * - compare (max, ReLU mask, pooling): one FP subtraction whose sign is the answer, i.e. one fpAdd;
 * - divide: a reciprocal by two Newton-Raphson steps from a table seed, then a multiply: 5 fpMul, 2 fpAdd;
 * - exponential: range reduction and a degree-4 polynomial: 5 fpMul, 5 fpAdd;
 * - square root: an inverse square root by two Newton-Raphson steps: 7 fpMul, 2 fpAdd.
 */
export const COMPOSED_OPS = {
  compare: { fpMul: 0, fpAdd: 1 },
  fpDiv: { fpMul: 5, fpAdd: 2 },
  fpExp: { fpMul: 5, fpAdd: 5 },
  fpSqrt: { fpMul: 7, fpAdd: 2 },
} as const;

const ZERO: LaneCost = { latency_s: 0, energy_J: 0, cellEnergy_J: 0 };

/**
 * MAGIC output initialisations (`preset` on a MAGIC array) under the design's policy: `per-gate`,
 * each a step of its own; `bulk`, output columns set together ahead of the gates that use them, as
 * FloatPIM's cycle formulas imply (they count no initialisation cycles): each keeps its energy,
 * its time is not counted.
 */
function stepTime(family: CellFamily, name: PrimitiveName, figure: OpFigure, initPolicy: InitPolicy): number {
  return family === 'reram-magic' && name === 'preset' && initPolicy === 'bulk' ? 0 : figure.latency_s;
}

function priced(family: CellFamily, steps: StepCounts, activity: StepCounts, array: SubarrayResult, initPolicy: InitPolicy): LaneCost {
  let latency_s = 0;
  let energy_J = 0;
  let cellEnergy_J = 0;
  const { primitives, lanes } = array;
  for (const [name, count] of Object.entries(steps) as [PrimitiveName, number][]) {
    const figure: OpFigure | undefined = primitives[name];
    if (!figure) throw new MissingPrimitiveError(`no cost for primitive "${name}"`);
    const active = activity[name] ?? count;
    latency_s += count * stepTime(family, name, figure, initPolicy);
    energy_J += (active * figure.energy_J) / lanes;
    cellEnergy_J += (active * (figure.cellEnergy_J ?? 0)) / lanes;
  }
  return { latency_s, energy_J, cellEnergy_J };
}

export function combine(parts: readonly [LaneCost, number][]): LaneCost {
  return parts.reduce<LaneCost>(
    (sum, [cost, n]) => ({ latency_s: sum.latency_s + n * cost.latency_s, energy_J: sum.energy_J + n * cost.energy_J, cellEnergy_J: sum.cellEnergy_J + n * cost.cellEnergy_J }),
    ZERO,
  );
}

function primitive(array: SubarrayResult, name: PrimitiveName): LaneCost {
  const figure = array.primitives[name];
  if (!figure) throw new MissingPrimitiveError(`the cell has no "${name}" primitive`);
  return { latency_s: figure.latency_s, energy_J: figure.energy_J / array.lanes, cellEnergy_J: (figure.cellEnergy_J ?? 0) / array.lanes };
}

/**
 * One bit moved to the neighbouring block. MAGIC (FloatPIM) copies through the switch in situ: two
 * inverting steps (NOT, NOT). Other cells sense the bit and write it in the neighbour.
 */
function transferBit(family: CellFamily, array: SubarrayResult, stepsPerBit: number): LaneCost {
  const pair = family === 'reram-magic' ? combine([[primitive(array, 'not'), 2]]) : combine([[primitive(array, 'read'), 1], [primitive(array, 'write'), 1]]);
  return combine([[pair, stepsPerBit / 2]]);
}

const counted = new Map<string, ReturnType<typeof countOperation>>();

/** Step counts walk the whole program; a sweep asks for the same few again and again. */
function countCached(family: CellFamily, op: 'fpMul' | 'fpAdd', format: FloatFormat, mode: ArithMode): ReturnType<typeof countOperation> {
  const key = `${family}/${op}/${format.name}:${format.expBits}:${format.fracBits}/${mode}`;
  let found = counted.get(key);
  if (!found) counted.set(key, (found = countOperation(family, op, format, mode)));
  return found;
}

export function formatCosts(family: CellFamily, array: SubarrayResult, formatName: string, mode: ArithMode, transferStepsPerBit: number, initPolicy: InitPolicy = 'per-gate'): FormatCosts {
  const format = formatByName(formatName);
  const program = (op: 'fpMul' | 'fpAdd'): LaneCost => {
    const count = countCached(family, op, format, mode);
    return priced(family, count.steps, count.activity, array, initPolicy);
  };
  return withComposedOps({
    format,
    fpMul: program('fpMul'),
    fpAdd: program('fpAdd'),
    write: combine([[primitive(array, 'write'), format.width]]),
    transfer: combine([[transferBit(family, array, transferStepsPerBit), format.width]]),
    programBits: Math.max(microprogram(family, 'fpMul', format, mode).rowCount, microprogram(family, 'fpAdd', format, mode).rowCount),
    arithmeticWear: arithmeticWear(family, format, mode),
  });
}

/** Pulses on the hottest row of the multiply and add programs. */
export function arithmeticWear(family: CellFamily, format: FloatFormat, mode: ArithMode): { fpMul: number; fpAdd: number } {
  return { fpMul: programWear(microprogram(family, 'fpMul', format, mode)).hottestRowWrites, fpAdd: programWear(microprogram(family, 'fpAdd', format, mode)).hottestRowWrites };
}

type ComposedInput = Pick<FormatCosts, 'format' | 'fpMul' | 'fpAdd' | 'write' | 'transfer' | 'programBits'> & { readonly arithmeticWear: { readonly fpMul: number; readonly fpAdd: number } };

/**
 * The operations without a microprogram of their own, composed of multiplies and adds (COMPOSED_OPS).
 * Their wear adds up as if every program used the same hottest row (assumption: scratch is
 * allocated from the same base for every program, the worst case). A written or transferred value
 * pulses each of its cells once.
 */
export function withComposedOps(input: ComposedInput): FormatCosts {
  const { arithmeticWear: wear, ...c } = input;
  const composed = (recipe: { fpMul: number; fpAdd: number }): LaneCost => combine([[c.fpMul, recipe.fpMul], [c.fpAdd, recipe.fpAdd]]);
  const worn = (recipe: { fpMul: number; fpAdd: number }): number => recipe.fpMul * wear.fpMul + recipe.fpAdd * wear.fpAdd;
  const hotRowWrites: Record<WearOp, number> = {
    fpMul: wear.fpMul,
    fpAdd: wear.fpAdd,
    compare: worn(COMPOSED_OPS.compare),
    fpDiv: worn(COMPOSED_OPS.fpDiv),
    fpExp: worn(COMPOSED_OPS.fpExp),
    fpSqrt: worn(COMPOSED_OPS.fpSqrt),
    write: 1,
    transfer: 1,
  };
  return { ...c, compare: composed(COMPOSED_OPS.compare), fpDiv: composed(COMPOSED_OPS.fpDiv), fpExp: composed(COMPOSED_OPS.fpExp), fpSqrt: composed(COMPOSED_OPS.fpSqrt), hotRowWrites };
}
