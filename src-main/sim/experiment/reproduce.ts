import type { CellParams } from '../cells/params.ts';
import type { PreparedDesign } from '../arch/prepare.ts';
import type { LibraryValue } from '../params/read-values.ts';
import type { NetworkAnalysis } from '../workload/analyze.ts';
import { COMPOSED_OPS } from '../mapping/lane-costs.ts';
import { countOperation } from '../arith/programs.ts';
import { FLOATPIM } from '../cells/builtin/sources.ts';
import { evaluateTotals } from './evaluate.ts';
import { BASIS_DESCRIPTIONS, PAPER_BASES, prepareForBasis, type PaperBasis, type SideInput } from './bases.ts';
import { floatpimCycles, PUBLISHED_ASSUMPTIONS } from './published-floatpim.ts';
import { whatItTakes, type Metric, type WhatItTakes } from './what-it-takes.ts';
import { CLAIM_GPU_FORMAT, FLOATPIM_GPU_CLAIMS, claimGpu, claimGpuSteps, gpuComparison, type GpuComparison } from './gpu-comparison.ts';
import type { StepFigures } from '../workload/totals.ts';

// The paper's comparison (Wang et al., ISCAS 2020: 3.3x energy, 1.8x latency, 2.5x area better
// than FloatPIM): both designs train FloatPIM's benchmark networks, one step each, and the ratios
// are baseline / proposed (bigger is better for the proposed design). The basis decides how each
// design is costed and sized (bases.ts); for each ratio and basis, the single cell value of the
// proposed design that would reach the paper's figure is found by a root finder (what-it-takes.ts).

export const PAPER_NETWORKS = ['alexnet', 'vgg16', 'googlenet', 'squeezenet'] as const;
export const PAPER_TARGETS = { energy: 3.3, latency: 1.8, area: 2.5 } as const;
/** How close a modelled ratio must come to the paper's for the claim to count as reproduced. */
export const TARGET_TOLERANCE = 0.2;
/** The network whose per-image figures are set beside FloatPIM's GPU comparison. */
export const SANITY_NETWORK = 'alexnet';
export { FLOATPIM_GPU_CLAIMS } from './gpu-comparison.ts';
/** FloatPIM reserves 93 of its 1024 columns as bf16 scratch. */
const FLOATPIM_SCRATCH_COLUMNS = 93;

/** `same-lanes` is the earlier name of `as-modelled`; `all` runs every basis. */
export type BasisChoice = PaperBasis | 'same-lanes' | 'all';

export interface DesignInput extends SideInput {
  readonly id: string;
  readonly name: string;
  readonly version?: number;
  readonly values: readonly LibraryValue[];
  readonly cellName: string;
  readonly cellValues: readonly LibraryValue[];
}

export interface Assumption {
  readonly name: string;
  readonly value: string;
  readonly source: string;
}

interface Totals {
  readonly energy_J: number;
  readonly latency_s: number;
  readonly area_m2: number;
}

export type Ratios = Record<Metric, number>;

export interface OpFigures {
  readonly format: string;
  readonly area_m2: number;
  readonly peakPower_W: number;
  readonly ops: Record<'fpMul' | 'fpAdd', { readonly steps: Record<string, number>; readonly latency_s: number; readonly energyPerLane_J: number }>;
}

export interface BasisResult {
  readonly basis: PaperBasis;
  readonly description: string;
  /** `steps` on the step-count basis: its energies and latencies count array steps (lane-steps for energy), not joules and seconds. */
  readonly figuresIn: 'SI' | 'steps';
  readonly models: { network: string; proposed: Totals; baseline: Totals; ratios: Ratios }[];
  /** Geometric mean of the per-network ratios. */
  readonly average: Ratios;
  readonly gaps: { metric: Metric; modelled: number; target: number; withinTolerance: boolean; survives: boolean; explanation: string }[];
  readonly designs: { readonly proposed: OpFigures; readonly baseline: OpFigures };
  /** Energy and time per training image of SANITY_NETWORK, to set beside a GPU's. */
  readonly perImage: { readonly network: string; readonly proposed: { energy_J: number; time_s: number }; readonly baseline: { energy_J: number; time_s: number } } | null;
  /** In-array working storage of the FP microprograms: scratch bits per lane, not silicon. */
  readonly scratchBitsPerLane: { readonly proposed: number; readonly baseline: number; readonly ratio: number; readonly label: string };
  readonly assumptions: Assumption[];
  /** The baseline against FloatPIM's GPU (a GTX 1080 in FP32), beside FloatPIM's published ratios; absent from the uncertainty study's draws. */
  readonly gpuComparison?: GpuComparison;
}

