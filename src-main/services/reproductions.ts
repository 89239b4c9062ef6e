import { WorkbenchFailure } from '../shared/result.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import type { ReproduceOutput } from '../shared/schemas/design-api.ts';
import { reproductionSnapshotSchema, type Reproduction, type ReproductionSnapshot } from '../shared/schemas/reproduction.ts';
import { PAPER_NETWORKS, type PaperComparison } from '../sim/experiment/reproduce.ts';
import { COMPARE_TASK, type CompareTaskInput } from '../sim/experiment/tasks.ts';
import type { ReproductionRepo, StoredReproduction } from '../store/repos/reproductions.ts';
import type { EventHub } from './events.ts';
import type { NetworkService } from './networks.ts';
import { fileStem } from './sweep-export.ts';
import { MODEL_VERSION } from './versions.ts';

// Kept paper reproductions: each one `paper.reproduce` keeps (services/experiments.ts) with the two
// designs' values, so it re-runs without today's libraries; listed in History, re-opened on
// Compare, exported (the whole comparison as JSON, its per-network table as CSV), deleted with undo.

export class ReproductionService {
  private readonly deps: { repo: ReproductionRepo; networks: NetworkService; jobs: JobRunner; events: EventHub; appVersion: string };

  constructor(deps: { repo: ReproductionRepo; networks: NetworkService; jobs: JobRunner; events: EventHub; appVersion: string }) {
    this.deps = deps;
  }

  /** Runs the comparison a snapshot describes on FloatPIM's benchmark networks. */
  async compare(snapshot: ReproductionSnapshot): Promise<PaperComparison> {
    const networks = PAPER_NETWORKS.map((id) => this.deps.networks.find(`builtin:${id}`).network);
    const task: CompareTaskInput = { proposed: snapshot.proposed, baseline: snapshot.baseline, networks, basis: snapshot.basis, ...(snapshot.batch ? { batch: snapshot.batch } : {}) };
    const outcome = await this.deps.jobs.run<PaperComparison>(COMPARE_TASK, task);
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the comparison was cancelled before it finished');
    return outcome.value;
  }

  keep(name: string, snapshot: ReproductionSnapshot, output: PaperComparison): string {
    const id = this.deps.repo.record({ name, snapshot, output, modelVersion: MODEL_VERSION, appVersion: this.deps.appVersion });
    this.deps.events.emit('history.changed', { kind: 'reproduction', ids: [id], reason: 'created' });
    return id;
  }

  get(input: ParsedInput<'reproductions.get'>): Output<'reproductions.get'> {
    return reproductionOf(this.find(input.ref));
  }

  async rerun(input: ParsedInput<'reproductions.rerun'>): Promise<Output<'reproductions.rerun'>> {
    const stored = this.find(input.ref);
    const parsed = reproductionSnapshotSchema.safeParse(stored.snapshot);
    if (!parsed.success) throw new WorkbenchFailure('conflict', `"${stored.name}" was kept without a complete input snapshot, so it cannot be re-run`, issuesFromZod(parsed.error, 'inputSnapshot'));
    const output = await this.compare(parsed.data);
    const name = `${stored.name.replace(/ \(re-run\)$/, '').slice(0, 110)} (re-run)`;
    const reproductionId = this.keep(name, parsed.data, output);
    const differences = differencesOf(stored.output, output);
    return { reproductionId, name, same: differences.length === 0, differences: differences.slice(0, 20), differing: differences.length, modelVersion: { stored: stored.modelVersion, current: MODEL_VERSION } };
  }

