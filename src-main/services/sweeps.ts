import { WorkbenchFailure } from '../shared/result.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { DESIGN_NUMBER_SPECS } from '../sim/arch/design.ts';
import { parseUnit } from '../shared/units.ts';
import { sweepPoints, type SweepAxis, type SweepPoint } from '../sim/sweep/points.ts';
import { paretoFront } from '../sim/sweep/pareto.ts';
import type { PointResult } from '../sim/sweep/evaluate-points.ts';
import { SWEEP_TASK, type SweepTaskInput } from '../sim/sweep/task.ts';
import type { DesignService } from './designs.ts';
import type { NetworkService } from './networks.ts';
import type { EventHub } from './events.ts';

// Sweeps: a design with one or two values varied, each point evaluated on a network, in chunks
// spread over the job runner (a worker pool in the window and `pimwb serve`). Progress goes out as
// events at most 10 times a second; a cancelled sweep returns the points it finished.

const CHUNK_POINTS = 500;
const PROGRESS_INTERVAL_MS = 100;

export class SweepService {
  private readonly running = new Map<string, AbortController>();
  private readonly deps: { designs: DesignService; networks: NetworkService; jobs: JobRunner; events: EventHub; now: () => number };

  constructor(deps: { designs: DesignService; networks: NetworkService; jobs: JobRunner; events: EventHub; now: () => number }) {
    this.deps = deps;
  }

  async run(input: ParsedInput<'sweeps.run'>): Promise<Output<'sweeps.run'>> {
    if (this.running.has(input.jobId)) throw new WorkbenchFailure('conflict', `a sweep "${input.jobId}" is already running`, [{ path: 'jobId', message: 'choose a new job id' }]);
    const design = this.deps.designs.resolve(input.design);
    const network = this.deps.networks.find(input.network);
    const axes = input.axes.map((axis, i) => this.checkedAxis(axis, design.values, i));
    const points = sweepPoints(axes);
    const started = this.deps.now();
    const abort = new AbortController();
    this.running.set(input.jobId, abort);
    try {
      const base = { designValues: design.values, cellValues: design.cellValues, network: network.network, batch: input.batch ?? null };
      const { results, cancelled } = await this.evaluate(input.jobId, base, points, abort.signal);
      results.sort((a, b) => a.index - b.index);
      return {
        jobId: input.jobId,
        status: cancelled ? 'cancelled' : 'done',
        total: points.length,
        points: results,
        front: paretoFront(results),
        design: { id: design.id, name: design.name, version: design.version },
        network: { id: network.id, name: network.name },
        axes: axes.map((a) => ({ key: a.key, from: a.from, to: a.to, steps: a.steps, scale: a.scale, unit: a.unit, label: a.label })),
        elapsed_s: (this.deps.now() - started) / 1000,
      };
    } finally {
      this.running.delete(input.jobId);
    }
  }

  cancel(input: ParsedInput<'sweeps.cancel'>): Output<'sweeps.cancel'> {
    const abort = this.running.get(input.jobId);
    abort?.abort();
    return { jobId: input.jobId, cancelled: abort !== undefined };
  }

  private checkedAxis(axis: ParsedInput<'sweeps.run'>['axes'][number], values: readonly { key: string; unit: string }[], i: number): SweepAxis & { unit: string; label: string } {
    const spec = DESIGN_NUMBER_SPECS.find((s) => s.key === axis.key);
    const stored = values.find((v) => v.key === axis.key);
    if (!spec || !stored) {
      const keys = DESIGN_NUMBER_SPECS.map((s) => s.key).join(', ');
      throw new WorkbenchFailure('invalid_input', `"${axis.key}" is not a numeric design value`, [{ path: `axes.${i}.key`, message: `choose one of ${keys}` }]);
    }
    // A range must lie inside what the value may be (a power envelope is never negative): checked
    // here so a sweep is refused as one clear input error rather than as many failed points.
    const toSI = parseUnit(stored.unit)?.toSI ?? 1;
    const shown = (si: number): string => `${Number((si / toSI).toPrecision(6))}${stored.unit && stored.unit !== '1' ? ` ${stored.unit}` : ''}`;
    for (const end of ['from', 'to'] as const) {
      const si = axis[end] * toSI;
      if (spec.min !== undefined && si < spec.min) throw new WorkbenchFailure('invalid_input', `${axis.key} cannot be swept below ${shown(spec.min)}`, [{ path: `axes.${i}.${end}`, message: `must be at least ${shown(spec.min)} (${spec.label})` }]);
      if (spec.max !== undefined && si > spec.max) throw new WorkbenchFailure('invalid_input', `${axis.key} cannot be swept above ${shown(spec.max)}`, [{ path: `axes.${i}.${end}`, message: `must be at most ${shown(spec.max)} (${spec.label})` }]);
    }
    return { ...axis, integer: spec.integer === true, unit: stored.unit, label: spec.label };
  }

  private async evaluate(jobId: string, base: Omit<SweepTaskInput, 'points'>, points: SweepPoint[], signal: AbortSignal): Promise<{ results: PointResult[]; cancelled: boolean }> {
    const chunks: SweepPoint[][] = [];
    for (let i = 0; i < points.length; i += CHUNK_POINTS) chunks.push(points.slice(i, i + CHUNK_POINTS));
    const doneByChunk = new Array<number>(chunks.length).fill(0);
    let lastEmit = -Infinity;
    const report = (force: boolean): void => {
      const now = this.deps.now();
      if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = now;
      this.deps.events.emit('sweeps.progress', { jobId, done: doneByChunk.reduce((a, b) => a + b, 0), total: points.length });
    };
    const outcomes = await Promise.all(
      chunks.map(async (chunk, c) => {
        const outcome = await this.deps.jobs.run<PointResult[]>(SWEEP_TASK, { ...base, points: chunk } satisfies SweepTaskInput, {
          signal,
          onProgress: (p) => {
            doneByChunk[c] = p.done;
            report(false);
          },
        });
        const finished = outcome.status === 'done' ? outcome.value : ((outcome.partial as PointResult[] | undefined) ?? []);
        doneByChunk[c] = finished.length;
        report(false);
        return finished;
      }),
    );
    report(true);
    return { results: outcomes.flat(), cancelled: signal.aborted };
  }
}
