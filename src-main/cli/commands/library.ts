import { LIBRARY_FILE_MAX_BYTES } from '../../shared/schemas/library.ts';
import type { Command, CommandContext } from '../context.ts';
import { UsageError, intOption, stringOption, type ParsedCommandArgs } from '../args.ts';
import { clip, renderTable } from '../table.ts';
import { parseJsonText, readTextFile, writeTextFile } from '../files.ts';
import type { LibraryDetail, LibrarySummary } from '../../shared/schemas/library.ts';
import { LIBRARY_KINDS } from '../../shared/schemas/library.ts';
import { diffValues, type DiffRow } from '../../shared/library-diff.ts';
import { rangeText } from '../../shared/value-range.ts';
import type { ValueRange } from '../../shared/schemas/library.ts';

// `pimwb library ...`: the same library services the window's Libraries page uses.

/** The operand at `index`; present, since the command's arity was checked before it ran. */
function operand(args: ParsedCommandArgs, index: number): string {
  return args.positionals[index]!;
}

function summaryTable(items: readonly LibrarySummary[]): string {
  if (items.length === 0) return 'No libraries. Import one with: pimwb library import <file.json>';
  return renderTable(items, [
    { title: 'ID', value: (l) => l.id },
    { title: 'NAME', value: (l) => clip(l.name, 40) },
    { title: 'KIND', value: (l) => l.kind },
    { title: 'VERSION', value: (l) => String(l.version), align: 'right' },
    { title: 'VALUES', value: (l) => String(l.valueCount), align: 'right' },
    { title: 'CITED', value: (l) => String(l.provenance.cited), align: 'right' },
    { title: 'ASSUMED', value: (l) => String(l.provenance.assumption), align: 'right' },
    { title: 'UPDATED', value: (l) => (l.builtIn ? 'built-in' : l.updatedAt.slice(0, 16).replace('T', ' ')) },
  ]);
}

function detailText(d: LibraryDetail): string {
  const header = [
    `${d.name}  (${d.id})`,
    `kind: ${d.kind}    version: ${d.shownVersion} of ${d.version}${d.builtIn ? ' (built-in, read-only)' : ''}`,
    d.description ? `description: ${d.description}` : '',
    '',
  ].filter((line, i) => line !== '' || i === 3);
  const ranged = d.values.some((v) => v.range !== undefined);
  const values = renderTable(d.values, [
    { title: 'KEY', value: (v) => v.key },
    { title: 'VALUE', value: (v) => String(v.value), align: 'right' },
    { title: 'UNIT', value: (v) => v.unit },
    // Only libraries with ranges get the column (and its source, after the value's).
    ...(ranged ? [{ title: 'RANGE', value: (v: LibraryDetail['values'][number]) => (v.range ? terminalRange(v.range) : '') }] : []),
    { title: 'SOURCE', value: (v) => clip(v.range ? `${v.source}; range: ${v.range.source}` : v.source, 90) },
  ]);
  return header.join('\n') + (d.values.length ? values : 'No values yet.');
}

const list: Command = {
  path: ['library', 'list'],
  summary: 'list built-in and saved parameter libraries',
  options: [
    { name: 'kind', kind: 'string', value: LIBRARY_KINDS.join('|'), description: 'only libraries of this kind' },
    { name: 'query', kind: 'string', value: 'TEXT', description: 'only libraries whose name contains TEXT' },
  ],
  async run(ctx, args) {
    const input = { kind: stringOption(args, 'kind') as LibrarySummary['kind'] | undefined, query: stringOption(args, 'query') };
    const result = await ctx.call('libraries.list', input);
    ctx.print(result, () => summaryTable(result.items));
  },
};

const show: Command = {
  path: ['library', 'show'],
  summary: 'show a library\'s values with units and sources',
  operands: '<id|name>',
  arity: [1, 1],
  options: [{ name: 'version', kind: 'int', value: 'N', description: 'show version N instead of the latest' }],
  async run(ctx, args) {
    const detail = await ctx.call('libraries.get', { ref: operand(args, 0), version: intOption(args, 'version') });
    ctx.print(detail, () => detailText(detail));
  },
};

