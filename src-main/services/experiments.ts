import { WorkbenchFailure } from '../shared/result.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import type { Network } from '../shared/schemas/workload.ts';
import type { DesignParams, FormatName } from '../sim/arch/design.ts';
import type { ArithMode } from '../sim/arith/formats.ts';
import type { Evaluation } from '../shared/schemas/evaluation.ts';
import type { JobRunner } from '../shared/jobs.ts';
import { EVALUATE_TASK, type DesignData, type EvaluateTaskInput } from '../sim/experiment/tasks.ts';
import type { ReproductionSnapshot } from '../shared/schemas/reproduction.ts';
import type { ReproductionService } from './reproductions.ts';
import type { ExperimentRepo, NewExperiment } from '../store/repos/experiments.ts';
import type { DesignService, ResolvedDesign, ResolvedGpuDesign } from './designs.ts';
import { GPU_NO_CELL, gpuValuesForRun } from './gpu-designs.ts';
import type { NetworkService } from './networks.ts';
import type { EventHub } from './events.ts';
import { MODEL_VERSION } from './versions.ts';
import { issuesFromZod } from '../shared/ipc/issues.ts';
import type { Issue } from '../shared/result.ts';
import { lowerBound, upperBound } from '../shared/schemas/experiment.ts';
import {
  EXPERIMENT_BUNDLE_FORMAT,
  EXPERIMENT_BUNDLE_SCHEMA_VERSION,
  experimentBundleSchema,
  inputSnapshotSchema,
  type ExperimentBundle,
  type InputSnapshot,
} from '../shared/schemas/experiment-bundle.ts';
import { RERUN_METRICS, type ExperimentRerunOutput } from '../shared/schemas/experiment.ts';
import { designParamsFromValues } from '../sim/arch/design.ts';
import { cellParamsFromValues } from '../sim/cells/params.ts';
import { gpuParamsFromValues, isGpuValues } from '../sim/gpu/params.ts';
import { analyzeNetwork } from '../sim/workload/analyze.ts';

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
    const design = naming('design', () => this.deps.designs.resolveAny(input.design));
    const network = naming('network', () => this.deps.networks.find(input.network));
    const planned = design.kind === 'gpu' ? gpuRun(design, input) : this.pimRun(design, input);
    const task: EvaluateTaskInput = { ...planned.task, network: network.network };
    const evaluated = await this.runTask<Evaluation>(EVALUATE_TASK, task);
    const result = planned.notes.length ? { ...evaluated, warnings: [...evaluated.warnings, ...planned.notes] } : evaluated;
    let experimentId: string | null = null;
    if (input.store) {
      experimentId = this.keep(
        {
          name: input.name ?? `${design.name} / ${network.name}`,
          tags: input.tags ?? [],
          inputSnapshot: snapshot(design, network.id, network.network, planned.options),
          libraryRefs: libraryRefsOf(design),
          modelVersion: MODEL_VERSION,
          appVersion: this.deps.appVersion,
        },
        result,
      );
    }
    return { experimentId, design: { id: design.id, name: design.name, version: design.version }, network: { id: network.id, name: network.name }, result };
  }

  private pimRun(design: ResolvedDesign, input: ParsedInput<'experiments.run'>): PlannedRun {
    const params = withOverrides(design.params, input.format, input.mode);
    this.deps.designs.prepare(design, params); // fails here, with the design named, if its arrays cannot be built
    const batch = input.batch ?? params.defaultBatch;
    return { task: { design: designData(design), params, batch }, options: { batch, format: input.format ?? null, mode: input.mode ?? null }, notes: [] };
  }

  list(input: ParsedInput<'experiments.list'>): Output<'experiments.list'> {
    return this.deps.repo.list({
      limit: input.limit,
      after: input.after ?? null,
      ...(input.text ? { text: input.text } : {}),
      ...(input.tag ? { tag: input.tag } : {}),
      ...(input.from ? { from: lowerBound(input.from) } : {}),
      ...(input.to ? { to: upperBound(input.to) } : {}),
    });
  }

  tags(): Output<'experiments.tags'> {
    return { items: this.deps.repo.tags() };
  }

  update(input: ParsedInput<'experiments.update'>): Output<'experiments.update'> {
    const found = this.find(input.ref);
    this.deps.repo.update(found.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.tags !== undefined ? { tags: uniqueTags(input.tags) } : {}),
    });
    this.deps.events.emit('experiments.changed', { ids: [found.id], reason: 'updated' });
    return this.find(found.id);
  }

  /**
   * Evaluates a stored experiment again from its snapshot (not from today's libraries, which may
   * have new versions) and keeps the result as a new experiment, saying whether the numbers match.
   */
  async rerun(input: ParsedInput<'experiments.rerun'>): Promise<Output<'experiments.rerun'>> {
    const found = this.find(input.ref);
    const parsed = inputSnapshotSchema.safeParse(found.inputSnapshot);
    if (!parsed.success) {
      throw new WorkbenchFailure('conflict', `"${found.name}" was stored without a complete input snapshot, so it cannot be re-run`, issuesFromZod(parsed.error, 'inputSnapshot'));
    }
    const result = await this.runTask<Evaluation>(EVALUATE_TASK, taskFromSnapshot(parsed.data, found.name));
    const name = `${found.name.replace(/ \(re-run\)$/, '').slice(0, 110)} (re-run)`;
    const experimentId = this.keep(
      { name, tags: found.tags, notes: `Re-run of "${found.name}" (${found.id}) from its stored inputs.`, inputSnapshot: found.inputSnapshot, libraryRefs: found.libraryRefs, modelVersion: MODEL_VERSION, appVersion: this.deps.appVersion },
      result,
    );
    const differences = compareResults(found.results, result);
    return { experimentId, name, result, same: differences.length === 0, differences, modelVersion: { stored: found.modelVersion, current: MODEL_VERSION } };
  }

  exportBundle(input: ParsedInput<'experiments.exportBundle'>): Output<'experiments.exportBundle'> {
    const found = this.find(input.ref);
    if (found.status !== 'done') throw new WorkbenchFailure('conflict', `"${found.name}" is ${found.status}: only finished experiments can be exported`);
    const bundle = experimentBundleSchema.safeParse({
      format: EXPERIMENT_BUNDLE_FORMAT,
      schemaVersion: EXPERIMENT_BUNDLE_SCHEMA_VERSION,
      name: found.name,
      tags: found.tags,
      notes: found.notes,
      inputSnapshot: found.inputSnapshot,
      results: found.results,
      modelVersion: found.modelVersion,
      appVersion: found.appVersion,
      createdAt: found.createdAt,
    });
    // Never write a file that would not import: say what is missing instead.
    if (!bundle.success) throw new WorkbenchFailure('conflict', `"${found.name}" cannot be exported: its stored inputs or results are incomplete`, issuesFromZod(bundle.error));
    return { fileName: `${fileStem(found.name)}.pimwb-experiment.json`, text: `${JSON.stringify(bundle.data, null, 2)}\n` };
  }

  /** Stores a bundle as a new experiment, with its own date, versions and results. */
  importBundle(input: ParsedInput<'experiments.importBundle'>): Output<'experiments.importBundle'> {
    const bundle = parseBundle(input.fileName, input.text);
    taskFromSnapshot(bundle.inputSnapshot, bundle.name); // refuses inputs that could not be re-run
    const id = this.keep(
      {
        name: bundle.name,
        tags: uniqueTags(bundle.tags),
        notes: bundle.notes,
        inputSnapshot: bundle.inputSnapshot,
        modelVersion: bundle.modelVersion,
        appVersion: bundle.appVersion,
        createdAt: new Date(bundle.createdAt).toISOString(),
      },
      bundle.results,
    );
    return this.find(id);
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

  /** The paper's comparison of two designs; kept (unless asked not to) with both designs' values, for History. */
  async reproduce(input: ParsedInput<'paper.reproduce'>): Promise<Output<'paper.reproduce'>> {
    const proposed = naming('proposed', () => this.deps.designs.resolve(input.proposed, undefined, 'the paper comparison'));
    const baseline = naming('baseline', () => this.deps.designs.resolve(input.baseline, undefined, 'the paper comparison'));
    const side = (d: ResolvedDesign): ReproductionSnapshot['proposed'] => ({ ...designData(d), values: [...d.values], cellValues: [...d.cellValues] });
    const snapshot: ReproductionSnapshot = { basis: input.basis, batch: input.batch ?? null, proposed: side(proposed), baseline: side(baseline) };
    const output = await this.deps.reproductions.compare(snapshot);
    const name = input.name ?? `${proposed.name} against ${baseline.name}`.slice(0, 120);
    return { ...output, reproductionId: input.store ? this.deps.reproductions.keep(name, snapshot, output) : null };
  }

  /** Stores a finished evaluation, in one transaction so it is never half-written, and tells the pages. */
  private keep(experiment: NewExperiment, result: Evaluation): string {
    const id = this.deps.repo.record(experiment, { status: 'done', results: result });
    this.deps.events.emit('experiments.changed', { ids: [id], reason: 'created' });
    return id;
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
  readonly reproductions: ReproductionService;
  readonly appVersion: string;
}

/** A run made ready for the job runner: the task without its network, the options kept, and notes for its warnings. */
interface PlannedRun {
  readonly task: Omit<EvaluateTaskInput, 'network'>;
  readonly options: { batch: number; format: string | null; mode: string | null };
  readonly notes: readonly string[];
}

/**
 * A GPU run: the format override written into its values (the GPU model refuses a format it
 * cannot run); the arithmetic mode, a setting of the PIM microprograms, does not apply and says so.
 */
function gpuRun(design: ResolvedGpuDesign, input: ParsedInput<'experiments.run'>): PlannedRun {
  const values = gpuValuesForRun(design, input.format);
  const batch = input.batch ?? design.params.defaultBatch;
  const notes = input.mode ? [`the arithmetic mode ${input.mode} was not applied: it sets the PIM microprograms' rounding, and the GPU model counts FLOPs and bytes, not bit-level arithmetic`] : [];
  return { task: { design: { id: design.id, name: design.name, version: design.version, values, cellName: '', cellValues: [] }, batch }, options: { batch, format: input.format ?? null, mode: null }, notes };
}

/** The saved libraries a run used (built-ins are in the code and need no reference). */
function libraryRefsOf(design: ResolvedDesign | ResolvedGpuDesign): { libraryId: string; version: number }[] {
  const refs = design.kind === 'gpu' ? [design] : [design, { id: design.cellRef.id, builtIn: design.cellRef.id.startsWith('builtin:'), version: design.cellRef.version }];
  return refs.filter((r) => !r.builtIn).map((r) => ({ libraryId: r.id, version: r.version }));
}

function designData(design: ResolvedDesign): DesignData {
  return { id: design.id, name: design.name, version: design.version, values: design.values, cellName: design.cellName, cellValues: design.cellValues };
}

/** A run's overrides: one format for every phase, and the arithmetic mode. */
function withOverrides(params: DesignParams, format: FormatName | undefined, mode: ArithMode | undefined): DesignParams {
  const formatted = format ? { ...params, formatForward: format, formatBackward: format, formatUpdate: format } : params;
  return mode ? { ...formatted, arithMode: mode } : formatted;
}

/** A failure resolving one input of a run, re-labelled so the caller can show it next to that input. */
export function naming<T>(field: 'design' | 'network' | 'proposed' | 'baseline' | 'vs', resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof WorkbenchFailure) {
      // Keep the details under the input they belong to (the reference itself is the input).
      const issues = error.issues.length > 0 ? error.issues.map((i) => ({ path: i.path && i.path !== 'ref' ? `${field}.${i.path}` : field, message: i.message })) : [{ path: field, message: 'cannot be used' }];
      throw new WorkbenchFailure(error.code, error.message, issues);
    }
    throw error;
  }
}

