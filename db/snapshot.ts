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
import { type Db, open } from './connection';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stmt } from './stmt';

/** The tables a submission carries (the portfolio's own, less its settings), in the order the hash reads them. */
export type SnapshotTable = Exclude<JournaledTable, 'settings'>;
export const SNAPSHOT_TABLES = JOURNALED.filter((t): t is SnapshotTable => t !== 'settings');
export type SnapshotValue = string | number | null;

export interface Snapshot {
  tables: Record<SnapshotTable, { columns: string[]; rows: SnapshotValue[][] }>;
  /** The settings the report was written with (office, currency, calendar, cover); outside the hash. */
  settings?: Record<string, unknown>;
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
  const settings = Object.fromEntries(
    (
      stmt(db, "SELECT key, value FROM settings WHERE key <> 'reportLogo'").all() as { key: string; value: string }[]
    ).map((r) => [r.key, JSON.parse(r.value) as unknown]),
  );
  return { tables, settings };
}

/**
 * A frozen snapshot put back into an empty portfolio (a new file, migrated): its rows as they
 * were and its settings, so that its report can be written again exactly as it was sent.
 *
 * With a `prefix` (an office's code and a colon), every key and code is prefixed and the settings
 * are left alone: several offices' snapshots then sit side by side in one portfolio, the same
 * initiative code from two offices being two initiatives.
 */
