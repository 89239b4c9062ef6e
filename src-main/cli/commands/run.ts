import type { Command } from '../context.ts';
import { choice, intOption, required, stringOption } from '../args.ts';
import { clip, renderTable } from '../table.ts';
import { formatSI } from '../../shared/units.ts';
import { MODE_NAMES } from '../../shared/schemas/arith.ts';
import { COMPARISON_BASES, FORMAT_CHOICES, type ReproduceOutput, type RunOutput } from '../../shared/schemas/design-api.ts';

// `pimwb run` (one training step of a network on a design, kept as an experiment) and
// `pimwb reproduce paper` (Wang et al. against FloatPIM on FloatPIM's benchmark networks).

const share = (part: number, whole: number): string => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '');

function figureRows(entries: [string, { energy_J: number; latency_s?: number }][], total: { energy_J: number; latency_s: number }): string {
  return renderTable(entries, [
    { title: '', value: ([name]) => name },
    { title: 'ENERGY', value: ([, f]) => formatSI(f.energy_J, 'J'), align: 'right' },
    { title: '%', value: ([, f]) => share(f.energy_J, total.energy_J), align: 'right' },
    { title: 'LATENCY', value: ([, f]) => (f.latency_s === undefined ? '' : formatSI(f.latency_s, 's')), align: 'right' },
    { title: '%', value: ([, f]) => (f.latency_s === undefined ? '' : share(f.latency_s, total.latency_s)), align: 'right' },
  ]);
}

const probability = (p: number): string => (p === 0 ? '0' : p.toExponential(2));

function lifetimeText(r: RunOutput['result']): string[] {
  const l = r.lifetime;
  if (!l) return [];
  const levelling = l.wearLevelling.kind === 'none' ? 'no wear levelling' : `wear levelling ${l.wearLevelling.kind} (${l.wearLevelling.factor.toPrecision(3)}x fewer writes on the hottest cell)`;
  const head = `lifetime: ${l.writesPerCellPerStep.toPrecision(4)} writes per step on the most-written cell (${l.hottest}), ${levelling}`;
  if (l.days === null) return [head, '  the cell gives no endurance: no lifetime'];
  const epochs = l.epochs === null ? '' : `, ${l.epochs.toPrecision(3)} epochs`;
  const span = l.days < 1 ? ` (${formatSI(l.days * 86_400, 's')})` : l.days > 730 ? ` (${(l.days / 365.25).toPrecision(3)} years)` : '';
  return [head, `  endurance ${l.endurance!.toPrecision(3)} write cycles: ${l.steps!.toPrecision(3)} steps${epochs}, ${l.days.toPrecision(3)} days${span} of continuous training`];
}

function reliabilityText(r: RunOutput['result']): string[] {
  const v = r.reliability;
  if (!v) return [];
  return [
    `device variation: per step ${v.corruptedMacs.toPrecision(3)} wrong MACs (${v.catastrophicMacs.toPrecision(3)} catastrophic), ${v.corruptedWeightUpdates.toPrecision(3)} wrong weight updates (${v.catastrophicWeightUpdates.toPrecision(3)} catastrophic)`,
    `  per operation: ${v.perOp.map((o) => `${o.op} ${o.format} P(wrong) ${probability(o.wrong)}, P(catastrophic) ${probability(o.catastrophic)}`).join('; ')}`,
  ];
}

function runText(out: RunOutput): string {
  const r = out.result;
  const b = r.breakdown;
  const layers = [...b.byLayer].sort((x, y) => y.energy_J - x.energy_J).slice(0, 10);
  const epoch = r.perEpoch ? `per epoch (${r.perEpoch.images} images, ${r.perEpoch.steps} steps): ${formatSI(r.perEpoch.energy_J, 'J')}, ${formatSI(r.perEpoch.latency_s, 's')}` : 'per epoch: the network has no dataset size';
  return [
    `${out.network.name} on ${out.design.name} (version ${out.design.version}), one training step of batch ${r.batch}, ${r.design.formats.forward}/${r.design.formats.backward}/${r.design.formats.update} ${r.design.arithMode}`,
    `energy ${formatSI(r.energy_J, 'J')}    latency ${formatSI(r.latency_s, 's')}    area ${formatSI(r.area_m2, 'm^2')}    average power ${formatSI(r.power_W, 'W')} (${r.design.activeBlocks} of ${r.design.blocks} blocks computing)`,
    epoch,
    ...lifetimeText(r),
    ...reliabilityText(r),
    out.experimentId ? `kept as experiment ${out.experimentId}` : 'not kept (--no-store)',
    ...r.warnings.map((w) => `warning: ${w}`),
    '',
    'by phase',
    figureRows(Object.entries(b.byPhase), r),
    '',
    'by operation',
    figureRows(Object.entries(b.byOp), r),
    '',
    'by component (energy; area)',
    renderTable(Object.entries(b.byComponent), [
      { title: '', value: ([name]) => name },
      { title: 'ENERGY', value: ([, c]) => formatSI(c.energy_J, 'J'), align: 'right' },
      { title: '%', value: ([, c]) => share(c.energy_J, r.energy_J), align: 'right' },
      { title: 'AREA', value: ([, c]) => formatSI(c.area_m2, 'm^2'), align: 'right' },
      { title: '%', value: ([, c]) => share(c.area_m2, r.area_m2), align: 'right' },
    ]),
    '',
    `layers with the most energy (${b.byLayer.length} layers in all; --json for every one)`,
    figureRows(layers.map((l) => [`${clip(l.name, 30)} (${l.kind})`, l]), r),
  ].join('\n');
}

