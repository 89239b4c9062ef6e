import type { ExportTable } from '@/export/table.ts';
import { shares, type Breakdown } from './breakdown.ts';
import { columnUnit } from './normalized.ts';

// A result page's breakdown as a table to export (CSV, LaTeX): each part's value in one prefixed
// unit per column and its share, then the total. The numbers are the ones the card shows.

const TITLE_BY_BREAKDOWN: Readonly<Record<string, string>> = {
  'By training phase': 'by training phase',
  'By component': 'by component',
  'By operation': 'by operation',
};

/** A value in a prefixed unit, without the binary noise of the division (500.00000000000006 -> 500). */
function scaled(value: number, factor: number): number {
  return Number((value / factor).toPrecision(12));
}

export function breakdownTable(breakdown: Breakdown, experimentName: string): ExportTable {
  const units = breakdown.metrics.map((m, i) => columnUnit(breakdown.parts.map((p) => p.values[i] ?? 0), m.unit));
  const percent = shares(breakdown);
  const totals = breakdown.metrics.map((_, i) => breakdown.parts.reduce((sum, p) => sum + (p.values[i] ?? 0), 0));
  const what = TITLE_BY_BREAKDOWN[breakdown.title] ?? breakdown.title.toLowerCase();
  return {
    // The kind of breakdown first, so file names (cut at 60 characters) keep it.
    title: `Breakdown ${what}, ${experimentName}`,
    caption: `${breakdown.metrics.map((m) => m.label).join(' and ')} of one training step of ${experimentName}, ${what}; shares in percent of each total.`,
    columns: [
      { label: 'Part' },
      ...breakdown.metrics.flatMap((m, i) => [
        { group: m.label, label: 'value', unit: units[i]!.unit, digits: 4 },
        { group: m.label, label: 'share', unit: '%', digits: 3 },
      ]),
    ],
    rows: breakdown.parts.map((p, r) => [p.label, ...breakdown.metrics.flatMap((_, i) => [scaled(p.values[i] ?? 0, units[i]!.factor), percent[r]![i]!])]),
    footer: [['Total', ...totals.flatMap((t, i) => [scaled(t, units[i]!.factor), t ? 100 : 0])]],
  };
}
