import type { Command } from '../context.ts';
import { choice, intOption, numberOption, required, stringOption } from '../args.ts';
import { renderTable } from '../table.ts';
import { FORMAT_NAMES, MODE_NAMES } from '../../shared/schemas/arith.ts';

// `pimwb faults`: how often the bit-exact FP microprograms compute a wrong result when each step's
// output bits flip with that step's error probability (from the cell's device variation, or one
// rate for every step), against the fault-free result of the same operands.

/** Probabilities span many decades (1e-30 to 0.5): one scientific form for all of them. */
const fraction = (x: number): string => (x === 0 ? '0' : x.toExponential(2));

export const faultsCommand: Command = {
  path: ['faults'],
  summary: 'inject bit flips into the FP add or multiply microprogram and count wrong results',
  options: [
    { name: 'cell', kind: 'string', value: 'CELL', description: 'built-in or stored cell (id or name)' },
    { name: 'format', kind: 'string', value: FORMAT_NAMES.join('|'), description: 'floating-point format' },
    { name: 'op', kind: 'string', value: 'add|mul', description: 'the operation' },
    { name: 'mode', kind: 'string', value: MODE_NAMES.join('|'), description: 'ieee (default) or ftz-trunc' },
    { name: 'samples', kind: 'int', value: 'N', description: 'random normal operand pairs (default 100000)' },
    { name: 'seed', kind: 'int', value: 'S', description: 'seed of the operands and the flips (default 1); the same seed gives the same result' },
    { name: 'rate', kind: 'string', value: 'P', description: 'one flip probability for every step (default: each primitive\'s error probability from the cell\'s variation)' },
  ],
  details:
    'With --json: {"samples", "wrong", "wrongFraction", "catastrophic", "ulpHistogram": {"0": n (+0 against -0), "1": n, "2-3": n, ..., "nan": n}, "perPrimitive": {"<primitive>": {"probability", "flips"}}}. A result is wrong when its bits differ from the fault-free result; catastrophic when its sign, its NaN/Inf class or its magnitude (by a factor of 2 or more) is wrong.',
  async run(ctx, args) {
    const rate = numberOption(args, 'rate');
    const samples = intOption(args, 'samples');
    const seed = intOption(args, 'seed');
    const input = {
      cell: required(args, 'cell'),
      format: choice(required(args, 'format'), FORMAT_NAMES, 'format'),
      op: choice(required(args, 'op'), ['add', 'mul'] as const, 'op'),
      mode: choice(stringOption(args, 'mode') ?? 'ieee', MODE_NAMES, 'mode'),
      ...(samples === undefined ? {} : { samples }),
      ...(seed === undefined ? {} : { seed }),
      ...(rate === undefined ? {} : { rate }),
    };
    const result = await ctx.call('arith.faults', input);
    ctx.print(result, () => {
      const source = rate === undefined ? 'each primitive\'s error probability from the cell\'s device variation' : `every step at flip probability ${rate}`;
      const head = `fp${input.op === 'add' ? 'Add' : 'Mul'} ${input.format} ${input.mode} on ${input.cell}, ${result.samples} random normal operand pairs, ${source}`;
      const summary = `wrong results: ${result.wrong} (${fraction(result.wrongFraction)}), catastrophic (sign, exponent, NaN/Inf): ${result.catastrophic} (${fraction(result.catastrophic / result.samples)})`;
      const names = Object.keys(result.perPrimitive);
      const table = renderTable(names, [
        { title: 'PRIMITIVE', value: (n) => n },
        { title: 'FLIP PROBABILITY', value: (n) => fraction(result.perPrimitive[n]!.probability), align: 'right' },
        { title: 'FLIPS', value: (n) => String(result.perPrimitive[n]!.flips), align: 'right' },
      ]);
      const bins = Object.entries(result.ulpHistogram);
      const histogram = bins.length ? `error in ulps: ${bins.map(([bin, n]) => `${bin}: ${n}`).join(', ')}` : 'no wrong results';
      return [head, summary, '', table, '', histogram].join('\n');
    });
  },
};