const run: Command = {
  path: ['run'],
  summary: 'one training step of a network on a design: energy, latency, area and their breakdowns',
  options: [
    { name: 'design', kind: 'string', value: 'ID', description: 'design (built-in id such as sot-mram-pim or floatpim, stored id or name)' },
    { name: 'network', kind: 'string', value: 'ID', description: 'network (built-in id such as resnet18, stored id or name)' },
    { name: 'batch', kind: 'int', value: 'N', description: 'images per step (default: the design\'s batch)' },
    { name: 'format', kind: 'string', value: FORMAT_CHOICES.join('|'), description: 'one number format for every phase (default: the design\'s)' },
    { name: 'mode', kind: 'string', value: 'ieee|ftz-trunc', description: 'arithmetic mode (default: the design\'s arithMode)' },
    { name: 'name', kind: 'string', value: 'NAME', description: 'name of the experiment kept (default: design / network)' },
    { name: 'no-store', kind: 'flag', description: 'do not keep the run as an experiment' },
  ],
  details:
    'With --json: {"energy_J", "latency_s", "area_m2", "power_W", "batch", "breakdown": {"byPhase", "byLayer", "byComponent", "byOp"}, "perEpoch" (when the dataset size is known), "design", "work", "warnings", "experimentId", "inputs"} in SI units.',
  async run(ctx, args) {
    const format = stringOption(args, 'format');
    const mode = stringOption(args, 'mode');
    const batch = intOption(args, 'batch');
    const name = stringOption(args, 'name');
    const out = await ctx.call('experiments.run', {
      design: required(args, 'design'),
      network: required(args, 'network'),
      ...(batch !== undefined ? { batch } : {}),
      ...(format !== undefined ? { format: choice(format, FORMAT_CHOICES, 'format') } : {}),
      ...(mode !== undefined ? { mode: choice(mode, MODE_NAMES, 'mode') } : {}),
      ...(name !== undefined ? { name } : {}),
      store: args.options['no-store'] !== true,
    });
    ctx.print({ ...out.result, experimentId: out.experimentId, inputs: { design: out.design, network: out.network } }, () => runText(out));
  },
};

type BasisOutput = NonNullable<ReproduceOutput['bases']>[number];
const times = (v: number): string => `${v >= 10 || v < 0.1 ? v.toPrecision(2) : v.toFixed(2)}x`;

function basisText(r: ReproduceOutput, b: BasisOutput): string[] {
  const stepUnits = b.figuresIn === 'steps';
  const figure = (t: { energy_J: number; latency_s: number }): string => (stepUnits ? `${t.energy_J.toPrecision(3)} / ${t.latency_s.toPrecision(3)} steps` : `${formatSI(t.energy_J, 'J')} / ${formatSI(t.latency_s, 's')}`);
  const lines = [
    `basis ${b.basis}: ${b.description}`,
    renderTable(b.models, [
      { title: 'NETWORK', value: (m) => m.network },
      { title: 'ENERGY', value: (m) => times(m.ratios.energy), align: 'right' },
      { title: 'LATENCY', value: (m) => times(m.ratios.latency), align: 'right' },
      { title: 'AREA', value: (m) => times(m.ratios.area), align: 'right' },
      { title: 'PROPOSED E / T', value: (m) => figure(m.proposed), align: 'right' },
      { title: 'BASELINE E / T', value: (m) => figure(m.baseline), align: 'right' },
    ]),
    `average (geometric mean): energy ${times(b.average.energy)}, latency ${times(b.average.latency)}, area ${times(b.average.area)} (silicon); the paper: ${times(r.targets.energy)}, ${times(r.targets.latency)}, ${times(r.targets.area)}`,
    ...b.gaps.map((g) => `  ${g.metric}: ${g.survives ? `${times(g.modelled)}: the claim holds on this basis` : `${times(g.modelled)} against ${times(g.target)}: ${g.explanation}`}`),
    `  ${b.scratchBitsPerLane.label}: proposed ${b.scratchBitsPerLane.proposed}, baseline ${b.scratchBitsPerLane.baseline} (${times(b.scratchBitsPerLane.ratio)})`,
  ];
  const base = b.designs.baseline.ops;
  if (b.basis === 'floatpim-published') lines.push(`  baseline as published: bf16 fpMul ${JSON.stringify(base.fpMul.steps)}, fpAdd ${JSON.stringify(base.fpAdd.steps)}; ${formatSI(b.designs.baseline.area_m2, 'm^2')}, ${formatSI(b.designs.baseline.peakPower_W, 'W')}`);
  if (b.perImage) {
    const img = b.perImage;
    lines.push(
      `  per ${img.network} training image: baseline ${formatSI(img.baseline.energy_J, 'J')} in ${formatSI(img.baseline.time_s, 's')}, proposed ${formatSI(img.proposed.energy_J, 'J')} in ${formatSI(img.proposed.time_s, 's')}`,
      `    FloatPIM reports ${r.gpuClaims.speedup}x the speed and ${r.gpuClaims.energyEfficiency}x the energy efficiency of a GTX 1080 in training: with the baseline's figures, that GPU would need ${formatSI(img.baseline.time_s * r.gpuClaims.speedup, 's')} and ${formatSI(img.baseline.energy_J * r.gpuClaims.energyEfficiency, 'J')} per image`,
    );
  }
  return lines;
}