export interface PaperComparison extends BasisResult {
  readonly batch: number;
  readonly proposed: { readonly id: string; readonly name: string; readonly version?: number };
  readonly baseline: { readonly id: string; readonly name: string; readonly version?: number };
  readonly targets: Ratios;
  readonly gpuClaims: typeof FLOATPIM_GPU_CLAIMS;
  readonly whatItTakes: WhatItTakes[];
  /** Every basis, when `all` was asked for. */
  readonly bases?: BasisResult[];
}

const geomean = (xs: readonly number[]): number => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
const METRICS: readonly Metric[] = ['energy', 'latency', 'area'];

function totals(prepared: PreparedDesign, analysis: NetworkAnalysis, batch: number): Totals {
  return evaluateTotals(prepared, analysis, batch);
}

function ratiosOf(baseline: Totals, proposed: Totals): Ratios {
  return { energy: baseline.energy_J / proposed.energy_J, latency: baseline.latency_s / proposed.latency_s, area: baseline.area_m2 / proposed.area_m2 };
}

/** `stepUnits`: the design was prepared with unit-cost steps (no power to speak of). */
function opFigures(prepared: PreparedDesign, published: boolean, stepUnits: boolean): OpFigures {
  const forward = prepared.costs.forward;
  const format = forward.format;
  const steps = (op: 'fpMul' | 'fpAdd'): Record<string, number> => {
    if (published) {
      const c = floatpimCycles(format);
      return op === 'fpMul' ? { cycles: c.fpMul } : { cycles: c.fpAdd, searches: c.fpAddSearches };
    }
    return { ...countOperation(prepared.family, op, format, prepared.design.arithMode).steps } as Record<string, number>;
  };
  const op = (name: 'fpMul' | 'fpAdd'): OpFigures['ops']['fpMul'] => ({ steps: steps(name), latency_s: forward[name].latency_s, energyPerLane_J: forward[name].energy_J });
  return { format: format.name, area_m2: prepared.area.area_m2, peakPower_W: stepUnits ? 0 : prepared.power.peak_W, ops: { fpMul: op('fpMul'), fpAdd: op('fpAdd') } };
}

const fmt = (x: number): string => (x >= 10 || x < 0.1 ? x.toPrecision(2) : x.toFixed(2));

function gapsOf(average: Ratios, cellShare: number, proposed: DesignInput, baseline: DesignInput): BasisResult['gaps'] {
  const explain: Record<Metric, (k: number) => string> = {
    energy: (k) =>
      `the proposed design's energy would have to be ${fmt(k)}x its modelled value; ${(100 * cellShare).toFixed(0)}% of it is spent in its cells ("${proposed.cellName}"), the rest in the periphery (drivers, lines, sense amplifiers); or the baseline ("${baseline.cellName}") ${fmt(1 / k)}x dearer`,
    latency: (k) => `the proposed design's steps would have to take ${fmt(k)}x their modelled time, or run on ${fmt(1 / k)}x as many lanes at once`,
    area: (k) => `the proposed design would need ${fmt(k)}x its modelled silicon: a smaller cell, a lighter periphery, or fewer bits than the baseline holds`,
  };
  return METRICS.map((metric) => {
    const modelled = average[metric];
    const target = PAPER_TARGETS[metric];
    const withinTolerance = Math.abs(modelled / target - 1) <= TARGET_TOLERANCE;
    const survives = modelled >= target * (1 - TARGET_TOLERANCE);
    return { metric, modelled, target, withinTolerance, survives, explanation: survives ? 'the claim holds on this basis (within 20% or better)' : explain[metric](modelled / target) };
  });
}

interface Context {
  readonly proposed: DesignInput;
  readonly baseline: DesignInput;
  readonly networks: readonly NetworkAnalysis[];
  readonly batch: number;
  /** The GPU's step on each network, when the comparison sets the baseline against it. */
  readonly gpuSteps?: readonly StepFigures[];
}

