import type { Database } from 'better-sqlite3';

/**
 * Imports: each committed batch is recorded (file, hash, counts) so the ministry's "where did
 * this figure come from?" can be answered down to the workbook; saved column mappings let an
 * office reuse the corrections it made for its own register layout.
 */
export const version = 20;
export const name = 'import-batches';

export function up(db: Database): void {
  db.exec(`
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  sheet TEXT NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  regions_created INTEGER NOT NULL,
  clusters_created INTEGER NOT NULL
) STRICT;

CREATE TABLE import_profiles (
  name TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`);
}