/** Everything needed to explain and re-run the result without the libraries it came from. */
function snapshot(design: ResolvedDesign | ResolvedGpuDesign, networkId: string, network: Network, options: { batch: number; format: string | null; mode: string | null }): unknown {
  return {
    design: { id: design.id, name: design.name, version: design.version, values: design.values },
    cell: design.kind === 'gpu' ? { ...GPU_NO_CELL, values: [] } : { id: design.cellRef.id, name: design.cellName, version: design.cellRef.version, values: design.cellValues },
    network: { id: networkId, ...network },
    options,
  };
}

/** The evaluation a snapshot describes, as run() builds it: its design values re-read, its format override applied. */
function taskFromSnapshot(snapshot: InputSnapshot, label: string): EvaluateTaskInput {
  if (isGpuValues(snapshot.design.values)) return gpuTaskFromSnapshot(snapshot, label);
  const issues: Issue[] = [];
  const at = (prefix: string, list: readonly Issue[]): void => void issues.push(...list.map((i) => ({ path: `inputSnapshot.${prefix}.${i.path}`, message: i.message })));
  const design = designParamsFromValues(snapshot.design.values);
  if (!design.ok) at('design.values', design.issues);
  const cell = cellParamsFromValues(snapshot.cell.values);
  if (!cell.ok) at('cell.values', cell.issues);
  const { id: _id, ...network } = snapshot.network;
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) at('network', analysed.issues);
  if (!design.ok || issues.length > 0) throw new WorkbenchFailure('invalid_input', `the inputs of "${label}" cannot be evaluated`, issues);
  return {
    design: { id: snapshot.design.id, name: snapshot.design.name, values: snapshot.design.values, cellName: snapshot.cell.name, cellValues: snapshot.cell.values },
    params: withOverrides(design.params, snapshot.options.format ?? undefined, snapshot.options.mode ?? undefined),
    network,
    batch: snapshot.options.batch,
  };
}