function runBasis(ctx: Context, basis: PaperBasis): { result: BasisResult; baselineTotals: Totals[] } {
  const p = prepareForBasis(basis, ctx.proposed, 'proposed');
  const b = prepareForBasis(basis, ctx.baseline, 'baseline');
  const baselineTotals = ctx.networks.map((n) => totals(b, n, ctx.batch));
  const proposedTotals = ctx.networks.map((n) => totals(p, n, ctx.batch));
  const models = ctx.networks.map((n, i) => ({ network: n.network.name, proposed: proposedTotals[i]!, baseline: baselineTotals[i]!, ratios: ratiosOf(baselineTotals[i]!, proposedTotals[i]!) }));
  const average = { energy: geomean(models.map((m) => m.ratios.energy)), latency: geomean(models.map((m) => m.ratios.latency)), area: geomean(models.map((m) => m.ratios.area)) };
  const cellShare = p.costs.forward.fpMul.energy_J + p.costs.forward.fpAdd.energy_J;
  const share = cellShare > 0 ? (p.costs.forward.fpMul.cellEnergy_J + p.costs.forward.fpAdd.cellEnergy_J) / cellShare : 0;
  const sanity = ctx.networks.findIndex((n) => n.network.name.toLowerCase() === SANITY_NETWORK);
  const published = basis === 'floatpim-published';
  const baselineScratch = published ? FLOATPIM_SCRATCH_COLUMNS : b.costs.forward.programBits;
  return {
    baselineTotals,
    result: {
      basis,
      description: BASIS_DESCRIPTIONS[basis],
      figuresIn: basis === 'step-count' ? 'steps' : 'SI',
      models,
      average,
      gaps: gapsOf(average, basis === 'step-count' ? 0 : share, ctx.proposed, ctx.baseline),
      designs: { proposed: opFigures(p, false, basis === 'step-count'), baseline: opFigures(b, published, basis === 'step-count') },
      perImage:
        sanity < 0 || basis === 'step-count'
          ? null
          : {
              network: SANITY_NETWORK,
              proposed: { energy_J: proposedTotals[sanity]!.energy_J / ctx.batch, time_s: proposedTotals[sanity]!.latency_s / ctx.batch },
              baseline: { energy_J: baselineTotals[sanity]!.energy_J / ctx.batch, time_s: baselineTotals[sanity]!.latency_s / ctx.batch },
            },
      scratchBitsPerLane: {
        proposed: p.costs.forward.programBits,
        baseline: baselineScratch,
        ratio: baselineScratch / p.costs.forward.programBits,
        label: published ? 'scratch bits per lane, not silicon (baseline: the 93 columns FloatPIM reserves as bf16 scratch)' : 'scratch bits per lane, not silicon (rows the FP microprograms occupy)',
      },
      assumptions: basisAssumptions(basis),
      ...(ctx.gpuSteps ? { gpuComparison: againstGpu(ctx, basis, baselineTotals) } : {}),
    },
  };
}

function againstGpu(ctx: Context, basis: PaperBasis, baselineTotals: readonly Totals[]): GpuComparison {
  return gpuComparison({ basis, against: ctx.baseline.name, batch: ctx.batch, networks: ctx.networks.map((n) => n.network.name), gpuSteps: ctx.gpuSteps!, pimSteps: baselineTotals });
}

function basisAssumptions(basis: PaperBasis): Assumption[] {
  const own: Assumption = { name: 'comparison basis', value: basis, source: `assumption: the paper publishes no basis; ${BASIS_DESCRIPTIONS[basis]}` };
  return basis === 'floatpim-published' ? [own, ...PUBLISHED_ASSUMPTIONS] : [own];
}

function takes(ctx: Context, basis: PaperBasis, baselineTotals: readonly Totals[]): WhatItTakes[] {
  return METRICS.map((metric) => {
    const ratioOf = (cell: CellParams): number => {
      const p = prepareForBasis(basis, { params: ctx.proposed.params, cell }, 'proposed');
      const ratios = ctx.networks.map((n, i) => ratiosOf(baselineTotals[i]!, totals(p, n, ctx.batch))[metric]);
      return geomean(ratios);
    };
    return whatItTakes(metric, basis, ctx.proposed, PAPER_TARGETS[metric], ratioOf);
  });
}

