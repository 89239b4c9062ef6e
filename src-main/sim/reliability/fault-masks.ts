import type { FaultHook } from '../arith/engine.ts';
import { primitiveOf, type Program } from '../arith/program.ts';
import type { PrimitiveName } from '../isa/primitives.ts';

// Random bit flips for the bit-level engine, reproducible from a seed. Every (step, lane) a step
// drives is an independent Bernoulli trial with the step's primitive probability. Instead of one
// random draw per trial, the gap to the next flip is drawn directly: with the hazard
// h = -ln(1 - p) of one trial and E ~ Exp(1), floor(E / h) trials pass before the next flip, which
// is Geometric(p). So the cost is one draw per flip (plus O(1) per step), not one per lane. The
// unspent part of E carries over to the next step: Exp(1) is memoryless, so the trials stay
// independent even when consecutive steps have different probabilities.

/** Flip probability per primitive; primitives absent have 0. */
export type FlipRates = Partial<Record<PrimitiveName, number>>;

export interface FlipCount {
  readonly probability: number;
  /** Bits flipped. */
  readonly flips: number;
  /** Lane-steps exposed to a nonzero probability: the lanes each such step drove, summed. */
  readonly exposures: number;
}

export interface FaultMasks extends FaultHook {
  /** Flips and exposures so far, by name of every primitive in the program (0 and 0 for those at probability 0). */
  counts(): Record<string, FlipCount>;
}

/** splitmix32: a Weyl sequence through the murmur3 32-bit finaliser; returns Exp(1) draws. */
function exponentialDraws(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    // Uniform in (0, 1] so the logarithm is finite; 32 bits cap a draw at 22.2, a tail of e^-22.
    return -Math.log((((z ^ (z >>> 16)) >>> 0) + 1) / 4294967296);
  };
}

/** A primitive's flip probability from `rates`, checked to be a probability. */
export function flipRateOf(rates: FlipRates, name: PrimitiveName): number {
  const p = rates[name] ?? 0;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`flip probability of "${name}" must lie in [0, 1], got ${p}`);
  return p;
}

/** Flips one lane if the step drives it; returns 1 when it flipped. */
function flipLane(bits: Uint32Array, offset: number, lane: number, driven: Uint32Array | undefined): number {
  const bit = 1 << (lane & 31);
  if (driven && (driven[lane >>> 5]! & bit) === 0) return 0;
  bits[offset + (lane >>> 5)]! ^= bit;
  return 1;
}

/** Probability 1: every driven lane flips, with no draws. */
function flipEvery(bits: Uint32Array, offset: number, lanes: number, driven: Uint32Array | undefined): number {
  let flips = 0;
  for (let lane = 0; lane < lanes; lane += 1) flips += flipLane(bits, offset, lane, driven);
  return flips;
}

interface Skipper {
  /** Exp(1) hazard left before the next flip, carried across steps. */
  untilNext: number;
  readonly draw: () => number;
}

/** Geometric skipping over one step's lanes at hazard `h` per lane; returns the bits flipped. */
function flipSkipping(skip: Skipper, h: number, bits: Uint32Array, offset: number, lanes: number, driven: Uint32Array | undefined): number {
  let lane = Math.floor(skip.untilNext / h);
  if (lane >= lanes) {
    skip.untilNext = Math.max(0, skip.untilNext - h * lanes);
    return 0;
  }
  let flips = 0;
  for (;;) {
    flips += flipLane(bits, offset, lane, driven);
    const e = skip.draw();
    const gap = Math.floor(e / h);
    if (lane + 1 + gap >= lanes) {
      skip.untilNext = Math.max(0, e - h * (lanes - lane - 1));
      return flips;
    }
    lane += 1 + gap;
  }
}

interface StepPrimitives {
  /** The program's primitives, in order of first use. */
  readonly names: readonly PrimitiveName[];
  /** Index into `names` of each step's primitive. */
  readonly ofStep: Int32Array;
}

const stepPrimitivesCache = new WeakMap<Program, StepPrimitives>();

// Cached per program: masks are built for every call, and a program has thousands of steps.
function stepPrimitives(program: Program): StepPrimitives {
  const cached = stepPrimitivesCache.get(program);
  if (cached) return cached;
  const names: PrimitiveName[] = [];
  const indexOf = new Map<PrimitiveName, number>();
  const ofStep = new Int32Array(program.instrs.length);
  program.instrs.forEach((instr, step) => {
    const name = primitiveOf(instr);
    if (!indexOf.has(name)) indexOf.set(name, names.push(name) - 1);
    ofStep[step] = indexOf.get(name)!;
  });
  const found = { names, ofStep };
  stepPrimitivesCache.set(program, found);
  return found;
}

/** Flip masks for `program` at `rates`, seeded; one instance draws one reproducible stream. */
export function createFaultMasks(program: Program, rates: FlipRates, seed: number): FaultMasks {
  const { names, ofStep } = stepPrimitives(program);
  const rateOf = names.map((name) => flipRateOf(rates, name));
  const hazardOf = rateOf.map((p) => -Math.log1p(-p));
  const probabilities = new Float64Array(ofStep.length);
  const hazards = new Float64Array(ofStep.length);
  for (let step = 0; step < ofStep.length; step += 1) {
    probabilities[step] = rateOf[ofStep[step]!]!;
    hazards[step] = hazardOf[ofStep[step]!]!;
  }
  const flips = new Float64Array(names.length);
  const exposures = new Float64Array(names.length);
  const draw = exponentialDraws(seed);
  const skip: Skipper = { untilNext: draw(), draw };
  return {
    probabilities,
    flip(step, bits, offset, lanes, driven, drivenLanes) {
      const k = ofStep[step]!;
      exposures[k]! += drivenLanes;
      const h = hazards[step]!;
      flips[k]! += h === Infinity ? flipEvery(bits, offset, lanes, driven) : flipSkipping(skip, h, bits, offset, lanes, driven);
    },
    counts() {
      return Object.fromEntries(names.map((name, k) => [name, { probability: rateOf[k]!, flips: flips[k]!, exposures: exposures[k]! }]));
    },
  };
}
