import { WorkbenchFailure } from '../shared/result.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import { sweepSnapshotSchema, type SweepPointData, type SweepSnapshot } from '../shared/schemas/sweep.ts';
import { DESIGN_NUMBER_SPECS } from '../sim/arch/design.ts';
import { GPU_NUMBER_SPECS, isGpuValues } from '../sim/gpu/params.ts';
import type { LibraryValue, NumberSpec } from '../sim/params/read-values.ts';
import { GPU_NO_CELL } from './gpu-designs.ts';
import { parseUnit } from '../shared/units.ts';
import { sweepPoints, type SweepAxis, type SweepPoint } from '../sim/sweep/points.ts';
import { paretoFront } from '../sim/sweep/pareto.ts';
import type { PointResult } from '../sim/sweep/evaluate-points.ts';
import { SWEEP_TASK, type SweepTaskInput } from '../sim/sweep/task.ts';
import type { SweepCore, SweepRepo } from '../store/repos/sweeps.ts';
import type { DesignService } from './designs.ts';
import type { NetworkService } from './networks.ts';
import type { EventHub } from './events.ts';
import type { KeptSweepService } from './kept-sweeps.ts';
import { MODEL_VERSION } from './versions.ts';

// Sweeps: a design with one or two values varied over ranges, each point evaluated on a network, in
// chunks spread over the job runner (a worker pool in the window and `pimwb serve`). Progress goes
// out as events at most 10 times a second; a cancelled sweep returns the points it finished. A
// sweep with points is kept (unless asked not to) with a snapshot of its inputs, so History can
// re-open it and it can run again to the same numbers without today's libraries.

const CHUNK_POINTS = 500;
const PROGRESS_INTERVAL_MS = 100;

type RawAxis = ParsedInput<'sweeps.run'>['axes'][number];
type CheckedAxis = SweepAxis & { unit: string; label: string };
type Delivery = Pick<ParsedInput<'sweeps.run'>, 'jobId' | 'store' | 'returnPoints'>;

interface SweepDeps {
  readonly designs: DesignService;
  readonly networks: NetworkService;
  readonly jobs: JobRunner;
  readonly events: EventHub;
  readonly repo: SweepRepo;
  readonly kept: KeptSweepService;
  readonly appVersion: string;
  readonly now: () => number;
}

export class SweepService {
  private readonly running = new Map<string, AbortController>();
  private readonly deps: SweepDeps;

  constructor(deps: SweepDeps) {
    this.deps = deps;
  }

  async run(input: ParsedInput<'sweeps.run'>): Promise<Output<'sweeps.run'>> {
    const design = this.deps.designs.resolveAny(input.design);
    const network = this.deps.networks.find(input.network);
    const snapshot: SweepSnapshot = {
      design: { id: design.id, name: design.name, version: design.version, values: [...design.values] },
      // A GPU has no cell: its points are evaluated from its own values.
      cell: design.kind === 'gpu' ? { ...GPU_NO_CELL, values: [] } : { id: design.cellRef.id, name: design.cellName, version: design.cellRef.version, values: [...design.cellValues] },
      network: { id: network.id, ...network.network },
      options: { batch: input.batch ?? null },
      axes: input.axes,
    };
    const name = input.name ?? defaultName(snapshot);
    return this.sweep(input, snapshot, name);
  }

  /** Runs a kept sweep again from its snapshot, keeps the new one, and says whether every point came out the same. */
  async rerun(input: ParsedInput<'sweeps.rerun'>): Promise<Output<'sweeps.rerun'>> {
    const stored = this.deps.kept.find(input.ref);
    const parsed = sweepSnapshotSchema.safeParse(this.deps.repo.snapshot(stored.id));
    if (!parsed.success) throw new WorkbenchFailure('conflict', `"${stored.name}" was kept without a complete input snapshot, so it cannot be re-run`, issuesFromZod(parsed.error, 'inputSnapshot'));
    const output = await this.sweep({ ...input, returnPoints: true }, parsed.data, `${stored.name.replace(/ \(re-run\)$/, '').slice(0, 110)} (re-run)`);
    const differing = countDiffering(this.deps.repo.points(stored), output.points);
    return {
      ...output,
      points: input.returnPoints ? output.points : [],
      rerunOf: { id: stored.id, name: stored.name, same: differing === 0, differing, modelVersion: stored.modelVersion },
    };
  }

