import type { Command } from '../context.ts';
import { renderTable } from '../table.ts';
import { PARAMETERS, parameterInfo, type ParameterInfo } from '../../shared/parameters.ts';
import { closeParameters, referencesOf } from '../../shared/parameter-search.ts';
import { WorkbenchFailure } from '../../shared/result.ts';

// `pimwb explain KEY`: what a cell or design parameter means, its unit, where published devices put
// it and the publications behind it, the same entry the window's Reference page shows. It needs no
// database, so it works before anything is stored.

const WIDTH = 96;

/** Words in lines of at most WIDTH characters: the first line starts with `first`, the others with `rest`. */
function wrap(text: string, first: string, rest = first): string[] {
  const lines: string[] = [];
  let line = '';
  const indent = (): string => (lines.length === 0 ? first : rest);
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent().length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent() + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(indent() + line);
  return lines;
}

function unitText(unit: string): string {
  if (unit === '') return 'none (a word)';
  return unit === '1' ? 'none (a count)' : unit;
}

function entryText(info: ParameterInfo): string {
  const references = referencesOf(info);
  return [
    `${info.key}: ${info.label} (${info.appliesTo} parameter)`,
    '',
    ...wrap(info.description, '  '),
    '',
    `  unit:     ${unitText(info.unit)}`,
    ...wrap(info.typical, '  typical:  ', '            '),
    '',
    references.length ? '  sources:' : '  sources:  none published; the built-ins give their reason with each value',
    ...references.flatMap((r) => wrap(`[${r.id}] ${r.reference}`, '    ', '      ')),
  ].join('\n');
}

function unknown(key: string): WorkbenchFailure {
  const close = closeParameters(key);
  const hint = close.length ? `did you mean ${close.join(', ')}?` : 'run pimwb explain for the list of parameters';
  return new WorkbenchFailure('not_found', `no parameter "${key}"`, [{ path: '', message: hint }]);
}

export const explainCommand: Command = {
  path: ['explain'],
  summary: 'what a cell or design parameter means: unit, typical range, published sources',
  operands: '[KEY]',
  arity: [0, 1],
  details: 'Without a KEY, lists every parameter. With --json, KEY prints its entry and the full references ("references": [{"id", "reference"}]).',
  options: [],
  async run(ctx, args) {
    const key = args.positionals[0];
    if (key === undefined) {
      ctx.print({ items: PARAMETERS }, () =>
        renderTable(PARAMETERS, [
          { title: 'KEY', value: (p) => p.key },
          { title: 'APPLIES TO', value: (p) => p.appliesTo },
          { title: 'UNIT', value: (p) => (p.unit === '1' ? '' : p.unit) },
          { title: 'MEANING', value: (p) => p.label },
        ]),
      );
      return;
    }
    const info = parameterInfo(key);
    if (!info) throw unknown(key);
    ctx.print({ ...info, references: referencesOf(info) }, () => entryText(info));
  },
};
