import type { Db } from '../db.ts';
import type { StoreClock } from '../ids.ts';
import type { Experiment, ExperimentStatus, LibraryRef } from '../../shared/schemas/experiment.ts';

// Data access for experiments: each row keeps the full input snapshot and the versions that
// produced its results, so it can be explained and re-run later.

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
}

export interface ExperimentPage {
  readonly items: Experiment[];
  /** Pass back as `after` for the next page; null on the last page. */
  readonly next: { createdAt: string; id: string } | null;
}

export class ExperimentRepo {
  private readonly db: Db;
  private readonly clock: StoreClock;

  constructor(db: Db, clock: StoreClock) {
    this.db = db;
    this.clock = clock;
  }

  create(input: NewExperiment): string {
    const id = this.clock.newId('exp');
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO experiments (id, name, notes, status, input_snapshot, model_version, app_version, created_at, updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, ?, ?, ?)`,
        )
        .run(id, input.name, input.notes ?? '', JSON.stringify(input.inputSnapshot), input.modelVersion, input.appVersion, now, now);
      const tag = this.db.prepare('INSERT OR IGNORE INTO experiment_tags (experiment_id, tag) VALUES (?, ?)');
      for (const t of input.tags ?? []) tag.run(id, t);
      const ref = this.db.prepare('INSERT OR IGNORE INTO experiment_libraries (experiment_id, library_id, version) VALUES (?, ?, ?)');
      for (const r of input.libraryRefs ?? []) ref.run(id, r.libraryId, r.version);
    })();
    return id;
  }

  get(id: string): Experiment | undefined {
    const row = this.db.prepare('SELECT * FROM experiments WHERE id = ?').get(id) as ExperimentRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  /** By id, or the newest experiment with that name. */
  find(ref: string): Experiment | undefined {
    const row = this.db.prepare('SELECT * FROM experiments WHERE id = @ref OR name = @ref ORDER BY (id = @ref) DESC, created_at DESC, id DESC LIMIT 1').get({ ref }) as
      | ExperimentRow
      | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  /** Newest first, keyset-paginated so page N costs the same as page 1. */
  list(options: { limit: number; after?: { createdAt: string; id: string } | null }): ExperimentPage {
    const after = options.after ?? null;
    const rows = this.db
      .prepare(
        `SELECT * FROM experiments
         WHERE @afterCreated IS NULL OR (created_at, id) < (@afterCreated, @afterId)
         ORDER BY created_at DESC, id DESC LIMIT @limit`,
      )
      .all({ afterCreated: after?.createdAt ?? null, afterId: after?.id ?? null, limit: options.limit + 1 }) as ExperimentRow[];
    const page = rows.slice(0, options.limit).map((r) => this.hydrate(r));
    const last = page.at(-1);
    return { items: page, next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  finish(id: string, outcome: { status: ExperimentStatus; results?: unknown; error?: string }): void {
    this.db
      .prepare('UPDATE experiments SET status = ?, results = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(outcome.status, outcome.results === undefined ? null : JSON.stringify(outcome.results), outcome.error ?? null, this.clock.now(), id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM experiments WHERE id = ?').run(id);
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
