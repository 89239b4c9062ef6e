CREATE INDEX experiment_libraries_by_library ON experiment_libraries (library_id);

CREATE INDEX experiment_tags_by_tag ON experiment_tags (tag, experiment_id);

CREATE INDEX experiments_by_created_name ON experiments (created_at, id, name);

CREATE INDEX experiments_by_name ON experiments (name COLLATE NOCASE);

CREATE INDEX experiments_unfinished ON experiments (status) WHERE status IN ('queued', 'running');

CREATE INDEX reproductions_by_created_name ON reproductions (created_at, id, name) WHERE deleted_at IS NULL;

CREATE INDEX reproductions_deleted ON reproductions (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE INDEX sweeps_by_created_name ON sweeps (created_at, id, name) WHERE deleted_at IS NULL;

CREATE INDEX sweeps_deleted ON sweeps (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE experiment_libraries (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE RESTRICT,
  version INTEGER NOT NULL,
  PRIMARY KEY (experiment_id, library_id, version)
) STRICT;

CREATE TABLE experiment_tags (
  experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
  tag TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (experiment_id, tag)
) STRICT;

CREATE TABLE "experiments" (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled', 'interrupted')),
  input_snapshot TEXT NOT NULL CHECK (json_valid(input_snapshot)),
  model_version TEXT NOT NULL,
  app_version TEXT NOT NULL,
  results TEXT CHECK (results IS NULL OR json_valid(results)),
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  owner_host TEXT,
  owner_pid INTEGER,
  owner_started TEXT
) STRICT;

CREATE TABLE libraries (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  kind TEXT NOT NULL CHECK (kind IN ('cell', 'array', 'architecture', 'technology', 'workload', 'other')),
  latest_version INTEGER NOT NULL CHECK (latest_version > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE library_versions (
  library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
  version INTEGER NOT NULL CHECK (version > 0),
  description TEXT NOT NULL,
  note TEXT NOT NULL,
  values_json TEXT NOT NULL CHECK (json_valid(values_json)),
  value_count INTEGER NOT NULL,
  cited_count INTEGER NOT NULL,
  assumption_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (library_id, version)
) STRICT;

CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  network_json TEXT NOT NULL CHECK (json_valid(network_json)),
  created_at TEXT NOT NULL
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

CREATE TABLE sweep_points (
  sweep_id TEXT NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  batch INTEGER NOT NULL CHECK (batch >= 0),
  point_count INTEGER NOT NULL CHECK (point_count > 0),
  figures BLOB NOT NULL,
  errors TEXT CHECK (errors IS NULL OR json_valid(errors)),
  PRIMARY KEY (sweep_id, batch)
) STRICT;

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

CREATE TRIGGER library_versions_are_immutable BEFORE UPDATE ON library_versions
BEGIN
  SELECT RAISE(ABORT, 'library versions are immutable; save a new version instead');
END;
