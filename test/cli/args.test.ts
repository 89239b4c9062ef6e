import { describe, expect, it } from 'vitest';
import { UsageError, extractGlobals, parseCommandArgs, type OptionSpec } from '../../src-main/cli/args.ts';

const specs: OptionSpec[] = [
  { name: 'version', kind: 'int', description: '' },
  { name: 'output', short: 'o', kind: 'string', description: '' },
  { name: 'force', kind: 'flag', description: '' },
];

describe('extractGlobals', () => {
  it('finds global flags before and after the command', () => {
    expect(extractGlobals(['--db', 'a.sqlite', 'library', 'list', '--json'])).toEqual({
      globals: { db: 'a.sqlite', json: true, verbose: false, help: false, version: false },
      rest: ['library', 'list'],
    });
    expect(extractGlobals(['library', 'list', '--db=b.sqlite', '--verbose']).globals).toMatchObject({ db: 'b.sqlite', verbose: true });
  });
  it('treats --version as the app version only before a command word', () => {
    expect(extractGlobals(['--version']).globals.version).toBe(true);
    expect(extractGlobals(['library', 'show', 'x', '--version', '2'])).toMatchObject({ globals: { version: false }, rest: ['library', 'show', 'x', '--version', '2'] });
  });
  it('needs a value for --db', () => {
    expect(() => extractGlobals(['library', '--db'])).toThrow(UsageError);
  });
});

describe('parseCommandArgs', () => {
  it('parses typed options in any position, with = or a separate value', () => {
    expect(parseCommandArgs(['lib', '--version=3', '-o', 'f.json', '--force'], specs, 'x')).toEqual({
      positionals: ['lib'],
      options: { version: 3, output: 'f.json', force: true },
    });
  });
  it('rejects unknown options, missing values and non-integers', () => {
    expect(() => parseCommandArgs(['--nope'], specs, 'x')).toThrow(/unknown option --nope/);
    expect(() => parseCommandArgs(['--output'], specs, 'x')).toThrow(/needs a value/);
    expect(() => parseCommandArgs(['--version', '2.5'], specs, 'x')).toThrow(/whole number/);
    expect(() => parseCommandArgs(['--force=yes'], specs, 'x')).toThrow(/takes no value/);
  });
  it('takes everything after -- as operands', () => {
    expect(parseCommandArgs(['--', '--force'], specs, 'x').positionals).toEqual(['--force']);
  });
});
