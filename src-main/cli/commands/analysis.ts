import type { Command } from '../context.ts';
import { choice, intOption, numberOption, required, stringOption } from '../args.ts';
import { renderTable } from '../table.ts';
import { formatSI } from '../../shared/units.ts';
import { availableParallelism } from 'node:os';
import { ANALYSIS_METRICS, PAPER_BAND_BASES, type GoalSeekOutput, type PaperBandsOutput, type SensitivityOutput, type SobolOutput, type UncertaintyOutput } from '../../shared/schemas/analysis.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../workers/sim-worker-script.ts';

// `pimwb sensitivity` (every value of a design, its cell and its node moved one at a time: the
// metric at both ends and the elasticity, most influential first) and `pimwb goal-seek` (the value
// of one key that makes the metric, or the ratio to a second design, equal a target).

const STUDY_OPTIONS = [
  { name: 'design', kind: 'string', value: 'ID', description: 'design (built-in id such as sot-mram-pim, stored id or name)' },
  { name: 'network', kind: 'string', value: 'ID', description: 'network (built-in id such as resnet18, stored id or name)' },
  { name: 'metric', kind: 'string', value: ANALYSIS_METRICS.join('|'), description: 'energy or latency of one training step, chip area, or average power (default energy)' },
  { name: 'vs', kind: 'string', value: 'DESIGN', description: 'a second design: the metric becomes design ÷ DESIGN' },
  { name: 'batch', kind: 'int', value: 'N', description: "images per step (default: each design's batch)" },
] as const;

function studyInput(args: Parameters<Command['run']>[1]): { design: string; network: string; metric: (typeof ANALYSIS_METRICS)[number]; vs?: string; batch?: number } {
  const metric = stringOption(args, 'metric');
  const vs = stringOption(args, 'vs');
  const batch = intOption(args, 'batch');
  return {
    design: required(args, 'design'),
    network: required(args, 'network'),
    metric: metric === undefined ? 'energy' : choice(metric, ANALYSIS_METRICS, 'metric'),
    ...(vs !== undefined ? { vs } : {}),
    ...(batch !== undefined ? { batch } : {}),
  };
}

/** A figure of the metric: SI with its unit, or a ratio. */
function shown(value: number | null, unit: string): string {
  if (value === null) return 'refused';
  return unit === '1' ? `${Number(value.toPrecision(4))}×` : formatSI(value, unit);
}

function valueText(value: number, unit: string): string {
  const v = Number(value.toPrecision(4));
  return unit === '1' || unit === '' ? String(v) : `${v} ${unit}`;
}

function movedText(out: SensitivityOutput): string {
  const ranged = out.parameters.filter((p) => p.moved === 'range').length;
  if (ranged === 0) return `each value moved by ±${out.percent}%`;
  return `${ranged} values moved to the ends of the range their library gives, the other ${out.parameters.length - ranged} by ±${out.percent}%`;
}

function sensitivityText(out: SensitivityOutput, all: boolean): string {
  const what = out.vs ? `${out.metric} of ${out.design} ÷ ${out.vs}` : `${out.metric} of ${out.design}`;
  const rows = all ? out.parameters : out.parameters.filter((p) => p.elasticity !== 0).slice(0, 25);
  const lines = [
    `${what} on ${out.network}: ${shown(out.baseline, out.unit)}; ${movedText(out)} (${out.evaluations} evaluations)`,
    '',
    renderTable(rows, [
      { title: 'LIBRARY', value: (p) => (out.vs ? `${p.side === 'vs' ? 'vs' : 'design'}: ${p.library}` : p.library) },
      { title: 'KEY', value: (p) => p.key },
      { title: 'VALUE', value: (p) => valueText(p.value, p.unit), align: 'right' },
      { title: 'LOW', value: (p) => valueText(p.low, p.unit), align: 'right' },
      { title: 'HIGH', value: (p) => valueText(p.high, p.unit), align: 'right' },
      { title: 'AT LOW', value: (p) => shown(p.metricAtLow, out.unit), align: 'right' },
      { title: 'AT HIGH', value: (p) => shown(p.metricAtHigh, out.unit), align: 'right' },
      { title: 'ELASTICITY', value: (p) => (p.elasticity === null ? '' : p.elasticity.toFixed(4)), align: 'right' },
    ]),
  ];
  const hidden = out.parameters.length - rows.length;
  if (hidden > 0) lines.push('', `${hidden} more values move the metric less or not at all (--all lists them)`);
  const refused = out.parameters.filter((p) => p.refused);
  if (refused.length) lines.push('', ...refused.map((p) => `refused: ${p.key}: ${p.refused}`));
  return lines.join('\n');
}

