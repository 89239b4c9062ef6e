import type { TaskHandler } from '../shared/jobs.ts';
import { COMPARE_TASK, EVALUATE_TASK, compareTask, evaluateTask } from './experiment/tasks.ts';
import { SWEEP_TASK, sweepTask } from './sweep/task.ts';
import { ACCURACY_TASK, accuracyTask } from './arith/accuracy.ts';
import { FAULTS_TASK, faultsTask } from './reliability/faults-task.ts';
import { CELL_ERRORS_TASK, cellErrorsTask } from './reliability/cell-errors-task.ts';
import { DRAWS_TASK, GOAL_SEEK_TASK, PAPER_DRAWS_TASK, SENSITIVITY_TASK, drawsTask, goalSeekTask, paperDrawsTask, sensitivityTask } from './analysis/task.ts';

// Every simulator task a job runner can run: the pool's workers and the in-thread runner register
// this same table, so a task behaves the same wherever it runs.
export const SIM_TASKS: Readonly<Record<string, TaskHandler>> = {
  [EVALUATE_TASK]: evaluateTask,
  [COMPARE_TASK]: compareTask,
  [SWEEP_TASK]: sweepTask,
  [ACCURACY_TASK]: accuracyTask,
  [FAULTS_TASK]: faultsTask,
  [CELL_ERRORS_TASK]: cellErrorsTask,
  [SENSITIVITY_TASK]: sensitivityTask,
  [GOAL_SEEK_TASK]: goalSeekTask,
  [DRAWS_TASK]: drawsTask,
  [PAPER_DRAWS_TASK]: paperDrawsTask,
};
