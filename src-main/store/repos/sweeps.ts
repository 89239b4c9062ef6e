import { writeTransaction, type Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
import { BATCH_POINTS, decodeBatch, encodePoints } from '../sweep-points.ts';
import { KeptRows, keptPage, number, text, type KeptFilter, type KeptPage } from './kept-page.ts';
import type { SweepHeader, SweepOutput, SweepPointData } from '../../shared/schemas/sweep.ts';
import type { SweepSummary } from '../../shared/schemas/history.ts';

// Data access for kept sweeps: a header row (what was swept, on what, the front, the time it took)
// with the inputs snapshot a re-run needs, and the points in batches (store/sweep-points.ts), all
// written in one transaction so a sweep is kept whole or not at all. Deleting hides a sweep until
// Undo restores it or a later open purges it.

export type SweepCore = Pick<SweepOutput, 'status' | 'total' | 'front' | 'design' | 'network' | 'batch' | 'axes' | 'elapsed_s'>;

export interface NewSweep {
  readonly name: string;
  readonly notes?: string;
  readonly core: SweepCore;
  readonly snapshot: unknown;
  readonly modelVersion: string;
  readonly appVersion: string;
}

interface HeaderRow {
  id: string;
  name: string;
  notes: string;
  status: SweepCore['status'];
  header: string;
  point_count: number;
  model_version: string;
  app_version: string;
  created_at: string;
  updated_at: string;
}

interface BatchRow {
  batch: number;
  point_count: number;
  figures: Buffer;
  errors: string | null;
}

const HEADER_COLUMNS = 'id, name, notes, status, header, point_count, model_version, app_version, created_at, updated_at';

export class SweepRepo extends KeptRows {
  constructor(db: Db, clock: StoreClock) {
    super(db, clock, 'sweeps');
  }

  record(sweep: NewSweep, points: readonly SweepPointData[]): string {
    const keys = sweep.core.axes.map((a) => a.key);
    const batches = encodePoints(points, keys);
    return writeTransaction(this.db, () => {
      const id = this.clock.newId('swp');
      const now = this.clock.now();
      const { status, ...header } = sweep.core;
      this.db
        .prepare(
          `INSERT INTO sweeps (id, name, notes, status, header, input_snapshot, point_count, model_version, app_version, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, sweep.name, sweep.notes ?? '', status, JSON.stringify(header), JSON.stringify(sweep.snapshot), points.length, sweep.modelVersion, sweep.appVersion, now, now);
      const insert = this.db.prepare('INSERT INTO sweep_points (sweep_id, batch, point_count, figures, errors) VALUES (?, ?, ?, ?, ?)');
      for (const b of batches) insert.run(id, b.batch, b.pointCount, b.figures, b.errors);
      return id;
    });
  }

  get(id: string): SweepHeader | undefined {
    const row = this.db.prepare(`SELECT ${HEADER_COLUMNS} FROM sweeps WHERE id = ? AND deleted_at IS NULL`).get(id) as HeaderRow | undefined;
    return row ? headerOf(row) : undefined;
  }

  /** By id, or the newest sweep with that name (in any case). */
  find(ref: string): SweepHeader | undefined {
    const byId = this.get(ref);
    if (byId) return byId;
    const row = this.db
      .prepare(`SELECT ${HEADER_COLUMNS} FROM sweeps WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`)
      .get(ref) as HeaderRow | undefined;
    return row ? headerOf(row) : undefined;
  }

  snapshot(id: string): unknown {
    const row = this.db.prepare('SELECT input_snapshot FROM sweeps WHERE id = ?').get(id) as { input_snapshot: string } | undefined;
    return row ? (JSON.parse(row.input_snapshot) as unknown) : undefined;
  }

  /** Points at positions offset .. offset + limit - 1, read from the batches that hold them. */
  points(header: Pick<SweepHeader, 'id' | 'axes'>, offset = 0, limit = Number.MAX_SAFE_INTEGER): SweepPointData[] {
    const keys = header.axes.map((a) => a.key);
    const end = offset + limit;
    const rows = this.db
      .prepare('SELECT batch, point_count, figures, errors FROM sweep_points WHERE sweep_id = ? AND batch BETWEEN ? AND ? ORDER BY batch')
      .all(header.id, Math.floor(offset / BATCH_POINTS), Math.floor((Math.min(end, Number.MAX_SAFE_INTEGER) - 1) / BATCH_POINTS)) as BatchRow[];
    const points: SweepPointData[] = [];
    for (const row of rows) {
      const first = row.batch * BATCH_POINTS;
      const from = Math.max(0, offset - first);
      const to = Math.min(row.point_count, end - first);
      if (to > from) points.push(...decodeBatch({ pointCount: row.point_count, figures: row.figures, errors: row.errors }, keys, from, to));
    }
    return points;
  }

  list(options: KeptFilter): KeptPage<SweepSummary> {
    return keptPage(this.db, 'sweeps', SUMMARY_COLUMNS, options, summaryOf);
  }
}

function headerOf(row: HeaderRow): SweepHeader {
  const header = JSON.parse(row.header) as Omit<SweepCore, 'status'>;
  return {
    id: row.id,
    name: row.name,
    notes: row.notes,
    status: row.status,
    ...header,
    pointCount: row.point_count,
    modelVersion: row.model_version,
    appVersion: row.app_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface SummaryRow {
  id: string;
  name: string;
  notes: string;
  status: SweepCore['status'];
  point_count: number;
  created_at: string;
  updated_at: string;
  design_id: unknown;
  design_name: unknown;
  design_version: unknown;
  network_id: unknown;
  network_name: unknown;
  batch: unknown;
  axes_json: string | null;
  total: unknown;
  front_count: unknown;
  elapsed_s: unknown;
}

// What History's row shows, read by SQLite from the header so a page never parses whole fronts.
const SUMMARY_COLUMNS = `k.id, k.name, k.notes, k.status, k.point_count, k.created_at, k.updated_at,
  k.header ->> '$.design.id' AS design_id, k.header ->> '$.design.name' AS design_name, k.header ->> '$.design.version' AS design_version,
  k.header ->> '$.network.id' AS network_id, k.header ->> '$.network.name' AS network_name, k.header ->> '$.batch' AS batch,
  k.header -> '$.axes' AS axes_json, k.header ->> '$.total' AS total, json_array_length(k.header, '$.front') AS front_count,
  k.header ->> '$.elapsed_s' AS elapsed_s`;

function summaryOf(row: SummaryRow): SweepSummary {
  const axes = (row.axes_json ? (JSON.parse(row.axes_json) as SweepCore['axes']) : []).map(({ key, from, to, steps, scale, unit }) => ({ key, from, to, steps, scale, unit }));
  const designId = text(row.design_id) ?? '';
  const networkId = text(row.network_id) ?? '';
  return {
    kind: 'sweep',
    id: row.id,
    name: row.name,
    notes: row.notes,
    tags: [],
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    design: { id: designId, name: text(row.design_name) ?? designId, version: number(row.design_version) },
    network: { id: networkId, name: text(row.network_name) ?? networkId },
    batch: number(row.batch),
    axes,
    pointCount: row.point_count,
    total: number(row.total) ?? row.point_count,
    frontCount: number(row.front_count) ?? 0,
    elapsed_s: number(row.elapsed_s),
  };
}
