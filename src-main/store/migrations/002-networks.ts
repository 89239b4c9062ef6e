// Migration 2: imported networks (the built-in ones live in the simulator's zoo).
export const sql = `
CREATE TABLE networks (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  network_json TEXT NOT NULL CHECK (json_valid(network_json)),
  created_at TEXT NOT NULL
) STRICT;
`;
