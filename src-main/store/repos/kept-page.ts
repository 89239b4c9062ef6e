import type { Db } from '../connect.ts';
import type { ExperimentCursor } from '../../shared/schemas/experiment.ts';

// One keyset page of kept sweeps or reproductions, newest first, filtered by name and creation
// time, as History asks for experiments (repos/experiments.ts); rows deleted (and still undoable)
// are left out. Both tables share the columns and the partial index this walks.

export interface KeptFilter {
  readonly limit: number;
  readonly after?: ExperimentCursor | null;
  /** Part of the name (case-insensitive for ASCII letters, as SQLite's LIKE is). */
  readonly text?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface KeptPage<T> {
  readonly items: T[];
  readonly next: ExperimentCursor | null;
  /** Matches in all pages; counted on the first page only (no `after`). */
  readonly total?: number;
}

export function keptPage<Row, T extends { createdAt: string; id: string }>(db: Db, table: 'sweeps' | 'reproductions', columns: string, options: KeptFilter, map: (row: Row) => T): KeptPage<T> {
  const params: Record<string, string | number> = { limit: options.limit + 1 };
  const where = ['k.deleted_at IS NULL'];
  if (options.text) {
    where.push(String.raw`k.name LIKE @pattern ESCAPE '\'`);
    params.pattern = `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (options.from) {
    where.push('k.created_at >= @from');
    params.from = options.from;
  }
  if (options.to) {
    where.push('k.created_at <= @to');
    params.to = options.to;
  }
  const filter = where.join(' AND ');
  const after = options.after ?? null;
  if (after) Object.assign(params, { afterCreated: after.createdAt, afterId: after.id });
  const rows = db
    .prepare(`SELECT ${columns} FROM ${table} k WHERE ${filter}${after ? ' AND (k.created_at, k.id) < (@afterCreated, @afterId)' : ''} ORDER BY k.created_at DESC, k.id DESC LIMIT @limit`)
    .all(params) as Row[];
  const items = rows.slice(0, options.limit).map(map);
  const last = items.at(-1);
  const next = rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
  if (after) return { items, next };
  const total = (db.prepare(`SELECT count(*) AS n FROM ${table} k WHERE ${filter}`).get(params) as { n: number }).n;
  return { items, next, total };
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
