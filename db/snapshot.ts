/**
 * A portfolio frozen as it was when a period was submitted: its regions, sectors, clusters,
 * initiatives, indicators and their values, row by row, and a SHA-256 over a canonical form of
 * those rows. The canonical form is made of values, not bytes, so a package re-saved unchanged
 * by LibreOffice or openpyxl keeps its hash while any edited data cell changes it: numbers that
 * are not whole are fixed to 9 decimals (a re-save changes a float's 17th digit), empty text is
 * empty (a re-save turns "" into an empty cell), text is in Unicode's composed form.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { JOURNALED, type JournaledTable } from './changes';
import type { Db } from './connection';
import { stmt } from './stmt';

/** The tables a submission carries (the portfolio's own, less its settings), in the order the hash reads them. */
export type SnapshotTable = Exclude<JournaledTable, 'settings'>;
export const SNAPSHOT_TABLES = JOURNALED.filter((t): t is SnapshotTable => t !== 'settings');
export type SnapshotValue = string | number | null;

export interface Snapshot {
  tables: Record<SnapshotTable, { columns: string[]; rows: SnapshotValue[][] }>;
}

/** Timestamps say when a row was written, not what it says: left out. */
const LEFT_OUT = new Set(['created_at', 'updated_at']);

export function takeSnapshot(db: Db): Snapshot {
  const tables = {} as Snapshot['tables'];
  for (const table of SNAPSHOT_TABLES) {
    const info = db.pragma(`table_info(${table})`) as { name: string; pk: number }[];
    const columns = info.map((c) => c.name).filter((c) => !LEFT_OUT.has(c));
    const order = info.some((c) => c.pk > 0)
      ? info
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name)
      : ['rowid'];
    const rows = stmt(db, `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${order.join(', ')}`)
      .raw(true)
      .all() as SnapshotValue[][];
    tables[table] = { columns, rows: rows.map((r) => r.map(canonical)) };
  }
  return { tables };
}

/** One cell's value in the canonical form the hash reads. */
export function canonical(v: unknown): SnapshotValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toFixed(9));
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize('NFC');
}

/** SHA-256 over every table's name, columns and rows, one canonical JSON line each. */
export function snapshotHash(s: Snapshot): string {
  const hash = createHash('sha256');
  for (const table of SNAPSHOT_TABLES) {
    const t = s.tables[table];
    hash.update(`${table}\t${JSON.stringify(t.columns)}\n`);
    for (const row of t.rows) hash.update(`${JSON.stringify(row.map(canonical))}\n`);
  }
  return hash.digest('hex');
}

export const packSnapshot = (s: Snapshot): Buffer => gzipSync(JSON.stringify(s));
export const unpackSnapshot = (b: Buffer): Snapshot => JSON.parse(gunzipSync(b).toString('utf8')) as Snapshot;
