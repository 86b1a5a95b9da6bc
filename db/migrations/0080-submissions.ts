import type { Database } from 'better-sqlite3';

/**
 * The periods the office has submitted to its ministry: each version with its frozen snapshot
 * (gzip of the rows, see db/snapshot.ts), the hash the package carries, and the ministry's
 * reply once it comes back.
 */
export const version = 80;
export const name = 'submissions';

export function up(db: Database): void {
  db.exec(`
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  period TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  office_code TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  reason TEXT,
  initiatives INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  snapshot BLOB NOT NULL,
  status TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'returned')),
  reply TEXT CHECK (reply IS NULL OR json_valid(reply)),
  UNIQUE (period, version),
  CHECK ((version = 1) OR (reason IS NOT NULL AND length(trim(reason)) > 0))
) STRICT;
`);
}
