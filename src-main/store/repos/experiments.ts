import { writeTransaction, type Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
import { thisProcess, type RunOwner } from '../run-owner.ts';
import { GPU_SNAPSHOT_CELL_ID, type Experiment, type ExperimentCursor, type ExperimentStatus, type ExperimentSummary, type LibraryRef } from '../../shared/schemas/experiment.ts';

// Data access for experiments: each row keeps the full input snapshot and the versions that
// produced its results, so it can be explained and re-run later. A run whose outcome is known is
// stored in one transaction (record); one stored while its job runs (create, start, finish) carries
// its owner process, so a later open can tell a dead process's run from a live one (recovery.ts).

interface ExperimentRow {
  id: string;
  name: string;
  notes: string;
  status: ExperimentStatus;
  input_snapshot: string;
  model_version: string;
  app_version: string;
  results: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewExperiment {
  readonly name: string;
  readonly tags?: readonly string[];
  readonly notes?: string;
  readonly inputSnapshot: unknown;
  readonly libraryRefs?: readonly LibraryRef[];
  readonly modelVersion: string;
  readonly appVersion: string;
  /** When the numbers were produced, if not now (an imported bundle keeps its date). */
  readonly createdAt?: string;
}

export interface ExperimentFilter {
  /** Part of the name (case-insensitive for ASCII letters, as SQLite's LIKE is). */
  readonly text?: string;
  readonly tag?: string;
  /** Created at or after this instant (ISO, UTC, as stored). */
  readonly from?: string;
  /** Created at or before this instant. */
  readonly to?: string;
}

export interface ExperimentPage {
  readonly items: ExperimentSummary[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly next: ExperimentCursor | null;
  /** Matches in all pages; counted on the first page only (no `after`). */
  readonly total?: number;
}

export interface ExperimentOutcome {
  readonly status: ExperimentStatus;
  readonly results?: unknown;
  readonly error?: string;
}

export interface ExperimentChanges {
  readonly name?: string;
  readonly notes?: string;
  readonly tags?: readonly string[];
}

/** Below this many tagged rows, a tag filter starts from the tag's rows instead of walking all rows by date. */
const FEW_TAGGED = 2000;

export class ExperimentRepo {
  private readonly db: Db;
  private readonly clock: StoreClock;
  private readonly owner: RunOwner;

  constructor(db: Db, clock: StoreClock, owner: RunOwner = thisProcess()) {
    this.db = db;
    this.clock = clock;
    this.owner = owner;
  }

  /** Stores a run whose outcome is known, whole: a process killed meanwhile leaves all of it or none. */
  record(input: NewExperiment, outcome: ExperimentOutcome): string {
    return writeTransaction(this.db, () => this.insert(input, outcome, null));
  }

  /** Stores a run about to be queued in a job runner, owned by this process until it finishes. */
  create(input: NewExperiment): string {
    return writeTransaction(this.db, () => this.insert(input, { status: 'queued' }, this.owner));
  }

  /** Its job started; a run no longer queued (finished, or marked interrupted) is left alone. */
  start(id: string): void {
    this.db.prepare("UPDATE experiments SET status = 'running', updated_at = ? WHERE id = ? AND status = 'queued'").run(this.clock.now(), id);
  }

  get(id: string): Experiment | undefined {
    const row = this.db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  /** By id, or the newest experiment with that name (in any case). */
  find(ref: string): Experiment | undefined {
    const byId = this.get(ref);
    if (byId) return byId;
    const row = this.db.prepare('SELECT * FROM experiments WHERE name = ? COLLATE NOCASE ORDER BY created_at DESC, id DESC LIMIT 1').get(ref) as ExperimentRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  /**
   * History's page: newest first, keyset-paginated so page N costs the same as page 1, filtered by
   * name, tag and creation time. Rows come back as summaries read out of the stored JSON.
   */
  list(options: { limit: number; after?: ExperimentCursor | null } & ExperimentFilter): ExperimentPage {
    const params: Record<string, string | number> = { limit: options.limit + 1 };
    const where: string[] = [];
    if (options.text) {
      where.push(String.raw`e.name LIKE @pattern ESCAPE '\'`);
      params.pattern = `%${options.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    if (options.from) where.push('e.created_at >= @from');
    if (options.to) where.push('e.created_at <= @to');
    if (options.from) params.from = options.from;
    if (options.to) params.to = options.to;
    let tagged: number | undefined;
    if (options.tag) {
      params.tag = options.tag;
      tagged = (this.db.prepare('SELECT count(*) AS n FROM experiment_tags WHERE tag = @tag').get(params) as { n: number }).n;
      if (tagged === 0) return { items: [], next: null, ...(options.after ? {} : { total: 0 }) };
      // A rare tag: read its few rows and sort them. A common one: walk by date, checking each row.
      where.push(
        tagged <= FEW_TAGGED
          ? 'e.id IN (SELECT experiment_id FROM experiment_tags WHERE tag = @tag)'
          : 'EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.id AND t.tag = @tag)',
      );
    }
    const filter = where.length ? where.join(' AND ') : '1';
    const after = options.after ?? null;
    if (after) Object.assign(params, { afterCreated: after.createdAt, afterId: after.id });
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM experiments e WHERE ${filter}${after ? ' AND (e.created_at, e.id) < (@afterCreated, @afterId)' : ''} ORDER BY e.created_at DESC, e.id DESC LIMIT @limit`)
      .all(params) as SummaryRow[];
    const items = rows.slice(0, options.limit).map(summaryOf);
    const last = items.at(-1);
    const next = rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null;
    if (after) return { items, next };
    const total = where.length === 1 && tagged !== undefined ? tagged : (this.db.prepare(`SELECT count(*) AS n FROM experiments e WHERE ${filter}`).get(params) as { n: number }).n;
    return { items, next, total };
  }

  /** Every tag in use with how many experiments carry it, for History's tag filter. */
  tags(): { tag: string; count: number }[] {
    return this.db.prepare('SELECT tag, count(*) AS count FROM experiment_tags GROUP BY tag ORDER BY tag').all() as { tag: string; count: number }[];
  }

  /** Renames, rewrites the notes or replaces the tags; inputs, results and versions never change. */
  update(id: string, changes: ExperimentChanges): void {
    writeTransaction(this.db, () => {
      const row = this.db.prepare('SELECT name, notes FROM experiments WHERE id = ?').get(id) as { name: string; notes: string } | undefined;
      if (!row) return;
      this.db
        .prepare('UPDATE experiments SET name = ?, notes = ?, updated_at = ? WHERE id = ?')
        .run(changes.name ?? row.name, changes.notes ?? row.notes, this.clock.now(), id);
      if (!changes.tags) return;
      this.db.prepare('DELETE FROM experiment_tags WHERE experiment_id = ?').run(id);
      const tag = this.db.prepare('INSERT OR IGNORE INTO experiment_tags (experiment_id, tag) VALUES (?, ?)');
      for (const t of changes.tags) tag.run(id, t);
    });
  }

  finish(id: string, outcome: ExperimentOutcome): void {
    this.db
      .prepare('UPDATE experiments SET status = ?, results = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(outcome.status, outcome.results === undefined ? null : JSON.stringify(outcome.results), outcome.error ?? null, this.clock.now(), id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM experiments WHERE id = ?').run(id);
  }

  private insert(input: NewExperiment, outcome: ExperimentOutcome, owner: RunOwner | null): string {
    const id = this.clock.newId('exp');
    const now = this.clock.now();
    this.db
      .prepare(
        `INSERT INTO experiments (id, name, notes, status, input_snapshot, model_version, app_version, results, error, owner_host, owner_pid, owner_started, created_at, updated_at)
         VALUES (@id, @name, @notes, @status, @snapshot, @modelVersion, @appVersion, @results, @error, @host, @pid, @started, @createdAt, @now)`,
      )
      .run({
        id,
        name: input.name,
        notes: input.notes ?? '',
        status: outcome.status,
        snapshot: JSON.stringify(input.inputSnapshot),
        modelVersion: input.modelVersion,
        appVersion: input.appVersion,
        results: outcome.results === undefined ? null : JSON.stringify(outcome.results),
        error: outcome.error ?? null,
        host: owner?.host ?? null,
        pid: owner?.pid ?? null,
        started: owner?.started ?? null,
        createdAt: input.createdAt ?? now,
        now,
      });
    const tag = this.db.prepare('INSERT OR IGNORE INTO experiment_tags (experiment_id, tag) VALUES (?, ?)');
    for (const t of input.tags ?? []) tag.run(id, t);
    const ref = this.db.prepare('INSERT OR IGNORE INTO experiment_libraries (experiment_id, library_id, version) VALUES (?, ?, ?)');
    for (const r of input.libraryRefs ?? []) ref.run(id, r.libraryId, r.version);
    return id;
  }

  private hydrate(row: ExperimentRow): Experiment {
    const tags = (this.db.prepare('SELECT tag FROM experiment_tags WHERE experiment_id = ? ORDER BY tag').all(row.id) as { tag: string }[]).map((t) => t.tag);
    const libraryRefs = (
      this.db.prepare('SELECT library_id, version FROM experiment_libraries WHERE experiment_id = ? ORDER BY library_id, version').all(row.id) as {
        library_id: string;
        version: number;
      }[]
    ).map((r) => ({ libraryId: r.library_id, version: r.version }));
    return {
      id: row.id,
      name: row.name,
      tags,
      notes: row.notes,
      status: row.status,
      inputSnapshot: JSON.parse(row.input_snapshot) as unknown,
      libraryRefs,
      modelVersion: row.model_version,
      appVersion: row.app_version,
      results: row.results === null ? null : (JSON.parse(row.results) as unknown),
      error: row.error,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

interface SummaryRow {
  id: string;
  name: string;
  notes: string;
  status: ExperimentStatus;
  model_version: string;
  app_version: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  tags_json: string;
  design_id: unknown;
  design_name: unknown;
  design_version: unknown;
  design_kind: unknown;
  cell_name: unknown;
  network_id: unknown;
  network_name: unknown;
  batch: unknown;
  format: unknown;
  energy_J: unknown;
  latency_s: unknown;
  area_m2: unknown;
  power_W: unknown;
}

// What History's table shows, read by SQLite out of the stored JSON so the page never parses or
// sends whole snapshots and results.
const SUMMARY_COLUMNS = `e.id, e.name, e.notes, e.status, e.model_version, e.app_version, e.error, e.created_at, e.updated_at,
  (SELECT json_group_array(tag) FROM (SELECT tag FROM experiment_tags WHERE experiment_id = e.id ORDER BY tag)) AS tags_json,
  e.input_snapshot ->> '$.design.id' AS design_id, e.input_snapshot ->> '$.design.name' AS design_name,
  e.input_snapshot ->> '$.design.version' AS design_version, e.input_snapshot ->> '$.cell.name' AS cell_name,
  e.input_snapshot ->> '$.cell.id' = '${GPU_SNAPSHOT_CELL_ID}' AS design_kind,
  e.input_snapshot ->> '$.network.id' AS network_id, e.input_snapshot ->> '$.network.name' AS network_name,
  e.input_snapshot ->> '$.options.batch' AS batch, e.input_snapshot ->> '$.options.format' AS format,
  e.results ->> '$.energy_J' AS energy_J, e.results ->> '$.latency_s' AS latency_s,
  e.results ->> '$.area_m2' AS area_m2, e.results ->> '$.power_W' AS power_W`;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function summaryOf(row: SummaryRow): ExperimentSummary {
  const designId = text(row.design_id);
  const networkId = text(row.network_id);
  const energy = number(row.energy_J);
  const latency = number(row.latency_s);
  const area = number(row.area_m2);
  return {
    id: row.id,
    name: row.name,
    tags: JSON.parse(row.tags_json) as string[],
    notes: row.notes,
    status: row.status,
    modelVersion: row.model_version,
    appVersion: row.app_version,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    design: designId === null ? null : { id: designId, name: text(row.design_name) ?? designId, version: number(row.design_version) },
    designKind: row.design_kind === 1 ? 'gpu' : 'pim',
    cell: text(row.cell_name),
    network: networkId === null ? null : { id: networkId, name: text(row.network_name) ?? networkId },
    batch: number(row.batch),
    format: text(row.format),
    figures: energy === null || latency === null || area === null ? null : { energy_J: energy, latency_s: latency, area_m2: area, power_W: number(row.power_W) },
  };
}
