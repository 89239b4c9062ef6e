import type { Evaluation } from '../../shared/schemas/evaluation.ts';
import type { Network } from '../../shared/schemas/workload.ts';
import { designParamsFromValues, type DesignParams } from '../arch/design.ts';
import { prepareDesign } from '../arch/prepare.ts';
import { cellParamsFromValues, type CellParams } from '../cells/params.ts';
import type { LibraryValue } from '../params/read-values.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../workload/analyze.ts';
import { evaluate } from './evaluate.ts';
import { stepReliability } from '../reliability/step-view.ts';
import { comparePaper, type BasisChoice, type DesignInput, type PaperComparison } from './reproduce.ts';
import { gpuParamsFromValues, isGpuValues } from '../gpu/params.ts';
import { evaluateGpu } from '../gpu/evaluate.ts';

// Runs and the paper comparison as worker tasks: inputs are plain data (library values, networks)
// so they cross a thread boundary as they are; the worker re-reads them with the same parsers.

export const EVALUATE_TASK = 'experiment.evaluate';
export const COMPARE_TASK = 'paper.compare';

export interface DesignData {
  readonly id: string;
  readonly name: string;
  readonly version?: number;
  readonly values: readonly LibraryValue[];
  readonly cellName: string;
  readonly cellValues: readonly LibraryValue[];
}

/**
 * A run. A PIM design carries its parameters after the run's overrides (format, mode), as the
 * service resolved them; a GPU design (its values say `kind: gpu`) has no cell and no parameters
 * here: the worker reads its values, the run's format override already written into them.
 */
export interface EvaluateTaskInput {
  readonly design: DesignData;
  readonly params?: DesignParams;
  readonly network: Network;
  readonly batch: number;
}

export interface CompareTaskInput {
  readonly proposed: DesignData;
  readonly baseline: DesignData;
  readonly networks: readonly Network[];
  readonly basis: BasisChoice;
  readonly batch?: number;
}

function cellOf(design: DesignData): CellParams {
  const cell = cellParamsFromValues(design.cellValues);
  if (!cell.ok) throw new Error(`the cell of "${design.name}" is not complete: ${cell.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return cell.params;
}

function analysisOf(network: Network): NetworkAnalysis {
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) throw new Error(`network "${network.name}" is not consistent: ${analysed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return analysed.analysis;
}

function designInput(design: DesignData): DesignInput {
  const params = designParamsFromValues(design.values);
  if (!params.ok) throw new Error(`"${design.name}" is not a complete design: ${params.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return { ...design, params: params.params, cell: cellOf(design) };
}

/** A run: the step's figures and what device variation makes of it (sweeps skip the latter). */
export function evaluateTask(raw: unknown): Evaluation {
  const input = raw as EvaluateTaskInput;
  if (isGpuValues(input.design.values)) return evaluateGpuTask(input);
  if (!input.params) throw new Error(`"${input.design.name}" was sent to the worker without its parameters`);
  const prepared = prepareDesign(input.params, cellOf(input.design));
  const analysis = analysisOf(input.network);
  return { ...evaluate(prepared, analysis, { batch: input.batch }), reliability: stepReliability(prepared, analysis, input.batch) };
}

function evaluateGpuTask(input: EvaluateTaskInput): Evaluation {
  const gpu = gpuParamsFromValues(input.design.values);
  if (!gpu.ok) throw new Error(`"${input.design.name}" is not a complete GPU design: ${gpu.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return evaluateGpu(gpu.params, analysisOf(input.network), { batch: input.batch });
}

export function compareTask(raw: unknown): PaperComparison {
  const input = raw as CompareTaskInput;
  return comparePaper(designInput(input.proposed), designInput(input.baseline), input.networks.map(analysisOf), {
    basis: input.basis,
    ...(input.batch ? { batch: input.batch } : {}),
  });
}
