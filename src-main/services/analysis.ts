import { WorkbenchFailure } from '../shared/result.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { METRIC_UNITS, sideKnobs, type Knob, type StudySide } from '../sim/analysis/knobs.ts';
import { dimensionsOf, drawRange, fixedRange, tieKnobs } from '../sim/analysis/draws.ts';
import { PAPER_BAND_METRICS } from '../sim/analysis/paper-bands.ts';
import { PAPER_NETWORKS, PAPER_TARGETS } from '../sim/experiment/reproduce.ts';
import { sobolIndices, sobolSample } from '../sim/analysis/sobol.ts';
import { quantile, uniformPoints } from '../sim/analysis/quantiles.ts';
import type { SensitivityOutput } from '../shared/schemas/analysis.ts';
import { DRAWS_TASK, GOAL_SEEK_TASK, PAPER_DRAWS_TASK, SENSITIVITY_TASK, type DrawsTaskInput, type PaperDrawsTaskInput, type GoalSeekTaskInput, type SensitivityTaskInput, type StudyTaskInput } from '../sim/analysis/task.ts';
import type { DesignService } from './designs.ts';
import { naming } from './experiments.ts';
import type { NetworkService } from './networks.ts';

// Which value decides a result: the tornado of every value of a design (and of a second one, for a
// ratio), and goal seek. The designs and the network are resolved here; the work runs as a
// simulator task, in the worker pool in the window and `pimwb serve`.

export interface AnalysisDeps {
  readonly designs: DesignService;
  readonly networks: NetworkService;
  readonly jobs: JobRunner;
}

type StudyInput = ParsedInput<'analysis.sensitivity'> | ParsedInput<'analysis.goalSeek'> | ParsedInput<'analysis.sobol'> | ParsedInput<'analysis.uncertainty'>;

/** Pieces a global study's draws are split into: enough to keep every worker of a pool busy. */
const DRAW_CHUNKS = 8;
/** How far a value without a range in its library moves in a tornado when no percentage is asked for. */
const DEFAULT_PERCENT = 10;
const BOOTSTRAP = 200;
const CONFIDENCE = 0.95;

export class AnalysisService {
  private readonly deps: AnalysisDeps;

  constructor(deps: AnalysisDeps) {
    this.deps = deps;
  }

  async sensitivity(input: ParsedInput<'analysis.sensitivity'>): Promise<Output<'analysis.sensitivity'>> {
    const task: SensitivityTaskInput = { ...this.study(input), percent: input.percent ?? DEFAULT_PERCENT, useRanges: input.percent === undefined };
    return this.run(SENSITIVITY_TASK, task);
  }

  async goalSeek(input: ParsedInput<'analysis.goalSeek'>): Promise<Output<'analysis.goalSeek'>> {
    const study = this.study(input);
    const knobs = sideKnobs(study.design);
    if (!knobs.some((k) => k.key === input.key)) {
      const message = `"${input.key}" is not a numeric value of ${study.design.name}, its cell or its node`;
      throw new WorkbenchFailure('invalid_input', message, [{ path: 'key', message: `must be one of ${knobs.map((k) => k.key).join(', ')}` }]);
    }
    const task: GoalSeekTaskInput = { ...study, key: input.key, target: input.target, ...(input.low !== undefined ? { low: input.low } : {}), ...(input.high !== undefined ? { high: input.high } : {}) };
    return this.run(GOAL_SEEK_TASK, task);
  }

