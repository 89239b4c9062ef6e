// Command-line parsing. Global flags (--db, --json, --verbose, --help) may stand anywhere;
// each command declares its own options and positionals, and anything else is a usage error.

export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'flag' | 'string' | 'int';
  readonly value?: string;
  readonly description: string;
  /** May be given more than once; its values are collected in order (a string option). */
  readonly repeatable?: boolean;
}

export interface GlobalFlags {
  db?: string;
  json: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'db', kind: 'string', value: 'FILE', description: 'database file (default: the per-user data folder; or $PIMWB_DB)' },
  { name: 'json', kind: 'flag', description: 'print machine-readable JSON' },
  { name: 'verbose', kind: 'flag', description: 'print details, including stack traces of internal errors' },
  { name: 'help', short: 'h', kind: 'flag', description: 'show help' },
];

interface Token {
  readonly name: string;
  readonly inline?: string;
}

function optionToken(arg: string): Token | undefined {
  if (arg.startsWith('--') && arg.length > 2) {
    const eq = arg.indexOf('=');
    return eq > 0 ? { name: arg.slice(2, eq), inline: arg.slice(eq + 1) } : { name: arg.slice(2) };
  }
  if (/^-[A-Za-z]$/.test(arg)) return { name: arg.slice(1) };
  return undefined;
}

/** Pulls the global flags out of argv wherever they are; returns them and the rest in order. */
export function extractGlobals(argv: readonly string[]): { globals: GlobalFlags; rest: string[] } {
  const globals: GlobalFlags = { json: false, verbose: false, help: false, version: false };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const token = optionToken(arg);
    if (token?.name === 'db') {
      const value = token.inline ?? argv[(i += 1)];
      if (value === undefined || value === '') throw new UsageError('--db needs a file path');
      globals.db = value;
    } else if (token?.name === 'json' || token?.name === 'verbose') {
      if (token.inline !== undefined) throw new UsageError(`--${token.name} takes no value`);
      globals[token.name] = true;
    } else if (token?.name === 'help' || token?.name === 'h') {
      globals.help = true;
    } else if ((token?.name === 'version' || token?.name === 'V') && rest.length === 0) {
      // Before any command word --version means the app's version; after one it is the command's option.
      globals.version = true;
    } else {
      rest.push(arg);
    }
  }
  return { globals, rest };
}

export interface ParsedCommandArgs {
  readonly positionals: string[];
  readonly options: Record<string, string | number | boolean | string[] | undefined>;
}

/** Parses a command's own arguments against its option specs. */
export function parseCommandArgs(args: readonly string[], specs: readonly OptionSpec[], commandName: string): ParsedCommandArgs {
  const positionals: string[] = [];
  const options: ParsedCommandArgs['options'] = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    const token = optionToken(arg);
    if (!token) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for "${commandName}"`);
      positionals.push(arg);
      continue;
    }
    const spec = specs.find((s) => s.name === token.name || s.short === token.name);
    if (!spec) throw new UsageError(`unknown option ${arg} for "${commandName}" (see pimwb ${commandName} --help)`);
    if (spec.kind === 'flag') {
      if (token.inline !== undefined) throw new UsageError(`--${spec.name} takes no value`);
      options[spec.name] = true;
      continue;
    }
    const raw = token.inline ?? args[(i += 1)];
    if (raw === undefined) throw new UsageError(`--${spec.name} needs a value (${spec.value ?? 'VALUE'})`);
    if (spec.repeatable === true) {
      const before = options[spec.name];
      options[spec.name] = [...(Array.isArray(before) ? before : []), raw];
    } else {
      options[spec.name] = spec.kind === 'int' ? parseInteger(raw, spec.name) : raw;
    }
  }
  return { positionals, options };
}

function parseInteger(raw: string, name: string): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`--${name} must be a whole number, not "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new UsageError(`--${name} is out of range: ${raw}`);
  return value;
}

export function intOption(args: ParsedCommandArgs, name: string): number | undefined {
  const value = args.options[name];
  return typeof value === 'number' ? value : undefined;
}

export function stringOption(args: ParsedCommandArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Checks the number of operands a command takes, so no command has to. */
export function checkOperands(args: ParsedCommandArgs, arity: readonly [number, number], operands: string | undefined, commandName: string): void {
  const [min, max] = arity;
  if (args.positionals.length > max) throw new UsageError(`unexpected argument "${args.positionals[max]}" for "${commandName}"`);
  if (args.positionals.length < min) throw new UsageError(`"${commandName}" needs ${operands ?? `${min} operand(s)`}`);
}

/** A required option's value, as text. */
export function required(args: ParsedCommandArgs, name: string): string {
  const value = args.options[name];
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return String(value);
}

export function choice<T extends string>(value: string, choices: readonly T[], flag: string): T {
  if (!(choices as readonly string[]).includes(value)) throw new UsageError(`--${flag} must be one of ${choices.join(', ')} (got "${value}")`);
  return value as T;
}

/** A string option read as a finite number ("350", "2.5e-12"); a usage error otherwise. */
export function numberOption(args: ParsedCommandArgs, name: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number, not "${raw}"`);
  return value;
}
