import { BUILTIN_DESIGNS, builtinDesign } from '../../src-main/sim/arch/builtin/index.ts';
import { designParamsFromValues, type DesignParams } from '../../src-main/sim/arch/design.ts';
import { prepareDesign, type PreparedDesign } from '../../src-main/sim/arch/prepare.ts';
import { builtinCell } from '../../src-main/sim/cells/builtin/index.ts';
import { cellParamsFromValues, type CellParams } from '../../src-main/sim/cells/params.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../../src-main/sim/workload/analyze.ts';
import { zooNetwork } from '../../src-main/sim/workload/zoo/index.ts';

// Built-in designs and networks, parsed and prepared, for the simulator tests.

export const DESIGN_IDS = BUILTIN_DESIGNS.map((d) => d.id);

export function designParams(id: string): DesignParams {
  const parsed = designParamsFromValues(builtinDesign(id)!.values);
  if (!parsed.ok) throw new Error(`${id}: ${JSON.stringify(parsed.issues)}`);
  return parsed.params;
}

export function cellOf(params: DesignParams): CellParams {
  const cell = cellParamsFromValues(builtinCell(params.cell.replace('builtin:', ''))!.values);
  if (!cell.ok) throw new Error(params.cell);
  return cell.params;
}

export function prepared(id: string, change: Partial<DesignParams> = {}): PreparedDesign {
  const params = { ...designParams(id), ...change };
  return prepareDesign(params, cellOf(params));
}

export function analysis(id: string): NetworkAnalysis {
  const analysed = analyzeNetwork(zooNetwork(id)!.network);
  if (!analysed.ok) throw new Error(id);
  return analysed.analysis;
}
