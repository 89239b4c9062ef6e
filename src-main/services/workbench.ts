import { openWorkbenchDb, schemaVersion, type Db } from '../store/db.ts';
import { systemClock, type StoreClock } from '../store/ids.ts';
import { LibraryRepo } from '../store/repos/libraries.ts';
import { ExperimentRepo } from '../store/repos/experiments.ts';
import { SweepRepo } from '../store/repos/sweeps.ts';
import { ReproductionRepo } from '../store/repos/reproductions.ts';
import { loadBuiltinLibraries } from '../store/builtin-libraries.ts';
import type { Handlers } from '../shared/ipc/contract.ts';
import { EventHub } from './events.ts';
import { LibraryService } from './libraries.ts';
import { CellService, builtinCellLibraries } from './cells.ts';
import { DesignService, builtinDesignLibraries } from './designs.ts';
import { ExperimentService } from './experiments.ts';
import { SweepService } from './sweeps.ts';
import { KeptSweepService } from './kept-sweeps.ts';
import { ReproductionService } from './reproductions.ts';
import { HistoryService } from './history.ts';
import { InlineRunner } from './inline-runner.ts';
import { SIM_TASKS } from '../sim/tasks.ts';
import type { JobRunner } from '../shared/jobs.ts';
import { ArithService } from './arith.ts';
import { AnalysisService } from './analysis.ts';
import { NetworkService } from './networks.ts';
import { NetworkRepo } from '../store/repos/networks.ts';
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch.ts';
import { MODEL_VERSION } from './versions.ts';

// Composition root shared by the three front doors: one store, one set of services, one dispatch.

export interface WorkbenchOptions {
  readonly dbPath: string;
  /** Create the folder of the default database file on first use. */
  readonly createParentDir?: boolean;
  readonly resourcesDir: string;
  readonly appVersion: string;
  readonly clock?: StoreClock;
  readonly dispatch?: DispatchOptions;
  /** Where long simulations run: a worker pool in the window and `pimwb serve`; in-thread otherwise. */
  readonly jobs?: JobRunner;
}

export interface Workbench {
  readonly dispatch: Dispatch;
  readonly events: EventHub;
  readonly handlers: Handlers;
  readonly libraries: LibraryService;
  readonly experiments: ExperimentRepo;
  readonly db: Db;
  close(): void;
}

export function openWorkbench(options: WorkbenchOptions): Workbench {
  const builtins = [...builtinCellLibraries(), ...builtinDesignLibraries(), ...loadBuiltinLibraries(`${options.resourcesDir}/libraries`)];
  const db = openWorkbenchDb(options.dbPath, { createParentDir: options.createParentDir ?? false });
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const libraries = new LibraryService({ repo: new LibraryRepo(db, clock), builtins, events, appVersion: options.appVersion });
  const jobs = options.jobs ?? new InlineRunner(SIM_TASKS);
  const cells = new CellService(libraries, jobs);
  const networks = new NetworkService(new NetworkRepo(db, clock), events);
  const designs = new DesignService(libraries, cells);
  const experimentRepo = new ExperimentRepo(db, clock);
  const reproductionRepo = new ReproductionRepo(db, clock);
  const reproductions = new ReproductionService({ repo: reproductionRepo, networks, jobs, events, appVersion: options.appVersion });
  const experiments = new ExperimentService({ designs, networks, repo: experimentRepo, events, jobs, reproductions, appVersion: options.appVersion });
  const sweepRepo = new SweepRepo(db, clock);
  const keptSweeps = new KeptSweepService({ repo: sweepRepo, events });
  const sweeps = new SweepService({ designs, networks, jobs, events, repo: sweepRepo, kept: keptSweeps, appVersion: options.appVersion, now: () => performance.now() });
  const history = new HistoryService({ experiments: experimentRepo, sweeps: sweepRepo, reproductions: reproductionRepo });
  history.purgeDeleted(Date.now());
  const analysis = new AnalysisService({ designs, networks, jobs });
  const handlers = buildHandlers({ libraries, cells, networks, arith: new ArithService(cells, jobs), designs, experiments, sweeps, keptSweeps, reproductions, history, analysis, db, options });
  return {
    dispatch: createDispatch(handlers, options.dispatch),
    events,
    handlers,
    libraries,
    experiments: experimentRepo,
    db,
    close: () => db.close(),
  };
}

