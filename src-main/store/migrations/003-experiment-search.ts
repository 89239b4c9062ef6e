// Migration 3: indexes for History's search (name contains, tag, date range) over 100,000 runs.
//
// Newest-first pages walk (created_at, id); carrying the name in that index lets a "name contains"
// filter run on the index alone instead of reading every row's snapshot. A tag filter reads
// (tag, experiment_id) without touching the table. Both replace narrower indexes from migration 1.
export const sql = `
DROP INDEX experiments_by_created;
CREATE INDEX experiments_by_created_name ON experiments (created_at, id, name);

DROP INDEX experiment_tags_by_tag;
CREATE INDEX experiment_tags_by_tag ON experiment_tags (tag, experiment_id);
`;
