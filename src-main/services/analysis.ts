import { WorkbenchFailure } from '../shared/result.ts';
import type { JobRunner } from '../shared/jobs.ts';
import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { sideKnobs, type StudySide } from '../sim/analysis/knobs.ts';
import { GOAL_SEEK_TASK, SENSITIVITY_TASK, type GoalSeekTaskInput, type SensitivityTaskInput, type StudyTaskInput } from '../sim/analysis/task.ts';
import type { DesignService } from './designs.ts';
import { naming } from './experiments.ts';
import type { NetworkService } from './networks.ts';

// Which value decides a result: the tornado of every value of a design (and of a second one, for a
// ratio), and goal seek. The designs and the network are resolved here; the work runs as a
// simulator task, in the worker pool in the window and `pimwb serve`.

export interface AnalysisDeps {
  readonly designs: DesignService;
  readonly networks: NetworkService;
  readonly jobs: JobRunner;
}

type StudyInput = ParsedInput<'analysis.sensitivity'> | ParsedInput<'analysis.goalSeek'>;

export class AnalysisService {
  private readonly deps: AnalysisDeps;

  constructor(deps: AnalysisDeps) {
    this.deps = deps;
  }

  async sensitivity(input: ParsedInput<'analysis.sensitivity'>): Promise<Output<'analysis.sensitivity'>> {
    const task: SensitivityTaskInput = { ...this.study(input), percent: input.percent };
    return this.run(SENSITIVITY_TASK, task);
  }

  async goalSeek(input: ParsedInput<'analysis.goalSeek'>): Promise<Output<'analysis.goalSeek'>> {
    const study = this.study(input);
    const knobs = sideKnobs(study.design);
    if (!knobs.some((k) => k.key === input.key)) {
      const message = `"${input.key}" is not a numeric value of ${study.design.name}, its cell or its node`;
      throw new WorkbenchFailure('invalid_input', message, [{ path: 'key', message: `must be one of ${knobs.map((k) => k.key).join(', ')}` }]);
    }
    const task: GoalSeekTaskInput = { ...study, key: input.key, target: input.target, ...(input.low !== undefined ? { low: input.low } : {}), ...(input.high !== undefined ? { high: input.high } : {}) };
    return this.run(GOAL_SEEK_TASK, task);
  }

  private study(input: StudyInput): StudyTaskInput {
    const side = (field: 'design' | 'vs', ref: string): StudySide => {
      const d = naming(field, () => this.deps.designs.resolve(ref));
      return { name: d.name, values: [...d.values], cellName: d.cellName, cellValues: [...d.cellValues] };
    };
    const network = naming('network', () => this.deps.networks.find(input.network));
    return {
      design: side('design', input.design),
      ...(input.vs !== undefined ? { vs: side('vs', input.vs) } : {}),
      network: network.network,
      metric: input.metric,
      ...(input.batch !== undefined ? { batch: input.batch } : {}),
    };
  }

  private async run<T>(task: string, input: unknown): Promise<T> {
    const outcome = await this.deps.jobs.run<T>(task, input);
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the analysis was cancelled before it finished');
    return outcome.value;
  }
}
