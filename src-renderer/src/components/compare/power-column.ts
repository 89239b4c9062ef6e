import type { ExportTable, TableCell } from '@/export/table.ts';
import { METRICS, columnUnit, type NormalizedRow } from '@/charts/normalized.ts';

// Average power beside energy, latency and area on Compare: energy over latency of each run's
// step. Power is neither better nor worse by itself (a run can draw more and finish sooner), so it
// stands as a value, without a ratio to the baseline's.

/** The ratio table with a power column after area, in watts. */
export function withPower(table: ExportTable, rows: readonly NormalizedRow[], power: ReadonlyMap<string, number | null>): ExportTable {
  const values = rows.map((r) => power.get(r.entry.id) ?? null);
  const unit = columnUnit(values.filter((v): v is number => v !== null), 'W');
  const cells: TableCell[][] = values.map((w) => [w === null ? null : w / unit.factor]);
  // After the experiment's name and each metric's value and ratio.
  const at = 1 + 2 * METRICS.length;
  return {
    ...table,
    caption: `${table.caption ?? ''} Power: average over the step (energy ÷ latency).`.trim(),
    columns: [...table.columns.slice(0, at), { group: 'Power', label: 'average', unit: unit.unit, digits: 4 }, ...table.columns.slice(at)],
    rows: table.rows.map((row, i) => [...row.slice(0, at), ...(cells[i] ?? [null]), ...row.slice(at)]),
  };
}
