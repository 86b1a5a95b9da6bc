import type { Database } from 'better-sqlite3';

/**
 * An initiative may be *not yet classified*: imported from a register that predates the seven
 * axes, it has no axis and no primary axis until the office classifies it. SQLite cannot change
 * a table's CHECK constraints in place, so the table is rebuilt in SQLite's documented order
 * (new table, copy, drop, rename, then its indexes, triggers and views again); migrate() runs
 * it with foreign keys off and checks them before committing, so no indicator is touched.
 * The new table is written out as released; the dependents are recreated from the file's own
 * definitions, whatever earlier migrations made them.
 */
export const version = 70;
export const name = 'unclassified';

export function up(db: Database): void {
  const dependents = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
       WHERE sql IS NOT NULL AND name NOT IN ('initiatives') AND type IN ('index', 'trigger', 'view')
         AND (tbl_name = 'initiatives' OR sql LIKE '%initiatives%')`,
    )
    .all() as { type: 'index' | 'trigger' | 'view'; name: string; sql: string }[];
  // Views and triggers that name the table would stop the rename; indexes go with the table.
  for (const d of dependents) if (d.type !== 'index') db.exec(`DROP ${d.type.toUpperCase()} "${d.name}"`);
  db.exec(CREATE);
  db.exec('INSERT INTO initiatives_new SELECT * FROM initiatives');
  db.exec('DROP TABLE initiatives');
  db.exec('ALTER TABLE initiatives_new RENAME TO initiatives');
  for (const type of ['index', 'view', 'trigger'] as const) {
    for (const d of dependents) if (d.type === type) db.exec(d.sql);
  }
  // The few not-yet-classified initiatives are found without reading the others.
  db.exec(`CREATE INDEX initiatives_unclassified ON initiatives(cluster_id, region_id)
    WHERE axis1 = 0 AND axis2 = 0 AND axis3 = 0 AND axis4 = 0 AND axis5 = 0 AND axis6 = 0 AND axis7 = 0`);
}

const CREATE = `
CREATE TABLE initiatives_new (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  region_id TEXT NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
  cluster_id TEXT REFERENCES clusters(id) ON DELETE RESTRICT,
  axis1 INTEGER NOT NULL DEFAULT 0 CHECK (axis1 IN (0, 1)),
  axis2 INTEGER NOT NULL DEFAULT 0 CHECK (axis2 IN (0, 1)),
  axis3 INTEGER NOT NULL DEFAULT 0 CHECK (axis3 IN (0, 1)),
  axis4 INTEGER NOT NULL DEFAULT 0 CHECK (axis4 IN (0, 1)),
  axis5 INTEGER NOT NULL DEFAULT 0 CHECK (axis5 IN (0, 1)),
  axis6 INTEGER NOT NULL DEFAULT 0 CHECK (axis6 IN (0, 1)),
  axis7 INTEGER NOT NULL DEFAULT 0 CHECK (axis7 IN (0, 1)),
  primary_axis INTEGER CHECK (primary_axis BETWEEN 1 AND 7),
  lead_body TEXT NOT NULL DEFAULT '',
  partners TEXT NOT NULL DEFAULT '',
  marketing_holder TEXT NOT NULL DEFAULT 'specialised'
    CHECK (marketing_holder IN ('enterprises', 'specialised', 'other')),
  marketing_body TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'active', 'on_hold', 'completed', 'cancelled')),
  start_date TEXT, end_date TEXT,
  planned_budget INTEGER NOT NULL DEFAULT 0 CHECK (planned_budget >= 0),
  spent INTEGER NOT NULL DEFAULT 0 CHECK (spent >= 0),
  beneficiaries INTEGER NOT NULL DEFAULT 0 CHECK (beneficiaries >= 0),
  jobs INTEGER NOT NULL DEFAULT 0 CHECK (jobs >= 0),
  trainees INTEGER NOT NULL DEFAULT 0 CHECK (trainees >= 0),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
  -- Not yet classified: no axis and no primary axis; otherwise the primary axis is one of its axes.
  -- (IS NOT NULL first: a CHECK that comes out NULL passes, and primary_axis = n is NULL on NULL.)
  CHECK ((primary_axis IS NULL AND axis1 + axis2 + axis3 + axis4 + axis5 + axis6 + axis7 = 0)
    OR (primary_axis IS NOT NULL AND ((primary_axis = 1 AND axis1 = 1) OR (primary_axis = 2 AND axis2 = 1)
    OR (primary_axis = 3 AND axis3 = 1) OR (primary_axis = 4 AND axis4 = 1)
    OR (primary_axis = 5 AND axis5 = 1) OR (primary_axis = 6 AND axis6 = 1)
    OR (primary_axis = 7 AND axis7 = 1)))),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;
`;
