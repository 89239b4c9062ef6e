import type { PreparedDesign } from '../arch/prepare.ts';
import type { Component } from '../arch/area.ts';
import { formatByName, type FloatFormat } from '../arith/formats.ts';
import { costTable } from '../mapping/cost-table.ts';
import { withComposedOps, type FormatCosts, type LaneCost } from '../mapping/lane-costs.ts';
import { PHASES, type Phase } from '../workload/training.ts';
import { FLOATPIM } from '../cells/builtin/sources.ts';

// FloatPIM costed exactly as Imani et al. (ISCA 2019) publish it, for the comparison basis
// `floatpim-published`: its cycle formulas per FP operation, 1.1 ns per NOR cycle, an energy per
// cycle that makes 8192 blocks of 1024 rows computing at once draw the published 62.6 W, and the
// published 30.64 mm^2 with its shares. The organisation (blocks, lanes, mapping) is the design's.

export const FLOATPIM_PUBLISHED = {
  cycle_s: 1.1e-9,
  chipPower_W: 62.6,
  blocks: 8192,
  rowsPerBlock: 1024,
  area_m2: 30.64e-6,
  /** Area shares: crossbars 95.1%, controller 3.0%, switches 0.24%, interconnect 0.15%; the rest (1.51%) unassigned. */
  shares: { crossbars: 0.951, controller: 0.03, switches: 0.0024, interconnect: 0.0015 },
} as const;

/** Energy of one NOR cycle in one lane: 62.6 W / 8192 blocks x 1.1 ns / 1024 rows = 8.21 fJ, periphery included. */
export const FLOATPIM_LANE_CYCLE_J = ((FLOATPIM_PUBLISHED.chipPower_W / FLOATPIM_PUBLISHED.blocks) * FLOATPIM_PUBLISHED.cycle_s) / FLOATPIM_PUBLISHED.rowsPerBlock;

export interface PublishedCycles {
  /** NOR cycles of an FP multiply: 12 Ne + 6.5 Nm^2 - 7.5 Nm - 2 (the 6-cycle sign XOR apart). */
  readonly fpMul: number;
  /** NOR cycles of an FP add: 3 + 16 Ne + 19 Nm + Nm^2 ... */
  readonly fpAdd: number;
  /** ... plus 2 Nm + 1 searches for exponent alignment. */
  readonly fpAddSearches: number;
}

/** FloatPIM's formulas with Ne exponent bits and Nm stored mantissa bits (bf16: 360; 313 + 15). */
export function floatpimCycles(format: FloatFormat): PublishedCycles {
  const ne = format.expBits;
  const nm = format.fracBits;
  return { fpMul: 12 * ne + 6.5 * nm * nm - 7.5 * nm - 2, fpAdd: 3 + 16 * ne + 19 * nm + nm * nm, fpAddSearches: 2 * nm + 1 };
}

function cycles(n: number): LaneCost {
  return { latency_s: n * FLOATPIM_PUBLISHED.cycle_s, energy_J: n * FLOATPIM_LANE_CYCLE_J, cellEnergy_J: 0 };
}

/**
 * Per-lane costs of one format as published. Assumptions where FloatPIM gives no figure: a search
 * takes one cycle at the cycle's energy; writing a value into a lane one cycle per bit; the
 * operations without a formula are composed of multiplies and adds as for every design.
 * FloatPIM's moves between blocks take 2 cycles per bit (published).
 */
export function publishedCosts(formatName: string, programBits: number, arithmeticWear: { fpMul: number; fpAdd: number }): FormatCosts {
  const format = formatByName(formatName);
  const c = floatpimCycles(format);
  return withComposedOps({ format, fpMul: cycles(c.fpMul), fpAdd: cycles(c.fpAdd + c.fpAddSearches), write: cycles(format.width), transfer: cycles(2 * format.width), programBits, arithmeticWear });
}

/** The design's organisation with FloatPIM's published costs, power (every block computing) and area. */
export function publishedFloatpim(modelled: PreparedDesign): PreparedDesign {
  const costs = Object.fromEntries(PHASES.map((phase) => [phase, publishedCosts(modelled.costs[phase].format.name, modelled.costs[phase].programBits, modelled.costs[phase].hotRowWrites)])) as Record<Phase, FormatCosts>;
  const s = FLOATPIM_PUBLISHED.shares;
  const total = FLOATPIM_PUBLISHED.area_m2;
  const byComponent: Record<Component, number> = {
    cells: s.crossbars * total,
    periphery: (1 - s.crossbars - s.controller - s.switches - s.interconnect) * total,
    interconnect: (s.switches + s.interconnect) * total,
    controller: s.controller * total,
  };
  const blockCompute_W = FLOATPIM_PUBLISHED.chipPower_W / FLOATPIM_PUBLISHED.blocks;
  return {
    ...modelled,
    design: { ...modelled.design, controllerPowerPerTile_W: 0, transferWireEnergyPerBit_J: 0, powerBudget_W: 0 },
    activeBlocks: modelled.blocks,
    activeLanes: modelled.blocks * modelled.lanesPerBlock,
    costs,
    costTables: PHASES.map((phase) => costTable(costs[phase], 0)),
    area: { area_m2: total, byComponent, block_m2: (s.crossbars * total) / FLOATPIM_PUBLISHED.blocks },
    power: { blockCompute_W, static_W: 0, uncapped_W: FLOATPIM_PUBLISHED.chipPower_W * (modelled.blocks / FLOATPIM_PUBLISHED.blocks), peak_W: blockCompute_W * modelled.blocks },
    warnings: [],
  };
}

export const PUBLISHED_ASSUMPTIONS = [
  { name: 'FloatPIM as published: cycle', value: '1.1 ns per NOR cycle', source: `${FLOATPIM}: T_NOR 1.1 ns` },
  {
    name: 'FloatPIM as published: energy per cycle',
    value: `${(FLOATPIM_LANE_CYCLE_J * 1e15).toFixed(2)} fJ per lane-cycle`,
    source: `${FLOATPIM}: 62.6 W over 8192 blocks (7.64 mW each) at 1.1 ns per cycle and 1024 rows, periphery included`,
  },
  { name: 'FloatPIM as published: FP formulas', value: 'multiply 12 Ne + 6.5 Nm^2 - 7.5 Nm - 2; add 3 + 16 Ne + 19 Nm + Nm^2 cycles plus 2 Nm + 1 searches', source: FLOATPIM },
  { name: 'FloatPIM as published: search, write', value: 'a search takes one cycle; a value is written in one cycle per bit', source: 'assumption: FloatPIM publishes no search time or write cost; one cycle each is the least it can be' },
  { name: 'FloatPIM as published: area', value: '30.64 mm^2', source: `${FLOATPIM}: crossbars 95.1%, controller 3.0%, switches 0.24%, interconnect 0.15%` },
] as const;
