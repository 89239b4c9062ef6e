import { runCli } from '../../src-main/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function pimwb(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    untilInterrupted: () => Promise.resolve(),
    stdinLines: async function* () {
      yield* (options.stdin ?? '').split('\n');
    },
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
