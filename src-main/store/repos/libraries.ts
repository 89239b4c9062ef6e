import { writeTransaction, type Db } from '../connect.ts';
import type { StoreClock } from '../ids.ts';
import { WorkbenchFailure } from '../../shared/result.ts';
import { provenanceOf } from '../../shared/sourced.ts';
import type { LibraryKind, LibrarySummary, LibraryDetail, LibraryVersion, ParamValue } from '../../shared/schemas/library.ts';

// Data access for user libraries. Versions are append-only (a trigger forbids updates).

interface LibraryRow {
  id: string;
  name: string;
  kind: LibraryKind;
  latest_version: number;
  created_at: string;
  updated_at: string;
  version: number;
  description: string;
  note: string;
  value_count: number;
  cited_count: number;
  assumption_count: number;
  version_created_at: string;
}

const SELECT_WITH_VERSION = `
  SELECT l.id, l.name, l.kind, l.latest_version, l.created_at, l.updated_at,
         v.version, v.description, v.note, v.value_count, v.cited_count, v.assumption_count,
         v.created_at AS version_created_at
  FROM libraries l JOIN library_versions v ON v.library_id = l.id`;

export interface NewVersion {
  readonly values: readonly ParamValue[];
  readonly description: string;
  readonly note: string;
}

function toSummary(row: LibraryRow): LibrarySummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    builtIn: false,
    version: row.latest_version,
    valueCount: row.value_count,
    provenance: { cited: row.cited_count, assumption: row.assumption_count },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function countProvenance(values: readonly ParamValue[]): { cited: number; assumption: number } {
  let cited = 0;
  let assumption = 0;
  for (const v of values) {
    const p = provenanceOf(v.source);
    if (p === 'cited') cited += 1;
    else if (p === 'assumption') assumption += 1;
  }
  return { cited, assumption };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class LibraryRepo {
  private readonly db: Db;
  private readonly clock: StoreClock;

  constructor(db: Db, clock: StoreClock) {
    this.db = db;
    this.clock = clock;
  }

  list(filter: { kind?: LibraryKind | undefined; query?: string | undefined } = {}): LibrarySummary[] {
    const rows = this.db
      .prepare(
        `${SELECT_WITH_VERSION} AND v.version = l.latest_version
         WHERE (@kind IS NULL OR l.kind = @kind) AND (@query IS NULL OR instr(lower(l.name), lower(@query)) > 0)
         ORDER BY l.name COLLATE NOCASE`,
      )
      .all({ kind: filter.kind ?? null, query: filter.query?.trim() || null }) as LibraryRow[];
    return rows.map(toSummary);
  }

  /** Finds a library by id, or else by its name (case-insensitive). */
  find(ref: string): LibrarySummary | undefined {
    const row = this.db
      .prepare(`${SELECT_WITH_VERSION} AND v.version = l.latest_version WHERE l.id = @ref OR l.name = @ref ORDER BY l.id = @ref DESC LIMIT 1`)
      .get({ ref }) as LibraryRow | undefined;
    return row ? toSummary(row) : undefined;
  }

  get(id: string, version?: number): LibraryDetail | undefined {
    const row = this.db
      .prepare(`${SELECT_WITH_VERSION} AND v.version = coalesce(@version, l.latest_version) WHERE l.id = @id`)
      .get({ id, version: version ?? null }) as LibraryRow | undefined;
    if (!row) return undefined;
    const { values_json } = this.db
      .prepare('SELECT values_json FROM library_versions WHERE library_id = ? AND version = ?')
      .get(id, row.version) as { values_json: string };
    const summary = toSummary(row);
    return {
      ...summary,
      shownVersion: row.version,
      note: row.note,
      description: row.description,
      valueCount: row.value_count,
      provenance: { cited: row.cited_count, assumption: row.assumption_count },
      values: JSON.parse(values_json) as ParamValue[],
    };
  }

  versions(id: string): LibraryVersion[] {
    return (
      this.db
        .prepare('SELECT version, note, value_count, created_at FROM library_versions WHERE library_id = ? ORDER BY version DESC')
        .all(id) as { version: number; note: string; value_count: number; created_at: string }[]
    ).map((r) => ({ version: r.version, note: r.note, valueCount: r.value_count, createdAt: r.created_at }));
  }

  create(input: { name: string; kind: LibraryKind } & NewVersion): string {
    const id = this.clock.newId('lib');
    const now = this.clock.now();
    try {
      writeTransaction(this.db, () => {
        this.db
          .prepare('INSERT INTO libraries (id, name, kind, latest_version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
          .run(id, input.name, input.kind, now, now);
        this.insertVersion(id, 1, input, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    return id;
  }

  /** Appends version baseVersion + 1; refuses if another version was saved since baseVersion. */
  saveVersion(id: string, baseVersion: number, next: NewVersion): number {
    return writeTransaction(this.db, () => {
      const row = this.db.prepare('SELECT latest_version FROM libraries WHERE id = ?').get(id) as { latest_version: number } | undefined;
      if (!row) throw new WorkbenchFailure('not_found', `library ${id} does not exist`);
      if (row.latest_version !== baseVersion) {
        throw new WorkbenchFailure(
          'conflict',
          `version ${row.latest_version} was saved after version ${baseVersion}, which this edit started from; reload and apply the edit again`,
        );
      }
      const version = baseVersion + 1;
      const now = this.clock.now();
      this.insertVersion(id, version, next, now);
      this.db.prepare('UPDATE libraries SET latest_version = ?, updated_at = ? WHERE id = ?').run(version, now, id);
      return version;
    });
  }

  rename(id: string, name: string): void {
    try {
      this.db.prepare('UPDATE libraries SET name = ?, updated_at = ? WHERE id = ?').run(name, this.clock.now(), id);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(name);
      throw error;
    }
  }

  /** Experiments that used any version of the library (the reason a delete is refused). */
  usedBy(id: string, limit = 20): { id: string; name: string }[] {
    return this.db
      .prepare(
        `SELECT DISTINCT e.id, e.name FROM experiment_libraries el JOIN experiments e ON e.id = el.experiment_id
         WHERE el.library_id = ? ORDER BY e.created_at DESC LIMIT ?`,
      )
      .all(id, limit) as { id: string; name: string }[];
  }

  usageCount(id: string): number {
    return (this.db.prepare('SELECT count(DISTINCT experiment_id) AS n FROM experiment_libraries WHERE library_id = ?').get(id) as { n: number }).n;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM libraries WHERE id = ?').run(id);
  }

  private insertVersion(id: string, version: number, next: NewVersion, now: string): void {
    const { cited, assumption } = countProvenance(next.values);
    this.db
      .prepare(
        `INSERT INTO library_versions (library_id, version, description, note, values_json, value_count, cited_count, assumption_count, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, version, next.description, next.note, JSON.stringify(next.values), next.values.length, cited, assumption, now);
  }
}

export function nameTaken(name: string): WorkbenchFailure {
  return new WorkbenchFailure('conflict', `a library named "${name}" already exists`, [{ path: 'name', message: 'choose a name no other library has' }]);
}
