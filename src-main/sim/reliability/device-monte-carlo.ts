import { makeRandom } from '../analysis/random.ts';
import type { CellParams } from '../cells/params.ts';
import { CELL_FAMILY_PRIMITIVES, type PrimitiveName } from '../isa/primitives.ts';
import { cellModel, primitivePhysics, type CellModel, type PrimitivePhysics, type ReliabilityOptions } from './cell-model.ts';
import type { MagicGate } from './magic-error.ts';
import { resistanceSampler } from './resistance-law.ts';
import { senseVoltage, type Comparator, type SenseCircuit } from './sense-circuit.ts';

// The device-level check of error-probability.ts: draw random data, random devices and random
// amplifiers, apply the same circuit directly (no integrals), and count wrong output bits. Seeded
// (xoshiro128**), so a run is reproducible; Marsaglia's polar method (Box-Muller without the sine
// and cosine) turns uniforms into normal draws, and data bits come 32 to a uniform draw.

export interface MonteCarloResult {
  readonly probability: number;
  readonly errors: number;
  readonly samples: number;
}

interface Draws {
  readonly bit: () => boolean;
  readonly normal: () => number;
  /** Devices of the low and the high state. */
  readonly low: () => number;
  readonly high: () => number;
}

/** Fills `out` with standard normal draws, two per accepted point of the polar method. */
function fillNormals(uniform: () => number, out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    let x: number;
    let y: number;
    let r2: number;
    do {
      // One 53-bit draw gives both coordinates (26 and 27 bits): normals reach past 8 sigma.
      const scaled = uniform() * 2 ** 26;
      const high = Math.floor(scaled);
      x = (high + 0.5) / 2 ** 25 - 1;
      y = ((scaled - high) * 2 ** 27 + 0.5) / 2 ** 26 - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1);
    const scale = Math.sqrt((-2 * Math.log(r2)) / r2);
    out[i] = x * scale;
    out[i + 1] = y * scale;
  }
}

function draws(m: CellModel, seed: number): Draws {
  const uniform = makeRandom(seed);
  // Normals are drawn in blocks: a tight loop costs less than a call per draw.
  const block = new Float64Array(4096);
  let next = block.length;
  const normal = (): number => {
    if (next === block.length) {
      fillNormals(uniform, block);
      next = 0;
    }
    return block[next++]!;
  };
  let bits = 0;
  let bitsLeft = 0;
  const bit = (): boolean => {
    if (bitsLeft === 0) {
      bits = Math.floor(uniform() * 4294967296);
      bitsLeft = 32;
    }
    bitsLeft--;
    const one = (bits & 1) === 1;
    bits >>>= 1;
    return one;
  };
  return { bit, normal, low: resistanceSampler(m.laws.low, normal), high: resistanceSampler(m.laws.high, normal) };
}

/** Does the comparator see the node below its (spread) reference, i.e. count more ones than its boundary? */
function trips(m: CellModel, k: Comparator, v: number, d: Draws): boolean {
  const offset = m.variation.senseOffsetSigma_V * d.normal();
  return v + offset < k.reference_V * (1 + m.variation.referenceSigma * d.normal());
}

function senseTrial(m: CellModel, c: SenseCircuit, ks: readonly Comparator[], d: Draws): boolean {
  let conductance = 0;
  let ones = 0;
  for (let row = 0; row < c.rows; row++) {
    const one = d.bit();
    if (one) ones++;
    conductance += 1 / ((one ? d.low() : d.high()) + c.access_Ohm);
  }
  const v = senseVoltage(c, conductance);
  let output = false;
  let truth = false;
  for (const k of ks) {
    output = output !== trips(m, k, v, d);
    truth = truth !== ones > k.boundary;
  }
  return output !== truth;
}

/** The complementary pair: the driven bit decides which MTJ meets which amplifier input; read drives 1. */
function differentialTrial(m: CellModel, c: SenseCircuit, compare: boolean, d: Draws): boolean {
  const stored = d.bit();
  const driven = compare ? d.bit() : true;
  const nodeOf = (low: boolean): number => senseVoltage(c, 1 / ((low ? d.low() : d.high()) + c.access_Ohm));
  const bitLine = nodeOf(stored);
  const complement = nodeOf(!stored);
  const [plus, minus] = driven ? [bitLine, complement] : [complement, bitLine];
  const output = plus + m.variation.senseOffsetSigma_V * d.normal() < minus;
  return output !== (driven === stored);
}

function magicTrial(gate: MagicGate, inputs: number, d: Draws): boolean {
  let conductance = 0;
  let anyOn = false;
  for (let i = 0; i < inputs; i++) {
    const on = d.bit();
    anyOn ||= on;
    conductance += 1 / (on ? d.low() : d.high());
  }
  // The output is a device of the low state (it is initialised low).
  const drive = d.low() * conductance;
  const threshold = gate.threshold_V + gate.thresholdSigma_V * d.normal();
  let switched = (gate.gateVoltage_V * drive) / (1 + drive) > threshold;
  if (switched && anyOn && gate.switchingTime_s !== undefined) switched = gate.switchingTime_s * Math.exp(gate.switchingTimeSigma * d.normal()) <= gate.pulse_s;
  return switched !== anyOn;
}

function writeTrial(m: CellModel, constant: boolean, d: Draws): boolean {
  const prior = d.bit();
  const target = constant || d.bit();
  if (prior === target) return false;
  const median = target ? m.variation.setSwitchingTime_s : m.variation.resetSwitchingTime_s;
  if (median === undefined) return false;
  return median * Math.exp(m.variation.switchingTimeSigma * d.normal()) > (target ? m.cell.setPulse_s : m.cell.resetPulse_s);
}

function trial(m: CellModel, p: PrimitivePhysics, name: PrimitiveName): ((d: Draws) => boolean) | undefined {
  switch (p.kind) {
    case 'sense':
      return (d) => senseTrial(m, p.circuit, p.comparators, d);
    case 'differential':
      return (d) => differentialTrial(m, p.circuit, name === 'xnor', d);
    case 'magic':
      return (d) => magicTrial(p.gate, p.inputs, d);
    case 'write':
      return (d) => writeTrial(m, p.constant, d);
    case 'unmodelled':
      return undefined;
  }
}

/** Fraction of `samples` lanes whose output bit of `primitive` is wrong, with fresh data and devices per lane. */
export function monteCarloPrimitiveError(cell: CellParams, primitive: PrimitiveName, samples: number, seed: number, options: ReliabilityOptions = {}): MonteCarloResult {
  if (!(CELL_FAMILY_PRIMITIVES[cell.family] as readonly PrimitiveName[]).includes(primitive)) throw new RangeError(`a ${cell.family} cell has no ${primitive} primitive`);
  const model = cellModel(cell, options);
  const run = trial(model, primitivePhysics(model, primitive), primitive);
  const d = draws(model, seed);
  let errors = 0;
  if (run) for (let i = 0; i < samples; i++) if (run(d)) errors++;
  return { probability: samples > 0 ? errors / samples : 0, errors, samples };
}
