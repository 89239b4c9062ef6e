import { NETWORK_FILE_MAX_BYTES } from '../../shared/schemas/network-api.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command, CommandContext } from '../context.ts';
import { UsageError, stringOption } from '../args.ts';
import { clip, renderTable } from '../table.ts';
import { readTextFile } from '../files.ts';
import type { NetworkDetail } from '../../shared/schemas/network-api.ts';

// `pimwb network ...`: built-in and imported networks with their layer shapes and MACs.

function si(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}

/** A file or folder argument as network files: NetWork.csv, one .yaml, or a folder of .yaml layers. */
function readNetworkFiles(ctx: CommandContext, path: string): { fileName: string; text: string }[] {
  const full = resolve(ctx.io.cwd, path);
  if (existsSync(full) && statSync(full).isDirectory()) {
    const names = readdirSync(full).filter((f) => /\.ya?ml$/i.test(f));
    if (!names.length) throw new UsageError(`${path} has no .yaml layer files`);
    return names.map((fileName) => ({ fileName, text: readTextFile(join(full, fileName), ctx.io.cwd, NETWORK_FILE_MAX_BYTES, 'the largest network description is well under 1 MB') }));
  }
  return [{ fileName: basename(path), text: readTextFile(path, ctx.io.cwd, NETWORK_FILE_MAX_BYTES, 'the largest network description is well under 1 MB') }];
}

function looksLikeFile(ref: string): boolean {
  return /\.(csv|ya?ml)$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

function detailText(d: NetworkDetail): string {
  const published = d.publishedForwardMacs ? ` (published: ${si(d.publishedForwardMacs)}, ratio ${(d.forwardMacs / d.publishedForwardMacs).toFixed(3)})` : '';
  const head = [
    `${d.name}  (${d.id})`,
    `dataset: ${d.dataset}    input: ${d.network.input.channels}x${d.network.input.height}x${d.network.input.width}    layers: ${d.layers}`,
    `forward MACs per image: ${si(d.forwardMacs)}${published}    parameters: ${si(d.params)}`,
    `source: ${d.network.source}`,
    '',
  ];
  const table = renderTable(d.layerTable, [
    { title: 'LAYER', value: (l) => clip(l.name, 36) },
    { title: 'KIND', value: (l) => l.kind },
    { title: 'IN', value: (l) => l.inShape.join('x'), align: 'right' },
    { title: 'OUT', value: (l) => l.outShape.join('x'), align: 'right' },
    { title: 'MACS', value: (l) => (l.macs ? si(l.macs) : ''), align: 'right' },
    { title: 'PARAMS', value: (l) => (l.params ? si(l.params) : ''), align: 'right' },
  ]);
  return head.join('\n') + table;
}

const list: Command = {
  path: ['network', 'list'],
  summary: 'list built-in and imported networks with their forward MACs',
  options: [],
  async run(ctx) {
    const result = await ctx.call('networks.list', {});
    ctx.print(result, () =>
      renderTable(result.items, [
        { title: 'ID', value: (n) => n.id },
        { title: 'NAME', value: (n) => clip(n.name, 32) },
        { title: 'DATASET', value: (n) => n.dataset },
        { title: 'LAYERS', value: (n) => String(n.layers), align: 'right' },
        { title: 'MACS/IMAGE', value: (n) => si(n.forwardMacs), align: 'right' },
        { title: 'PARAMS', value: (n) => si(n.params), align: 'right' },
      ]),
    );
  },
};

const show: Command = {
  path: ['network', 'show'],
  summary: 'a network\'s layers with shapes and MACs ("forwardMacs" per image, parameters)',
  operands: '<name|id|file>',
  arity: [1, 1],
  options: [],
  async run(ctx, args) {
    const ref = args.positionals[0]!;
    const detail = looksLikeFile(ref)
      ? await ctx.call('networks.import', { files: readNetworkFiles(ctx, ref), name: basename(ref).replace(/\.(csv|ya?ml)$/i, '') || 'network', store: false })
      : await ctx.call('networks.get', { ref });
    ctx.print(detail, () => detailText(detail));
  },
};

const importCommand: Command = {
  path: ['network', 'import'],
  summary: 'import a NeuroSim NetWork.csv, a Timeloop layer file, or a folder of them',
  operands: '<NetWork.csv | layer-folder | layer.yaml>',
  arity: [1, 1],
  options: [{ name: 'name', kind: 'string', value: 'NAME', description: 'name of the network (default: the file name)' }],
  async run(ctx, args) {
    const path = args.positionals[0]!;
    const name = stringOption(args, 'name') ?? basename(path).replace(/\.(csv|ya?ml)$/i, '');
    const detail = await ctx.call('networks.import', { files: readNetworkFiles(ctx, path), name });
    ctx.print(detail, () => `imported "${detail.name}" as ${detail.id}: ${detail.layers} layers, ${si(detail.forwardMacs)} MACs per image`);
  },
};

export const networkCommands: readonly Command[] = [list, show, importCommand];
