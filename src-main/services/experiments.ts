import { WorkbenchFailure } from '../shared/result.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { Network } from '../shared/schemas/workload.ts';
import type { DesignParams, FormatName } from '../sim/arch/design.ts';
import type { Evaluation } from '../shared/schemas/evaluation.ts';
import type { JobRunner } from '../shared/jobs.ts';
import { PAPER_NETWORKS, type PaperComparison } from '../sim/experiment/reproduce.ts';
import { COMPARE_TASK, EVALUATE_TASK, type CompareTaskInput, type DesignData, type EvaluateTaskInput } from '../sim/experiment/tasks.ts';
import type { ExperimentRepo } from '../store/repos/experiments.ts';
import type { DesignService, ResolvedDesign } from './designs.ts';
import type { NetworkService } from './networks.ts';
import type { EventHub } from './events.ts';
import { MODEL_VERSION } from './versions.ts';

// Runs (a design training a network for one step) and the paper's comparison. Each run is kept as
// an experiment with a full snapshot of what produced it: design and cell values with their
// versions, the network's layers, the options, and the model and app versions.

export class ExperimentService {
  private readonly deps: ExperimentDeps;

  constructor(deps: ExperimentDeps) {
    this.deps = deps;
  }

  /** Evaluates in the job runner (a worker thread in the window and `pimwb serve`). */
  async run(input: ParsedInput<'experiments.run'>): Promise<Output<'experiments.run'>> {
    const design = this.deps.designs.resolve(input.design);
    const network = this.deps.networks.get({ ref: input.network });
    const params = withFormat(design.params, input.format);
    this.deps.designs.prepare(design, params); // fails here, with the design named, if its arrays cannot be built
    const batch = input.batch ?? params.defaultBatch;
    const task: EvaluateTaskInput = { design: designData(design), params, network: network.network, batch };
    const result = await this.runTask<Evaluation>(EVALUATE_TASK, task);
    let experimentId: string | null = null;
    if (input.store) {
      const repo = this.deps.repo;
      experimentId = repo.create({
        name: input.name ?? `${design.name} / ${network.name}`,
        tags: input.tags ?? [],
        inputSnapshot: snapshot(design, network.id, network.network, { batch, format: input.format ?? null }),
        libraryRefs: [design, { id: design.cellRef.id, builtIn: design.cellRef.id.startsWith('builtin:'), version: design.cellRef.version }]
          .filter((r) => !r.builtIn)
          .map((r) => ({ libraryId: r.id, version: r.version })),
        modelVersion: MODEL_VERSION,
        appVersion: this.deps.appVersion,
      });
      repo.finish(experimentId, { status: 'done', results: result });
      this.deps.events.emit('experiments.changed', { ids: [experimentId], reason: 'created' });
    }
    return { experimentId, design: { id: design.id, name: design.name, version: design.version }, network: { id: network.id, name: network.name }, result };
  }

  list(input: ParsedInput<'experiments.list'>): Output<'experiments.list'> {
    return this.deps.repo.list({ limit: input.limit, after: input.after ?? null });
  }

  get(input: ParsedInput<'experiments.get'>): Output<'experiments.get'> {
    return this.find(input.ref);
  }

  delete(input: ParsedInput<'experiments.delete'>): Output<'experiments.delete'> {
    const found = this.find(input.ref);
    this.deps.repo.delete(found.id);
    this.deps.events.emit('experiments.changed', { ids: [found.id], reason: 'deleted' });
    return { id: found.id, name: found.name };
  }

  private find(ref: string): ReturnType<ExperimentRepo['get']> & object {
    const found = this.deps.repo.find(ref);
    if (!found) throw new WorkbenchFailure('not_found', `no experiment "${ref}"; use an id or a name from the experiment list`, [{ path: 'ref', message: 'matches no experiment' }]);
    return found;
  }

  async reproduce(input: ParsedInput<'paper.reproduce'>): Promise<Output<'paper.reproduce'>> {
    const proposed = this.deps.designs.resolve(input.proposed);
    const baseline = this.deps.designs.resolve(input.baseline);
    const networks = PAPER_NETWORKS.map((id) => this.deps.networks.get({ ref: `builtin:${id}` }).network);
    const task: CompareTaskInput = { proposed: designData(proposed), baseline: designData(baseline), networks, basis: input.basis, ...(input.batch ? { batch: input.batch } : {}) };
    return this.runTask<PaperComparison>(COMPARE_TASK, task);
  }

  private async runTask<T>(kind: string, input: unknown): Promise<T> {
    const outcome = await this.deps.jobs.run<T>(kind, input);
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the evaluation was cancelled before it finished');
    return outcome.value;
  }
}

interface ExperimentDeps {
  readonly designs: DesignService;
  readonly networks: NetworkService;
  readonly repo: ExperimentRepo;
  readonly events: EventHub;
  readonly jobs: JobRunner;
  readonly appVersion: string;
}

function designData(design: ResolvedDesign): DesignData {
  return { id: design.id, name: design.name, values: design.values, cellName: design.cellName, cellValues: design.cellValues };
}

function withFormat(params: DesignParams, format: FormatName | undefined): DesignParams {
  return format ? { ...params, formatForward: format, formatBackward: format, formatUpdate: format } : params;
}

/** Everything needed to explain and re-run the result without the libraries it came from. */
function snapshot(design: ResolvedDesign, networkId: string, network: Network, options: { batch: number; format: string | null }): unknown {
  return {
    design: { id: design.id, name: design.name, version: design.version, values: design.values },
    cell: { id: design.cellRef.id, name: design.cellName, version: design.cellRef.version, values: design.cellValues },
    network: { id: networkId, ...network },
    options,
  };
}