const sensitivity: Command = {
  path: ['sensitivity'],
  summary: 'which value decides the result: every value of a design, its cell and its node moved one at a time',
  options: [...STUDY_OPTIONS, { name: 'percent', kind: 'string', value: 'P', description: 'move every value down and up by P% (default: to the ends of the range its library gives, or by 10% without one)' }, { name: 'all', kind: 'flag', description: 'list every value, not only the 25 that move the metric most' }],
  details:
    'Elasticity is d ln M / d ln p between the two ends. With --json: {"metric", "baseline", "parameters": [{"library", "key", "unit", "low", "high", "metricAtLow", "metricAtHigh", "elasticity", "side", "value", "moved" (range|percent), "refused"?}], "unit", "percent", ...}, most influential first; figures in SI (J, s, m^2, W) or a ratio with --vs.',
  async run(ctx, args) {
    const percent = numberOption(args, 'percent');
    const out = await ctx.call('analysis.sensitivity', { ...studyInput(args), ...(percent !== undefined ? { percent } : {}) });
    ctx.print(out, () => sensitivityText(out, args.options.all === true));
  },
};

function goalSeekText(out: GoalSeekOutput, unit: string): string {
  const a = /^[aeiou]/.test(out.metric) ? 'an' : 'a';
  const what = unit === '1' ? `${out.metric} ratio` : out.metric;
  const range = `${valueText(out.range[0], out.unit)} to ${valueText(out.range[1], out.unit)}`;
  if (out.unreachable !== undefined) return `no ${out.key} (${out.library}) gives ${a} ${what} of ${shown(out.target, unit)}: ${out.unreachable}`;
  return [
    `${out.key} = ${valueText(out.value!, out.unit)} (now ${valueText(out.current, out.unit)}, in ${out.library}) gives ${a} ${what} of ${shown(out.achieved!, unit)} (target ${shown(out.target, unit)})`,
    `searched ${range} in ${out.iterations} evaluations`,
  ].join('\n');
}

const goalSeek: Command = {
  path: ['goal-seek'],
  summary: 'the value of one key that makes a metric (or the ratio to a second design) equal a target',
  options: [
    ...STUDY_OPTIONS,
    { name: 'key', kind: 'string', value: 'KEY', description: 'a numeric value of the design, its cell (e.g. setCurrent) or its node (e.g. node.vdd)' },
    { name: 'target', kind: 'string', value: 'X', description: 'the metric wanted, in SI (J, s, m^2, W), or the ratio with --vs' },
    { name: 'low', kind: 'string', value: 'V', description: "lowest value searched, in the key's unit (default: a hundredth of the value, within its physical bounds)" },
    { name: 'high', kind: 'string', value: 'V', description: "highest value searched (default: a hundred times the value, within its bounds)" },
  ],
  details:
    'With --json: {"key", "value", "unit", "achieved", "iterations", ...} or, when no value in the range gives the target, {"key", "unit", "unreachable", "range", "metricRange", ...}. An unreachable target is an answer, not an error: the exit status is 0.',
  async run(ctx, args) {
    const target = numberOption(args, 'target');
    if (target === undefined) required(args, 'target');
    const low = numberOption(args, 'low');
    const high = numberOption(args, 'high');
    const study = studyInput(args);
    const out = await ctx.call('analysis.goalSeek', { ...study, key: required(args, 'key'), target: target!, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) });
    const unit = study.vs ? '1' : { energy: 'J', latency: 's', area: 'm^2', power: 'W' }[study.metric];
    ctx.print(out, () => goalSeekText(out, unit));
  },
};

const GLOBAL_OPTIONS = [
  ...STUDY_OPTIONS,
  { name: 'samples', kind: 'int', value: 'N', description: 'base samples' },
  { name: 'seed', kind: 'int', value: 'S', description: 'seed of the draws (default 1): the same seed gives the same answer' },
  { name: 'percent', kind: 'string', value: 'P', description: 'a value without a range in its library is drawn uniformly within ±P% (default 10)' },
] as const;