export function restoreSnapshot(db: Db, s: Snapshot, stamp: string, prefix = ''): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const table of SNAPSHOT_TABLES) {
        const { columns, rows } = s.tables[table];
        if (rows.length === 0) continue;
        const info = db.pragma(`table_info(${table})`) as { name: string; type: string; notnull: number }[];
        const known = new Set(info.map((c) => c.name));
        // The canonical form reads empty text as empty; a column that holds no null gets "" back.
        const text = new Set(info.filter((c) => c.notnull && c.type === 'TEXT').map((c) => c.name));
        const keep = columns.map((c, i) => [c, i] as const).filter(([c]) => known.has(c));
        // The timestamps the snapshot leaves out: the moment it was taken.
        const times = [...LEFT_OUT].filter((c) => known.has(c));
        const names = [...keep.map(([c]) => c), ...times];
        const insert = db.prepare(
          `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
        );
        const keyed = new Set(
          prefix ? keep.filter(([c]) => c === 'id' || c === 'code' || c.endsWith('_id')).map(([, i]) => i) : [],
        );
        for (const row of rows) {
          insert.run(
            ...keep.map(([c, i]) => {
              const v = row[i] ?? (text.has(c) ? '' : null);
              return keyed.has(i) && v !== null ? `${prefix}${v}` : v;
            }),
            ...times.map(() => stamp),
          );
        }
      }
      const upsert = db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      );
      if (!prefix) for (const [key, value] of Object.entries(s.settings ?? {})) upsert.run(key, JSON.stringify(value));
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** One cell's value in the canonical form the hash reads. */
export function canonical(v: unknown): SnapshotValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toFixed(9));
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return text(String(v));
}

/**
 * Text as a workbook carries it: line ends as LF (XML reads CR and CRLF so), without the
 * control characters XML cannot hold (exceljs drops them), and with Excel's `_xHHHH_` escapes
 * read as the characters they stand for (exceljs decodes them on reading). Both sides of the hash
 * read text so, so a package only re-read keeps it.
 */
function text(s: string): string | null {
  const t = s
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex -- these are the characters meant
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .normalize('NFC');
  return t === '' ? null : t;
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

/** Leading columns that are a row's key: an indicator's value is keyed by its indicator and period. */
const KEY_COLUMNS: Partial<Record<SnapshotTable, number>> = { indicator_values: 2 };
/** A table's header row, listed among its rows' hashes so a renamed column is found too. */
const HEADER_KEY = '#columns';

export type RowHash = [table: SnapshotTable, key: string, hash: string];

export interface RowDifference {
  table: SnapshotTable;
  key: string;
  /** The row's code as the file has it now (an initiative's, a region's), null when it has none or is gone. */
  code: string | null;
  kind: 'changed' | 'added' | 'removed';
}

const keyOf = (table: SnapshotTable, row: SnapshotValue[]) =>
  row
    .slice(0, KEY_COLUMNS[table] ?? 1)
    .map(canonical)
    .join('/');

/**
 * The snapshot with every row's id made from what the row says (its code; an indicator from its
 * initiative and name), references following. An import gives new rows random ids, so the same
 * workbook imported twice would look like other rows: with ids so made, it gives the same rows,
 * the same hash, and a second version compares row by row with the first.
 */
export function withStableIds(s: Snapshot): Snapshot {
  const ids = new Map<string, string>();
  const col = (table: SnapshotTable, name: string) => s.tables[table].columns.indexOf(name);
  const name = (v: SnapshotValue | undefined) =>
    v === null || v === undefined ? null : (ids.get(String(v)) ?? String(v));
  for (const table of SNAPSHOT_TABLES) {
    const { rows } = s.tables[table];
    const [id, code] = [col(table, 'id'), col(table, 'code')];
    if (id < 0) continue;
    const [owner, label] = [col(table, 'initiative_id'), col(table, 'name')];
    // A row's id from its code, or (an indicator) from its initiative and name as JSON, which no
    // name can imitate; rows that would share one are told apart by what else they hold.
    const made = new Map<string, SnapshotValue[][]>();
    for (const row of rows) {
      const base =
        code >= 0 && row[code] !== null
          ? String(row[code])
          : owner >= 0 && label >= 0
            ? JSON.stringify([name(row[owner]), row[label]])
            : null;
      if (base === null) continue;
      made.set(base, [...(made.get(base) ?? []), row]);
    }
    for (const [base, same] of made) {
      const { columns } = s.tables[table];
      const content = (row: SnapshotValue[]) =>
        JSON.stringify(row.map((v, i) => (i === id ? null : columns[i]!.endsWith('_id') ? name(v) : v)));
      same.sort((x, y) => (content(x) < content(y) ? -1 : content(x) > content(y) ? 1 : 0));
      same.forEach((row, n) => ids.set(String(row[id]), n === 0 ? base : JSON.stringify([base, n + 1])));
    }
  }
  const tables = {} as Snapshot['tables'];
  for (const table of SNAPSHOT_TABLES) {
    const { columns, rows } = s.tables[table];
    const keyed = columns.flatMap((c, i) => (c === 'id' || c.endsWith('_id') ? [i] : []));
    const out = rows.map((row) => row.map((v, i) => (keyed.includes(i) ? name(v) : v)));
    tables[table] = { columns, rows: out.sort(byKey(table)) };
  }
  return { ...s, tables };
}

/** Rows in their key's order, column by column, as SQLite orders a primary key (text by its bytes). */
function byKey(table: SnapshotTable): (a: SnapshotValue[], b: SnapshotValue[]) => number {
  const n = KEY_COLUMNS[table] ?? 1;
  const one = (x: SnapshotValue | undefined, y: SnapshotValue | undefined): number => {
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return Buffer.compare(Buffer.from(String(x ?? '')), Buffer.from(String(y ?? '')));
  };
  return (a, b) => {
    for (let i = 0; i < n; i++) {
      const c = one(a[i], b[i]);
      if (c !== 0) return c;
    }
    return 0;
  };
}

const shortHash = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16);

/**
 * A short hash of every row under its key. A package carries them beside its one SHA-256 so
 * that, when the rows no longer match it, the ministry can name the rows edited, not just say
 * that something was.
 */
export function rowHashes(s: Snapshot): RowHash[] {
  const out: RowHash[] = [];
  for (const table of SNAPSHOT_TABLES) {
    const { columns, rows } = s.tables[table];
    out.push([table, HEADER_KEY, shortHash(columns)]);
    for (const row of rows) out.push([table, keyOf(table, row), shortHash(row.map(canonical))]);
  }
  return out;
}

/** The rows of s that differ from the hashes listed when it was written: changed, added or removed. */
export function differingRows(s: Snapshot, listed: RowHash[]): RowDifference[] {
  const hashes = rowHashes(s);
  const now = new Map(hashes.map(([t, k, h]) => [`${t}\t${k}`, h]));
  const was = new Map(listed.map(([t, k, h]) => [`${t}\t${k}`, h]));
  const codes = new Map<string, string | null>();
  for (const table of SNAPSHOT_TABLES) {
    const { columns, rows } = s.tables[table];
    const at = columns.indexOf('code');
    for (const row of rows) {
      const code = at < 0 ? null : row[at];
      codes.set(`${table}\t${keyOf(table, row)}`, code === null || code === undefined ? null : String(code));
    }
  }
  const out: RowDifference[] = [];
  const add = (id: string, kind: RowDifference['kind']) => {
    const [table, key] = id.split('\t') as [SnapshotTable, string];
    out.push({ table, key, code: codes.get(id) ?? null, kind });
  };
  for (const [id, h] of now) {
    const before = was.get(id);
    if (before === undefined) add(id, 'added');
    else if (before !== h) add(id, 'changed');
  }
  for (const id of was.keys()) if (!now.has(id)) add(id, 'removed');
  // A row copied under the same key: one more than was sent.
  const seen = new Set<string>();
  for (const [t, k] of hashes) {
    const id = `${t}\t${k}`;
    if (seen.has(id)) add(id, 'added');
    seen.add(id);
  }
  return out;
}

export const packSnapshot = (s: Snapshot): Buffer => gzipSync(JSON.stringify(s));
export const unpackSnapshot = (b: Buffer): Snapshot => JSON.parse(gunzipSync(b).toString('utf8')) as Snapshot;

/** A snapshot with no rows (and the settings given): a scratch portfolio's start. */
export function emptySnapshot(settings?: Record<string, unknown>): Snapshot {
  const tables = Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, { columns: [], rows: [] }]));
  return { tables: tables as unknown as Snapshot['tables'], ...(settings ? { settings } : {}) };
}

/** A scratch portfolio (a new file in a folder of its own) holding a snapshot, and how to remove it. */
export function openSnapshotDb(s: Snapshot, stamp: string): { db: Db; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tajammu-snapshot-'));
  const db = open(join(dir, 'snapshot.tajammu'));
  const dispose = () => {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    restoreSnapshot(db, s, stamp);
  } catch (e) {
    dispose();
    throw e;
  }
  return { db, dispose };
}

/**
 * Runs fn over a snapshot put back into a scratch portfolio (a temporary file, removed after):
 * its figures then come from the same queries as the live portfolio's.
 */
export async function withSnapshotDb<T>(s: Snapshot, stamp: string, fn: (db: Db) => Promise<T> | T): Promise<T> {
  const scratch = openSnapshotDb(s, stamp);
  try {
    return await fn(scratch.db);
  } finally {
    scratch.dispose();
  }
}
