import type { Database } from 'better-sqlite3';

/**
 * What-if planning: a planning session's drafts, new initiatives and edits of existing
 * ones, kept in the portfolio file so that they survive closing the program, and kept apart from
 * the portfolio itself until the user commits them.
 */
export const version = 40;
export const name = 'plan-drafts';

export function up(db: Database): void {
  db.exec(`
CREATE TABLE plan_drafts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'update')),
  initiative_id TEXT REFERENCES initiatives(id) ON DELETE CASCADE,
  input TEXT NOT NULL CHECK (json_valid(input)),
  created_at TEXT NOT NULL,
  CHECK ((kind = 'update') = (initiative_id IS NOT NULL))
) STRICT;
`);
}
