import { CELL_FILE_MAX_BYTES } from '../../shared/schemas/cell.ts';
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import type { Command } from '../context.ts';
import { UsageError, intOption, stringOption, type ParsedCommandArgs } from '../args.ts';
import { clip, renderTable } from '../table.ts';
import { readTextFile, writeTextFile } from '../files.ts';
import { formatSI } from '../../shared/units.ts';
import type { ArrayResult } from '../../shared/schemas/cell.ts';

// `pimwb cell ...` and `pimwb array`: memory cells and the subarrays built from them.

function one(args: ParsedCommandArgs): string {
  return args.positionals[0]!;
}

const list: Command = {
  path: ['cell', 'list'],
  summary: 'list built-in and stored memory cells',
  options: [],
  async run(ctx) {
    const result = await ctx.call('cells.list', {});
    ctx.print(result, () =>
      renderTable(result.items, [
        { title: 'ID', value: (c) => c.id },
        { title: 'NAME', value: (c) => clip(c.name, 48) },
        { title: 'FAMILY', value: (c) => c.family },
        { title: 'VERSION', value: (c) => String(c.version), align: 'right' },
        { title: 'ASSUMED', value: (c) => `${c.provenance.assumption}/${c.valueCount}`, align: 'right' },
      ]),
    );
  },
};

const show: Command = {
  path: ['cell', 'show'],
  summary: 'show a cell\'s parameters with units and sources, its primitives and warnings',
  operands: '<id|name>',
  arity: [1, 1],
  options: [{ name: 'version', kind: 'int', value: 'N', description: 'show version N instead of the latest' }],
  async run(ctx, args) {
    const detail = await ctx.call('cells.get', { ref: one(args), version: intOption(args, 'version') });
    ctx.print(detail, () => {
      const lib = detail.library;
      const head = [`${lib.name}  (${lib.id}, version ${lib.shownVersion})`, `family: ${detail.family}    primitives: ${detail.primitives.join(', ')}`, ''];
      const table = renderTable(lib.values, [
        { title: 'PARAMETER', value: (v) => v.key },
        { title: 'VALUE', value: (v) => String(v.value), align: 'right' },
        { title: 'UNIT', value: (v) => (v.unit === '1' ? '' : v.unit) },
        { title: 'SOURCE', value: (v) => v.source },
      ]);
      const warnings = detail.warnings.map((w) => `warning: ${w.path}: ${w.message}`);
      return [...head, table, ...(warnings.length ? ['', ...warnings] : [])].join('\n');
    });
  },
};

const importCommand: Command = {
  path: ['cell', 'import'],
  summary: 'import an NVSim .cell file into a new cell library and print its id',
  operands: '<file.cell>',
  arity: [1, 1],
  options: [{ name: 'name', kind: 'string', value: 'NAME', description: 'name of the new cell (default: the file name)' }],
  async run(ctx, args) {
    const path = one(args);
    const text = readTextFile(path, ctx.io.cwd, CELL_FILE_MAX_BYTES, 'an NVSim .cell file is a few hundred bytes');
    const result = await ctx.call('cells.importNvsim', { text, fileName: basename(path), name: stringOption(args, 'name') });
    for (const w of result.warnings) ctx.verbose(`warning: ${w.path}: ${w.message}`);
    if (!ctx.globals.json && result.warnings.length) ctx.io.stderr(`pimwb: ${result.warnings.length} warning(s): ${result.warnings.map((w) => `${w.path} ${w.message}`).join('; ')}`);
    ctx.print(result, () => result.cell.library.id);
  },
};

