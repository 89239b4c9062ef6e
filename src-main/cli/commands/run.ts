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

type GpuResult = NonNullable<RunOutput['result']['gpu']>;
const PHASE_COLUMNS = [
  ['forward', 'FORWARD'],
  ['activationGradient', 'ACT. GRADIENT'],
  ['weightGradient', 'WEIGHT GRADIENT'],
  ['weightUpdate', 'UPDATE'],
] as const;

/** A GPU run: its rates, the bound of each layer's kernels, the assumptions; no lifetime or device errors. */
function gpuText(g: GpuResult): string[] {
  const tflops = (x: number): string => `${Number((x / 1e12).toPrecision(4))} TFLOP/s`;
  const step_s = g.byLayerPhase.reduce((sum, k) => sum + k.time_s, 0);
  const memory = g.byLayerPhase.filter((k) => k.bound === 'memory');
  const memory_s = memory.reduce((sum, k) => sum + k.time_s, 0);
  const byLayer = new Map<string, GpuResult['byLayerPhase']>();
  for (const k of g.byLayerPhase) byLayer.set(k.layer, [...(byLayer.get(k.layer) ?? []), k]);
  const heaviest = [...byLayer.entries()].map(([layer, kernels]) => ({ layer, kernels, time_s: kernels.reduce((sum, k) => sum + k.time_s, 0) })).sort((a, b) => b.time_s - a.time_s).slice(0, 12);
  const cell = (kernels: GpuResult['byLayerPhase'], phase: string): string => {
    const k = kernels.find((x) => x.phase === phase);
    return k ? `${k.bound} ${formatSI(k.time_s, 's')}` : '-';
  };
  return [
    `GPU: dense peak ${tflops(g.peak_FLOPs.forward)} forward, ${tflops(g.peak_FLOPs.backward)} backward, ${tflops(g.peak_FLOPs.update)} update (element-wise on FP32 lanes, ${tflops(g.vectorPeak_FLOPs)}); DRAM ${Number((g.bandwidth_Bps / 1e9).toPrecision(4))} GB/s; board ${formatSI(g.boardPower_W, 'W')}, idle ${formatSI(g.idlePower_W, 'W')}`,
    `  ${g.byLayerPhase.length - memory.length} kernels compute-bound, ${memory.length} memory-bound (${share(memory_s, step_s)} of the step's time)`,
    'lifetime and errors from device variation: not modelled for a GPU (no cell endurance or device spreads)',
    '',
    `bound per layer and phase (the ${heaviest.length} slowest layers; --json for every kernel)`,
    renderTable(heaviest, [
      { title: 'LAYER', value: (l) => clip(l.layer, 30) },
      ...PHASE_COLUMNS.map(([phase, title]) => ({ title, value: (l: (typeof heaviest)[number]) => cell(l.kernels, phase), align: 'right' as const })),
    ]),
    '',
    `GPU model assumptions (${g.assumptions.length}):`,
    ...g.assumptions.map((a) => `  ${a}`),
  ];
}

function runText(out: RunOutput): string {
  const r = out.result;
  const b = r.breakdown;
  const layers = [...b.byLayer].sort((x, y) => y.energy_J - x.energy_J).slice(0, 10);
  const epoch = r.perEpoch ? `per epoch (${r.perEpoch.images} images, ${r.perEpoch.steps} steps): ${formatSI(r.perEpoch.energy_J, 'J')}, ${formatSI(r.perEpoch.latency_s, 's')}` : 'per epoch: the network has no dataset size';
  const formats = `${r.design.formats.forward}/${r.design.formats.backward}/${r.design.formats.update}`;
  return [
    `${out.network.name} on ${out.design.name} (version ${out.design.version}), one training step of batch ${r.batch}, ${r.gpu ? `${formats} on a GPU` : `${formats} ${r.design.arithMode}`}`,
    `energy ${formatSI(r.energy_J, 'J')}    latency ${formatSI(r.latency_s, 's')}    area ${formatSI(r.area_m2, 'm^2')}    average power ${formatSI(r.power_W, 'W')} (${r.gpu ? `board ${formatSI(r.gpu.boardPower_W, 'W')}, ${r.design.blocks} SMs` : `${r.design.activeBlocks} of ${r.design.blocks} blocks computing`})`,
    epoch,
    ...(r.gpu ? gpuText(r.gpu) : [...lifetimeText(r), ...reliabilityText(r)]),
    out.experimentId ? `kept as experiment ${out.experimentId}` : 'not kept (--no-store)',
    ...r.warnings.map((w) => `warning: ${w}`),
    '',
    'by phase',
    figureRows(Object.entries(b.byPhase), r),
    '',
    r.gpu ? 'by operation (on a GPU: transfer = memory-bound kernels, static = idle power and launch gaps)' : 'by operation',
    figureRows(Object.entries(b.byOp), r),
    '',
    r.gpu ? 'by component (energy; area): on a GPU, periphery = compute-bound kernels and the die, interconnect = DRAM traffic, controller = idle power' : 'by component (energy; area)',
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
    { name: 'design', kind: 'string', value: 'ID', description: 'design (built-in id such as sot-mram-pim, floatpim or the GPU gtx-1080, stored id or name)' },
    { name: 'network', kind: 'string', value: 'ID', description: 'network (built-in id such as resnet18, stored id or name)' },
    { name: 'batch', kind: 'int', value: 'N', description: 'images per step (default: the design\'s batch)' },
    { name: 'format', kind: 'string', value: FORMAT_CHOICES.join('|'), description: 'one number format for every phase (default: the design\'s)' },
    { name: 'mode', kind: 'string', value: 'ieee|ftz-trunc', description: 'arithmetic mode (default: the design\'s arithMode)' },
    { name: 'name', kind: 'string', value: 'NAME', description: 'name of the experiment kept (default: design / network)' },
    { name: 'no-store', kind: 'flag', description: 'do not keep the run as an experiment' },
  ],
  details:
    'With --json: {"energy_J", "latency_s", "area_m2", "power_W", "batch", "breakdown": {"byPhase", "byLayer", "byComponent", "byOp"}, "perEpoch" (when the dataset size is known), "design", "work", "lifetime" and "reliability" (PIM designs), "gpu" (GPU designs: peak rates, bandwidth, board power, "byLayerPhase" with each kernel\'s bound, "assumptions"), "warnings", "experimentId", "inputs"} in SI units. A GPU design (pimwb design list, KIND gpu) takes --format when it computes in that format; --mode does not apply to it.',
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
  lines.push(...gpuComparisonText(b));
  if (b.perImage) {
    const img = b.perImage;
    lines.push(
      `  per ${img.network} training image: baseline ${formatSI(img.baseline.energy_J, 'J')} in ${formatSI(img.baseline.time_s, 's')}, proposed ${formatSI(img.proposed.energy_J, 'J')} in ${formatSI(img.proposed.time_s, 's')}`,
      `    FloatPIM reports ${r.gpuClaims.speedup}x the speed and ${r.gpuClaims.energyEfficiency}x the energy efficiency of a GTX 1080 in training: with the baseline's figures, that GPU would need ${formatSI(img.baseline.time_s * r.gpuClaims.speedup, 's')} and ${formatSI(img.baseline.energy_J * r.gpuClaims.energyEfficiency, 'J')} per image`,
    );
  }
  return lines;
}

