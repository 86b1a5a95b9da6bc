/**
 * The nation's figures, computed by the office's own queries: the packages chosen for a period
 * (each office's latest accepted version of it) are put side by side in a scratch portfolio,
 * every key and code prefixed with the office's code, under the ministry's calendar; the matrix,
 * the findings and the totals then come from the same code as any office's.
 */
import type { Db } from '../connection';
import { stmt } from '../stmt';
import type { MatrixRow, Received } from '../core/results';
import { listOffices, listReceived, receivedSnapshot } from '../repos/ministry';
import { restoreSnapshot, type Snapshot, SNAPSHOT_TABLES, withSnapshotDb } from '../snapshot';
import { getMatrix, type MatrixOptions } from './matrix';

/**
 * What the nation's figures read: each office's latest accepted package of the period (of any
 * period, the latest accepted, when none is given), of one office when asked.
 */
export function nationalSources(db: Db, o: { period?: string; office?: string } = {}): Received[] {
  const accepted = listReceived(db, { period: o.period, office: o.office }).filter((r) => r.status === 'accepted');
  const latest = new Map<string, Received>();
  for (const r of accepted) {
    const was = latest.get(r.officeCode);
    // By period and version when the period is given; by when it was received otherwise.
    if (!was || (o.period ? r.version > was.version : r.receivedAt >= was.receivedAt)) latest.set(r.officeCode, r);
  }
  const order = listOffices(db).map((x) => x.code);
  return [...latest.values()].sort((a, b) => order.indexOf(a.officeCode) - order.indexOf(b.officeCode));
}

/** A key or code of the scratch portfolio: the office's code, a colon, then the office's own. */
export const officeOf = (key: string): string => key.slice(0, key.indexOf(':'));
export const ownKey = (key: string): string => key.slice(key.indexOf(':') + 1);

/** Runs fn over the chosen packages side by side in a scratch portfolio with the ministry's settings. */
export async function withNationalDb<T>(db: Db, sources: Received[], fn: (scratch: Db) => Promise<T> | T): Promise<T> {
  const settings = Object.fromEntries(
    (stmt(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[]).map((r) => [
      r.key,
      JSON.parse(r.value) as unknown,
    ]),
  );
  const stamp = new Date().toISOString();
  // No rows, only the ministry's settings (its calendar): the scratch portfolio's start.
  const tables = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, { columns: [], rows: [] }]));
  const empty = { tables: tables as unknown as Snapshot['tables'], settings };
  return withSnapshotDb(empty, stamp, (scratch) => {
    for (const s of sources) restoreSnapshot(scratch, receivedSnapshot(db, s.id), s.receivedAt, `${s.officeCode}:`);
    return fn(scratch);
  });
}

/** The national matrix: the office's matrix over every chosen package, each row with its office. */
export async function nationalMatrix(
  db: Db,
  o: MatrixOptions & { office?: string } = {},
): Promise<(MatrixRow & { office: string })[]> {
  const sources = nationalSources(db, { period: o.period, office: o.office });
  return withNationalDb(db, sources, (scratch) => {
    const order = sources.map((s) => s.officeCode);
    const rows = getMatrix(scratch, o).map((r) => ({ ...r, office: officeOf(r.regionId) }));
    // Office by office, in the registry's order; within one, as the office's matrix orders them.
    return rows.sort((a, b) => order.indexOf(a.office) - order.indexOf(b.office));
  });
}
