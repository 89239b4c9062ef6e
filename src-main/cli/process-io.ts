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
    untilInterrupted: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