  update(input: ParsedInput<'reproductions.update'>): Output<'reproductions.update'> {
    const found = this.find(input.ref);
    this.deps.repo.update(found.id, { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.notes !== undefined ? { notes: input.notes } : {}) });
    this.deps.events.emit('history.changed', { kind: 'reproduction', ids: [found.id], reason: 'updated' });
    return reproductionOf(this.find(found.id));
  }

  delete(input: ParsedInput<'reproductions.delete'>): Output<'reproductions.delete'> {
    const found = this.find(input.ref);
    this.deps.repo.delete(found.id);
    this.deps.events.emit('history.changed', { kind: 'reproduction', ids: [found.id], reason: 'deleted' });
    return { id: found.id, name: found.name };
  }

  restore(input: ParsedInput<'reproductions.restore'>): Output<'reproductions.restore'> {
    if (!this.deps.repo.restore(input.ref)) {
      throw new WorkbenchFailure('not_found', `no deleted reproduction "${input.ref}" to restore; it was restored already or removed for good`, [{ path: 'ref', message: 'matches no deleted reproduction' }]);
    }
    this.deps.events.emit('history.changed', { kind: 'reproduction', ids: [input.ref], reason: 'restored' });
    return reproductionOf(this.find(input.ref));
  }

  export(input: ParsedInput<'reproductions.export'>): Output<'reproductions.export'> {
    const found = reproductionOf(this.find(input.ref));
    const stem = fileStem(found.name, 'reproduction');
    if (input.format === 'csv') return { fileName: `${stem}.csv`, text: reproductionCsv(found.output) };
    const file = { format: 'pimwb-reproduction', schemaVersion: 1, name: found.name, notes: found.notes, inputs: this.find(found.id).snapshot, output: found.output, modelVersion: found.modelVersion, appVersion: found.appVersion, createdAt: found.createdAt };
    return { fileName: `${stem}.pimwb-reproduction.json`, text: `${JSON.stringify(file, null, 2)}\n` };
  }

  private find(ref: string): StoredReproduction {
    const found = this.deps.repo.find(ref);
    if (!found) throw new WorkbenchFailure('not_found', `no reproduction "${ref}"; use an id or a name from History`, [{ path: 'ref', message: 'matches no reproduction' }]);
    return found;
  }
}

function reproductionOf(stored: StoredReproduction): Reproduction {
  const snapshot = stored.snapshot as Partial<ReproductionSnapshot>;
  const side = (d: ReproductionSnapshot['proposed'] | undefined): Reproduction['inputs']['proposed'] => ({ id: d?.id ?? '', name: d?.name ?? '', version: d?.version ?? null });
  return {
    id: stored.id,
    name: stored.name,
    notes: stored.notes,
    inputs: { basis: snapshot.basis ?? 'as-modelled', batch: snapshot.batch ?? null, proposed: side(snapshot.proposed), baseline: side(snapshot.baseline) },
    output: { ...(stored.output as Omit<ReproduceOutput, 'reproductionId'>), reproductionId: stored.id },
    modelVersion: stored.modelVersion,
    appVersion: stored.appVersion,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/** One row a network and basis: both designs' totals and the ratios, SI units in the column names. */
function reproductionCsv(output: ReproduceOutput): string {
  const head = 'basis,network,proposed_energy_J,proposed_latency_s,proposed_area_m2,baseline_energy_J,baseline_latency_s,baseline_area_m2,energy_ratio,latency_ratio,area_ratio';
  const bases = output.bases ?? [output];
  const rows = bases.flatMap((b) =>
    b.models.map((m) => [b.basis, m.network, m.proposed.energy_J, m.proposed.latency_s, m.proposed.area_m2, m.baseline.energy_J, m.baseline.latency_s, m.baseline.area_m2, m.ratios.energy, m.ratios.latency, m.ratios.area].join(',')),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/** Every number or text in `stored` that `rerun` does not repeat exactly, by its path. */
function differencesOf(stored: unknown, rerun: unknown, path = ''): { path: string; stored: unknown; rerun: unknown }[] {
  if (typeof stored !== 'object' || stored === null || typeof rerun !== 'object' || rerun === null) return Object.is(stored, rerun) ? [] : [{ path, stored, rerun }];
  const keys = new Set([...Object.keys(stored), ...Object.keys(rerun)]);
  keys.delete('reproductionId');
  const at = (k: string): string => (Array.isArray(stored) ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  return [...keys].flatMap((k) => differencesOf((stored as Record<string, unknown>)[k], (rerun as Record<string, unknown>)[k], at(k)));
}