/** FloatPIM's GPU claim on one basis: the baseline against the GTX 1080, per network and averaged, beside the published figures. */
function gpuComparisonText(b: BasisOutput): string[] {
  const g = b.gpuComparison;
  if (!g) return [];
  const head = `  against FloatPIM's GPU (${g.gpu.name}, ${g.gpu.format}, batch ${g.batch}): FloatPIM published ${g.published.speedup}x the speed and ${g.published.energyEfficiency}x the energy efficiency (its average over the four networks)`;
  if (!g.comparable) return [head, `    ${g.note}`];
  const ratio = (x: number | null): string => (x === null ? '-' : `${Number(x.toPrecision(3))}x`);
  const table = renderTable(g.models, [
    { title: 'NETWORK', value: (m) => m.network },
    { title: 'SPEED', value: (m) => ratio(m.ratios.speedup), align: 'right' },
    { title: 'ENERGY EFF.', value: (m) => ratio(m.ratios.energyEfficiency), align: 'right' },
    { title: 'GPU E / T', value: (m) => `${formatSI(m.gpu.energy_J, 'J')} / ${formatSI(m.gpu.latency_s, 's')}`, align: 'right' },
    { title: 'PIM E / T', value: (m) => `${formatSI(m.pim.energy_J, 'J')} / ${formatSI(m.pim.latency_s, 's')}`, align: 'right' },
  ]);
  return [
    head,
    `    ratios are GPU / ${g.against}: step time (speed) and step energy (energy efficiency); bigger favours the PIM design`,
    ...table.split('\n').map((line) => `    ${line}`),
    `    average: arithmetic mean ${ratio(g.average.arithmetic.speedup)} speed, ${ratio(g.average.arithmetic.energyEfficiency)} energy efficiency; geometric mean ${ratio(g.average.geometric.speedup)}, ${ratio(g.average.geometric.energyEfficiency)}; FloatPIM published ${g.published.speedup}x, ${g.published.energyEfficiency}x`,
  ];
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
    'Bases: as-modelled (both designs from device physics, FloatPIM\'s organisation, every block computing); floatpim-published (the baseline costed by FloatPIM\'s published cycle formulas, 1.1 ns cycle, 62.6 W and 30.64 mm^2); equal-power (each inside its 62.6 W envelope); step-count (array steps only); all (every basis). Area is silicon on every basis; scratch bits per lane are reported apart. With --json: {"basis", "description", "models": [{"network", "proposed", "baseline", "ratios": {"energy", "latency", "area"}}], "average", "gaps", "designs", "perImage", "scratchBitsPerLane", "assumptions", "batch", "proposed", "baseline", "targets", "gpuClaims", "gpuComparison": {"gpu", "against", "batch", "comparable", "note", "models": [{"network", "gpu", "pim", "ratios": {"speedup", "energyEfficiency"}}], "average": {"arithmetic", "geometric"}, "published"}, "whatItTakes": [{"metric", "basis", "key", "value", "unit", "feasible", "reason"}], "bases": [...] (with --basis all)}. gpuComparison sets the baseline against a GTX 1080 in FP32 at the same batch (GPU / baseline; null ratios and "not comparable" on step-count).',
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
