import { createInterface } from 'node:readline';
import type { CliIO } from './context.ts';

// The real process's streams for the CLI; tests pass their own CliIO instead.

// A reader that stops early (`pimwb ... | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Infinity }),
    untilInterrupted,
  };
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Ctrl+C reaches a relaunched pimwb twice (from the terminal and forwarded by its launcher): the
 * repeat within this time is absorbed so the shutdown stays graceful; a later one ends the process.
 */
const REPEAT_GRACE_MS = 1000;

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = (): void => {
      resolve();
      setTimeout(() => {
        for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
      }, REPEAT_GRACE_MS).unref();
    };
    for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  });
}
