/**
 * Undo of the last change made from the screens: its journaled rows (changes.ts) are put back
 * in reverse order, in one transaction, as a change of its own whose audit entries show each
 * record before and after. A change followed by writes from elsewhere (an import, the command
 * line) is refused: putting it back could undo their work too.
 */
import { columnsOf, inChange, type JournaledTable } from '../changes';
import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { stmt } from '../stmt';
import { recordAudit, type WriteContext } from './audit';
import { clustersTable } from './clusters';
import { findIndicator } from './indicators';
import { initiativesTable } from './initiatives';
import { regionsTable } from './regions';
import { sectorsTable } from './sectors';
import { getSettings } from './settings';
import type { ChangeSummary } from '../core/results';
import { bilingual } from '../core/messages';

/** How the audit names a journaled table's records, and how to read one as the screens see it. */
const ENTITIES: Partial<Record<JournaledTable, { entity: string; find(db: Db, id: string): unknown }>> = {
  regions: { entity: 'region', find: (db, id) => regionsTable.find(db, id) },
  sectors: { entity: 'sector', find: (db, id) => sectorsTable.find(db, id) },
  clusters: { entity: 'cluster', find: (db, id) => clustersTable.find(db, id) },
  initiatives: { entity: 'initiative', find: (db, id) => initiativesTable.find(db, id) },
  indicators: { entity: 'indicator', find: findIndicator },
  // The settings are one record in the audit, as settings.update writes them.
  settings: { entity: 'settings', find: (db) => getSettings(db) },
};

interface ChangeRow {
  tbl: JournaledTable;
  op: 'insert' | 'update' | 'delete';
  pk: string;
  old: string | null;
}

/** The change an undo would take back now, or null when there is none. */
export function lastChange(db: Db): ChangeSummary | null {
  const change = stmt(
    db,
    `SELECT id, at, operation FROM changes WHERE undo_of IS NULL AND undone_at IS NULL ORDER BY id DESC LIMIT 1`,
  ).get() as { id: number; at: string; operation: string } | undefined;
  if (!change) return null;
  const records = stmt(
    db,
    `SELECT entity, entity_id AS entityId, action FROM audit_log WHERE change_id = ? ORDER BY id LIMIT 20`,
  ).all(change.id) as ChangeSummary['records'];
  return { ...change, records };
}

export function undoLast(db: Db, ctx: WriteContext): ChangeSummary {
  const change = lastChange(db);
  if (!change) {
    throw new AppError('NOT_FOUND', bilingual('errors.nothingToUndo'));
  }
  // Planning drafts are kept apart from the portfolio's records: adding or dropping one since
  // cannot be undone along with the change, nor does it stand in its way.
  const later = stmt(
    db,
    `SELECT count(*) AS n FROM audit_log
     WHERE change_id IS NULL AND entity <> 'plan_draft' AND id > (SELECT audit_to FROM changes WHERE id = ?)`,
  ).get(change.id) as { n: number };
  if (later.n > 0) {
    throw new AppError('CONFLICT', bilingual('errors.undoBlocked'), { changeId: change.id });
  }
  const rows = stmt(db, 'SELECT tbl, op, pk, old FROM change_rows WHERE change_id = ? ORDER BY seq DESC').all(
    change.id,
  ) as ChangeRow[];
  // The records as the audit shows them, before and after the undo (indicator values count
  // as their indicator's).
  const touched = new Map<string, { table: JournaledTable; id: string }>();
  for (const r of rows) {
    const key = JSON.parse(r.pk) as Record<string, string>;
    const table: JournaledTable = r.tbl === 'indicator_values' ? 'indicators' : r.tbl;
    const id = r.tbl === 'indicator_values' ? key.indicator_id : r.tbl === 'settings' ? 'settings' : key.id;
    if (id && ENTITIES[table]) touched.set(`${table}:${id}`, { table, id });
  }
  inChange(
    db,
    'undo',
    () =>
      db.transaction(() => {
        // A parent and its cascaded children come back in one go: checked at commit instead.
        db.pragma('defer_foreign_keys = ON');
        const before = [...touched.values()].map((t) => ENTITIES[t.table]!.find(db, t.id) ?? null);
        for (const r of rows) putBack(db, r);
        [...touched.values()].forEach((t, n) => {
          const after = ENTITIES[t.table]!.find(db, t.id) ?? null;
          const was = before[n];
          const action = was === null ? 'create' : after === null ? 'delete' : 'update';
          recordAudit(db, ctx, ENTITIES[t.table]!.entity, t.id, action, was, after);
        });
        stmt(db, 'UPDATE changes SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), change.id);
      })(),
    change.id,
  );
  return change;
}

/** One journaled row as it was: a gained row goes, an altered or lost one comes back. */
function putBack(db: Db, r: ChangeRow): void {
  const { all, pk } = columnsOf(db, r.tbl);
  const key = JSON.parse(r.pk) as Record<string, unknown>;
  const where = pk.map((c) => `${c} = ?`).join(' AND ');
  const keyValues = pk.map((c) => key[c]);
  if (r.op === 'insert') {
    stmt(db, `DELETE FROM ${r.tbl} WHERE ${where}`).run(...keyValues);
    return;
  }
  const old = JSON.parse(r.old!) as Record<string, unknown>;
  const values = all.map((c) => old[c] ?? null);
  if (r.op === 'update') {
    stmt(db, `UPDATE ${r.tbl} SET ${all.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`).run(
      ...values,
      ...keyValues,
    );
  } else {
    stmt(db, `INSERT INTO ${r.tbl} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`).run(...values);
  }
}
