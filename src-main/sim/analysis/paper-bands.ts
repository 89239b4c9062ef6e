import type { PaperBasis } from '../experiment/bases.ts';
import { paperAverages, type DesignInput } from '../experiment/reproduce.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { parsedSide, type StudySide } from './knobs.ts';
import { drawPlan, drawnValues, type DrawKnob } from './draws.ts';

// The paper comparison under uncertainty: both designs' values drawn at once, the comparison run
// on one basis for each draw, its three averaged ratios (baseline ÷ proposed) kept. The node's
// figures are not drawn: both designs are built at the same node, which moves both alike.

export const PAPER_BAND_METRICS = ['energy', 'latency', 'area'] as const;

function inputOf(side: StudySide, role: 'subject' | 'vs', changes: ReadonlyMap<string, number>): DesignInput {
  const { values, cellValues, params, cell } = parsedSide(side, role, changes);
  return { id: side.name, name: side.name, values, cellName: side.cellName, cellValues, params, cell };
}

/**
 * For each row of unit-cube coordinates (one column per knob; knobs of the proposed design are
 * "subject:", of the baseline "vs:"), the averaged energy, latency and area ratios: 3 numbers a
 * row, NaN where the simulator refuses a draw.
 */
export function paperDraws(
  proposed: StudySide,
  baseline: StudySide,
  networks: readonly NetworkAnalysis[],
  basis: PaperBasis,
  knobs: readonly DrawKnob[],
  points: Float64Array,
  rows: number,
  batch?: number,
): Float64Array {
  const plan = drawPlan(knobs);
  const out = new Float64Array(rows * 3).fill(NaN);
  for (let row = 0; row < rows; row += 1) {
    const changes = drawnValues(plan, points, row);
    try {
      const ratios = paperAverages(inputOf(proposed, 'subject', changes), inputOf(baseline, 'vs', changes), networks, basis, batch);
      PAPER_BAND_METRICS.forEach((m, i) => (out[row * 3 + i] = Number.isFinite(ratios[m]) ? ratios[m] : NaN));
    } catch {
      // Left NaN: the caller counts the draws the simulator refused.
    }
  }
  return out;
}
