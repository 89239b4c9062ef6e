import { describe, expect, it } from 'vitest';
import { cellText, columnText, headerGroups, prettyUnit, headerText, latexEscape, latexUnit, tableToCsv, tableToLatex, type ExportTable } from '@/export/table.ts';
import { chartFileName, slugify, tableFileName } from '@/export/file-name.ts';
import { dataUrlToBytes } from '@/export/save.ts';

const table: ExportTable = {
  title: 'Energy & area, 100% "real"',
  caption: 'Costs of one step; ratios are baseline ÷ value.',
  columns: [
    { label: 'Design' },
    { group: 'Energy', label: 'value', unit: 'mJ', digits: 4 },
    { group: 'Energy', label: 'ratio', unit: '×', digits: 3 },
    { label: 'Area', unit: 'um^2', digits: 3 },
  ],
  rows: [
    ['SOT_MRAM, "2T2MTJ"', 75.944511, 1.08300451, 1925.27],
    ['FloatPIM\nReRAM', 82.248, 1, 1.2e-7],
  ],
  footer: [['Mean', null, 1.04, null]],
};

describe('tables to CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks, doubles quotes, ends lines with CRLF and keeps full precision', () => {
    expect(tableToCsv(table)).toBe(
      [
        'Design,"Energy, value (mJ)","Energy, ratio (×)",Area (um^2)',
        '"SOT_MRAM, ""2T2MTJ""",75.944511,1.08300451,1925.27',
        '"FloatPIM\nReRAM",82.248,1,1.2e-7',
        'Mean,,1.04,',
        '',
      ].join('\r\n'),
    );
  });

  it('puts the unit in the header and the group before the label', () => {
    expect(headerText({ label: 'Latency', unit: 'ms' })).toBe('Latency (ms)');
    expect(headerText({ group: 'Area', label: 'FloatPIM', unit: 'mm^2' })).toBe('Area, FloatPIM (mm^2)');
    expect(headerText({ label: 'Network' })).toBe('Network');
  });
});

describe('tables to LaTeX (booktabs)', () => {
  it('escapes every special character in one pass', () => {
    expect(latexEscape('a & b % c $ d # e _ f { g } h ~ i ^ j \\ k')).toBe(
      'a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k',
    );
    expect(latexEscape('3.3× less')).toBe('3.3$\\times$ less');
    expect(latexEscape('value ÷ baseline, 2 mm²')).toBe('value $\\div$ baseline, 2 mm$^{2}$');
  });

  it('writes units with superscripts and micro signs', () => {
    expect(latexUnit('mm^2')).toBe('mm$^{2}$');
    expect(latexUnit('um^2')).toBe('$\\mu$m$^{2}$');
    expect(latexUnit('us')).toBe('$\\mu$s');
    expect(latexUnit('×')).toBe('$\\times$');
    expect(latexUnit('J')).toBe('J');
  });

  it('writes a table environment with toprule, group rules, midrule before the footer and bottomrule', () => {
    const tex = tableToLatex(table);
    expect(tex).toContain('\\usepackage{booktabs}');
    expect(tex).toContain('\\caption{Costs of one step; ratios are baseline $\\div$ value.}');
    expect(tex).toContain('\\label{tab:energy-area-100-real}');
    expect(tex).toContain('\\begin{tabular}{lrrr}');
    expect(tex).toContain('    & \\multicolumn{2}{c}{Energy} &  \\\\\n    \\cmidrule(lr){2-3}\n');
    expect(tex).toContain('    Design & value (mJ) & ratio ($\\times$) & Area ($\\mu$m$^{2}$) \\\\');
    expect(tex).toContain('    SOT\\_MRAM, "2T2MTJ" & 75.94 & 1.08 & 1930 \\\\');
    expect(tex).toContain('FloatPIM\nReRAM & 82.25 & 1 & $1.2\\times10^{-7}$ \\\\');
    expect(tex).toContain('    \\midrule\n    Mean &  & 1.04 &  \\\\\n    \\bottomrule');
    const order = ['\\toprule', '\\midrule', '\\bottomrule', '\\end{tabular}', '\\end{table}'].map((s) => tex.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('leaves out the group row when no column has a group', () => {
    const tex = tableToLatex({ title: 't', columns: [{ label: 'a' }, { label: 'b', unit: 's' }], rows: [['x', 1]] });
    expect(tex).not.toContain('multicolumn');
    expect(tex).toContain('\\begin{tabular}{lr}');
  });

  it('groups neighbouring columns only', () => {
    expect(headerGroups([{ label: 'n' }, { group: 'E', label: 'a' }, { group: 'E', label: 'b' }, { group: 'L', label: 'a' }, { label: 'x' }])).toEqual([
      { text: '', start: 0, span: 1 },
      { text: 'E', start: 1, span: 2 },
      { text: 'L', start: 3, span: 1 },
      { text: '', start: 4, span: 1 },
    ]);
  });

  it('typesets units on screen and keeps them ASCII in files', () => {
    expect(prettyUnit('mm^2')).toBe('mm²');
    expect(prettyUnit('um^2')).toBe('µm²');
    expect(prettyUnit('us')).toBe('µs');
    expect(prettyUnit('m^3')).toBe('m³');
    expect(columnText({ label: 'Area', unit: 'mm^2' }, true)).toBe('Area (mm²)');
    expect(columnText({ label: 'Area', unit: 'mm^2' })).toBe('Area (mm^2)');
  });

  it('shows numbers to the column digits on screen', () => {
    expect(cellText(1.083004, { label: 'r', digits: 3 })).toBe('1.08');
    expect(cellText(16_800_123, undefined)).toBe('1.68e+7');
    expect(cellText(0.0008126, undefined)).toBe('8.126e-4');
    expect(cellText(999_999, { label: 'n', digits: 6 })).toBe('999999');
    expect(cellText(null, undefined)).toBe('');
    expect(cellText('AlexNet', undefined)).toBe('AlexNet');
  });
});

describe('file names and data URLs', () => {
  it('names files after the title and the kind of export', () => {
    expect(slugify('Paper reproduction ratios (same lanes) — µ test')).toBe('paper-reproduction-ratios-same-lanes-test');
    expect(slugify('***')).toBe('export');
    expect(chartFileName('Experiments normalised', { format: 'png', pixelRatio: 2 })).toBe('experiments-normalised@2x.png');
    expect(chartFileName('Experiments normalised', { format: 'png', pixelRatio: 4, paperColumns: 1 })).toBe('experiments-normalised-paper-1col@4x.png');
    expect(chartFileName('Experiments normalised', { format: 'svg', paperColumns: 2 })).toBe('experiments-normalised-paper-2col.svg');
    expect(tableFileName('Paper reproduction, same-lanes', 'latex')).toBe('paper-reproduction-same-lanes.tex');
    expect(tableFileName('Ratios', 'csv')).toBe('ratios.csv');
  });

  it('decodes base64 and plain data URLs without fetching them', () => {
    const png = dataUrlToBytes('data:image/png;base64,iVBORw0KGgo=');
    expect(png.type).toBe('image/png');
    expect([...png.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new TextDecoder().decode(dataUrlToBytes('data:text/plain,a%20b').bytes)).toBe('a b');
    expect(() => dataUrlToBytes('blob:xyz')).toThrow('not a data URL');
  });
});
