import type { ExportTable, TableCell } from '@/export/table.ts';
import type { NormalizedRow } from '@/charts/normalized.ts';
import { num, obj } from '@/json-read.ts';

// Lifetime beside energy, latency and area on Compare: days of continuous training until the
// most-written cell wears out, and its ratio to the baseline's. Unlike the other figures a longer
// lifetime is better, so its ratio is value ÷ baseline in either mode and the table says so. The
// list of experiments carries no lifetime: each picked run's result is read for it. A GPU run has
// no lifetime to compare: the GPU model has no cell endurance.

export type LifetimeState =
  | { readonly kind: 'days'; readonly days: number }
  /** The run's cell gives no endurance: there is no lifetime to compute. */
  | { readonly kind: 'no-endurance' }
  /** The run was kept before lifetimes were computed (or its result is not readable). */
  | { readonly kind: 'absent' }
  /** A GPU run: wear-out is not modelled. */
  | { readonly kind: 'not-modelled' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: string };

export const NO_ENDURANCE_TEXT = 'no endurance given';
/** A GPU run's lifetime cells: a dash for the days, and why in the ratio's place. */
export const NOT_MODELLED_TEXT = '-';
export const NOT_MODELLED_RATIO_TEXT = 'not modelled';

/** A run's lifetime as its kept result has it. */
export function lifetimeOf(results: unknown): LifetimeState {
  if (obj(results).gpu !== undefined) return { kind: 'not-modelled' };
  const lifetime = obj(results).lifetime;
  if (lifetime === undefined || lifetime === null || typeof lifetime !== 'object') return { kind: 'absent' };
  const l = obj(lifetime);
  const days = num(l.days);
  if (days !== null) return { kind: 'days', days };
  return l.endurance === null ? { kind: 'no-endurance' } : { kind: 'absent' };
}

/** What the table shows instead of a number. */
function stateText(state: LifetimeState | undefined): TableCell {
  if (!state || state.kind === 'loading') return null;
  if (state.kind === 'no-endurance') return NO_ENDURANCE_TEXT;
  if (state.kind === 'not-modelled') return NOT_MODELLED_TEXT;
  if (state.kind === 'absent') return 'not in this run';
  if (state.kind === 'error') return 'not readable';
  return state.days;
}

function daysOf(state: LifetimeState | undefined): number | null {
  return state?.kind === 'days' ? state.days : null;
}

/** The ratio table with a lifetime group after the others: days, and days ÷ the baseline's days. */
export function withLifetime(table: ExportTable, rows: readonly NormalizedRow[], lifetimes: ReadonlyMap<string, LifetimeState>): ExportTable {
  const base = daysOf(lifetimes.get(rows.find((r) => r.isBaseline)?.entry.id ?? ''));
  const anyGpu = rows.some((r) => lifetimes.get(r.entry.id)?.kind === 'not-modelled');
  const cells = rows.map((r) => {
    const state = lifetimes.get(r.entry.id);
    const days = daysOf(state);
    const ratio = days !== null && base !== null && base > 0 ? days / base : null;
    return [stateText(state), state?.kind === 'not-modelled' ? NOT_MODELLED_RATIO_TEXT : ratio];
  });
  return {
    ...table,
    caption: `${table.caption ?? ''} Lifetime: days of continuous training until the most-written cell reaches its endurance; higher is better, so its ratio is value ÷ baseline in either mode${anyGpu ? '; a GPU has no cells to wear out, so its lifetime is not modelled' : ''}.`.trim(),
    columns: [...table.columns, { group: 'Lifetime (higher is better)', label: 'value', unit: 'days', digits: 4 }, { group: 'Lifetime (higher is better)', label: '÷ baseline', unit: '×', digits: 3 }],
    rows: table.rows.map((row, i) => [...row, ...(cells[i] ?? [null, null])]),
  };
}
