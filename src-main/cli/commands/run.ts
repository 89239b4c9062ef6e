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

function runText(out: RunOutput): string {
  const r = out.result;
  const b = r.breakdown;
  const layers = [...b.byLayer].sort((x, y) => y.energy_J - x.energy_J).slice(0, 10);
  const epoch = r.perEpoch ? `per epoch (${r.perEpoch.images} images, ${r.perEpoch.steps} steps): ${formatSI(r.perEpoch.energy_J, 'J')}, ${formatSI(r.perEpoch.latency_s, 's')}` : 'per epoch: the network has no dataset size';
  return [
    `${out.network.name} on ${out.design.name} (version ${out.design.version}), one training step of batch ${r.batch}, ${r.design.formats.forward}/${r.design.formats.backward}/${r.design.formats.update} ${r.design.arithMode}`,
    `energy ${formatSI(r.energy_J, 'J')}    latency ${formatSI(r.latency_s, 's')}    area ${formatSI(r.area_m2, 'm^2')}    average power ${formatSI(r.power_W, 'W')} (${r.design.activeBlocks} of ${r.design.blocks} blocks computing)`,
    epoch,
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

function reproduceText(r: ReproduceOutput): string {
  const x = (v: number): string => `${v.toFixed(2)}x`;
  return [
    `${r.proposed.name} against ${r.baseline.name}: one training step per network, batch ${r.batch}, basis ${r.basis}; ratios are baseline / proposed (bigger favours the proposed design)`,
    '',
    renderTable(r.models, [
      { title: 'NETWORK', value: (m) => m.network },
      { title: 'ENERGY', value: (m) => x(m.ratios.energy), align: 'right' },
      { title: 'LATENCY', value: (m) => x(m.ratios.latency), align: 'right' },
      { title: 'AREA', value: (m) => x(m.ratios.area), align: 'right' },
      { title: 'PROPOSED E / T', value: (m) => `${formatSI(m.proposed.energy_J, 'J')} / ${formatSI(m.proposed.latency_s, 's')}`, align: 'right' },
      { title: 'BASELINE E / T', value: (m) => `${formatSI(m.baseline.energy_J, 'J')} / ${formatSI(m.baseline.latency_s, 's')}`, align: 'right' },
    ]),
    '',
    `average (geometric mean): energy ${x(r.average.energy)}, latency ${x(r.average.latency)}, area ${x(r.average.area)}; the paper: ${x(r.targets.energy)}, ${x(r.targets.latency)}, ${x(r.targets.area)}`,
    ...r.gaps.map((g) => `  ${g.metric}: ${g.withinTolerance ? 'within 20% of the paper' : `${x(g.modelled)} against ${x(g.target)}: ${g.explanation}`}`),
    '',
    `assumptions (${r.assumptions.length}):`,
    ...r.assumptions.map((a) => `  ${a.name} = ${a.value}\n      ${a.source}`),
  ].join('\n');
}

const reproduce: Command = {
  path: ['reproduce', 'paper'],
  summary: 'Wang et al. (ISCAS 2020) against FloatPIM: energy, latency and area ratios with every assumption',
  options: [
    { name: 'basis', kind: 'string', value: 'same-lanes|equal-power', description: 'comparison basis (default same-lanes; see --help)' },
    { name: 'batch', kind: 'int', value: 'N', description: 'images per step (default: the baseline design\'s batch)' },
    { name: 'proposed', kind: 'string', value: 'ID', description: 'proposed design (default sot-mram-pim)' },
    { name: 'baseline', kind: 'string', value: 'ID', description: 'baseline design (default floatpim)' },
  ],
  details:
    'Bases: same-lanes keeps both designs in FloatPIM\'s organisation with every block computing (same parallelism, envelopes lifted); equal-power keeps each inside its power envelope (62.6 W as shipped). With --json: {"models": [{"network", "proposed", "baseline", "ratios": {"energy", "latency", "area"}}], "average": {...}, "assumptions": [...], "basis", "batch", "targets", "gaps"}.',
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
