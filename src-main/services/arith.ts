import type { Output, ParsedInput } from '../shared/ipc/contract.ts';
import { formatByName } from '../sim/arith/formats.ts';
import { OPERATIONS, costOf, countOperation, microprogram } from '../sim/arith/programs.ts';
import { ACCURACY_TASK, type UlpReport } from '../sim/arith/accuracy.ts';
import type { JobRunner } from '../shared/jobs.ts';
import { WorkbenchFailure } from '../shared/result.ts';
import type { CellFamily } from '../sim/isa/primitives.ts';
import type { CellService } from './cells.ts';
import { LOWERINGS } from '../sim/arith/lowering.ts';
import { FAULTS_TASK, type FaultsTaskInput } from '../sim/reliability/faults-task.ts';

// Step counts of each arithmetic microprogram on a cell, costed with the primitives of one subarray
// built from that cell (every lane in parallel).

export class ArithService {
  private readonly cells: CellService;
  private readonly jobs: JobRunner;

  constructor(cells: CellService, jobs: JobRunner) {
    this.cells = cells;
    this.jobs = jobs;
  }

  /** The ftz-trunc accuracy run executes thousands of operations, so it goes to the job runner (a worker thread in the window). */
  async ops(input: ParsedInput<'arith.ops'>): Promise<Output<'arith.ops'>> {
    const array = this.cells.evaluateArray({ cell: input.cell, rows: input.rows, cols: input.cols, node: input.node });
    const family = array.cell.family as CellFamily;
    const format = formatByName(input.format);
    const figures = Object.fromEntries(
      OPERATIONS.map((op) => {
        const count = countOperation(family, op, format, input.mode);
        const cost = costOf(count.steps, array.primitives, count.activity);
        const rows = microprogram(family, op, format, input.mode).rowCount;
        return [op, { steps: count.steps as Record<string, number>, totalSteps: count.totalSteps, ...cost, rows }];
      }),
    ) as Pick<Output<'arith.ops'>, (typeof OPERATIONS)[number]>;
    const ieee = input.mode === 'ieee';
    const accuracy = ieee ? undefined : await this.accuracy(family, format);
    return {
      ...figures,
      context: {
        cell: array.cell,
        format: format.name,
        mode: input.mode,
        ieee,
        array: { rows: input.rows, cols: input.cols, node_nm: input.node, lanes: array.lanes },
        ...(accuracy ? { accuracy } : {}),
      },
    };
  }

  /** Fault injection executes every sample bit by bit (with and without faults): a job, like the accuracy run. */
  async faults(input: ParsedInput<'arith.faults'>): Promise<Output<'arith.faults'>> {
    const { params } = this.cells.resolve(input.cell);
    if (!LOWERINGS[params.family]) throw new WorkbenchFailure('invalid_input', `${params.family} cells have no in-memory logic here (they are modelled as memory): there is no microprogram to inject faults into`, [{ path: 'cell', message: 'must be a cell with in-memory logic' }]);
    const task: FaultsTaskInput = { cell: params, format: formatByName(input.format), op: input.op, mode: input.mode, samples: input.samples, seed: input.seed, ...(input.rate === undefined ? {} : { rate: input.rate }) };
    const outcome = await this.jobs.run<Output<'arith.faults'>>(FAULTS_TASK, task);
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the fault injection was cancelled before it finished');
    return outcome.value;
  }

  private async accuracy(family: CellFamily, format: ReturnType<typeof formatByName>): Promise<{ fpAdd: UlpReport; fpMul: UlpReport }> {
    const outcome = await this.jobs.run<{ fpAdd: UlpReport; fpMul: UlpReport }>(ACCURACY_TASK, { family, format });
    if (outcome.status !== 'done') throw new WorkbenchFailure('conflict', 'the accuracy run was cancelled before it finished');
    return outcome.value;
  }
}
