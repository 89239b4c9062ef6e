import type { Evaluation } from '../../shared/schemas/evaluation.ts';
import type { PreparedDesign } from '../arch/prepare.ts';
import { COMPONENTS } from '../arch/area.ts';
import { mapPhase, type LaneSetup } from '../mapping/map-phase.ts';
import { stepPlan, type StepPlan } from '../mapping/plan.ts';
import { OP, OP_NAMES, PART, T_ENERGY, T_LATENCY, T_WEAR_OPERANDS, T_WEAR_SCRATCH, addStatic, componentEnergy, newTally, opEnergy, opLatency } from '../mapping/tally.ts';
import { lifetime } from '../reliability/lifetime.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { epochFigures, type StepFigures } from '../workload/totals.ts';
import { PHASES } from '../workload/training.ts';

// evaluate(design, workload, options): one training step (one batch) of a network on a design,
// with breakdowns by phase, layer, component and operation, and the epoch when the dataset size is
// known. Pure and deterministic: the same inputs give the same numbers.

export interface EvaluateOptions {
  readonly batch: number;
  /** Also evaluate the epoch when the dataset size is known (default true; sweeps skip it). */
  readonly epoch?: boolean;
}

const PHASE_COUNT = PHASES.length;

/**
 * One step into `tally`; per (layer, phase) energy and latency into `rows` when given (2 numbers
 * per row). Leakage and controller power run for the whole step, so each row carries its share.
 */
function step(prepared: PreparedDesign, plan: StepPlan, batch: number, tally: Float64Array, rows?: Float64Array): void {
  const controller_W = prepared.design.tiles * prepared.design.controllerPowerPerTile_W;
  const leakage_W = prepared.power.static_W - controller_W;
  const setup: LaneSetup = { lanes: prepared.activeLanes, operandWrites: prepared.design.operandWritesPerMac };
  const tables = prepared.costTables;
  for (let row = 0; row < plan.rows; row += 1) {
    const e0 = tally[T_ENERGY]!;
    const t0 = tally[T_LATENCY]!;
    mapPhase(tally, plan, row, batch, setup, tables[row % PHASE_COUNT]!);
    const dt = tally[T_LATENCY]! - t0;
    addStatic(tally, leakage_W * dt, controller_W * dt);
    if (rows) {
      rows[2 * row] = tally[T_ENERGY]! - e0;
      rows[2 * row + 1] = dt;
    }
  }
}

/** Energy and latency of one step only: what a sweep needs from each design. */
export function evaluateTotals(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number): { energy_J: number; latency_s: number; area_m2: number } {
  const tally = newTally();
  step(prepared, stepPlan(analysis), batch, tally);
  return { energy_J: tally[T_ENERGY]!, latency_s: tally[T_LATENCY]!, area_m2: prepared.area.area_m2 };
}

/** The step's totals and, when the cell gives its endurance, days of continuous training until the hottest cell wears out. */
export function evaluateTotalsAndLifetime(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number): { energy_J: number; latency_s: number; area_m2: number; lifetime_days: number | null } {
  const tally = newTally();
  step(prepared, stepPlan(analysis), batch, tally);
  const latency_s = tally[T_LATENCY]!;
  const life = lifetime(prepared, { scratch: tally[T_WEAR_SCRATCH]!, operands: tally[T_WEAR_OPERANDS]!, latency_s });
  return { energy_J: tally[T_ENERGY]!, latency_s, area_m2: prepared.area.area_m2, lifetime_days: life.days };
}