interface Services {
  readonly libraries: LibraryService;
  readonly cells: CellService;
  readonly networks: NetworkService;
  readonly arith: ArithService;
  readonly designs: DesignService;
  readonly experiments: ExperimentService;
  readonly sweeps: SweepService;
  readonly keptSweeps: KeptSweepService;
  readonly reproductions: ReproductionService;
  readonly history: HistoryService;
  readonly analysis: AnalysisService;
  readonly db: Db;
  readonly options: WorkbenchOptions;
}

function buildHandlers(parts: Services): Handlers {
  const { libraries, cells, networks, arith, designs, experiments, sweeps, keptSweeps, reproductions, history, analysis, db, options } = parts;
  return {
    'app.info': () => ({ appVersion: options.appVersion, modelVersion: MODEL_VERSION, schemaVersion: schemaVersion(db), dbPath: options.dbPath }),
    'libraries.list': (input) => libraries.list(input),
    'libraries.get': (input) => libraries.get(input),
    'libraries.versions': (input) => libraries.versions(input),
    'libraries.create': (input) => libraries.create(input),
    'libraries.clone': (input) => libraries.clone(input),
    'libraries.saveVersion': (input) => libraries.saveVersion(input),
    'libraries.rename': (input) => libraries.rename(input),
    'libraries.delete': (input) => libraries.delete(input),
    'libraries.import': (input) => libraries.import(input),
    'libraries.export': (input) => libraries.export(input),
    'cells.list': () => cells.list(),
    'cells.get': (input) => cells.get(input),
    'cells.errors': (input) => cells.errors(input),
    'cells.check': (input) => cells.check(input),
    'cells.importNvsim': (input) => cells.importNvsim(input),
    'cells.exportNvsim': (input) => cells.exportNvsim(input),
    'array.evaluate': (input) => cells.evaluateArray(input),
    'arith.ops': (input) => arith.ops(input),
    'arith.faults': (input) => arith.faults(input),
    'networks.list': () => networks.list(),
    'networks.get': (input) => networks.get(input),
    'networks.import': (input) => networks.import(input),
    'networks.delete': (input) => networks.delete(input),
    'designs.list': () => designs.list(),
    'designs.get': (input) => designs.get(input.ref, input.version),
    'designs.check': (input) => designs.check(input.values),
    'experiments.run': (input) => experiments.run(input),
    'experiments.list': (input) => experiments.list(input),
    'experiments.get': (input) => experiments.get(input),
    'experiments.delete': (input) => experiments.delete(input),
    'experiments.tags': () => experiments.tags(),
    'experiments.update': (input) => experiments.update(input),
    'experiments.rerun': (input) => experiments.rerun(input),
    'experiments.exportBundle': (input) => experiments.exportBundle(input),
    'experiments.importBundle': (input) => experiments.importBundle(input),
    'paper.reproduce': (input) => experiments.reproduce(input),
    'sweeps.run': (input) => sweeps.run(input),
    'sweeps.cancel': (input) => sweeps.cancel(input),
    'sweeps.get': (input) => keptSweeps.get(input),
    'sweeps.points': (input) => keptSweeps.points(input),
    'sweeps.rerun': (input) => sweeps.rerun(input),
    'sweeps.update': (input) => keptSweeps.update(input),
    'sweeps.delete': (input) => keptSweeps.delete(input),
    'sweeps.restore': (input) => keptSweeps.restore(input),
    'sweeps.export': (input) => keptSweeps.export(input),
    'reproductions.get': (input) => reproductions.get(input),
    'reproductions.rerun': (input) => reproductions.rerun(input),
    'reproductions.update': (input) => reproductions.update(input),
    'reproductions.delete': (input) => reproductions.delete(input),
    'reproductions.restore': (input) => reproductions.restore(input),
    'reproductions.export': (input) => reproductions.export(input),
    'history.list': (input) => history.list(input),
    'analysis.sensitivity': (input) => analysis.sensitivity(input),
    'analysis.goalSeek': (input) => analysis.goalSeek(input),
    'analysis.sobol': (input) => analysis.sobol(input),
    'analysis.uncertainty': (input) => analysis.uncertainty(input),
    'analysis.paperBands': (input) => analysis.paperBands(input),
  };
}
