import { CommandContext, appVersion, type CliIO, type Command } from './context.ts';
import { UsageError, checkOperands, extractGlobals, parseCommandArgs, type GlobalFlags } from './args.ts';
import { commandHelp, generalHelp, groupHelp } from './help.ts';
import { libraryCommands } from './commands/library.ts';
import { serveCommand } from './commands/serve.ts';
import { dbCommands } from './commands/db.ts';
import { cellCommands } from './commands/cell.ts';
import { arithCommands } from './commands/arith.ts';
import { faultsCommand } from './commands/faults.ts';
import { networkCommands } from './commands/network.ts';
import { designCommands } from './commands/design.ts';
import { runCommands } from './commands/run.ts';
import { sweepCommands } from './commands/sweep.ts';
import { explainCommand } from './commands/explain.ts';
import { analysisCommands } from './commands/analysis.ts';
import { WorkbenchFailure, describeError, type ErrorCode } from '../shared/result.ts';

// The `pimwb` command line: parse, run one command through the services, map the outcome to an
// exit status (0 ok, 1 runtime failure, 2 bad input or usage) and one clear line on stderr.

export const COMMANDS: readonly Command[] = [...libraryCommands, ...cellCommands, ...arithCommands, faultsCommand, ...networkCommands, ...designCommands, ...runCommands, ...sweepCommands, ...analysisCommands, explainCommand, ...dbCommands, serveCommand];

const EXIT_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 2,
  not_found: 2,
  unknown_channel: 2,
  store_unusable: 2,
  conflict: 1,
  forbidden: 1,
  internal: 1,
};

function findCommand(words: readonly string[]): Command | undefined {
  return COMMANDS.filter((c) => c.path.every((w, i) => words[i] === w)).sort((a, b) => b.path.length - a.path.length)[0];
}

function reportFailure(io: CliIO, globals: GlobalFlags, error: WorkbenchFailure): number {
  const envelope = { code: error.code, message: error.message, issues: error.issues };
  io.stderr(globals.json ? JSON.stringify({ error: envelope }) : `pimwb: error: ${describeError(envelope)}`);
  return EXIT_BY_CODE[error.code];
}

async function dispatchCommand(io: CliIO, globals: GlobalFlags, rest: string[]): Promise<number> {
  if (globals.version) {
    io.stdout(globals.json ? JSON.stringify({ version: appVersion() }) : appVersion());
    return 0;
  }
  const command = findCommand(rest);
  if (!command) {
    const isGroup = COMMANDS.some((c) => c.path[0] === rest[0] && c.path.length > 1);
    if (globals.help || rest.length === 0) {
      io.stdout(isGroup && rest[0] ? groupHelp(rest[0], COMMANDS) : generalHelp(COMMANDS, appVersion()));
      return globals.help ? 0 : 2;
    }
    if (isGroup && rest[0]) {
      const what = rest[1] ? `unknown command "${rest[0]} ${rest[1]}"` : `"${rest[0]}" needs a command`;
      throw new UsageError(`${what}\n${groupHelp(rest[0], COMMANDS)}`);
    }
    throw new UsageError(`unknown command "${rest[0]}"; run pimwb --help for the list`);
  }
  if (globals.help) {
    io.stdout(commandHelp(command));
    return 0;
  }
  const parsed = parseCommandArgs(rest.slice(command.path.length), command.options, command.path.join(' '));
  checkOperands(parsed, command.arity ?? [0, 0], command.operands, command.path.join(' '));
  const ctx = new CommandContext(globals, io);
  try {
    await command.run(ctx, parsed);
  } finally {
    ctx.close();
  }
  return 0;
}

/** Runs one invocation and returns its exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let globals: GlobalFlags = { json: argv.includes('--json'), verbose: argv.includes('--verbose'), help: false, version: false };
  try {
    const extracted = extractGlobals(argv);
    globals = extracted.globals;
    return await dispatchCommand(io, globals, extracted.rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(globals.json ? JSON.stringify({ error: { code: 'usage', message: error.message, issues: [] } }) : `pimwb: error: ${error.message}`);
      return 2;
    }
    if (error instanceof WorkbenchFailure) return reportFailure(io, globals, error);
    io.stderr(`pimwb: internal error: ${error instanceof Error ? error.message : String(error)}${globals.verbose ? '' : ' (run with --verbose for details)'}`);
    if (globals.verbose && error instanceof Error && error.stack) io.stderr(error.stack);
    return 1;
  }
}