function reproduceText(r: ReproduceOutput): string {
  const bases = r.bases ?? [r];
  const takes = r.whatItTakes.map((w) => `  ${w.metric} on ${w.basis}: ${w.feasible ? `${w.key} ${w.reason}` : w.reason}`);
  return [
    `${r.proposed.name} (${r.proposed.id}${r.proposed.version ? `, version ${r.proposed.version}` : ''}) against ${r.baseline.name} (${r.baseline.id}${r.baseline.version ? `, version ${r.baseline.version}` : ''}): one training step per network, batch ${r.batch}; ratios are baseline / proposed (bigger favours the proposed design)`,
    '',
    ...bases.flatMap((b) => [...basisText(r, b), '']),
    'what it would take to reach the paper\'s ratios (one value of the proposed cell, found by a root finder over the model):',
    ...takes,
    '',
    `assumptions (${r.assumptions.length}):`,
    ...r.assumptions.map((a) => `  ${a.name} = ${a.value}\n      ${a.source}`),
  ].join('\n');
}

const reproduce: Command = {
  path: ['reproduce', 'paper'],
  summary: 'Wang et al. (ISCAS 2020) against FloatPIM: energy, latency and area ratios with every assumption',
  options: [
    { name: 'basis', kind: 'string', value: 'as-modelled|floatpim-published|equal-power|step-count|all', description: 'comparison basis (default as-modelled; same-lanes is its earlier name; see --help)' },
    { name: 'batch', kind: 'int', value: 'N', description: 'images per step (default: the baseline design\'s batch)' },
    { name: 'proposed', kind: 'string', value: 'ID', description: 'proposed design (default sot-mram-pim)' },
    { name: 'baseline', kind: 'string', value: 'ID', description: 'baseline design (default floatpim)' },
  ],
  details:
    'Bases: as-modelled (both designs from device physics, FloatPIM\'s organisation, every block computing); floatpim-published (the baseline costed by FloatPIM\'s published cycle formulas, 1.1 ns cycle, 62.6 W and 30.64 mm^2); equal-power (each inside its 62.6 W envelope); step-count (array steps only); all (every basis). Area is silicon on every basis; scratch bits per lane are reported apart. With --json: {"basis", "description", "models": [{"network", "proposed", "baseline", "ratios": {"energy", "latency", "area"}}], "average", "gaps", "designs", "perImage", "scratchBitsPerLane", "assumptions", "batch", "proposed", "baseline", "targets", "gpuClaims", "whatItTakes": [{"metric", "basis", "key", "value", "unit", "feasible", "reason"}], "bases": [...] (with --basis all)}.',
  async run(ctx, args) {
    const basis = stringOption(args, 'basis');
    const batch = intOption(args, 'batch');
    const proposed = stringOption(args, 'proposed');
    const baseline = stringOption(args, 'baseline');
    const out = await ctx.call('paper.reproduce', {
      ...(basis !== undefined ? { basis: choice(basis, COMPARISON_BASES, 'basis') } : {}),
      ...(batch !== undefined ? { batch } : {}),
      ...(proposed !== undefined ? { proposed } : {}),
      ...(baseline !== undefined ? { baseline } : {}),
    });
    ctx.print(out, () => reproduceText(out));
  },
};

export const runCommands: readonly Command[] = [run, reproduce];
