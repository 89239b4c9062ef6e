import { normalOperands, ordinal } from '../arith/accuracy.ts';
import { createState, loadLanes, readLanes, run } from '../arith/engine.ts';
import { executeFp, type FpRequest } from '../arith/execute.ts';
import type { ArithMode, FloatFormat } from '../arith/formats.ts';
import { activitySteps } from '../arith/program.ts';
import { microprogram } from '../arith/programs.ts';
import type { CellFamily, PrimitiveName } from '../isa/primitives.ts';
import { createFaultMasks, flipRateOf, type FlipCount, type FlipRates } from './fault-masks.ts';

// What random bit errors in the array's steps do to FP results: the same seeded operands run on
// the bit-level engine without and with flips, and the results are compared bit for bit.

export interface FaultRequest {
  family: CellFamily;
  op: 'add' | 'mul';
  format: FloatFormat;
  mode: ArithMode;
  samples: number;
  seed: number;
  /** per-primitive flip probability; primitives absent have 0 */
  rates: Partial<Record<PrimitiveName, number>>;
  lanes?: number;
}

export interface FaultReport {
  samples: number;
  wrong: number;
  wrongFraction: number;
  catastrophic: number;
  catastrophicFraction: number;
  /** Wrong results by ulp distance in powers of two ("1", "2-3", "4-7", ...), "0" for +0 against -0, "nan" where either is NaN. */
  ulpHistogram: Record<string, number>;
  perPrimitive: Record<string /* primitive in the program */, FlipCount>;
}

export interface FaultyFpRequest extends FpRequest {
  readonly rates: FlipRates;
  readonly seed: number;
}

export interface FaultyFpResult {
  readonly z: Uint32Array;
  readonly perPrimitive: Record<string, FlipCount>;
}

/** An FP operation, as in FaultRequest or by its microprogram's name. */
export type FpOperation = 'add' | 'mul' | 'fpAdd' | 'fpMul';

function operation(op: FpOperation): 'fpAdd' | 'fpMul' {
  return op === 'add' || op === 'fpAdd' ? 'fpAdd' : 'fpMul';
}

/** executeFp's passes with flips injected after every step. */
export function executeFpWithFaults(request: FaultyFpRequest): FaultyFpResult {
  const program = microprogram(request.family, operation(request.op), request.format, request.mode);
  const masks = createFaultMasks(program, request.rates, request.seed);
  const lanes = Math.max(1, Math.min(request.lanes ?? 8192, request.a.length || 1));
  const [aRows, bRows, out] = [program.inputs.a!, program.inputs.b!, program.outputs.out!];
  const z = new Uint32Array(request.a.length);
  let state = createState(program, lanes);
  for (let offset = 0; offset < request.a.length; offset += lanes) {
    const count = Math.min(lanes, request.a.length - offset);
    // A last, partial pass gets an array of its own size, so lanes without operands are not exposed.
    if (count < state.lanes) state = createState(program, count);
    loadLanes(state, aRows, request.a, offset, count);
    loadLanes(state, bRows, request.b, offset, count);
    run(state, program, masks);
    z.set(readLanes(state, out, count), offset);
  }
  return { z, perPrimitive: masks.counts() };
}

type Kind = 'finite' | 'inf' | 'nan';

interface Decoded {
  readonly kind: Kind;
  readonly negative: boolean;
  readonly magnitude: number;
}

function decode(bits: number, format: FloatFormat): Decoded {
  const fracScale = 2 ** format.fracBits;
  const expField = Math.floor(bits / fracScale) % 2 ** format.expBits;
  const frac = bits % fracScale;
  const negative = bits >= 2 ** (format.width - 1);
  if (expField === 2 ** format.expBits - 1) return { kind: frac === 0 ? 'inf' : 'nan', negative, magnitude: Infinity };
  const magnitude = expField === 0 ? frac * 2 ** (1 - format.bias - format.fracBits) : (fracScale + frac) * 2 ** (expField - format.bias - format.fracBits);
  return { kind: 'finite', negative, magnitude };
}

