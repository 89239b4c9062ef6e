import type { TaskContext } from '../../shared/jobs.ts';
import type { Network } from '../../shared/schemas/workload.ts';
import { cellParamsFromValues, type CellParams } from '../cells/params.ts';
import { isGpuValues } from '../gpu/params.ts';
import type { LibraryValue } from '../params/read-values.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../workload/analyze.ts';
import { evaluatePoints, type PointResult } from './evaluate-points.ts';
import type { SweepPoint } from './points.ts';

// The sweep task a pool worker runs: one chunk of points, from plain data (design and cell values,
// the network) so it crosses a thread boundary as JSON. The same function runs in-thread when no
// pool is given (tests, scripts).

export const SWEEP_TASK = 'sweep.points';

export interface SweepTaskInput {
  readonly designValues: readonly LibraryValue[];
  readonly cellValues: readonly LibraryValue[];
  readonly network: Network;
  readonly batch: number | null;
  readonly points: readonly SweepPoint[];
}

// A worker gets many chunks of the same sweep: the network is analysed once per worker.
let lastNetwork: { json: string; analysis: NetworkAnalysis } | undefined;

function analysisOf(network: Network): NetworkAnalysis {
  const json = JSON.stringify(network);
  if (lastNetwork?.json === json) return lastNetwork.analysis;
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) throw new Error(`network "${network.name}" is not consistent: ${analysed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  lastNetwork = { json, analysis: analysed.analysis };
  return analysed.analysis;
}

/** A GPU design (its values say `kind: gpu`) has no cell: null. */
function cellOf(input: SweepTaskInput): CellParams | null {
  if (isGpuValues(input.designValues)) return null;
  const cell = cellParamsFromValues(input.cellValues);
  if (!cell.ok) throw new Error(`the cell is not complete: ${cell.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return cell.params;
}

export function sweepTask(raw: unknown, context: TaskContext): PointResult[] {
  const input = raw as SweepTaskInput;
  const base = { designValues: input.designValues, cell: cellOf(input), analysis: analysisOf(input.network), batch: input.batch };
  return evaluatePoints(base, input.points, (done) => context.progress(done, input.points.length), () => context.cancelled());
}
