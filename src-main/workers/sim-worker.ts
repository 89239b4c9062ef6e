import { hostTasks } from './worker-host.ts';
import { SIM_TASKS } from '../sim/tasks.ts';

// The simulator's pool worker: the tasks the window, `pimwb serve` and the CLI run off their main thread.
hostTasks(SIM_TASKS);
