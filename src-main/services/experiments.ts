import { WorkbenchFailure } from '../shared/result.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { Network } from '../shared/schemas/workload.ts';
import type { DesignParams, FormatName } from '../sim/arch/design.ts';
import { evaluate } from '../sim/experiment/evaluate.ts';
import { comparePaper, PAPER_NETWORKS } from '../sim/experiment/reproduce.ts';
import { analyzeNetwork, type NetworkAnalysis } from '../sim/workload/analyze.ts';
import type { ExperimentRepo } from '../store/repos/experiments.ts';
import type { DesignService, ResolvedDesign } from './designs.ts';
import type { NetworkService } from './networks.ts';
import type { EventHub } from './events.ts';
import { MODEL_VERSION } from './versions.ts';

// Runs (a design training a network for one step) and the paper's comparison. Each run is kept as
// an experiment with a full snapshot of what produced it: design and cell values with their
// versions, the network's layers, the options, and the model and app versions.

export class ExperimentService {
  private readonly analyses = new Map<string, NetworkAnalysis>();
  private readonly deps: { designs: DesignService; networks: NetworkService; repo: ExperimentRepo; events: EventHub; appVersion: string };

  constructor(deps: { designs: DesignService; networks: NetworkService; repo: ExperimentRepo; events: EventHub; appVersion: string }) {
    this.deps = deps;
  }

  run(input: ParsedInput<'experiments.run'>): Output<'experiments.run'> {
    const design = this.deps.designs.resolve(input.design);
    const network = this.deps.networks.get({ ref: input.network });
    const params = withFormat(design.params, input.format);
    const prepared = this.deps.designs.prepare(design, params);
    const batch = input.batch ?? params.defaultBatch;
    const result = evaluate(prepared, this.analysis(network.id, network.network), { batch });
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

  reproduce(input: ParsedInput<'paper.reproduce'>): Output<'paper.reproduce'> {
    const proposed = this.deps.designs.resolve(input.proposed);
    const baseline = this.deps.designs.resolve(input.baseline);
    const analyses = PAPER_NETWORKS.map((id) => {
      const network = this.deps.networks.get({ ref: `builtin:${id}` });
      return this.analysis(network.id, network.network);
    });
    return comparePaper(proposed, baseline, analyses, { basis: input.basis, ...(input.batch ? { batch: input.batch } : {}) });
  }

  /** Shapes and training work depend only on the network: worked out once per network. */
  analysis(id: string, network: Network): NetworkAnalysis {
    let found = this.analyses.get(id);
    if (!found) {
      const analysed = analyzeNetwork(network);
      if (!analysed.ok) throw new WorkbenchFailure('invalid_input', `network "${network.name}" is not consistent`, analysed.issues);
      found = analysed.analysis;
      if (this.analyses.size > 100) this.analyses.clear();
      this.analyses.set(id, found);
    }
    return found;
  }
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
