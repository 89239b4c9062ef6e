import { hostTasks } from './worker-host.ts';
import { SWEEP_TASK, sweepTask } from '../sim/sweep/task.ts';

// The simulator's pool worker: the tasks the window, `pimwb serve` and the CLI run off their main thread.
hostTasks({ [SWEEP_TASK]: sweepTask });
