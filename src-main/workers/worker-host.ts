import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker, TaskHandler, ToWorker } from '../shared/jobs.ts';

// The inside of a pool worker: runs one task at a time from a registry of handlers. Cancellation
// arrives through a shared flag, so a task busy in a tight loop sees it without yielding.

export function hostTasks(handlers: Readonly<Record<string, TaskHandler>>): void {
  const port = parentPort;
  if (!port) throw new Error('hostTasks must run inside a worker thread');
  const cancelFlag = new Int32Array(workerData.cancelFlag as SharedArrayBuffer);
  const send = (message: FromWorker): void => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    const handler = handlers[message.kind];
    if (!handler) {
      send({ type: 'error', id: message.id, message: `no task "${message.kind}" in this worker` });
      return;
    }
    const context = {
      progress: (done: number, total: number) => send({ type: 'progress', id: message.id, progress: { done, total } }),
      cancelled: () => Atomics.load(cancelFlag, 0) === message.id,
    };
    try {
      const value = handler(message.input, context);
      send(context.cancelled() ? { type: 'cancelled', id: message.id, partial: value } : { type: 'result', id: message.id, value });
    } catch (error) {
      send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
