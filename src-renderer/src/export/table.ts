import { prettyUnit } from '@/display.ts';

// Tables as they leave the workbench: CSV for spreadsheets (RFC 4180) and LaTeX with booktabs rules
// for papers. The page shows the same ExportTable it exports, so what is saved is what was seen.

export { prettyUnit };

export type TableCell = string | number | null;

export interface TableColumn {
  readonly label: string;
  /** Unit of every number in the column, shown in the header ("mJ", "mm^2", "×"). */
  readonly unit?: string;
  /** Significant digits of numbers on screen and in LaTeX; CSV keeps full precision. */
  readonly digits?: number;
  /** A heading over neighbouring columns ("Energy" over proposed, baseline and ratio). */
  readonly group?: string;
}

export interface ExportTable {
  readonly title: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** Summary rows (averages, published targets), set apart by a rule. */
  readonly footer?: readonly (readonly TableCell[])[];
  /** A sentence under the table in LaTeX (\caption) and on screen. */
  readonly caption?: string;
}

/** The header of a column on its own, for the screen's second header row. */
export function columnText(column: TableColumn, pretty = false): string {
  if (!column.unit) return column.label;
  return `${column.label} (${pretty ? prettyUnit(column.unit) : column.unit})`;
}

/** The header of a column in one line, group included ("Energy, FloatPIM (J)"). */
export function headerText(column: TableColumn): string {
  return column.group ? `${column.group}, ${columnText(column)}` : columnText(column);
}

export interface HeaderGroup {
  readonly text: string;
  /** First column (0-based) and how many columns it spans. */
  readonly start: number;
  readonly span: number;
}

/** Runs of neighbouring columns with the same group; columns without one make a run of their own with text ''. */
export function headerGroups(columns: readonly TableColumn[]): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  columns.forEach((column, i) => {
    const last = groups.at(-1);
    const text = column.group ?? '';
    if (last && text !== '' && last.text === text) groups[groups.length - 1] = { ...last, span: last.span + 1 };
    else groups.push({ text, start: i, span: 1 });
  });
  return groups;
}

/**
 * A number rounded to `digits` significant digits, without an exponent in the usual range; from a
 * million up and below a thousandth in powers of ten ("1.68e+7", not "16800000": lifetimes and
 * their ratios span many decades).
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(digits));
  const size = Math.abs(rounded);
  if (size !== 0 && (size >= 1e6 || size < 1e-3)) return rounded.toExponential().replace(/\.?0+e/, 'e');
  return String(rounded);
}

/** The cell as the page shows it. */
export function cellText(cell: TableCell, column: TableColumn | undefined): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? formatNumber(cell, column?.digits) : cell;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvCell(cell: TableCell): string {
  if (cell === null) return '';
  return csvField(typeof cell === 'number' ? String(cell) : cell);
}

/** RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled. */
export function tableToCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvField(headerText(c))), ...[...table.rows, ...(table.footer ?? [])].map((row) => row.map(csvCell))];
  return `${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

const LATEX_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\{',
  '}': '\\}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '×': '$\\times$',
  '÷': '$\\div$',
  '²': '$^{2}$',
  'µ': '\\textmu{}',
  '≈': '$\\approx$',
  '–': '--',
  '—': '---',
};

/** Text made safe for LaTeX: every special character is replaced in one pass. */
export function latexEscape(text: string): string {
  return text.replace(/[\\&%$#_{}~^×÷²µ≈–—]/g, (ch) => LATEX_SPECIALS[ch] ?? ch);
}

/** A unit in LaTeX: "um^2" -> "$\mu$m$^{2}$", "×" -> "$\times$". */
export function latexUnit(unit: string): string {
  const micro = unit.replace(/^u(?=[A-Za-z])/, 'µ');
  return micro
    .split(/(\^-?\d+)/)
    .map((part) => (part.startsWith('^') ? `$^{${part.slice(1)}}$` : latexEscape(part).replace('\\textmu{}', '$\\mu$')))
    .join('');
}

function latexHeader(column: TableColumn): string {
  return column.unit ? `${latexEscape(column.label)} (${latexUnit(column.unit)})` : latexEscape(column.label);
}

/** The group heading row and its \cmidrule partial rules, or nothing when no column has a group. */
function latexGroupRows(columns: readonly TableColumn[]): string[] {
  if (!columns.some((c) => c.group)) return [];
  const groups = headerGroups(columns);
  const cells = groups.map((g) => (g.text === '' ? '' : `\\multicolumn{${g.span}}{c}{${latexEscape(g.text)}}`));
  const rules = groups.filter((g) => g.text !== '').map((g) => `\\cmidrule(lr){${g.start + 1}-${g.start + g.span}}`);
  return [`    ${cells.join(' & ')} \\\\`, `    ${rules.join(' ')}`];
}

/** Numbers in LaTeX: "1.2e-7" becomes "$1.2\times10^{-7}$". */
function latexNumber(value: number, digits: number | undefined): string {
  const text = formatNumber(value, digits);
  const exp = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  return exp ? `$${exp[1]}\\times10^{${Number(exp[2])}}$` : text;
}

function latexRow(row: readonly TableCell[], columns: readonly TableColumn[]): string {
  const cells = row.map((cell, i) => (cell === null ? '' : typeof cell === 'number' ? latexNumber(cell, columns[i]?.digits) : latexEscape(cell)));
  return `    ${cells.join(' & ')} \\\\`;
}

/** A LaTeX label from a title: "Paper ratios" -> "tab:paper-ratios". */
function latexLabel(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `tab:${slug || 'table'}`;
}

/** A table environment with booktabs rules; text columns left-aligned, numeric ones right-aligned. */
export function tableToLatex(table: ExportTable): string {
  const all = [...table.rows, ...(table.footer ?? [])];
  const numeric = table.columns.map((_, i) => all.length > 0 && all.every((row) => row[i] === null || typeof row[i] === 'number'));
  const lines = [
    '% Needs \\usepackage{booktabs} in the preamble.',
    '\\begin{table}[t]',
    '  \\centering',
    `  \\caption{${latexEscape(table.caption ?? table.title)}}`,
    `  \\label{${latexLabel(table.title)}}`,
    `  \\begin{tabular}{${numeric.map((n) => (n ? 'r' : 'l')).join('')}}`,
    '    \\toprule',
    ...latexGroupRows(table.columns),
    `    ${table.columns.map(latexHeader).join(' & ')} \\\\`,
    '    \\midrule',
    ...table.rows.map((row) => latexRow(row, table.columns)),
    ...(table.footer?.length ? ['    \\midrule', ...table.footer.map((row) => latexRow(row, table.columns))] : []),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ];
  return `${lines.join('\n')}\n`;
}
