import type { Command, CommandContext } from '../context.ts';
import { choice, required } from '../args.ts';
import { renderTable } from '../table.ts';
import { formatSI } from '../../shared/units.ts';
import { WorkbenchFailure } from '../../shared/result.ts';
import { FORMAT_NAMES, MODE_NAMES } from '../../shared/schemas/arith.ts';
import { formatByName, type ArithMode, type FloatFormat } from '../../sim/arith/formats.ts';
import { executeFp } from '../../sim/arith/execute.ts';
import type { CellFamily } from '../../sim/isa/primitives.ts';
import { OPERATIONS } from '../../sim/arith/programs.ts';

// `pimwb ops` (step counts and costs of the arithmetic microprograms) and `pimwb fp` (floating
// point computed by executing a microprogram on the bit-level array, many lanes at a time).

const ops: Command = {
  path: ['ops'],
  summary: 'steps, latency and energy of fullAdd, add, mul, fpAdd and fpMul on a cell',
  options: [
    { name: 'cell', kind: 'string', value: 'CELL', description: 'built-in or stored cell (id or name)' },
    { name: 'format', kind: 'string', value: FORMAT_NAMES.join('|'), description: 'floating-point format (the fixed-point ops use its significand width)' },
    { name: 'mode', kind: 'string', value: MODE_NAMES.join('|'), description: 'ieee (default) or ftz-trunc (flush to zero, truncation: not IEEE)' },
    { name: 'rows', kind: 'int', value: 'R', description: 'rows of the subarray that costs the primitives (default 1024)' },
    { name: 'cols', kind: 'int', value: 'C', description: 'columns of that subarray (default 1024)' },
    { name: 'node', kind: 'int', value: 'NM', description: 'technology node (default 28)' },
  ],
  details: 'With --json: {"fullAdd": {"steps", "totalSteps", "latency_s", "energy_J", "rows"}, "add": ..., "mul": ..., "fpAdd": ..., "fpMul": ..., "context": {...}}; costs are per lane-parallel operation of the subarray.',
  async run(ctx, args) {
    const input = {
      cell: required(args, 'cell'),
      format: choice(required(args, 'format'), FORMAT_NAMES, 'format'),
      mode: choice(typeof args.options.mode === 'string' ? args.options.mode : 'ieee', MODE_NAMES, 'mode'),
      ...(typeof args.options.rows === 'number' ? { rows: args.options.rows } : {}),
      ...(typeof args.options.cols === 'number' ? { cols: args.options.cols } : {}),
      ...(typeof args.options.node === 'number' ? { node: args.options.node } : {}),
    };
    const result = await ctx.call('arith.ops', input);
    ctx.print(result, () => {
      const c = result.context;
      const head = `${c.cell.name}, ${c.format}, ${c.ieee ? 'IEEE 754 (round to nearest even)' : 'ftz-trunc: NOT IEEE (flush to zero, truncation)'}; costs on a ${c.array.rows} x ${c.array.cols} subarray at ${c.array.node_nm} nm, ${c.array.lanes} lanes in parallel`;
      const table = renderTable([...OPERATIONS], [
        { title: 'OPERATION', value: (op) => op },
        { title: 'STEPS', value: (op) => String(result[op].totalSteps), align: 'right' },
        { title: 'LATENCY', value: (op) => formatSI(result[op].latency_s, 's'), align: 'right' },
        { title: 'ENERGY', value: (op) => formatSI(result[op].energy_J, 'J'), align: 'right' },
        { title: 'ROWS', value: (op) => String(result[op].rows), align: 'right' },
        { title: 'STEPS BY PRIMITIVE', value: (op) => Object.entries(result[op].steps).map(([k, v]) => `${k} ${v}`).join(', ') },
      ]);
      const acc = c.accuracy;
      const accuracy = acc ? [``, `error against IEEE on ${acc.fpAdd.samples} random normal operands: fpAdd max ${acc.fpAdd.maxUlp} ulp (mean ${acc.fpAdd.meanUlp.toFixed(3)}), fpMul max ${acc.fpMul.maxUlp} ulp (mean ${acc.fpMul.meanUlp.toFixed(3)})`] : [];
      return [head, '', table, ...accuracy].join('\n');
    });
  },
};