const versions: Command = {
  path: ['library', 'versions'],
  summary: 'list the saved versions of a library',
  operands: '<id|name>',
  arity: [1, 1],
  options: [],
  async run(ctx, args) {
    const result = await ctx.call('libraries.versions', { ref: operand(args, 0) });
    ctx.print(result, () =>
      renderTable(result.items, [
        { title: 'VERSION', value: (v) => String(v.version), align: 'right' },
        { title: 'SAVED', value: (v) => (v.createdAt ? v.createdAt.slice(0, 19).replace('T', ' ') : 'built-in') },
        { title: 'VALUES', value: (v) => String(v.valueCount), align: 'right' },
        { title: 'NOTE', value: (v) => clip(v.note, 60) },
      ]),
    );
  },
};

const importCommand: Command = {
  path: ['library', 'import'],
  summary: 'import a library file (JSON, format pimwb-library) as a new library',
  operands: '<file.json>',
  arity: [1, 1],
  options: [{ name: 'name', kind: 'string', value: 'NAME', description: 'store it under NAME instead of the name in the file' }],
  async run(ctx, args) {
    const path = operand(args, 0);
    const content = parseJsonText(readTextFile(path, ctx.io.cwd, LIBRARY_FILE_MAX_BYTES, 'a library of 10,000 values with long sources is under 4 MB'), path);
    const detail = await ctx.call('libraries.import', { file: content, name: stringOption(args, 'name') });
    ctx.print(detail, () => `imported "${detail.name}" as ${detail.id} (${detail.valueCount} values)`);
  },
};

const exportCommand: Command = {
  path: ['library', 'export'],
  summary: 'write a library version as a library file (JSON)',
  operands: '<id|name>',
  arity: [1, 1],
  options: [
    { name: 'version', kind: 'int', value: 'N', description: 'export version N instead of the latest' },
    { name: 'output', short: 'o', kind: 'string', value: 'FILE', description: 'write to FILE instead of standard output' },
    { name: 'force', kind: 'flag', description: 'overwrite FILE if it exists' },
  ],
  async run(ctx, args) {
    const result = await ctx.call('libraries.export', { ref: operand(args, 0), version: intOption(args, 'version') });
    const text = `${JSON.stringify(result.file, null, 2)}\n`;
    const output = stringOption(args, 'output');
    if (!output) {
      ctx.io.stdout(text.trimEnd());
      return;
    }
    const written = writeTextFile(output, text, ctx.io.cwd, args.options.force === true);
    ctx.print({ path: written, fileName: result.fileName }, () => `wrote ${written}`);
  },
};

const rename: Command = {
  path: ['library', 'rename'],
  summary: 'rename a library (its versions are kept)',
  operands: '<id|name> <new-name>',
  arity: [2, 2],
  options: [],
  async run(ctx, args) {
    const summary = await ctx.call('libraries.rename', { ref: operand(args, 0), name: operand(args, 1) });
    ctx.print(summary, () => `renamed ${summary.id} to "${summary.name}"`);
  },
};

const clone: Command = {
  path: ['library', 'clone'],
  summary: 'copy a library (a built-in one too) into a new editable library',
  operands: '<id|name> <new-name>',
  arity: [2, 2],
  options: [{ name: 'version', kind: 'int', value: 'N', description: 'copy version N instead of the latest' }],
  async run(ctx, args) {
    const detail = await ctx.call('libraries.clone', {
      ref: operand(args, 0),
      name: operand(args, 1),
      version: intOption(args, 'version'),
    });
    ctx.print(detail, () => `cloned into "${detail.name}" (${detail.id})`);
  },
};

