import type { JobOptions, JobOutcome, JobRunner, TaskHandler } from '../shared/jobs.ts';

// Runs tasks on the calling thread: for the CLI's short jobs and for tests. The window and
// `pimwb serve` give the services a worker pool instead (src-main/workers).

export class InlineRunner implements JobRunner {
  private readonly handlers: Readonly<Record<string, TaskHandler>>;

  constructor(handlers: Readonly<Record<string, TaskHandler>>) {
    this.handlers = handlers;
  }

  run<T>(kind: string, input: unknown, options: JobOptions = {}): Promise<JobOutcome<T>> {
    const handler = this.handlers[kind];
    if (!handler) return Promise.reject(new Error(`no task "${kind}"`));
    if (options.signal?.aborted) return Promise.resolve({ status: 'cancelled', partial: undefined });
    try {
      const value = handler(input, { progress: (done, total) => options.onProgress?.({ done, total }), cancelled: () => options.signal?.aborted === true });
      return Promise.resolve(options.signal?.aborted ? { status: 'cancelled', partial: value } : { status: 'done', value: value as T });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