const HEX = /^[0-9a-fA-F]+$/;
const BATCH = 65_536;

function parseLine(line: string, lineNo: number, format: FloatFormat): [number, number] | undefined {
  const fields = line.trim().split(/\s+/);
  if (fields.length === 1 && fields[0] === '') return undefined;
  const [a, b] = fields;
  const bad = (why: string): never => {
    throw new WorkbenchFailure('invalid_input', 'malformed input', [{ path: `line ${lineNo}`, message: why }]);
  };
  if (a === undefined || b === undefined) bad('expected two hexadecimal operands "A B"');
  for (const x of [a!, b!]) {
    if (!HEX.test(x)) bad(`"${x}" is not a hexadecimal bit pattern`);
    if (parseInt(x, 16) >= 2 ** format.width) bad(`"${x}" does not fit in ${format.width} bits (${format.name})`);
  }
  return [parseInt(a!, 16), parseInt(b!, 16)];
}

async function streamFp(ctx: CommandContext, family: CellFamily, op: 'add' | 'mul', format: FloatFormat, mode: ArithMode): Promise<Record<string, unknown>> {
  const digits = Math.ceil(format.width / 4);
  const hex = (v: number) => v.toString(16).toUpperCase().padStart(digits, '0');
  const started = performance.now();
  let a: number[] = [];
  let b: number[] = [];
  let lineNo = 0;
  let operations = 0;
  let stats: Record<string, unknown> = {};
  const flush = () => {
    if (!a.length) return;
    const result = executeFp({ family, op, format, mode, a: Uint32Array.from(a), b: Uint32Array.from(b) });
    ctx.io.stdout(a.map((x, i) => `${hex(x)} ${hex(b[i]!)} ${hex(result.z[i]!)}`).join('\n'));
    operations += a.length;
    stats = { steps: result.steps, lanes: result.lanes, passes: ((stats.passes as number) ?? 0) + result.passes };
    a = [];
    b = [];
  };
  for await (const line of ctx.io.stdinLines()) {
    lineNo += 1;
    const pair = parseLine(line, lineNo, format);
    if (!pair) continue;
    a.push(pair[0]);
    b.push(pair[1]);
    if (a.length === BATCH) flush();
  }
  flush();
  return { ...stats, operations, seconds: (performance.now() - started) / 1000 };
}

const fp: Command = {
  path: ['fp'],
  summary: 'compute floating point by executing the microprogram on the bit-level array (stdin "A B" hex lines)',
  options: [
    { name: 'cell', kind: 'string', value: 'CELL', description: 'built-in or stored cell (id or name)' },
    { name: 'op', kind: 'string', value: 'add|mul', description: 'the operation' },
    { name: 'format', kind: 'string', value: 'fp32|fp16|bf16', description: 'operand format' },
    { name: 'mode', kind: 'string', value: 'ieee|ftz-trunc', description: 'ieee (default) or ftz-trunc (not IEEE)' },
    { name: 'stats', kind: 'flag', description: 'write one JSON line of statistics on stderr' },
  ],
  details: 'Reads lines "A B" of hexadecimal bit patterns (further columns are ignored) and writes "A B Z" in upper-case hex of the format\'s width.',
  async run(ctx, args) {
    const op = choice(required(args, 'op'), ['add', 'mul'] as const, 'op');
    const format = formatByName(choice(required(args, 'format'), FORMAT_NAMES, 'format'));
    const mode = choice(typeof args.options.mode === 'string' ? args.options.mode : 'ieee', MODE_NAMES, 'mode');
    const cell = await ctx.call('cells.get', { ref: required(args, 'cell') });
    if (!cell.primitives.length) throw new WorkbenchFailure('invalid_input', `"${cell.library.name}" is not a complete cell`, cell.warnings);
    const stats = await streamFp(ctx, cell.family as CellFamily, op, format, mode);
    if (args.options.stats === true) ctx.io.stderr(JSON.stringify(stats));
  },
};

export const arithCommands: readonly Command[] = [ops, fp];