export function evaluate(prepared: PreparedDesign, analysis: NetworkAnalysis, options: EvaluateOptions): Evaluation {
  const plan = stepPlan(analysis);
  const tally = newTally();
  const rows = new Float64Array(2 * plan.rows);
  step(prepared, plan, options.batch, tally, rows);
  const byPhase = Object.fromEntries(PHASES.map((phase) => [phase, { energy_J: 0, latency_s: 0 }])) as Evaluation['breakdown']['byPhase'];
  const byLayer = analysis.work.map((layer) => ({ name: layer.name, kind: layer.kind, energy_J: 0, latency_s: 0 }));
  for (let row = 0; row < plan.rows; row += 1) {
    const phase = byPhase[PHASES[row % PHASE_COUNT]!];
    const layer = byLayer[Math.floor(row / PHASE_COUNT)]!;
    phase.energy_J += rows[2 * row]!;
    phase.latency_s += rows[2 * row + 1]!;
    layer.energy_J += rows[2 * row]!;
    layer.latency_s += rows[2 * row + 1]!;
  }
  const area = prepared.area;
  const byComponent = Object.fromEntries(COMPONENTS.map((c) => [c, { energy_J: componentEnergy(tally, PART[c]), area_m2: area.byComponent[c] }])) as Evaluation['breakdown']['byComponent'];
  const byOp = Object.fromEntries(OP_NAMES.map((o) => [o, { energy_J: opEnergy(tally, OP[o]), latency_s: opLatency(tally, OP[o]) }])) as Evaluation['breakdown']['byOp'];
  const d = prepared.design;
  const energy_J = tally[T_ENERGY]!;
  const latency_s = tally[T_LATENCY]!;
  const perEpoch = options.epoch === false ? {} : epoch(prepared, analysis, options.batch, { energy_J, latency_s });
  const stepsPerEpoch = perEpoch.perEpoch?.steps;
  return {
    energy_J,
    latency_s,
    area_m2: area.area_m2,
    power_W: latency_s > 0 ? energy_J / latency_s : 0,
    batch: options.batch,
    breakdown: { byPhase, byLayer, byComponent, byOp },
    ...perEpoch,
    lifetime: lifetime(prepared, { scratch: tally[T_WEAR_SCRATCH]!, operands: tally[T_WEAR_OPERANDS]!, latency_s, ...(stepsPerEpoch ? { stepsPerEpoch } : {}) }),
    design: {
      blocks: prepared.blocks,
      activeBlocks: prepared.activeBlocks,
      activeLanes: prepared.activeLanes,
      power: { ...prepared.power },
      formats: { forward: d.formatForward, backward: d.formatBackward, update: d.formatUpdate },
      arithMode: d.arithMode,
    },
    work: { forwardMacsPerImage: analysis.forwardMacs, macs: totalMacs(analysis, options.batch), params: analysis.params },
    warnings: [...prepared.warnings.map((w) => w.message), ...capacityWarnings(prepared, analysis, options.batch)],
  };
}

/**
 * The training state a step needs on chip: weights and their gradients, and the activations the
 * forward pass keeps for the backward pass, in the forward format. The mapping moves no data off
 * chip, so a state larger than the chip is reported rather than silently assumed to fit.
 */
function capacityWarnings(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number): string[] {
  const d = prepared.design;
  const capacity = prepared.blocks * d.subarraysPerBlock * d.rows * d.cols;
  const width = prepared.costs.forward.format.width;
  const saved = analysis.work.reduce((sum, layer) => sum + layer.savedElements, 0);
  const state = (2 * analysis.params + saved * batch) * width;
  if (state <= capacity) return [];
  const gbit = (bits: number): string => `${(bits / 2 ** 30).toPrecision(3)} Gbit`;
  return [`the training state (weights, gradients and the activations kept for the backward pass at batch ${batch}: ${gbit(state)}) exceeds the chip's ${gbit(capacity)}; moving it off chip is not modelled`];
}

function totalMacs(analysis: NetworkAnalysis, batch: number): number {
  let macs = 0;
  for (const layer of analysis.work) for (const phase of PHASES) macs += layer.phases[phase].perImage.macs * batch + layer.phases[phase].perBatch.macs;
  return macs;
}

/** The epoch, when the dataset size is known. */
function epoch(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number, full: StepFigures): Pick<Evaluation, 'perEpoch'> {
  const size = analysis.network.datasetSize;
  return size === undefined ? {} : { perEpoch: epochFigures(size, batch, full, (b) => evaluateTotals(prepared, analysis, b)) };
}
