import { GLOBAL_OPTIONS, type OptionSpec } from './args.ts';
import type { Command } from './context.ts';

// Help text generated from the command specs, so it never drifts from what is parsed.

function optionLines(options: readonly OptionSpec[]): string[] {
  const labels = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(0, ...labels.map((l) => l.length));
  return options.map((o, i) => `  ${labels[i]!.padEnd(width)}  ${o.description}`);
}

export function generalHelp(commands: readonly Command[], version: string): string {
  const names = commands.map((c) => `${c.path.join(' ')}${c.operands ? ` ${c.operands}` : ''}`);
  const width = Math.max(...names.map((n) => n.length));
  return [
    `pimwb ${version}: PIM Workbench on the command line (the same services and store as the window)`,
    '',
    'Usage: pimwb [global options] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`),
    '',
    'Global options (before or after the command):',
    ...optionLines(GLOBAL_OPTIONS),
    '  -V, --version  print the version',
    '',
    'Wherever a command takes a library, it accepts its id, the name given at creation or import, or a built-in name.',
    'Exit status: 0 success, 1 runtime failure, 2 bad input or usage.',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const name = command.path.join(' ');
  return [
    `Usage: pimwb ${name}${command.operands ? ` ${command.operands}` : ''}${command.options.length ? ' [options]' : ''}`,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details ? ['', command.details] : []),
    ...(command.options.length ? ['', 'Options:', ...optionLines(command.options)] : []),
    '',
    'Global options: --db FILE, --json, --verbose (see pimwb --help)',
  ].join('\n');
}

/** Help for a group word like "library": its subcommands. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  const members = commands.filter((c) => c.path[0] === group);
  const names = members.map((c) => `${c.path.join(' ')}${c.operands ? ` ${c.operands}` : ''}`);
  const width = Math.max(...names.map((n) => n.length));
  return [`Usage: pimwb ${group} <command>`, '', 'Commands:', ...members.map((c, i) => `  ${names[i]!.padEnd(width)}  ${c.summary}`)].join('\n');
}
