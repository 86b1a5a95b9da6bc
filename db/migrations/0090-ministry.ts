import type { Database } from 'better-sqlite3';

/**
 * The ministry's consolidated portfolio: its offices and every package received from them, each
 * with its provenance (office, period, version, when it was sent and received, the file and its
 * hash) and the frozen rows it carried (gzip, as db/snapshot.ts packs them). An office's file has
 * these tables too, empty: one schema for both.
 */
export const version = 90;
export const name = 'ministry';

export function up(db: Database): void {
  db.exec(`
CREATE TABLE offices (
  code TEXT PRIMARY KEY CHECK (code GLOB '[A-Z0-9][A-Z0-9]*' AND length(code) BETWEEN 2 AND 8),
  name TEXT NOT NULL DEFAULT '',
  regions TEXT NOT NULL DEFAULT '',
  closed_since TEXT CHECK (closed_since IS NULL OR closed_since GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE received (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  office_code TEXT NOT NULL REFERENCES offices (code),
  period TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  provenance TEXT NOT NULL CHECK (provenance IN ('package', 'template')),
  submitted_at TEXT,
  received_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  declared_sha256 TEXT,
  modified INTEGER NOT NULL DEFAULT 0 CHECK (modified IN (0, 1)),
  initiatives INTEGER NOT NULL,
  snapshot BLOB NOT NULL,
  status TEXT NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'accepted', 'returned')),
  reply TEXT CHECK (reply IS NULL OR json_valid(reply)),
  UNIQUE (office_code, period, version)
) STRICT;
CREATE INDEX received_by_period ON received (period, office_code);
`);
}
