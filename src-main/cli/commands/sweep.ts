import { availableParallelism } from 'node:os';
import type { Command } from '../context.ts';
import { UsageError, intOption, required, type ParsedCommandArgs } from '../args.ts';
import { renderTable } from '../table.ts';
import { formatSI } from '../../shared/units.ts';
import type { SweepOutput } from '../../shared/schemas/sweep.ts';
import { WorkerPool } from '../../workers/pool.ts';
import { SIM_WORKER_SCRIPT } from '../../workers/sim-worker-script.ts';

// `pimwb sweep`: a design with one or two values varied over ranges, every point evaluated on a
// network (in worker threads), with the energy-latency Pareto front.

const VARY = /^([A-Za-z_][\w.\-[\]]*)=([^:]+):([^:]+):(\d+)(?::(lin|linear|log))?$/;

interface Axis {
  key: string;
  from: number;
  to: number;
  steps: number;
  scale: 'linear' | 'log';
}

/** `rows=64:1024:5:log` -> an axis; the numbers are in the unit the design stores the value in. */
export function parseVary(text: string): Axis {
  const m = VARY.exec(text.trim());
  if (!m) throw new UsageError(`--vary "${text}" must look like KEY=FROM:TO:STEPS[:log], for example rows=64:1024:5:log`);
  const from = Number(m[2]);
  const to = Number(m[3]);
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(`--vary "${text}": FROM and TO must be numbers`);
  return { key: m[1]!, from, to, steps: Number(m[4]), scale: m[5] === 'log' ? 'log' : 'linear' };
}

function varies(args: ParsedCommandArgs): Axis[] {
  const raw = args.options.vary;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length === 0) throw new UsageError('--vary is required (once or twice)');
  if (list.length > 2) throw new UsageError('--vary may be given at most twice');
  return list.map((v) => parseVary(String(v)));
}

function sweepText(out: SweepOutput): string {
  const front = new Set(out.front);
  const failed = out.points.filter((p) => p.energy_J === null);
  const head = [
    `${out.design.name} on ${out.network.name}: ${out.points.length} of ${out.total} points (${out.status}) in ${out.elapsed_s.toFixed(2)} s, varying ${out.axes.map((a) => `${a.key} (${a.unit || '1'})`).join(' and ')}`,
    `Pareto front (energy vs latency): ${out.front.length} points, marked *`,
    ...(out.sweepId ? [`Kept in History as ${out.sweepId}`] : []),
    ...(failed.length ? [`${failed.length} points are not valid designs, for example: ${failed[0]!.error}`] : []),
    '',
  ];
  const rows = out.points.filter((p) => p.energy_J !== null);
  return (
    head.join('\n') +
    renderTable(rows, [
      { title: '', value: (p) => (front.has(p.index) ? '*' : '') },
      ...out.axes.map((a) => ({ title: a.key.toUpperCase(), value: (p: SweepOutput['points'][number]) => String(Number(p.values[a.key]!.toPrecision(6))), align: 'right' as const })),
      { title: 'ENERGY', value: (p) => formatSI(p.energy_J!, 'J'), align: 'right' },
      { title: 'LATENCY', value: (p) => formatSI(p.latency_s!, 's'), align: 'right' },
      { title: 'AREA', value: (p) => formatSI(p.area_m2!, 'm^2'), align: 'right' },
    ])
  );
}

const sweep: Command = {
  path: ['sweep'],
  summary: 'vary one or two design values over ranges and evaluate every point on a network',
  options: [
    { name: 'design', kind: 'string', value: 'ID', description: 'the design to vary (built-in id, stored id or name)' },
    { name: 'network', kind: 'string', value: 'ID', description: 'the network to train (built-in id, stored id or name)' },
    { name: 'vary', kind: 'string', value: 'KEY=FROM:TO:STEPS[:log]', description: 'a design value and its range, in the unit the design stores it (give twice for two values)', repeatable: true },
    { name: 'batch', kind: 'int', value: 'N', description: 'images per step (default: the design\'s batch)' },
  ],
  details:
    'Example: pimwb sweep --design sot-mram-pim --network resnet18 --vary rows=64:1024:5:log --vary powerBudget=10:200:8:log. With --json: {"jobId", "sweepId" (kept in History), "status", "total", "points": [{"index", "values", "energy_J", "latency_s", "area_m2", "error"?}], "front": [indices], "design", "network", "axes", "elapsed_s"}.',
  async run(ctx, args) {
    const axes = varies(args);
    const batch = intOption(args, 'batch');
    const pool = new WorkerPool({ script: SIM_WORKER_SCRIPT, size: Math.max(1, availableParallelism()) });
    try {
      ctx.open({ jobs: pool });
      const out = await ctx.call('sweeps.run', {
        jobId: `cli-${process.pid}`,
        design: required(args, 'design'),
        network: required(args, 'network'),
        axes,
        ...(batch !== undefined ? { batch } : {}),
      });
      ctx.print(out, () => sweepText(out));
    } finally {
      await pool.close();
    }
  },
};

export const sweepCommands: readonly Command[] = [sweep];