const deleteCommand: Command = {
  path: ['library', 'delete'],
  summary: 'delete a library and all its versions (refused while experiments use it)',
  operands: '<id|name>',
  arity: [1, 1],
  options: [{ name: 'yes', kind: 'flag', description: 'confirm the deletion (required)' }],
  async run(ctx: CommandContext, args) {
    const ref = operand(args, 0);
    if (args.options.yes !== true) throw new UsageError(`deleting "${ref}" removes every version; add --yes to confirm`);
    const deleted = await ctx.call('libraries.delete', { ref });
    ctx.print(deleted, () => `deleted "${deleted.name}" (${deleted.id})`);
  },
};

/** "2..4, normal, sigma 0.5": a range in plain ASCII. */
function terminalRange(range: ValueRange): string {
  return rangeText(range, { dash: '..', sigma: 'sigma' });
}

function valueText(row: DiffRow, side: 'left' | 'right'): string {
  const v = row[side];
  if (!v) return '';
  const text = `${String(v.value)} ${v.unit === '1' ? '' : v.unit}`.trim();
  if (!row.rangeChanged) return text;
  return `${text} (${v.range ? terminalRange(v.range) : 'no range'})`;
}

const DIFF_MARK: Record<DiffRow['kind'], string> = { same: ' ', restated: '=', changed: '~', 'range-changed': 'r', 'source-changed': 's', added: '+', removed: '-' };

const diff: Command = {
  path: ['library', 'diff'],
  summary: 'compare two versions of a library, or two libraries, value by value',
  operands: '<lib> [<other-lib>]',
  arity: [1, 2],
  options: [
    { name: 'left', kind: 'int', value: 'N', description: 'version of the first library (default: the one before the latest when comparing a library with itself)' },
    { name: 'right', kind: 'int', value: 'N', description: 'version of the second library (default: the latest)' },
    { name: 'all', kind: 'flag', description: 'also list values that did not change' },
  ],
  details: 'Numbers are compared in SI: "10 kOhm" and "10000 Ohm" are the same value restated (=). Marks: ~ changed, r range changed (the value\'s uncertainty range, shown in parentheses), s source changed, + added, - removed.',
  async run(ctx, args) {
    const first = operand(args, 0);
    const second = args.positionals[1] ?? first;
    const rightDetail = await ctx.call('libraries.get', { ref: second, version: intOption(args, 'right') });
    const defaultLeft = second === first ? Math.max(1, rightDetail.shownVersion - 1) : undefined;
    const leftDetail = await ctx.call('libraries.get', { ref: first, version: intOption(args, 'left') ?? defaultLeft });
    const result = diffValues(leftDetail.values, rightDetail.values);
    const label = (d: typeof leftDetail) => `${d.name} v${d.shownVersion}`;
    const value = { left: { id: leftDetail.id, version: leftDetail.shownVersion }, right: { id: rightDetail.id, version: rightDetail.shownVersion }, ...result };
    ctx.print(value, () => {
      const rows = args.options.all === true ? result.rows : result.rows.filter((r) => r.kind !== 'same');
      const counts = Object.entries(result.counts).map(([k, n]) => `${n} ${k}`).join(', ');
      const header = `${label(leftDetail)}  ->  ${label(rightDetail)}: ${counts}`;
      if (rows.length === 0) return `${header}
No differences.`;
      return `${header}
${renderTable(rows, [
        { title: '', value: (r) => DIFF_MARK[r.kind] },
        { title: 'KEY', value: (r) => r.key },
        { title: label(leftDetail).toUpperCase(), value: (r) => valueText(r, 'left'), align: 'right' },
        { title: label(rightDetail).toUpperCase(), value: (r) => valueText(r, 'right'), align: 'right' },
        { title: 'SOURCE (RIGHT)', value: (r) => clip((r.right ?? r.left)?.source ?? '', 60) },
      ])}`;
    });
  },
};

export const libraryCommands: readonly Command[] = [list, show, versions, diff, importCommand, exportCommand, rename, clone, deleteCommand];
