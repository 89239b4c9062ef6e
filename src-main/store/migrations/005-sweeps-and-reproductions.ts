// Migration 5: finished sweeps and paper reproductions, kept beside experiments so History lists,
// re-opens, re-runs, exports and deletes them too.
//
// A sweep's header (design, network, axes, front, elapsed time) is one row; its points go in
// batches of a fixed number of points, each one BLOB of little-endian float64 (index, the swept
// values, energy, latency, area; NaN where a point has no figure) with the reasons of its failed
// points beside it, so 100,000 points are a hundred rows written in one transaction. Deleting sets
// deleted_at, so Undo can bring a row back; rows deleted long ago are purged when a store opens.
export const sql = `
CREATE TABLE sweeps (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('done', 'cancelled')),
  header TEXT NOT NULL CHECK (json_valid(header)),
  input_snapshot TEXT NOT NULL CHECK (json_valid(input_snapshot)),
  point_count INTEGER NOT NULL CHECK (point_count >= 0),
  model_version TEXT NOT NULL,
  app_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX sweeps_by_created_name ON sweeps (created_at, id, name) WHERE deleted_at IS NULL;
CREATE INDEX sweeps_deleted ON sweeps (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE sweep_points (
  sweep_id TEXT NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  batch INTEGER NOT NULL CHECK (batch >= 0),
  point_count INTEGER NOT NULL CHECK (point_count > 0),
  figures BLOB NOT NULL,
  errors TEXT CHECK (errors IS NULL OR json_valid(errors)),
  PRIMARY KEY (sweep_id, batch)
) STRICT;

CREATE TABLE reproductions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  input_snapshot TEXT NOT NULL CHECK (json_valid(input_snapshot)),
  output TEXT NOT NULL CHECK (json_valid(output)),
  model_version TEXT NOT NULL,
  app_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX reproductions_by_created_name ON reproductions (created_at, id, name) WHERE deleted_at IS NULL;
CREATE INDEX reproductions_deleted ON reproductions (deleted_at) WHERE deleted_at IS NOT NULL;
`;
