import { NETWORK_FILE_MAX_BYTES, ONNX_FILE_MAX_BYTES, type NetworkDetail, type NetworkFile, type NetworkImportOutput } from '../../shared/schemas/network-api.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command, CommandContext } from '../context.ts';
import { UsageError, stringOption, type OptionSpec, type ParsedCommandArgs } from '../args.ts';
import { clip, clipStart, renderTable } from '../table.ts';
import { readBinaryFile, readTextFile } from '../files.ts';
import { networkNameFromFile } from '../../services/network-files.ts';
import { parseShapeText, SHAPE_EXAMPLE } from '../../shared/shape-text.ts';
import { printable } from '../../shared/text.ts';

// `pimwb network ...`: built-in and imported networks with their layer shapes and MACs.

function si(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(3)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(3)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return String(n);
}

const isOnnxPath = (path: string): boolean => /\.onnx$/i.test(path);

/** An ONNX model as the contract carries it: its bytes in base64, read only after its size is checked. */
function readOnnxFile(ctx: CommandContext, path: string): NetworkFile {
  const bytes = readBinaryFile(path, ctx.io.cwd, ONNX_FILE_MAX_BYTES, 'the largest ONNX model the workbench imports, weights included');
  return { fileName: basename(path), base64: bytes.toString('base64') };
}

/** A file or folder argument as network files: NetWork.csv, one .yaml, a folder of .yaml layers, or one .onnx model. */
function readNetworkFiles(ctx: CommandContext, path: string): NetworkFile[] {
  if (isOnnxPath(path)) return [readOnnxFile(ctx, path)];
  const full = resolve(ctx.io.cwd, path);
  if (existsSync(full) && statSync(full).isDirectory()) {
    const names = readdirSync(full).filter((f) => /\.ya?ml$/i.test(f));
    if (!names.length) throw new UsageError(`${path} has no .yaml layer files`);
    return names.map((fileName) => ({ fileName, text: readTextFile(join(full, fileName), ctx.io.cwd, NETWORK_FILE_MAX_BYTES, 'the largest network description is well under 1 MB') }));
  }
  return [{ fileName: basename(path), text: readTextFile(path, ctx.io.cwd, NETWORK_FILE_MAX_BYTES, 'the largest network description is well under 1 MB') }];
}

function looksLikeFile(ref: string): boolean {
  return /\.(csv|ya?ml|onnx)$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

const INPUT_OPTION: OptionSpec = {
  name: 'input',
  kind: 'string',
  value: 'SHAPE',
  description: `ONNX only: the input tensor shape with batch, e.g. ${SHAPE_EXAMPLE} or 1,3,224,224 (fixes dimensions the model leaves symbolic)`,
};

/** --input as the contract's shape; a usage error (exit 2) naming the flag otherwise. */
function inputOption(args: ParsedCommandArgs): number[] | undefined {
  const raw = stringOption(args, 'input');
  if (raw === undefined) return undefined;
  const parsed = parseShapeText(raw);
  if (!parsed.ok) throw new UsageError(`--input "${printable(raw).slice(0, 40)}" ${parsed.message}`);
  return parsed.shape;
}

function notesText(notes: NetworkImportOutput['notes']): string {
  if (!notes.length) return '';
  // Notes quote names from the file: made printable so a hostile name cannot drive the terminal.
  return ['', 'notes:', ...notes.map((n) => `  - ${printable(n.path ? `${n.path}: ${n.message}` : n.message)}`)].join('\n');
}

/** Each layer's kind as shown: an activation says which, since relu6 and hardswish cost differently from relu. */
function kindsByName(layers: NetworkDetail['network']['layers']): Map<string, string> {
  return new Map(layers.map((l) => [l.name, l.kind === 'activation' ? l.function : l.kind]));
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
  const kinds = kindsByName(d.network.layers);
  const table = renderTable(d.layerTable, [
    { title: 'LAYER', value: (l) => clipStart(l.name, 44) },
    { title: 'KIND', value: (l) => kinds.get(l.name) ?? l.kind },
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
  summary: 'a network\'s layers with shapes and MACs ("forwardMacs" per image, parameters); a file (NetWork.csv, Timeloop .yaml or folder, .onnx) is read, not stored',
  operands: '<name|id|file>',
  arity: [1, 1],
  options: [INPUT_OPTION],
  async run(ctx, args) {
    const ref = args.positionals[0]!;
    const input = inputOption(args);
    if (!looksLikeFile(ref)) {
      if (input) throw new UsageError('--input applies to an ONNX file, not to a stored network');
      const detail = await ctx.call('networks.get', { ref });
      ctx.print(detail, () => detailText(detail));
      return;
    }
    const name = networkNameFromFile(basename(ref)) || 'network';
    const detail = await ctx.call('networks.import', { files: readNetworkFiles(ctx, ref), name, store: false, ...(input ? { input } : {}) });
    ctx.print(detail, () => detailText(detail) + notesText(detail.notes));
  },
};

const importCommand: Command = {
  path: ['network', 'import'],
  summary: 'import a NeuroSim NetWork.csv, a Timeloop layer file or a folder of them, or an ONNX model (.onnx)',
  operands: '<NetWork.csv | layer-folder | layer.yaml | model.onnx>',
  arity: [1, 1],
  options: [{ name: 'name', kind: 'string', value: 'NAME', description: 'name of the network (default: the file name)' }, INPUT_OPTION],
  async run(ctx, args) {
    const path = args.positionals[0]!;
    const input = inputOption(args);
    const name = stringOption(args, 'name') ?? networkNameFromFile(basename(path));
    const detail = await ctx.call('networks.import', { files: readNetworkFiles(ctx, path), name, ...(input ? { input } : {}) });
    ctx.print(detail, () => `imported "${detail.name}" as ${detail.id}: ${detail.layers} layers, ${si(detail.forwardMacs)} MACs per image${notesText(detail.notes)}`);
  },
};

export const networkCommands: readonly Command[] = [list, show, importCommand];