  /**
   * First- and total-order Sobol indices of the `top` values the tornado ranks highest, each drawn
   * from its range (or ±percent), over N (d + 2) evaluations spread over the job runner.
   */
  async sobol(input: ParsedInput<'analysis.sobol'>): Promise<Output<'analysis.sobol'>> {
    const study = this.study(input);
    const ranked = await this.run<SensitivityOutput>(SENSITIVITY_TASK, { ...study, percent: input.percent, useRanges: true } satisfies SensitivityTaskInput);
    // Values drawn as they are (a count with no whole number within ±percent) have no variance to
    // explain; a value drawn with another (tieKnobs) is one factor with it, studied under its name.
    const ranking = this.rankedKnobs(study, ranked);
    const all = tieKnobs(ranking.map((k) => ({ id: k.id, integer: k.integer, value: k.value, range: drawRange(k, input.percent) })));
    const leaders = all.filter((k) => k.follows === undefined && !fixedRange(k.range)).slice(0, input.top);
    if (leaders.length === 0) throw new WorkbenchFailure('invalid_input', 'no value of the design can be drawn within the ranges', [{ path: 'percent', message: 'widen the range' }]);
    const chosenIds = new Set(leaders.map((k) => k.id));
    const drawn = [...leaders, ...all.filter((k) => k.follows !== undefined && chosenIds.has(k.follows))];
    const knobOf = new Map(ranking.map((k) => [k.id, k]));
    const together = (id: string): string[] => drawn.filter((k) => k.follows === id).map((k) => knobOf.get(k.id)!.key);
    const d = leaders.length;
    const n = input.samples;
    const sample = sobolSample(d, { samples: n, seed: input.seed });
    const outputs = await this.evaluateDraws(study, drawn, sample.points, (d + 2) * n);
    // A base row the simulator refused anywhere (in A, B or any AB_i) is left out of every estimate.
    const keep: number[] = [];
    for (let row = 0; row < n; row += 1) {
      let ok = true;
      for (let block = 0; block < d + 2 && ok; block += 1) ok = Number.isFinite(outputs[block * n + row]!);
      if (ok) keep.push(row);
    }
    if (keep.length < 16) throw new WorkbenchFailure('conflict', `the simulator refused ${n - keep.length} of ${n} base samples: too few are left to estimate the indices; narrow the ranges (--percent) or choose other values`);
    const pick = (block: number): Float64Array => Float64Array.from(keep, (row) => outputs[block * n + row]!);
    const result = sobolIndices(pick(0), pick(1), Array.from({ length: d }, (_, i) => pick(2 + i)), { seed: input.seed, bootstrap: BOOTSTRAP, confidence: CONFIDENCE });
    return {
      indices: result.indices
        .map((index) => ({ index, knob: knobOf.get(leaders[index.index]!.id)!, range: leaders[index.index]!.range, with: together(leaders[index.index]!.id) }))
        .sort((a, b) => b.index.total - a.index.total || b.index.first - a.index.first)
        .map(({ index, knob, range, with: others }) => ({
          key: knob.key,
          first: index.first,
          total: index.total,
          firstCI: index.firstCI,
          totalCI: index.totalCI,
          library: knob.libraryName,
          side: knob.side === 'subject' ? ('design' as const) : ('vs' as const),
          unit: knob.unit,
          range,
          ...(others.length ? { together: others } : {}),
        })),
      metric: input.metric,
      unit: ranked.unit,
      baseline: ranked.baseline,
      mean: result.mean,
      variance: result.variance,
      samples: keep.length,
      seed: input.seed,
      evaluations: outputs.length,
      refused: n - keep.length,
      confidence: CONFIDENCE,
    };
  }

  /** P5, P50 and P95 of the metric with every value drawn from its range (or ±percent) at once. */
  async uncertainty(input: ParsedInput<'analysis.uncertainty'>): Promise<Output<'analysis.uncertainty'>> {
    const study = this.study(input);
    const knobs = [...sideKnobs(study.design, 'subject'), ...(study.vs ? sideKnobs(study.vs, 'vs') : [])];
    const drawn = tieKnobs(knobs.map((k) => ({ id: k.id, integer: k.integer, value: k.value, range: drawRange(k, input.percent) })));
    const keyOf = new Map(knobs.map((k) => [k.id, k.key]));
    // With no value drawn, the one row is the metric as the libraries give it.
    const baseline = (await this.evaluateDraws(study, [], new Float64Array(0), 1))[0]!;
    const outputs = await this.evaluateDraws(study, drawn, uniformPoints(dimensionsOf(drawn), input.samples, input.seed), input.samples);
    const valid = Float64Array.from(outputs.filter((m) => Number.isFinite(m))).sort();
    if (valid.length < 2) throw new WorkbenchFailure('conflict', `the simulator refused ${outputs.length - valid.length} of ${outputs.length} draws; narrow the ranges (--percent)`);
    const mean = valid.reduce((a, b) => a + b, 0) / valid.length;
    return {
      p5: quantile(valid, 0.05),
      p50: quantile(valid, 0.5),
      p95: quantile(valid, 0.95),
      samples: valid.length,
      mean,
      metric: input.metric,
      unit: study.vs ? '1' : METRIC_UNITS[input.metric],
      baseline,
      seed: input.seed,
      refused: outputs.length - valid.length,
      parameters: knobs.map((k, i) => {
        const follows = drawn[i]!.follows;
        return { library: k.libraryName, side: k.side === 'subject' ? ('design' as const) : ('vs' as const), key: k.key, unit: k.unit, value: k.value, range: drawn[i]!.range, ...(follows ? { drawnWith: keyOf.get(follows)! } : {}) };
      }),
    };
  }