/** A GPU run's snapshot as run() built its task: the format override written into its values; no cell. */
function gpuTaskFromSnapshot(snapshot: InputSnapshot, label: string): EvaluateTaskInput {
  const { id: _id, ...network } = snapshot.network;
  const issues: Issue[] = [];
  const gpu = gpuParamsFromValues(snapshot.design.values);
  if (!gpu.ok) issues.push(...gpu.issues.map((i) => ({ path: `inputSnapshot.design.values.${i.path}`, message: i.message })));
  const analysed = analyzeNetwork(network);
  if (!analysed.ok) issues.push(...analysed.issues.map((i) => ({ path: `inputSnapshot.network.${i.path}`, message: i.message })));
  if (!gpu.ok || issues.length > 0) throw new WorkbenchFailure('invalid_input', `the inputs of "${label}" cannot be evaluated`, issues);
  const design = { kind: 'gpu' as const, id: snapshot.design.id, name: snapshot.design.name, version: snapshot.design.version, builtIn: false, description: '', values: snapshot.design.values, params: gpu.params };
  const values = gpuValuesForRun(design, snapshot.options.format ?? undefined);
  return { design: { id: design.id, name: design.name, values, cellName: '', cellValues: [] }, network, batch: snapshot.options.batch };
}

/** Reads a bundle file: JSON first (with the position of a syntax error), then the schema, naming each field. */
function parseBundle(fileName: string, text: string): ExperimentBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new WorkbenchFailure('invalid_input', `${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, [{ path: '', message: 'is not valid JSON' }]);
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && version > EXPERIMENT_BUNDLE_SCHEMA_VERSION) {
    throw new WorkbenchFailure(
      'invalid_input',
      `${fileName} was written by a newer PIM Workbench (bundle schema ${version}; this one reads up to ${EXPERIMENT_BUNDLE_SCHEMA_VERSION}): update PIM Workbench to import it`,
      [{ path: 'schemaVersion', message: `is newer than this workbench reads (${EXPERIMENT_BUNDLE_SCHEMA_VERSION})` }],
    );
  }
  const parsed = experimentBundleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new WorkbenchFailure('invalid_input', `${fileName} is not a valid experiment bundle: ${issues[0]?.path || 'the file'} ${issues[0]?.message ?? ''}`.trim(), issues);
  }
  return parsed.data;
}

/** Energy, latency and area that differ from the stored ones, bit for bit. */
function compareResults(stored: unknown, rerun: Evaluation): ExperimentRerunOutput['differences'] {
  const before = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return RERUN_METRICS.flatMap((metric) => {
    const was = typeof before[metric] === 'number' ? before[metric] : null;
    const now = rerun[metric];
    if (was === now) return [];
    return [{ metric, stored: was, rerun: now, relative: was ? (now - was) / Math.abs(was) : null }];
  });
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
}
