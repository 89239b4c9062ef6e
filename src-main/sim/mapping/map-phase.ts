import { COL, COLUMNS, ELEMENTWISE_KINDS, type StepPlan } from './plan.ts';
import { COST_WEAR, COST_WIRE } from './cost-table.ts';
import { OP, addInterconnect, addOps, addWear } from './tally.ts';

// One layer's phase mapped onto the lanes that compute at once.
// Rules, in order of the work:
// - Dot products (conv, fc MACs): each result is split over `split` lanes so that results x split
//   fills the active lanes; each lane multiplies and accumulates its share in place (one fpMul, one
//   fpAdd and `operandWrites` operand writes per MAC), then the partial sums are reduced by a tree
//   across lanes: ceil(log2 split) levels of one block-to-block transfer and one fpAdd. More
//   results than lanes run in waves. Weight gradients sum over the batch inside their dot products.
// - Element-wise work (bias, activations, pooling, batch-norm, softmax, weight update): spread over
//   every active lane, each kind of operation in its own waves.
// - Data movement: after the forward pass a layer's outputs go to each layer that reads them, and
//   in the backward pass the input gradients go back to their producers; each value is one transfer.
// Overlap: none. A layer's phase runs after the one before it, and transfers run after compute
// (FloatPIM's compute phase, then its transfer phases). Latency is the sum of these waves.
// Costs come from a cost table (cost-table.ts): latency, energy, cell energy at 3 x op index.

export interface LaneSetup {
  readonly lanes: number;
  readonly operandWrites: number;
}

function transfers(t: Float64Array, values: number, waves: number, cost: Float64Array): void {
  const o = 3 * OP.transfer;
  addOps(t, OP.transfer, values, cost[o + 1]!, cost[o + 2]!, waves * cost[o]!);
  addInterconnect(t, values * cost[COST_WIRE]!);
  addWear(t, OP.transfer, waves, cost[COST_WEAR + OP.transfer]!);
}

function dotProducts(t: Float64Array, macs: number, resultsPerUnit: number, shared: boolean, batch: number, setup: LaneSetup, cost: Float64Array): void {
  const lanes = setup.lanes;
  const results = resultsPerUnit * (shared ? 1 : batch);
  const length = results > 0 ? macs / results : macs;
  const split = results >= lanes || results === 0 ? 1 : Math.max(1, Math.min(Math.floor(lanes / results), Math.ceil(length)));
  const waves = Math.ceil((Math.max(results, 1) * split) / lanes);
  const perLane = Math.ceil(length / split) * waves;
  const writes = setup.operandWrites;
  addOps(t, OP.fpMul, macs, cost[1]!, cost[2]!, perLane * cost[0]!);
  addOps(t, OP.fpAdd, macs, cost[4]!, cost[5]!, perLane * cost[3]!);
  const w = 3 * OP.write;
  addOps(t, OP.write, macs * writes, cost[w + 1]!, cost[w + 2]!, perLane * writes * cost[w]!);
  addWear(t, OP.fpMul, perLane, cost[COST_WEAR + OP.fpMul]!);
  addWear(t, OP.fpAdd, perLane, cost[COST_WEAR + OP.fpAdd]!);
  // Every MAC writes its operand into the same rows of the lane.
  addWear(t, OP.write, perLane * Math.min(writes, 1), cost[COST_WEAR + OP.write]!);
  if (split > 1) {
    const levels = Math.ceil(Math.log2(split)) * waves;
    const partials = results * (split - 1);
    addOps(t, OP.fpAdd, partials, cost[4]!, cost[5]!, levels * cost[3]!);
    addWear(t, OP.fpAdd, levels, cost[COST_WEAR + OP.fpAdd]!);
    transfers(t, partials, levels, cost);
  }
}

/** Maps row `row` of the plan (one layer, one phase) for a batch of `batch` images. */
export function mapPhase(t: Float64Array, plan: StepPlan, row: number, batch: number, setup: LaneSetup, cost: Float64Array): void {
  const d = plan.data;
  const at = row * COLUMNS;
  const macs = d[at + COL.macsPerImage]! * batch + d[at + COL.macsPerBatch]!;
  if (macs > 0) dotProducts(t, macs, d[at + COL.results]!, d[at + COL.resultsShared] === 1, batch, setup, cost);
  // Element-wise kind k is operation k (fpMul ... fpSqrt lead OP_NAMES in the same order).
  for (let k = 0; k < ELEMENTWISE_KINDS.length; k += 1) {
    const n = d[at + COL.elementwise + 2 * k]! * batch + d[at + COL.elementwise + 2 * k + 1]!;
    if (n > 0) {
      const waves = Math.ceil(n / setup.lanes);
      addOps(t, k, n, cost[3 * k + 1]!, cost[3 * k + 2]!, waves * cost[3 * k]!);
      addWear(t, k, waves, cost[COST_WEAR + k]!);
    }
  }
  const moved = d[at + COL.movedPerImage]! * batch;
  if (moved > 0) transfers(t, moved, Math.ceil(moved / setup.lanes), cost);
}
