import type { GoalSeekOutput, SensitivityOutput } from '../../shared/schemas/analysis.ts';
import type { Network } from '../../shared/schemas/workload.ts';
import { analyzeNetwork } from '../workload/analyze.ts';
import { findKnob, goalSeek } from './goal-seek.ts';
import type { Study, StudyMetric, StudySide } from './knobs.ts';
import { METRIC_UNITS } from './knobs.ts';
import { tornado } from './tornado.ts';
import { evaluateDraws, type DrawKnob } from './draws.ts';
import { paperDraws } from './paper-bands.ts';
import type { PaperBasis } from '../experiment/bases.ts';

// Sensitivity and goal seek as worker tasks: plain data in (both designs' values, the network),
// the contract's answer out.

export const SENSITIVITY_TASK = 'analysis.sensitivity';
export const GOAL_SEEK_TASK = 'analysis.goalSeek';
export const DRAWS_TASK = 'analysis.evaluateDraws';
export const PAPER_DRAWS_TASK = 'analysis.paperDraws';

export interface StudyTaskInput {
  readonly design: StudySide;
  readonly vs?: StudySide;
  readonly network: Network;
  readonly batch?: number;
  readonly metric: StudyMetric;
}

export interface SensitivityTaskInput extends StudyTaskInput {
  readonly percent: number;
  /** Move a value with a range in its library to the range's ends (else by ±percent). */
  readonly useRanges?: boolean;
}

export interface GoalSeekTaskInput extends StudyTaskInput {
  readonly key: string;
  readonly target: number;
  readonly low?: number;
  readonly high?: number;
}

export function studyOf(input: StudyTaskInput): Study {
  const analysed = analyzeNetwork(input.network);
  if (!analysed.ok) throw new Error(`network "${input.network.name}" is not consistent: ${analysed.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
  return { subject: input.design, ...(input.vs ? { vs: input.vs } : {}), network: analysed.analysis, metric: input.metric, ...(input.batch ? { batch: input.batch } : {}) };
}

export function sensitivityTask(raw: unknown): SensitivityOutput {
  const input = raw as SensitivityTaskInput;
  const result = tornado(studyOf(input), input.percent, undefined, input.useRanges === true);
  return {
    metric: input.metric,
    baseline: result.baseline,
    parameters: result.rows.map((r) => ({
      library: r.knob.libraryName,
      key: r.knob.key,
      unit: r.knob.unit,
      low: r.low,
      high: r.high,
      metricAtLow: r.metricAtLow,
      metricAtHigh: r.metricAtHigh,
      elasticity: r.elasticity,
      ...(r.refused ? { refused: r.refused } : {}),
      side: r.knob.side === 'subject' ? 'design' : 'vs',
      value: r.knob.value,
      moved: input.useRanges === true && r.knob.range ? 'range' : 'percent',
    })),
    percent: input.percent,
    unit: input.vs ? '1' : METRIC_UNITS[input.metric],
    design: input.design.name,
    vs: input.vs?.name ?? null,
    network: input.network.name,
    evaluations: result.evaluations,
  };
}

export function goalSeekTask(raw: unknown): GoalSeekOutput {
  const input = raw as GoalSeekTaskInput;
  const study = studyOf(input);
  const knob = findKnob(study, input.key);
  const result = goalSeek(study, knob, input.target, { ...(input.low !== undefined ? { low: input.low } : {}), ...(input.high !== undefined ? { high: input.high } : {}) });
  const common = { key: knob.key, unit: knob.unit, iterations: result.iterations, range: result.range, metric: input.metric, target: input.target, current: knob.value, library: knob.libraryName };
  return result.found ? { ...common, value: result.value, achieved: result.achieved } : { ...common, unreachable: result.reason, metricRange: result.metricRange };
}

export interface DrawsTaskInput extends StudyTaskInput {
  readonly knobs: readonly DrawKnob[];
  /** Rows of unit-cube coordinates, one column per knob. */
  readonly points: Float64Array;
  /** How many rows (with no knobs, the metric itself once per row). */
  readonly rows: number;
}

/** The metric at a batch of draws (NaN where the simulator refuses one): a global study's work, split over the pool. */
export function drawsTask(raw: unknown): Float64Array {
  const input = raw as DrawsTaskInput;
  return evaluateDraws(studyOf(input), input.knobs, input.points, input.rows);
}

export interface PaperDrawsTaskInput {
  readonly proposed: StudySide;
  readonly baseline: StudySide;
  readonly networks: readonly Network[];
  readonly basis: PaperBasis;
  readonly batch?: number;
  readonly knobs: readonly DrawKnob[];
  readonly points: Float64Array;
  readonly rows: number;
}

/** The paper comparison's three averaged ratios at a batch of draws (3 numbers a row, NaN where refused). */
export function paperDrawsTask(raw: unknown): Float64Array {
  const input = raw as PaperDrawsTaskInput;
  const networks = input.networks.map((network) => studyOf({ design: input.proposed, network, metric: 'energy' }).network);
  return paperDraws(input.proposed, input.baseline, networks, input.basis, input.knobs, input.points, input.rows, input.batch);
}