function globalInput(args: Parameters<Command['run']>[1]): { samples?: number; seed?: number; percent?: number } {
  const samples = intOption(args, 'samples');
  const seed = intOption(args, 'seed');
  const percent = numberOption(args, 'percent');
  return { ...(samples !== undefined ? { samples } : {}), ...(seed !== undefined ? { seed } : {}), ...(percent !== undefined ? { percent } : {}) };
}

/** Global studies evaluate thousands of designs: in worker threads, one per core. */
async function withPool<T>(ctx: Parameters<Command['run']>[0], work: () => Promise<T>): Promise<T> {
  const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT, size: Math.max(1, availableParallelism()) });
  try {
    ctx.open({ jobs: pool });
    return await work();
  } finally {
    await pool.close();
  }
}

const ci = (c: [number, number]): string => `[${c[0].toFixed(3)}, ${c[1].toFixed(3)}]`;

function rangeText(r: SobolOutput['indices'][number]['range'], unit: string): string {
  const u = unit === '1' ? '' : ` ${unit}`;
  return `${Number(r.low.toPrecision(4))}–${Number(r.high.toPrecision(4))}${u} ${r.distribution}${r.source.startsWith('assumption:') ? ' (assumed)' : ''}`;
}

function sobolText(out: SobolOutput): string {
  return [
    `${out.metric}: first- and total-order Sobol indices of the ${out.indices.length} most influential values; ${out.samples} base samples (seed ${out.seed}, ${out.evaluations} evaluations${out.refused ? `, ${out.refused} refused by the simulator and left out` : ''}), ${Math.round(out.confidence * 100)}% bootstrap intervals`,
    `baseline ${shown(out.baseline, out.unit)}, mean over the draws ${shown(out.mean, out.unit)}`,
    '',
    renderTable(out.indices, [
      { title: 'KEY', value: (i) => (i.together?.length ? `${i.key} (with ${i.together.join(', ')})` : i.key) },
      { title: 'LIBRARY', value: (i) => (i.side === 'vs' ? `vs: ${i.library}` : i.library) },
      { title: 'FIRST', value: (i) => i.first.toFixed(3), align: 'right' },
      { title: 'INTERVAL', value: (i) => ci(i.firstCI) },
      { title: 'TOTAL', value: (i) => i.total.toFixed(3), align: 'right' },
      { title: 'INTERVAL', value: (i) => ci(i.totalCI) },
      { title: 'DRAWN FROM', value: (i) => rangeText(i.range, i.unit) },
    ]),
  ].join('\n');
}

const sobolCommand: Command = {
  path: ['sobol'],
  summary: 'global sensitivity: first- and total-order Sobol indices of the most influential values, with bootstrap intervals',
  options: [...GLOBAL_OPTIONS, { name: 'top', kind: 'int', value: 'N', description: 'study the N values the tornado ranks highest (default 30)' }],
  details:
    'Saltelli sampling, N (d + 2) evaluations; the first order by Saltelli et al. (2010), the total by Jansen (1999). With --json: {"indices": [{"key", "first", "total", "firstCI", "totalCI", "library", "side", "unit", "range", "together"?}], "metric", "unit", "baseline", "mean", "variance", "samples", "seed", "evaluations", "refused", "confidence"}.',
  async run(ctx, args) {
    const top = intOption(args, 'top');
    const out = await withPool(ctx, () => ctx.call('analysis.sobol', { ...studyInput(args), ...globalInput(args), ...(top !== undefined ? { top } : {}) }));
    ctx.print(out, () => sobolText(out));
  },
};

function uncertaintyText(out: UncertaintyOutput): string {
  const assumed = out.parameters.filter((p) => p.range.source.startsWith('assumption:')).length;
  return [
    `${out.metric}: P5 ${shown(out.p5, out.unit)}, P50 ${shown(out.p50, out.unit)}, P95 ${shown(out.p95, out.unit)} (mean ${shown(out.mean, out.unit)}; as the libraries give it ${shown(out.baseline, out.unit)})`,
    `${out.samples} draws of ${out.parameters.length} values at once (seed ${out.seed}${out.refused ? `; ${out.refused} refused by the simulator and left out` : ''}); ${out.parameters.length - assumed} from their libraries' ranges, ${assumed} within an assumed ±range (--json lists each)`,
  ].join('\n');
}

