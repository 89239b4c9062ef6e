// Migration 4: a run left unfinished by a process that died is marked 'interrupted' on the next
// open. That needs the new status (a CHECK constraint changes only by rebuilding the table) and,
// on rows still queued or running, the process that owns them, so a live `pimwb serve` keeps its
// running jobs while another process opens the file (see store/run-owner.ts).
export const sql = `
CREATE TABLE experiments_new (
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

INSERT INTO experiments_new (id, name, notes, status, input_snapshot, model_version, app_version, results, error, created_at, updated_at)
  SELECT id, name, notes, status, input_snapshot, model_version, app_version, results, error, created_at, updated_at FROM experiments;

DROP TABLE experiments;
ALTER TABLE experiments_new RENAME TO experiments;

CREATE INDEX experiments_by_created_name ON experiments (created_at, id, name);
CREATE INDEX experiments_by_name ON experiments (name COLLATE NOCASE);
-- Recovery on every open reads only the few unfinished rows.
CREATE INDEX experiments_unfinished ON experiments (status) WHERE status IN ('queued', 'running');
`;
