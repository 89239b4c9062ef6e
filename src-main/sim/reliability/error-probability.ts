import type { CellParams } from '../cells/params.ts';
import type { TechNode } from '../tech/nodes.ts';
import { CELL_FAMILY_PRIMITIVES, type PrimitiveName } from '../isa/primitives.ts';
import { cellModel, primitivePhysics, type CellModel, type PrimitivePhysics, type ReliabilityOptions } from './cell-model.ts';
import { differentialError } from './differential-error.ts';
import { magicError } from './magic-error.ts';
import type { SenseCircuit } from './sense-circuit.ts';
import { conductanceSum, type ConductanceSum } from './conductance-sum.ts';
import { senseError, tripConductances } from './sensing-error.ts';
import { writeFailure } from './write-error.ts';

// Device variation to the probability that one lane's output bit of a primitive is wrong, averaged
// over random data (each stored bit 1 with probability one half, 1 = low resistance). Computed by
// exact lognormal sums (numerical convolution of binned exact laws) and closed-form Gaussian
// noise; device-monte-carlo.ts checks the same physics by sampling.

export interface PrimitiveError {
  readonly probability: number;
  /** How it was computed, or why it is 0 ("not modelled: ..."). */
  readonly basis: string;
}

export type { ReliabilityOptions } from './cell-model.ts';

type PrimitiveErrors = Partial<Record<PrimitiveName, PrimitiveError>>;

function millivolts(v: number): string {
  return `${Number((v * 1e3).toPrecision(3))} mV`;
}

function missingNote(m: CellModel, keys: readonly string[]): string {
  const absent = m.missing.filter((k) => keys.includes(k));
  return absent.length ? `; missing, taken as 0: ${absent.join(', ')}` : '';
}

const DEVICE_KEYS = ['sigmaLnRLow', 'sigmaLnRHigh', 'tmrSigma'];

/** The summed-conductance laws of one sense circuit, computed once per count of ones and shared by the primitives that sense the same rows against the same trip points. */
function sumCache(m: CellModel): (c: SenseCircuit, thresholds_S: readonly number[]) => (ones: number) => ConductanceSum {
  const cache = new Map<string, ConductanceSum>();
  return (c, thresholds_S) => (ones) => {
    const key = `${c.access_Ohm}|${c.rows}|${ones}|${thresholds_S.join(',')}`;
    let sum = cache.get(key);
    if (!sum) cache.set(key, (sum = conductanceSum(m.laws, c.access_Ohm, ones, c.rows - ones, thresholds_S)));
    return sum;
  };
}

function physicsError(m: CellModel, p: PrimitivePhysics, sums: ReturnType<typeof sumCache>): PrimitiveError {
  const { variation: v } = m;
  switch (p.kind) {
    case 'unmodelled':
      return { probability: 0, basis: `not modelled: ${p.why}` };
    case 'write':
      return writeFailure(m.cell, v, p.constant);
    case 'differential': {
      const basis = `differential sense of the complementary pair, no reference: exact device voltage laws on one grid, offset sigma ${millivolts(v.senseOffsetSigma_V)}`;
      return { probability: differentialError(p.circuit, m.laws, v.senseOffsetSigma_V), basis: basis + missingNote(m, [...DEVICE_KEYS, 'senseOffsetSigma']) };
    }
    case 'sense': {
      const refs = p.comparators.length;
      const basis = `${p.circuit.rows}-row divider sense against ${refs} reference${refs > 1 ? 's' : ''}: exact lognormal sums by numerical convolution, offset sigma ${millivolts(v.senseOffsetSigma_V)}, reference spread ${Number((v.referenceSigma * 100).toPrecision(3))}%`;
      const probability = senseError(p.circuit, p.comparators, sums(p.circuit, tripConductances(p.circuit, p.comparators)));
      return { probability, basis: basis + missingNote(m, [...DEVICE_KEYS, 'senseOffsetSigma', 'referenceSigma']) };
    }
    case 'magic': {
      const time = p.gate.switchingTime_s === undefined ? 'no switching time given' : `lognormal switching time against the ${Number((p.gate.pulse_s * 1e9).toPrecision(3))} ns pulse`;
      const basis = `MAGIC ${p.inputs}-input gate: output switches iff V_out > v_off (${p.gate.threshold_V} V, sigma ${millivolts(p.gate.thresholdSigma_V)}), exact input sums; ${time}`;
      return { probability: magicError(m.laws, p.gate, p.inputs), basis: basis + missingNote(m, [...DEVICE_KEYS, 'magicThresholdOffSigma', 'switchingTimeSigma']) };
    }
  }
}

/** Results per cell object, then per node object and search width (a study may move a node's figures). */
const CACHE = new WeakMap<CellParams, WeakMap<TechNode, Map<number, PrimitiveErrors>>>();

function cacheOf(cell: CellParams, tech: TechNode): Map<number, PrimitiveErrors> {
  let perNode = CACHE.get(cell);
  if (!perNode) CACHE.set(cell, (perNode = new WeakMap()));
  let perRows = perNode.get(tech);
  if (!perRows) perNode.set(tech, (perRows = new Map()));
  return perRows;
}

/** Error probability of every primitive of the cell's family (cached per cell object and options). */
export function primitiveErrors(cell: CellParams, options: ReliabilityOptions = {}): PrimitiveErrors {
  const model = cellModel(cell, options);
  const cache = cacheOf(cell, model.tech);
  const cached = cache.get(model.searchRows);
  if (cached) return cached;
  const sums = sumCache(model);
  const errors: PrimitiveErrors = {};
  for (const name of CELL_FAMILY_PRIMITIVES[cell.family]) errors[name] = physicsError(model, primitivePhysics(model, name), sums);
  cache.set(model.searchRows, errors);
  return errors;
}