/**
 * The comparison's averaged ratios (baseline ÷ proposed, geometric mean over the networks) on one
 * basis, without the explanations and the root finding: what an uncertainty study draws hundreds of.
 */
export function paperAverages(proposed: DesignInput, baseline: DesignInput, networks: readonly NetworkAnalysis[], basis: PaperBasis, batch?: number): Ratios {
  return runBasis({ proposed, baseline, networks, batch: batch ?? baseline.params.defaultBatch }, basis).result.average;
}

export function comparePaper(proposed: DesignInput, baseline: DesignInput, networks: readonly NetworkAnalysis[], options: { basis: BasisChoice; batch?: number }): PaperComparison {
  const batch = options.batch ?? baseline.params.defaultBatch;
  const ctx: Context = { proposed, baseline, networks, batch, gpuSteps: claimGpuSteps(networks, batch) };
  const chosen: readonly PaperBasis[] = options.basis === 'all' ? PAPER_BASES : [options.basis === 'same-lanes' ? 'as-modelled' : options.basis];
  const runs = chosen.map((basis) => ({ basis, ...runBasis(ctx, basis) }));
  const main = runs[0]!.result;
  return {
    ...main,
    assumptions: [...main.assumptions, ...commonAssumptions(proposed, baseline, ctx.batch)],
    batch: ctx.batch,
    proposed: { id: proposed.id, name: proposed.name, ...(proposed.version === undefined ? {} : { version: proposed.version }) },
    baseline: { id: baseline.id, name: baseline.name, ...(baseline.version === undefined ? {} : { version: baseline.version }) },
    targets: { ...PAPER_TARGETS },
    gpuClaims: FLOATPIM_GPU_CLAIMS,
    whatItTakes: runs.flatMap((r) => takes(ctx, r.basis, r.baselineTotals)),
    ...(options.basis === 'all' ? { bases: runs.map((r) => r.result) } : {}),
  };
}

/** Every value either design or its cell takes as an assumption, and the model's own rules. */
function commonAssumptions(proposed: DesignInput, baseline: DesignInput, batch: number): Assumption[] {
  const fromValues = (who: string, values: readonly LibraryValue[]): Assumption[] =>
    values
      .filter((v) => v.source.trim().toLowerCase().startsWith('assumption:'))
      .map((v) => ({ name: `${who}: ${v.key}`, value: `${String(v.value)}${v.unit && v.unit !== '1' ? ` ${v.unit}` : ''}`, source: v.source }));
  return [
    { name: 'batch', value: String(batch), source: 'assumption: FloatPIM does not state its batch (the baseline design\'s batch value)' },
    { name: 'networks', value: PAPER_NETWORKS.join(', '), source: `${FLOATPIM}: its ImageNet benchmark set` },
    {
      name: 'GPU compared with',
      value: `${claimGpu().name}, ${CLAIM_GPU_FORMAT} in every phase, the same batch`,
      source: `${FLOATPIM}: ${FLOATPIM_GPU_CLAIMS.speedup}x the speed and ${FLOATPIM_GPU_CLAIMS.energyEfficiency}x the energy efficiency of a GTX 1080 in training. assumption: the GPU trains in FP32 (a GTX 1080 runs FP16 at 1/64 of its FP32 rate, so FP32 is how it trains) at the PIM designs' batch, so images per step match`,
    },
    {
      name: 'composed operations',
      value: Object.entries(COMPOSED_OPS)
        .map(([op, r]) => `${op} = ${r.fpMul} fpMul + ${r.fpAdd} fpAdd`)
        .join('; '),
      source: 'assumption: the usual software sequences for the operations without a microprogram of their own (compare, divide, exponential, square root)',
    },
    {
      name: 'mapping',
      value: 'dot products split over lanes with a tree reduction; element-wise work over all lanes; no overlap between layers or between compute and transfers',
      source: `assumption: ${FLOATPIM}'s compute-then-transfer phases`,
    },
    ...fromValues(proposed.name, proposed.values),
    ...fromValues(proposed.cellName, proposed.cellValues),
    ...fromValues(baseline.name, baseline.values),
    ...fromValues(baseline.cellName, baseline.cellValues),
  ];
}
