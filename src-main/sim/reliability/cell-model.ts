import type { CellParams } from '../cells/params.ts';
import { DEFAULT_SEARCH_ROWS, PRIMITIVES, type PrimitiveName } from '../isa/primitives.ts';
import { techNode, type TechNode } from '../tech/nodes.ts';
import type { MagicGate } from './magic-error.ts';
import { stateLaws, type StateLaws } from './resistance-law.ts';
import { comparators, SENSE_BOUNDARIES, senseCircuit, type Comparator, type SenseCircuit } from './sense-circuit.ts';
import { readVariation, type CellVariation } from './variation.ts';

// What the error models of one cell work from, and which physics each primitive is. The analytic
// integrals and the device-level Monte Carlo both read this, so they judge the same circuit.

export interface ReliabilityOptions {
  /** Rows a search compares (default: the word the primitive ISA costs a search with). */
  readonly searchRows?: number;
  /** Node of the access transistors; default 28 nm, the node of the built-in designs (FloatPIM's). */
  readonly tech?: TechNode;
}

export interface CellModel {
  readonly cell: CellParams;
  readonly tech: TechNode;
  readonly variation: CellVariation;
  readonly missing: readonly string[];
  readonly laws: StateLaws;
  readonly searchRows: number;
}

const DEFAULT_NODE_NM = 28;

export function cellModel(cell: CellParams, options: ReliabilityOptions = {}): CellModel {
  const { variation, missing } = readVariation(cell);
  return { cell, tech: options.tech ?? techNode(DEFAULT_NODE_NM), variation, missing, laws: stateLaws(cell, variation), searchRows: options.searchRows ?? DEFAULT_SEARCH_ROWS };
}

export type PrimitivePhysics =
  | { readonly kind: 'sense'; readonly circuit: SenseCircuit; readonly comparators: readonly Comparator[] }
  | { readonly kind: 'differential'; readonly circuit: SenseCircuit }
  | { readonly kind: 'magic'; readonly gate: MagicGate; readonly inputs: number }
  | { readonly kind: 'write'; readonly constant: boolean }
  | { readonly kind: 'unmodelled'; readonly why: string };

function magicGate(m: CellModel): MagicGate | undefined {
  const { cell, variation, laws } = m;
  if (cell.magicVoltage_V === undefined || variation.magicThresholdOff_V === undefined || laws.low.kind !== 'lognormal') return undefined;
  return {
    gateVoltage_V: cell.magicVoltage_V,
    pulse_s: cell.magicPulse_s ?? cell.resetPulse_s,
    output: laws.low,
    threshold_V: variation.magicThresholdOff_V,
    thresholdSigma_V: variation.magicThresholdOffSigma_V,
    switchingTimeSigma: variation.switchingTimeSigma,
    ...(cell.switchingTime_s === undefined ? {} : { switchingTime_s: cell.switchingTime_s }),
  };
}

function sensePhysics(m: CellModel, name: PrimitiveName, rows: number): PrimitivePhysics {
  const circuit = senseCircuit(m.cell, m.tech, rows);
  if (!circuit) return { kind: 'unmodelled', why: 'the cell gives no read voltage or current' };
  // The complementary cell reads (and compares) its pair against itself, without a reference.
  if (m.cell.family === 'sot-mram-2t2mtj' && (name === 'read' || name === 'xnor')) return { kind: 'differential', circuit };
  const boundaries = SENSE_BOUNDARIES[name];
  if (!boundaries) return { kind: 'unmodelled', why: `no sense references are defined for ${name} on this cell` };
  return { kind: 'sense', circuit, comparators: comparators(circuit, m.laws, m.variation, boundaries) };
}

export function primitivePhysics(m: CellModel, name: PrimitiveName): PrimitivePhysics {
  if (m.cell.family === 'sram') return { kind: 'unmodelled', why: 'an SRAM latch has no resistive states to vary' };
  const access = PRIMITIVES[name].access;
  switch (access.kind) {
    case 'write':
      return { kind: 'write', constant: access.constant };
    case 'magic-nor': {
      const gate = magicGate(m);
      return gate ? { kind: 'magic', gate, inputs: access.inputs } : { kind: 'unmodelled', why: 'the cell gives no MAGIC voltage or switch-off threshold' };
    }
    case 'sense':
      return sensePhysics(m, name, access.rows);
    case 'search':
      return sensePhysics(m, name, m.searchRows);
  }
}