/**
 * Catastrophic: the error changes what the number is, not how precise it is. The sign differs, a
 * value turns infinite or NaN (or back), or the magnitudes differ by a factor of 2 or more, so the
 * exponent itself is wrong rather than low fraction bits (a carry, 1.999 against 2.0, stays below
 * the factor). Two NaNs are never catastrophic to each other: neither sign nor payload is a value.
 */
export function isCatastrophic(cleanBits: number, faultyBits: number, format: FloatFormat): boolean {
  const x = decode(cleanBits, format);
  const y = decode(faultyBits, format);
  if (x.kind !== y.kind) return true;
  if (x.kind === 'nan') return false;
  if (x.negative !== y.negative) return true;
  if (x.kind === 'inf') return false;
  return Math.max(x.magnitude, y.magnitude) >= 2 * Math.min(x.magnitude, y.magnitude);
}

function isNaNEncoding(bits: number, format: FloatFormat): boolean {
  return decode(bits, format).kind === 'nan';
}

/** Index of an ulp distance's power-of-two bucket: 0 for 0 (+0 against -0), 1 for 1, 2 for 2-3, 3 for 4-7, ... */
function bucketIndex(distance: number): number {
  return distance === 0 ? 0 : 32 - Math.clz32(distance);
}

/** Non-empty buckets in rising order of distance, then "nan". */
function histogram(byBucket: readonly number[], nan: number): Record<string, number> {
  const counts: Record<string, number> = {};
  byBucket.forEach((count, i) => {
    if (count > 0) counts[i <= 1 ? String(i) : `${2 ** (i - 1)}-${2 ** i - 1}`] = count;
  });
  if (nan > 0) counts.nan = nan;
  return counts;
}

function compareResults(clean: Uint32Array, faulty: Uint32Array, format: FloatFormat): Omit<FaultReport, 'perPrimitive'> {
  let [wrong, catastrophic, nan] = [0, 0, 0];
  const byBucket = new Array<number>(33).fill(0);
  for (let i = 0; i < clean.length; i += 1) {
    if (clean[i] === faulty[i]) continue;
    wrong += 1;
    if (isCatastrophic(clean[i]!, faulty[i]!, format)) catastrophic += 1;
    if (isNaNEncoding(clean[i]!, format) || isNaNEncoding(faulty[i]!, format)) nan += 1;
    else byBucket[bucketIndex(Math.abs(ordinal(clean[i]!, format) - ordinal(faulty[i]!, format)))]! += 1;
  }
  const samples = clean.length;
  return { samples, wrong, wrongFraction: wrong / samples, catastrophic, catastrophicFraction: catastrophic / samples, ulpHistogram: histogram(byBucket, nan) };
}

/** Runs `samples` seeded normal operand pairs without and with flips at `rates`, and compares the results. */
export function injectFaults(request: FaultRequest): FaultReport {
  if (!Number.isInteger(request.samples) || request.samples < 1) throw new RangeError(`samples must be a whole number of at least 1, got ${request.samples}`);
  const { family, op, format, mode, lanes, seed, rates } = request;
  const { a, b } = normalOperands(format, request.samples, seed);
  const clean = executeFp({ family, op, format, mode, a, b, lanes }).z;
  const faulty = executeFpWithFaults({ family, op, format, mode, a, b, lanes, rates, seed });
  return { ...compareResults(clean, faulty.z, format), perPrimitive: faulty.perPrimitive };
}

/**
 * Expected flipped bits per operation per lane: each step's probability times the expected fraction
 * of lanes it drives (its `activity`; 1 for steps that drive every lane).
 */
export function expectedFlipsPerOp(family: CellFamily, op: FpOperation, format: FloatFormat, mode: ArithMode, rates: FlipRates): number {
  const weighted = activitySteps(microprogram(family, operation(op), format, mode));
  let expected = 0;
  for (const [name, steps] of Object.entries(weighted) as [PrimitiveName, number][]) expected += flipRateOf(rates, name) * steps;
  return expected;
}