  /**
   * The paper comparison's averaged ratios under uncertainty: both designs' values drawn at once
   * (the node's figures held: both designs share the node), the 5th to 95th percentile of each
   * ratio, and whether the paper's claim lies inside that band.
   */
  async paperBands(input: ParsedInput<'analysis.paperBands'>): Promise<Output<'analysis.paperBands'>> {
    const side = (field: 'proposed' | 'baseline', ref: string): StudySide => {
      const d = naming(field, () => this.deps.designs.resolve(ref, undefined, 'the paper comparison'));
      return { name: d.name, values: [...d.values], cellName: d.cellName, cellValues: [...d.cellValues] };
    };
    const proposed = side('proposed', input.proposed);
    const baseline = side('baseline', input.baseline);
    const networks = PAPER_NETWORKS.map((id) => this.deps.networks.find(`builtin:${id}`).network);
    const knobs = [...sideKnobs(proposed, 'subject'), ...sideKnobs(baseline, 'vs')].filter((k) => k.library !== 'node');
    const drawn = tieKnobs(knobs.map((k) => ({ id: k.id, integer: k.integer, value: k.value, range: drawRange(k, input.percent) })).filter((k) => !fixedRange(k.range)));
    const common = { proposed, baseline, networks, basis: input.basis, ...(input.batch !== undefined ? { batch: input.batch } : {}) };
    const modelled = await this.run<Float64Array>(PAPER_DRAWS_TASK, { ...common, knobs: [], points: new Float64Array(0), rows: 1 } satisfies PaperDrawsTaskInput);
    const d = dimensionsOf(drawn);
    const points = uniformPoints(d, input.samples, input.seed);
    const outputs = await this.inChunks(points, input.samples, d, (slice, count) =>
      this.run<Float64Array>(PAPER_DRAWS_TASK, { ...common, knobs: drawn, points: slice, rows: count } satisfies PaperDrawsTaskInput),
    );
    const valid: number[][] = [[], [], []];
    let refused = 0;
    for (let row = 0; row < input.samples; row += 1) {
      const r = [0, 1, 2].map((i) => outputs[row * 3 + i]!);
      if (r.every((x) => Number.isFinite(x))) r.forEach((x, i) => valid[i]!.push(x));
      else refused += 1;
    }
    if (valid[0]!.length < 2) throw new WorkbenchFailure('conflict', `the simulator refused ${refused} of ${input.samples} draws; narrow the ranges (percent)`);
    return {
      basis: input.basis,
      metrics: PAPER_BAND_METRICS.map((metric, i) => {
        const sorted = Float64Array.from(valid[i]!).sort();
        const [p5, p50, p95] = [quantile(sorted, 0.05), quantile(sorted, 0.5), quantile(sorted, 0.95)];
        const published = PAPER_TARGETS[metric];
        return { metric, modelled: modelled[i]!, p5, p50, p95, published, inside: published >= p5 && published <= p95 };
      }),
      samples: valid[0]!.length,
      refused,
      seed: input.seed,
      percent: input.percent,
      parameters: d,
      assumed: drawn.filter((k) => k.range.source.startsWith('assumption:')).length,
    };
  }

  /** The knobs in the tornado's order (most influential first). */
  private rankedKnobs(study: StudyTaskInput, ranked: SensitivityOutput): Knob[] {
    const knobs = [...sideKnobs(study.design, 'subject'), ...(study.vs ? sideKnobs(study.vs, 'vs') : [])];
    const byId = new Map(knobs.map((k) => [`${k.side === 'subject' ? 'design' : 'vs'}:${k.key}`, k]));
    return ranked.parameters.map((p) => byId.get(`${p.side}:${p.key}`)).filter((k): k is Knob => k !== undefined);
  }

  /** The metric at every row of `points`, in chunks run side by side on the job runner. */
  private evaluateDraws(study: StudyTaskInput, knobs: DrawsTaskInput['knobs'], points: Float64Array, rows: number): Promise<Float64Array> {
    return this.inChunks(points, rows, dimensionsOf(knobs), (slice, count) => this.run<Float64Array>(DRAWS_TASK, { ...study, knobs, points: slice, rows: count } satisfies DrawsTaskInput));
  }

  /** Rows of `d` coordinates split into DRAW_CHUNKS tasks run side by side; their answers joined in order. */
  private async inChunks(points: Float64Array, rows: number, d: number, task: (slice: Float64Array, rows: number) => Promise<Float64Array>): Promise<Float64Array> {
    const per = Math.max(1, Math.ceil(rows / DRAW_CHUNKS));
    const chunks: Promise<Float64Array>[] = [];
    for (let start = 0; start < rows; start += per) {
      const end = Math.min(rows, start + per);
      chunks.push(task(points.slice(start * d, end * d), end - start));
    }
    const parts = await Promise.all(chunks);
    const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }


  private study(input: StudyInput): StudyTaskInput {
    // A GPU design has no cell: its own values are its knobs (sim/analysis/knobs.ts).
    const side = (field: 'design' | 'vs', ref: string): StudySide => {
      const d = naming(field, () => this.deps.designs.resolveAny(ref));
      return d.kind === 'gpu' ? { name: d.name, values: [...d.values], cellName: '', cellValues: [] } : { name: d.name, values: [...d.values], cellName: d.cellName, cellValues: [...d.cellValues] };
    };
    const network = naming('network', () => this.deps.networks.find(input.network));
    return {
      design: side('design', input.design),
      ...(input.vs !== undefined ? { vs: side('vs', input.vs) } : {}),
      network: network.network,
      metric: input.metric,
      ...(input.batch !== undefined ? { batch: input.batch } : {}),
    };
  }

  private async run<T>(task: string, input: unknown): Promise<T> {
    const outcome = await this.deps.jobs.run<T>(task, input);
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the analysis was cancelled before it finished');
    return outcome.value;
  }
}
