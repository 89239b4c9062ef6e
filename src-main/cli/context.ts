import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openWorkbench, type Workbench } from '../services/workbench.ts';
import { resolveDbPath } from '../store/paths.ts';
import { WorkbenchFailure } from '../shared/result.ts';
import type { Channel } from '../shared/ipc/channels.ts';
import type { Input, Output } from '../shared/ipc/contract.ts';
import type { GlobalFlags, OptionSpec, ParsedCommandArgs } from './args.ts';
import type { JobRunner } from '../shared/jobs.ts';

// What every command gets: the global flags, output, and the same services the window uses.

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Resolves when the process should stop (Ctrl+C); only long-running commands wait on it. */
  readonly untilInterrupted: () => Promise<void>;
  /** Standard input, line by line (without line ends). */
  readonly stdinLines: () => AsyncIterable<string>;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url));

export function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export class CommandContext {
  readonly globals: GlobalFlags;
  readonly io: CliIO;
  private workbench: Workbench | undefined;

  constructor(globals: GlobalFlags, io: CliIO) {
    this.globals = globals;
    this.io = io;
  }

  /** Opens the store on first use (commands that need none never touch the file); `jobs` runs long simulations off this thread. */
  open(options: { jobs?: JobRunner } = {}): Workbench {
    if (!this.workbench) {
      const { path, isDefault } = resolveDbPath({ flag: this.globals.db, env: this.io.env });
      this.workbench = openWorkbench({
        dbPath: path,
        createParentDir: isDefault,
        resourcesDir: RESOURCES_DIR,
        appVersion: appVersion(),
        dispatch: { onInternalError: (error) => this.verbose(error instanceof Error ? (error.stack ?? error.message) : String(error)) },
        ...(options.jobs ? { jobs: options.jobs } : {}),
      });
    }
    return this.workbench;
  }

  /** Calls a contract channel exactly as the window would; failures become WorkbenchFailure. */
  async call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
    const result = await this.open().dispatch(channel, input);
    if (!result.ok) throw new WorkbenchFailure(result.error.code, result.error.message, result.error.issues);
    return result.value as Output<C>;
  }

  /** Prints `value` as JSON under --json, else the human rendering. */
  print(value: unknown, human: () => string): void {
    this.io.stdout(this.globals.json ? JSON.stringify(value, null, 2) : human());
  }

  verbose(text: string): void {
    if (this.globals.verbose) this.io.stderr(text);
  }

  close(): void {
    this.workbench?.close();
    this.workbench = undefined;
  }
}

export interface Command {
  /** Words that select it, e.g. ["library", "list"]. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Positionals as shown in help, e.g. "<file.json>". */
  readonly operands?: string;
  /** How many positionals it takes, at least and at most (default none). */
  readonly arity?: readonly [number, number];
  readonly options: readonly OptionSpec[];
  readonly details?: string;
  run(ctx: CommandContext, args: ParsedCommandArgs): Promise<void>;
}