  cancel(input: ParsedInput<'sweeps.cancel'>): Output<'sweeps.cancel'> {
    const abort = this.running.get(input.jobId);
    abort?.abort();
    return { jobId: input.jobId, cancelled: abort !== undefined };
  }

  private async sweep(delivery: Delivery, snapshot: SweepSnapshot, name: string): Promise<Output<'sweeps.run'>> {
    if (this.running.has(delivery.jobId)) throw new WorkbenchFailure('conflict', `a sweep "${delivery.jobId}" is already running`, [{ path: 'jobId', message: 'choose a new job id' }]);
    const axes = snapshot.axes.map((axis, i) => checkedAxis(axis, snapshot.design.values, i));
    const points = sweepPoints(axes);
    const started = this.deps.now();
    const abort = new AbortController();
    this.running.set(delivery.jobId, abort);
    try {
      const { id: _id, ...network } = snapshot.network;
      const base = { designValues: snapshot.design.values, cellValues: snapshot.cell.values, network, batch: snapshot.options.batch };
      const { results, cancelled } = await this.evaluate(delivery.jobId, base, points, abort.signal);
      results.sort((a, b) => a.index - b.index);
      const core: SweepCore = {
        status: cancelled ? 'cancelled' : 'done',
        total: points.length,
        front: paretoFront(results),
        design: { id: snapshot.design.id, name: snapshot.design.name, version: snapshot.design.version },
        network: { id: snapshot.network.id, name: snapshot.network.name },
        batch: snapshot.options.batch,
        axes: axes.map((a) => ({ key: a.key, from: a.from, to: a.to, steps: a.steps, scale: a.scale, unit: a.unit, label: a.label })),
        elapsed_s: (this.deps.now() - started) / 1000,
      };
      const sweepId = delivery.store && results.length > 0 ? this.keep(name, core, snapshot, results) : null;
      return { jobId: delivery.jobId, sweepId, ...core, pointCount: results.length, points: delivery.returnPoints ? results : [] };
    } finally {
      this.running.delete(delivery.jobId);
    }
  }

  private keep(name: string, core: SweepCore, snapshot: SweepSnapshot, points: readonly SweepPointData[]): string {
    const id = this.deps.repo.record({ name, core, snapshot, modelVersion: MODEL_VERSION, appVersion: this.deps.appVersion }, points);
    this.deps.events.emit('history.changed', { kind: 'sweep', ids: [id], reason: 'created' });
    return id;
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

/** "SOT-MRAM PIM / ResNet-18: rows × cols", cut to the 120 characters a name may have. */
function defaultName(snapshot: SweepSnapshot): string {
  const axes = `: ${snapshot.axes.map((a) => a.key).join(' × ')}`;
  const head = `${snapshot.design.name} / ${snapshot.network.name}`;
  return head.length + axes.length <= 120 ? head + axes : `${head.slice(0, Math.max(1, 119 - axes.length))}…${axes}`.slice(0, 120);
}

function checkedAxis(axis: RawAxis, values: readonly LibraryValue[], i: number): CheckedAxis {
  // A GPU design is swept over its own numeric values, a PIM design over a chip's.
  const specs: readonly NumberSpec[] = isGpuValues(values) ? GPU_NUMBER_SPECS : DESIGN_NUMBER_SPECS;
  const spec = specs.find((s) => s.key === axis.key);
  const stored = values.find((v) => v.key === axis.key);
  if (!spec || !stored) {
    const keys = specs.filter((s) => values.some((v) => v.key === s.key)).map((s) => s.key).join(', ');
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

/** Points that differ between two runs of the same sweep, compared bit for bit, position by position. */
function countDiffering(before: readonly SweepPointData[], after: readonly SweepPointData[]): number {
  let differing = Math.abs(before.length - after.length);
  const same = (a: SweepPointData, b: SweepPointData): boolean =>
    a.index === b.index &&
    Object.is(a.energy_J, b.energy_J) &&
    Object.is(a.latency_s, b.latency_s) &&
    Object.is(a.area_m2, b.area_m2) &&
    Object.is(a.lifetime_days ?? null, b.lifetime_days ?? null) &&
    a.error === b.error &&
    Object.keys(a.values).every((k) => Object.is(a.values[k], b.values[k]));
  for (let i = 0; i < Math.min(before.length, after.length); i += 1) if (!same(before[i]!, after[i]!)) differing += 1;
  return differing;
}
