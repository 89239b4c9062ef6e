import { writeTransaction, type Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
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

/**
 * What a kept sweep and a kept reproduction share once stored: renaming and notes, deleting with
 * an undo (the row is hidden until purgeDeleted removes it for good) and restoring.
 */
export abstract class KeptRows {
  protected readonly db: Db;
  protected readonly clock: StoreClock;
  private readonly table: 'sweeps' | 'reproductions';

  protected constructor(db: Db, clock: StoreClock, table: 'sweeps' | 'reproductions') {
    this.db = db;
    this.clock = clock;
    this.table = table;
  }

  update(id: string, changes: { name?: string; notes?: string }): void {
    this.db
      .prepare(`UPDATE ${this.table} SET name = coalesce(?, name), notes = coalesce(?, notes), updated_at = ? WHERE id = ? AND deleted_at IS NULL`)
      .run(changes.name ?? null, changes.notes ?? null, this.clock.now(), id);
  }

  /** Hides the row; it stays until purgeDeleted, so Undo can restore it. */
  delete(id: string): void {
    this.db.prepare(`UPDATE ${this.table} SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`).run(this.clock.now(), id);
  }

  /** Brings back a deleted row; false when there is none to bring back (purged, or never deleted). */
  restore(id: string): boolean {
    return this.db.prepare(`UPDATE ${this.table} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`).run(id).changes > 0;
  }

  /** Removes for good the rows deleted before `before` (an ISO time). */
  purgeDeleted(before: string): number {
    return writeTransaction(this.db, () => this.db.prepare(`DELETE FROM ${this.table} WHERE deleted_at IS NOT NULL AND deleted_at < ?`).run(before).changes);
  }

  /** The name, if a deleted row with this id can still be restored. */
  deletedName(id: string): string | undefined {
    return (this.db.prepare(`SELECT name FROM ${this.table} WHERE id = ? AND deleted_at IS NOT NULL`).get(id) as { name: string } | undefined)?.name;
  }
}
