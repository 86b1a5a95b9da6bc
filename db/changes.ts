/**
 * The journal behind undo. While a change is open on a connection, temporary triggers copy every
 * row the portfolio's tables lose or alter (and the key of every row they gain) into
 * change_rows, whichever code path wrote it: repositories, cascades, indicator values. Nothing
 * is journaled outside a change (imports, the command line); an import also suspends the
 * triggers themselves (suspendJournal), which cost even when they journal nothing.
 */
import type { Db } from './connection';
import { stmt } from './stmt';

/** The portfolio's own tables: what an undo puts back. */
export const JOURNALED = [
  'regions',
  'sectors',
  'clusters',
  'initiatives',
  'indicators',
  'indicator_values',
  'settings',
] as const;
export type JournaledTable = (typeof JOURNALED)[number];

interface Column {
  name: string;
  pk: number;
}
const installed = new WeakSet<Db>();
const columnCache = new WeakMap<Db, Map<string, { all: string[]; pk: string[] }>>();

/** Column names and primary key of a journaled table, read from the schema once. */
export function columnsOf(db: Db, table: JournaledTable): { all: string[]; pk: string[] } {
  let byTable = columnCache.get(db);
  if (!byTable) columnCache.set(db, (byTable = new Map()));
  let cols = byTable.get(table);
  if (!cols) {
    const info = db.pragma(`table_info(${table})`) as Column[];
    cols = {
      all: info.map((c) => c.name),
      pk: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
    };
    byTable.set(table, cols);
  }
  return cols;
}

/** Whether this connection journals changes (a portfolio of schema 60 or later). */
export const journals = (db: Db): boolean => installed.has(db);

/** Sets up the temporary table and triggers on a connection; a no-op before migration 60. */
export function installJournal(db: Db): void {
  if (installed.has(db) || !db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'changes'").get()) return;
  db.exec('CREATE TEMP TABLE IF NOT EXISTS current_change (id INTEGER)');
  for (const table of JOURNALED) db.exec(journalTriggers(db, table));
  installed.add(db);
}

/** The three triggers that journal a table's rows while a change is open. */
function journalTriggers(db: Db, table: JournaledTable): string {
  const when = 'WHEN (SELECT id FROM temp.current_change) IS NOT NULL';
  const { all, pk } = columnsOf(db, table);
  const json = (row: 'NEW' | 'OLD', cols: string[]) =>
    `json_object(${cols.map((c) => `'${c}', ${row}.${c}`).join(', ')})`;
  const journal = (op: string, key: 'NEW' | 'OLD', old: string) =>
    `INSERT INTO main.change_rows (change_id, tbl, op, pk, old)
       VALUES ((SELECT id FROM temp.current_change), '${table}', '${op}', ${json(key, pk)}, ${old});`;
  return `
CREATE TEMP TRIGGER journal_${table}_insert AFTER INSERT ON main.${table} ${when}
BEGIN ${journal('insert', 'NEW', 'NULL')} END;
CREATE TEMP TRIGGER journal_${table}_update AFTER UPDATE ON main.${table} ${when}
BEGIN ${journal('update', 'NEW', json('OLD', all))} END;
CREATE TEMP TRIGGER journal_${table}_delete AFTER DELETE ON main.${table} ${when}
BEGIN ${journal('delete', 'OLD', json('OLD', all))} END;`;
}

/**
 * Takes a table's journal triggers away while a bulk write runs outside any change (an import),
 * and returns how to put them back. Their WHEN is false there, yet SQLite still runs each one per
 * row (and keeps a statement journal for it): ~4 µs a row, ~0.2 s of a 50,000-row import.
 * Inside the caller's transaction, so a rollback restores them; inside a change, nothing is taken.
 */
export function suspendJournal(db: Db, tables: readonly JournaledTable[]): () => void {
  if (!installed.has(db) || stmt(db, 'SELECT 1 FROM temp.current_change').get()) return () => {};
  for (const table of tables) {
    for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS temp.journal_${table}_${op}`);
  }
  return () => {
    for (const table of tables) db.exec(journalTriggers(db, table));
  };
}

/**
 * Runs fn as one numbered change: whatever it writes to the portfolio is journaled under the
 * change's number, and the change is recorded if anything was written (a read records nothing).
 * A change that failed half-way records what its committed part wrote, so it can be undone too.
 * Synchronous on purpose: nothing else can write while the change is open and be counted in it.
 */
export function inChange<T>(db: Db, operation: string, fn: () => T, undoOf: number | null = null): T {
  if (!installed.has(db)) return fn();
  const row = stmt(
    db,
    `SELECT max(coalesce((SELECT max(id) FROM changes), 0), coalesce((SELECT max(change_id) FROM change_rows), 0)) + 1
       AS id`,
  ).get() as { id: number };
  const id = row.id;
  stmt(db, 'DELETE FROM temp.current_change').run();
  stmt(db, 'INSERT INTO temp.current_change (id) VALUES (?)').run(id);
  try {
    return fn();
  } finally {
    stmt(db, 'DELETE FROM temp.current_change').run();
    if (stmt(db, 'SELECT 1 FROM change_rows WHERE change_id = ? LIMIT 1').get(id)) {
      stmt(
        db,
        `INSERT INTO changes (id, at, operation, undo_of, audit_to)
         VALUES (?, ?, ?, ?, coalesce((SELECT max(id) FROM audit_log), 0))`,
      ).run(id, new Date().toISOString(), operation, undoOf);
    }
  }
}
