// Long work (sweeps, whole-network evaluations) runs in worker threads. These are the messages
// between the pool (main thread) and a worker, shared so both sides agree on their shape.

export interface JobProgress {
  readonly done: number;
  readonly total: number;
}

export type ToWorker = { readonly type: 'run'; readonly id: number; readonly kind: string; readonly input: unknown };

export type FromWorker =
  | { readonly type: 'progress'; readonly id: number; readonly progress: JobProgress }
  | { readonly type: 'result'; readonly id: number; readonly value: unknown }
  | { readonly type: 'cancelled'; readonly id: number; readonly partial: unknown }
  | { readonly type: 'error'; readonly id: number; readonly message: string };

/** What a task sees while it runs: report progress; check whether it was cancelled (cheap, synchronous). */
export interface TaskContext {
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

/** A task returns its value, or, when cancelled, whatever it finished (a sweep keeps its points). */
export type TaskHandler = (input: unknown, context: TaskContext) => unknown;

export interface JobOptions {
  readonly onProgress?: (progress: JobProgress) => void;
  readonly signal?: AbortSignal;
}

export type JobOutcome<T> = { readonly status: 'done'; readonly value: T } | { readonly status: 'cancelled'; readonly partial: unknown };

/** Runs a task kind off the calling thread. Services depend on this, front doors provide the pool. */
export interface JobRunner {
  run<T>(kind: string, input: unknown, options?: JobOptions): Promise<JobOutcome<T>>;
  close(): Promise<void>;
}