const uncertaintyCommand: Command = {
  path: ['uncertainty'],
  summary: 'the 5th, 50th and 95th percentiles of a metric with every value drawn from its range at once',
  options: GLOBAL_OPTIONS,
  details: 'With --json: {"p5", "p50", "p95", "samples", "mean", "metric", "unit", "baseline", "seed", "refused", "parameters": [{"library", "side", "key", "unit", "value", "range"}]}.',
  async run(ctx, args) {
    const out = await withPool(ctx, () => ctx.call('analysis.uncertainty', { ...studyInput(args), ...globalInput(args) }));
    ctx.print(out, () => uncertaintyText(out));
  },
};

function paperBandsText(out: PaperBandsOutput): string {
  return [
    `the paper's ratios (FloatPIM ÷ SOT-MRAM PIM, geometric mean over its four networks), ${out.basis} basis, with ${out.parameters} values of both designs drawn at once (${out.assumed} within an assumed ±${out.percent}%); ${out.samples} draws (seed ${out.seed}${out.refused ? `, ${out.refused} refused by the simulator` : ''})`,
    '',
    renderTable(out.metrics, [
      { title: 'METRIC', value: (m) => m.metric },
      { title: 'MODELLED', value: (m) => `${Number(m.modelled.toPrecision(3))}×`, align: 'right' },
      { title: 'P5', value: (m) => `${Number(m.p5.toPrecision(3))}×`, align: 'right' },
      { title: 'P50', value: (m) => `${Number(m.p50.toPrecision(3))}×`, align: 'right' },
      { title: 'P95', value: (m) => `${Number(m.p95.toPrecision(3))}×`, align: 'right' },
      { title: 'PUBLISHED', value: (m) => `${m.published}×`, align: 'right' },
      { title: 'CLAIM', value: (m) => (m.inside ? 'inside the band' : 'outside the band') },
    ]),
  ].join('\n');
}

const paperBandsCommand: Command = {
  path: ['paper-bands'],
  summary: "the paper comparison's ratios under uncertainty, and which published claims fall inside the 5th–95th percentile band",
  options: [
    { name: 'proposed', kind: 'string', value: 'DESIGN', description: 'the proposed design (default sot-mram-pim)' },
    { name: 'baseline', kind: 'string', value: 'DESIGN', description: 'the baseline design (default floatpim)' },
    { name: 'basis', kind: 'string', value: PAPER_BAND_BASES.join('|'), description: 'how the two designs are costed and sized (default as-modelled)' },
    { name: 'batch', kind: 'int', value: 'N', description: "images per step (default: the baseline's batch)" },
    { name: 'samples', kind: 'int', value: 'N', description: 'draws (default 300)' },
    { name: 'seed', kind: 'int', value: 'S', description: 'seed of the draws (default 1)' },
    { name: 'percent', kind: 'string', value: 'P', description: 'a value without a range in its library is drawn uniformly within ±P% (default 10)' },
  ],
  details:
    'With --json: {"basis", "metrics": [{"metric", "modelled", "p5", "p50", "p95", "published", "inside"}], "samples", "refused", "seed", "percent", "parameters", "assumed"}; ratios are baseline ÷ proposed as in the paper.',
  async run(ctx, args) {
    const basis = stringOption(args, 'basis');
    const proposed = stringOption(args, 'proposed');
    const baseline = stringOption(args, 'baseline');
    const batch = intOption(args, 'batch');
    const input = {
      ...(proposed !== undefined ? { proposed } : {}),
      ...(baseline !== undefined ? { baseline } : {}),
      ...(basis !== undefined ? { basis: choice(basis, PAPER_BAND_BASES, 'basis') } : {}),
      ...(batch !== undefined ? { batch } : {}),
      ...globalInput(args),
    };
    const out = await withPool(ctx, () => ctx.call('analysis.paperBands', input));
    ctx.print(out, () => paperBandsText(out));
  },
};

export const analysisCommands: readonly Command[] = [sensitivity, goalSeek, sobolCommand, uncertaintyCommand, paperBandsCommand];