const exportCommand: Command = {
  path: ['cell', 'export'],
  summary: 'write a cell as an NVSim .cell file',
  operands: '<id|name>',
  arity: [1, 1],
  options: [
    { name: 'output', short: 'o', kind: 'string', value: 'FILE', description: 'write to FILE instead of standard output' },
    { name: 'force', kind: 'flag', description: 'overwrite FILE if it exists' },
    { name: 'version', kind: 'int', value: 'N', description: 'export version N instead of the latest' },
  ],
  async run(ctx, args) {
    const result = await ctx.call('cells.exportNvsim', { ref: one(args), version: intOption(args, 'version') });
    const output = typeof args.options.output === 'string' ? args.options.output : undefined;
    if (!output) return ctx.io.stdout(result.text.trimEnd());
    const written = writeTextFile(output, result.text, ctx.io.cwd, args.options.force === true);
    ctx.print({ path: written }, () => `wrote ${written}`);
  },
};

function arrayText(r: ArrayResult): string {
  const figures = renderTable(
    [
      { op: 'read (one row)', ...r.read },
      { op: 'write (one row)', ...r.write },
      ...Object.entries(r.primitives).map(([op, f]) => ({ op, ...f })),
    ],
    [
      { title: 'OPERATION', value: (x) => x.op },
      { title: 'LATENCY', value: (x) => formatSI(x.latency_s, 's'), align: 'right' },
      { title: 'ENERGY', value: (x) => formatSI(x.energy_J, 'J'), align: 'right' },
    ],
  );
  const area = Object.entries(r.breakdown.area_m2)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${formatSI(v, 'm^2')}`)
    .join(', ');
  return [
    `${r.cell.name} at ${r.node_nm} nm: ${r.lanes} lanes, mux ${r.mux} (one sense amplifier per ${r.mux} column${r.mux > 1 ? 's' : ''}), area ${formatSI(r.area_m2, 'm^2')} (${area}), leakage ${formatSI(r.leakage_W, 'W')}`,
    '',
    figures,
    ...r.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

const array: Command = {
  path: ['array'],
  summary: 'evaluate one subarray and its periphery built from a cell (NVSim-class)',
  options: [
    { name: 'cell', kind: 'string', value: 'CELL', description: 'built-in id, stored id or name, or a path to an NVSim .cell file' },
    { name: 'rows', kind: 'int', value: 'R', description: 'rows, 16 to 4096' },
    { name: 'cols', kind: 'int', value: 'C', description: 'columns, 16 to 4096' },
    { name: 'node', kind: 'int', value: 'NM', description: 'technology node in nm (22, 28, 32, 45)' },
    { name: 'mux', kind: 'int', value: 'N', description: 'columns per sense amplifier: 1, 2, 4 or 8 (default: the fewest a sense amplifier fits under)' },
  ],
  details:
    '"read (one row)" and "write (one row)" are one access through the mux (columns / mux bits), as NVSim reports a subarray. The primitives act on every lane (a column, or a row for MAGIC); through a mux of N they take N accesses. With --json: {"area_m2", "read": {"latency_s", "energy_J", "cellEnergy_J"}, "write": {...}, "primitives": {...}, "lanes", "mux", "predecoder", "breakdown": {...}, "warnings": [...]} in SI units.',
  async run(ctx, args) {
    for (const name of ['cell', 'rows', 'cols', 'node']) if (args.options[name] === undefined) throw new UsageError(`--${name} is required`);
    const ref = String(args.options.cell);
    const isFile = ref.toLowerCase().endsWith('.cell') || (ref.includes('/') && existsSync(ref));
    const cell = isFile ? { nvsimText: readTextFile(ref, ctx.io.cwd, CELL_FILE_MAX_BYTES, 'an NVSim .cell file is a few hundred bytes'), fileName: basename(ref) } : ref;
    const mux = args.options.mux === undefined ? {} : { mux: args.options.mux as number };
    const result = await ctx.call('array.evaluate', { cell, rows: args.options.rows as number, cols: args.options.cols as number, node: args.options.node as number, ...mux });
    ctx.print(result, () => arrayText(result));
  },
};

export const cellCommands: readonly Command[] = [list, show, importCommand, exportCommand, array];
