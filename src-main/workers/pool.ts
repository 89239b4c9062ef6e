import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { FromWorker, JobOptions, JobOutcome, JobProgress, JobRunner, ToWorker } from '../shared/jobs.ts';

// A fixed set of worker threads that run simulator tasks, so the Electron main thread and the
// HTTP bridge stay responsive. Jobs queue when all workers are busy. Progress reaches callers at
// most 10 times a second; a cancelled job keeps what its task finished.

const PROGRESS_INTERVAL_MS = 100;

interface Pending {
  readonly id: number;
  readonly kind: string;
  readonly input: unknown;
  readonly options: JobOptions;
  readonly resolve: (outcome: JobOutcome<unknown>) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly cancelFlag: Int32Array;
  job: Pending | undefined;
  lastProgressAt: number;
  queuedProgress: JobProgress | undefined;
}

export interface PoolOptions {
  /** The worker script (a .ts file run by Node, or the bundled .js in Electron). */
  readonly script: URL | string;
  readonly size?: number;
}

export class WorkerPool implements JobRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly script: URL | string;
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions) {
    this.script = options.script;
    const size = Math.max(1, options.size ?? availableParallelism());
    for (let i = 0; i < size; i += 1) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  run<T>(kind: string, input: unknown, options: JobOptions = {}): Promise<JobOutcome<T>> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (options.signal?.aborted) return Promise.resolve({ status: 'cancelled', partial: undefined });
    return new Promise((resolve, reject) => {
      const job: Pending = { id: this.nextId++, kind, input, options, resolve: resolve as Pending['resolve'], reject };
      options.signal?.addEventListener('abort', () => this.cancel(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 'cancelled', partial: undefined });
    for (const slot of this.slots) slot.worker.removeAllListeners('exit');
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(this.script, { workerData: { cancelFlag: cancelFlag.buffer } });
    const slot: Slot = { worker, cancelFlag, job: undefined, lastProgressAt: 0, queuedProgress: undefined };
    worker.on('message', (message: FromWorker) => this.receive(slot, message));
    worker.on('error', (error) => this.replace(slot, error));
    worker.on('exit', (code) => this.replace(slot, new Error(`a simulation worker stopped unexpectedly (exit code ${code})`)));
    worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.lastProgressAt = 0;
      Atomics.store(slot.cancelFlag, 0, 0);
      const message: ToWorker = { type: 'run', id: job.id, kind: job.kind, input: job.input };
      slot.worker.ref();
      slot.worker.postMessage(message);
    }
  }

  private cancel(job: Pending): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.resolve({ status: 'cancelled', partial: undefined });
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) Atomics.store(slot.cancelFlag, 0, job.id);
  }

  private receive(slot: Slot, message: FromWorker): void {
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    if (message.type === 'progress') return this.reportProgress(slot, job, message.progress);
    slot.job = undefined;
    slot.worker.unref();
    if (slot.queuedProgress) job.options.onProgress?.(slot.queuedProgress);
    slot.queuedProgress = undefined;
    if (message.type === 'result') job.resolve({ status: 'done', value: message.value });
    else if (message.type === 'cancelled') job.resolve({ status: 'cancelled', partial: message.partial });
    else job.reject(new Error(message.message));
    this.dispatch();
  }

  private reportProgress(slot: Slot, job: Pending, progress: JobProgress): void {
    const now = performance.now();
    if (now - slot.lastProgressAt >= PROGRESS_INTERVAL_MS) {
      slot.lastProgressAt = now;
      slot.queuedProgress = undefined;
      job.options.onProgress?.(progress);
    } else {
      slot.queuedProgress = progress;
    }
  }

  /** A worker that crashed fails its job and is replaced, so the pool keeps its size. */
  private replace(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at < 0 || this.closed) return;
    slot.job?.reject(error);
    slot.job = undefined;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[at] = this.spawn();
    this.dispatch();
  }
}
