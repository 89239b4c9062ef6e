import { writeTransaction, type Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
import { KeptRows, keptPage, number, text, type KeptFilter, type KeptPage } from './kept-page.ts';
import type { ReproductionSummary } from '../../shared/schemas/history.ts';

// Data access for kept paper reproductions: the inputs snapshot (both designs' values, basis,
// batch) and the whole comparison, one row each. Deleting hides a row until Undo restores it or a
// later open purges it, as for sweeps.

export interface NewReproduction {
  readonly name: string;
  readonly notes?: string;
  readonly snapshot: unknown;
  readonly output: unknown;
  readonly modelVersion: string;
  readonly appVersion: string;
}

export interface StoredReproduction {
  readonly id: string;
  readonly name: string;
  readonly notes: string;
  readonly snapshot: unknown;
  readonly output: unknown;
  readonly modelVersion: string;
  readonly appVersion: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface Row {
  id: string;
  name: string;
  notes: string;
  input_snapshot: string;
  output: string;
  model_version: string;
  app_version: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, name, notes, input_snapshot, output, model_version, app_version, created_at, updated_at';

export class ReproductionRepo extends KeptRows {
  constructor(db: Db, clock: StoreClock) {
    super(db, clock, 'reproductions');
  }

  record(input: NewReproduction): string {
    return writeTransaction(this.db, () => {
      const id = this.clock.newId('rep');
      const now = this.clock.now();
      this.db
        .prepare(`INSERT INTO reproductions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, input.name, input.notes ?? '', JSON.stringify(input.snapshot), JSON.stringify(input.output), input.modelVersion, input.appVersion, now, now);
      return id;
    });
  }

  get(id: string): StoredReproduction | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM reproductions WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
    return row ? storedOf(row) : undefined;
  }

  /** By id, or the newest reproduction with that name (in any case). */
  find(ref: string): StoredReproduction | undefined {
    const byId = this.get(ref);
    if (byId) return byId;
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM reproductions WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`)
      .get(ref) as Row | undefined;
    return row ? storedOf(row) : undefined;
  }

  list(options: KeptFilter): KeptPage<ReproductionSummary> {
    return keptPage(this.db, 'reproductions', SUMMARY_COLUMNS, options, summaryOf);
  }
}

function storedOf(row: Row): StoredReproduction {
  return {
    id: row.id,
    name: row.name,
    notes: row.notes,
    snapshot: JSON.parse(row.input_snapshot) as unknown,
    output: JSON.parse(row.output) as unknown,
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
  created_at: string;
  updated_at: string;
  proposed_id: unknown;
  proposed_name: unknown;
  baseline_id: unknown;
  baseline_name: unknown;
  basis: unknown;
  batch: unknown;
  energy: unknown;
  latency: unknown;
  area: unknown;
  networks_json: string;
}

// Read by SQLite out of the stored JSON: a page never parses whole comparisons or design values.
const SUMMARY_COLUMNS = `k.id, k.name, k.notes, k.created_at, k.updated_at,
  k.input_snapshot ->> '$.proposed.id' AS proposed_id, k.input_snapshot ->> '$.proposed.name' AS proposed_name,
  k.input_snapshot ->> '$.baseline.id' AS baseline_id, k.input_snapshot ->> '$.baseline.name' AS baseline_name,
  k.input_snapshot ->> '$.basis' AS basis, k.output ->> '$.batch' AS batch,
  k.output ->> '$.average.energy' AS energy, k.output ->> '$.average.latency' AS latency, k.output ->> '$.average.area' AS area,
  (SELECT json_group_array(m.value ->> '$.network') FROM json_each(k.output, '$.models') m) AS networks_json`;

function summaryOf(row: SummaryRow): ReproductionSummary {
  const [energy, latency, area] = [number(row.energy), number(row.latency), number(row.area)];
  const side = (id: unknown, name: unknown): { id: string; name: string } => ({ id: text(id) ?? '', name: text(name) ?? text(id) ?? '' });
  return {
    kind: 'reproduction',
    id: row.id,
    name: row.name,
    notes: row.notes,
    tags: [],
    status: 'done',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    proposed: side(row.proposed_id, row.proposed_name),
    baseline: side(row.baseline_id, row.baseline_name),
    basis: text(row.basis) ?? 'as-modelled',
    batch: number(row.batch),
    average: energy === null || latency === null || area === null ? null : { energy, latency, area },
    networks: JSON.parse(row.networks_json) as string[],
  };
}
