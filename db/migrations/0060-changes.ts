import type { Database } from 'better-sqlite3';

/**
 * Undo: each change made from the screens is a numbered change; the rows it wrote are
 * kept as they were before (change_rows), so the last change can be put back exactly, cascades
 * and indicator values included. Audit entries name their change, so history can show what an
 * undo took back.
 */
export const version = 60;
export const name = 'changes';

export function up(db: Database): void {
  db.exec(`
CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operation TEXT NOT NULL,
  -- The change this one undid, for an undo; and when this one was undone.
  undo_of INTEGER REFERENCES changes(id),
  undone_at TEXT,
  -- The last audit entry when the change ended: entries after it from elsewhere (an import, the
  -- command line) make the change too old to undo safely.
  audit_to INTEGER NOT NULL DEFAULT 0
) STRICT;
-- Written by the journal triggers while a change is open, before its changes row exists.
CREATE TABLE change_rows (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id INTEGER NOT NULL,
  tbl TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  pk TEXT NOT NULL,
  old TEXT
) STRICT;
CREATE INDEX change_rows_change ON change_rows(change_id);
ALTER TABLE audit_log ADD COLUMN change_id INTEGER;
CREATE INDEX audit_change ON audit_log(change_id);
`);
}
