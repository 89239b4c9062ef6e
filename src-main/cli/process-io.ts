import { createInterface } from 'node:readline';
import type { CliIO } from './context.ts';

// The real process's streams for the CLI; tests pass their own CliIO instead.

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
