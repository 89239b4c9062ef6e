import { describe, expect, it } from 'vitest';
import { breakdownTable } from '@/charts/breakdown-table.ts';
import type { Breakdown } from '@/charts/breakdown.ts';
import { tableToCsv, tableToLatex } from '@/export/table.ts';
import { tableFileName } from '@/export/file-name.ts';

// Parts that sum to round totals, so every share and prefixed value is known exactly.
const byComponent: Breakdown = {
  title: 'By component',
  metrics: [
    { key: 'energy', label: 'Energy', unit: 'J' },
    { key: 'area', label: 'Area', unit: 'm^2' },
  ],
  parts: [
    { key: 'cells', label: 'Cells', values: [0.075, 1.5e-3] },
    { key: 'periphery', label: 'Periphery', values: [0.025, 5e-4] },
  ],
};

describe('a result breakdown as a table', () => {
  it('gives each part its value in one prefixed unit per column, its share, and the total', () => {
    const table = breakdownTable(byComponent, 'SOT / ResNet-18');
    expect(table.title).toBe('Breakdown by component, SOT / ResNet-18');
    expect(table.columns.map((c) => [c.group ?? '', c.label, c.unit ?? ''])).toEqual([
      ['', 'Part', ''],
      ['Energy', 'value', 'mJ'],
      ['Energy', 'share', '%'],
      ['Area', 'value', 'mm^2'],
      ['Area', 'share', '%'],
    ]);
    expect(table.rows).toEqual([
      ['Cells', 75, 75, 1500, 75],
      ['Periphery', 25, 25, 500, 25],
    ]);
    expect(table.footer).toEqual([['Total', 100, 100, 2000, 100]]);
  });

  it('exports to CSV and booktabs LaTeX under a name that keeps the kind of breakdown', () => {
    const table = breakdownTable(byComponent, 'SOT-MRAM PIM (2T2MTJ complementary, Wang et al.) / ResNet-18');
    const csv = tableToCsv(table);
    expect(csv.split('\r\n')[0]).toBe('Part,"Energy, value (mJ)","Energy, share (%)","Area, value (mm^2)","Area, share (%)"');
    expect(csv).toContain('Cells,75,75,1500,75\r\n');
    const tex = tableToLatex(table);
    expect(tex).toContain('\\multicolumn{2}{c}{Energy}');
    expect(tex).toContain('value (mm$^{2}$)');
    expect(tex).toContain('Total & 100 & 100 & 2000 & 100 \\\\');
    expect(tableFileName(table.title, 'csv')).toMatch(/^breakdown-by-component-sot-mram-pim/);
  });

  it('keeps a zero total at 0 % rather than dividing by it', () => {
    const idle: Breakdown = { ...byComponent, parts: [{ key: 'cells', label: 'Cells', values: [0, 1e-3] }] };
    expect(breakdownTable(idle, 'x').footer).toEqual([['Total', 0, 0, 1000, 100]]);
  });
});
