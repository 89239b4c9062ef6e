import type { CellParams } from '../cells/params.ts';
import { ArrayInputError, evaluateSubarray, lanesAreRows, type SubarrayResult } from '../array/subarray.ts';
import type { CellFamily } from '../isa/primitives.ts';
import { formatCosts, type FormatCosts } from '../mapping/lane-costs.ts';
import { costTable } from '../mapping/cost-table.ts';
import { PHASES, type Phase } from '../workload/training.ts';
import { rollUpArea, type AreaRollup } from './area.ts';
import { blocksOf, type DesignParams } from './design.ts';

// A design made ready to evaluate: its subarray costed once, the cost of every operation in the
// format of each training phase, its area, and how many blocks its power envelope lets compute at
// once. Everything a training step needs that does not depend on the network.

export interface PowerFigures {
  /** One block running multiply-accumulates on every lane (the dominant work). */
  readonly blockCompute_W: number;
  /** Periphery leakage of the blocks that are powered (all, or only the computing ones when idle blocks are gated) plus the controllers; cells are non-volatile. */
  readonly static_W: number;
  /** Every block computing at once, no envelope. */
  readonly uncapped_W: number;
  /** With the blocks the envelope allows. */
  readonly peak_W: number;
}

export interface PreparedDesign {
  readonly design: DesignParams;
  readonly cell: CellParams;
  readonly family: CellFamily;
  /** Bits one lane holds: a row's columns on MAGIC arrays, a column's rows on the others. */
  readonly laneBits: number;
  readonly subarray: SubarrayResult;
  readonly blocks: number;
  readonly activeBlocks: number;
  readonly lanesPerBlock: number;
  /** Lanes computing at once: active blocks x subarrays x lanes per subarray. */
  readonly activeLanes: number;
  readonly costs: Readonly<Record<Phase, FormatCosts>>;
  /** The same costs as flat tables, one per phase in PHASES order (mapping/cost-table.ts). */
  readonly costTables: readonly Float64Array[];
  readonly area: AreaRollup;
  readonly power: PowerFigures;
  /** What the design builds but deserves a look, each with the design value it is about. */
  readonly warnings: readonly { readonly path: string; readonly message: string }[];
}

function phaseFormats(design: DesignParams): Record<Phase, string> {
  return { forward: design.formatForward, activationGradient: design.formatBackward, weightGradient: design.formatBackward, weightUpdate: design.formatUpdate };
}

// Operation costs depend only on the subarray, format, mode and transfer steps: memoised per
// subarray result, so sweep points that share an array size share them.
const costMemo = new WeakMap<SubarrayResult, Map<string, FormatCosts>>();

/** `subarray`: an evaluation of this design's cell at its rows, cols and node, when the caller has one. */
/**
 * A lane must hold what its microprograms use (operands, results, scratch): MAGIC lanes run along
 * a row (its columns are the bits), the others along a column (its rows are the bits).
 */
function checkLaneFits(design: DesignParams, cell: CellParams, costs: Record<Phase, FormatCosts>): void {
  const magic = lanesAreRows(cell);
  const bits = magic ? design.cols : design.rows;
  for (const phase of PHASES) {
    const need = costs[phase].programBits;
    if (need > bits) {
      throw new ArrayInputError(
        `${magic ? 'cols' : 'rows'}: a lane of ${bits} bits cannot hold the ${costs[phase].format.name} multiply and add microprograms of ${phase}, which use ${need} bits; give the subarray at least ${need} ${magic ? 'columns' : 'rows'}`,
        magic ? 'cols' : 'rows',
      );
    }
  }
}

/** The subarray a design is built from. */
export function designSubarray(design: DesignParams, cell: CellParams): SubarrayResult {
  return evaluateSubarray({ cell, rows: design.rows, cols: design.cols, node_nm: design.node_nm, ...(design.mux === undefined ? {} : { mux: design.mux }) });
}

export function prepareDesign(design: DesignParams, cell: CellParams, subarray = designSubarray(design, cell)): PreparedDesign {
  const family = cell.family;
  let byFormat = costMemo.get(subarray);
  if (!byFormat) costMemo.set(subarray, (byFormat = new Map()));
  const memo = byFormat;
  const costsOf = (format: string): FormatCosts => {
    const key = `${format}/${design.arithMode}/${design.transferStepsPerBit}/${design.initPolicy}`;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = formatCosts(family, subarray, format, design.arithMode, design.transferStepsPerBit, design.initPolicy)));
    return found;
  };
  const formats = phaseFormats(design);
  const costs = { forward: costsOf(formats.forward), activationGradient: costsOf(formats.activationGradient), weightGradient: costsOf(formats.weightGradient), weightUpdate: costsOf(formats.weightUpdate) };
  checkLaneFits(design, cell, costs);
  const blocks = blocksOf(design);
  const lanesPerBlock = design.subarraysPerBlock * subarray.lanes;
  const mac = costs.forward;
  const blockCompute_W = (lanesPerBlock * (mac.fpMul.energy_J + mac.fpAdd.energy_J)) / (mac.fpMul.latency_s + mac.fpAdd.latency_s);
  const blockLeakage_W = design.subarraysPerBlock * subarray.leakage_W;
  const controller_W = design.tiles * design.controllerPowerPerTile_W;
  const gated = design.idleBlocks === 'power-gated';
  // Each computing block draws its compute power and, when idle blocks are gated, its own leakage.
  const perActiveBlock_W = blockCompute_W + (gated ? blockLeakage_W : 0);
  const alwaysOn_W = controller_W + (gated ? 0 : blocks * blockLeakage_W);
  const warnings = subarray.warnings.map((message) => ({ path: 'cell', message }));
  let activeBlocks = blocks;
  if (design.powerBudget_W > 0) {
    const allowed = Math.floor((design.powerBudget_W - alwaysOn_W) / perActiveBlock_W);
    if (allowed < 1) warnings.push({ path: 'powerBudget', message: `the ${design.powerBudget_W} W envelope does not cover the static power (${alwaysOn_W.toPrecision(3)} W) and one computing block; one block computes at a time` });
    activeBlocks = Math.max(1, Math.min(blocks, allowed));
  }
  const static_W = alwaysOn_W + (gated ? activeBlocks * blockLeakage_W : 0);
  return {
    design,
    cell,
    family,
    laneBits: lanesAreRows(cell) ? design.cols : design.rows,
    subarray,
    blocks,
    activeBlocks,
    lanesPerBlock,
    activeLanes: activeBlocks * lanesPerBlock,
    costs,
    costTables: PHASES.map((phase) => costTable(costs[phase], design.transferWireEnergyPerBit_J)),
    area: rollUpArea(design, subarray),
    power: { blockCompute_W, static_W, uncapped_W: blocks * (blockCompute_W + blockLeakage_W) + controller_W, peak_W: activeBlocks * blockCompute_W + static_W },
    warnings,
  };
}
