/**
 * The scratch portfolio the nation's figures are read from: each office's chosen package of a
 * period side by side, every key and code prefixed with the office's code, under the ministry's
 * settings. One per ministry file and period, kept on disk in the cache folder between runs and
 * brought up to date office by office: building it reads every row (seconds for 30 offices ×
 * 5,000 initiatives), while a decision on one office's package rewrites that office's rows only.
 *
 * It is a cache: it holds nothing the ministry's file does not, it is rebuilt when unreadable or
 * made under other settings, and every update is one transaction, so a crash leaves it as it was.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { refreshClusterSums } from './cluster-sums';
import { type Db, open } from './connection';
import { LATEST_VERSION } from './migrations';
import { prefixRange } from './core/model';
import type { Received } from './core/results';
import { receivedSnapshot } from './repos/ministry';
import { restoreSnapshot, SNAPSHOT_TABLES } from './snapshot';
import { stmt } from './stmt';

/**
 * Where the caches live: TAJAMMU_CACHE_DIR when set (the desktop app sets one in its user data),
 * else a folder of this user's own in the system's temp folder, which other users cannot enter.
 */
const cacheDir = () =>
  process.env.TAJAMMU_CACHE_DIR ?? join(tmpdir(), `tajammu-national-${process.getuid?.() ?? userInfo().username}`);
/** A cache not used for this long is removed when another is opened; past this many, the least used go. */
const STALE_MS = 14 * 24 * 3600 * 1000;
const KEEP_AT_MOST = 24;
/** The first build of a large nation holds the write lock for seconds: another process waits for it. */
const BUSY_MS = 120_000;

/** Open caches, most recently used last; the older are closed past this many (each may hold 64 MiB of pages). */
const handles = new Map<string, Db>();
const OPEN_AT_MOST = 3;

/** What a package loaded stands for: when any of it changes, the office's rows are loaded again. */
const identity = (s: Received) => JSON.stringify([s.id, s.status, s.sha256, s.receivedAt]);

/** The nation's scratch portfolio of these sources, up to date; `period` names the cache (none: the latest). */
export function nationalDb(db: Db, sources: Received[], period?: string): Db {
  const settingRows = stmt(db, "SELECT key, value FROM settings WHERE key <> 'reportLogo' ORDER BY key").all() as {
    key: string;
    value: string;
  }[];
  // Built under these settings by this schema: a program that migrates the file builds it again.
  const made = JSON.stringify([LATEST_VERSION, settingRows]);
  const name = createHash('sha256')
    .update(JSON.stringify([resolve(db.name), period ?? null]))
    .digest('hex')
    .slice(0, 24);
  const file = join(cacheDir(), `${name}.tajammu`);
  let scratch = handles.get(file);
  if (!scratch?.open) scratch = openCache(file);
  // A new cache has no mark yet; one made under other settings or another schema is emptied.
  if (madeWith(scratch) !== made) emptyCache(scratch, made);
  handles.delete(file);
  handles.set(file, scratch);
  while (handles.size > OPEN_AT_MOST) {
    const [oldest, h] = handles.entries().next().value as [string, Db];
    if (h.open) h.close();
    handles.delete(oldest);
  }
  sync(scratch, db, sources, settingRows);
  return scratch;
}

function openCache(file: string): Db {
  mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
  prune(file);
  let scratch: Db;
  try {
    scratch = open(file);
  } catch {
    // Unreadable (a crash of the disk, a newer program's file): it is only a cache.
    remove(file);
    scratch = open(file);
  }
  scratch.pragma(`busy_timeout = ${BUSY_MS}`);
  // Used now: the pruning of caches goes by when a cache was last opened.
  const now = new Date();
  utimesSync(file, now, now);
  scratch.exec(`CREATE TABLE IF NOT EXISTS national_loaded (office TEXT PRIMARY KEY, identity TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS national_made (made TEXT NOT NULL)`);
  return scratch;
}

/**
 * Empties a cache and marks it made under these settings (a new one, or one made under others),
 * in one transaction that another process opening it at the same moment waits for. Rows that
 * were valid where they came from: the matrix's summary is summed per office once its rows are
 * in, not row by row by the triggers, which go.
 */
function emptyCache(scratch: Db, made: string): void {
  scratch
    .transaction(() => {
      if (madeWith(scratch) === made) return;
      const triggers = scratch
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'initiatives'")
        .pluck()
        .all() as string[];
      for (const t of triggers) scratch.exec(`DROP TRIGGER "${t}"`);
      for (const table of [...SNAPSHOT_TABLES].reverse()) scratch.exec(`DELETE FROM ${table}`);
      scratch.exec('DELETE FROM cluster_sums; DELETE FROM national_loaded; DELETE FROM national_made');
      scratch.prepare('INSERT INTO national_made (made) VALUES (?)').run(made);
    })
    .immediate();
}

const madeWith = (scratch: Db) =>
  (scratch.prepare('SELECT made FROM national_made').pluck().get() as string | undefined) ?? null;

/** Loads the offices whose package changed, removes those no longer chosen; one transaction. */
function sync(scratch: Db, db: Db, sources: Received[], settingRows: { key: string; value: string }[]): void {
  const want = new Map(sources.map((s) => [s.officeCode, s]));
  const pending = () => {
    const have = new Map(
      (
        scratch.prepare('SELECT office, identity FROM national_loaded').all() as { office: string; identity: string }[]
      ).map((r) => [r.office, r.identity]),
    );
    const stale = [...have.keys()].filter((o) => !want.has(o) || identity(want.get(o)!) !== have.get(o));
    const fresh = sources.filter((s) => have.get(s.officeCode) !== identity(s));
    return { stale, fresh };
  };
  const now = pending();
  if (!now.stale.length && !now.fresh.length) return;
  // Restoring writes keys that point at rows not yet written: checked by the office's own program.
  scratch.pragma('foreign_keys = OFF');
  try {
    scratch
      .transaction(() => {
        // Read again under the write lock: another process may have brought it up to date meanwhile.
        const { stale, fresh } = pending();
        for (const office of new Set([...stale, ...fresh.map((s) => s.officeCode)])) removeOffice(scratch, office);
        for (const s of fresh) {
          restoreSnapshot(scratch, receivedSnapshot(db, s.id), s.receivedAt, `${s.officeCode}:`);
          refreshClusterSums(scratch, `${s.officeCode}:`);
          scratch
            .prepare('INSERT INTO national_loaded (office, identity) VALUES (?, ?)')
            .run(s.officeCode, identity(s));
        }
        // The ministry's settings (its calendar, currency) are the nation's.
        const upsert = scratch.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        );
        for (const r of settingRows) upsert.run(r.key, r.value);
      })
      .immediate();
  } finally {
    scratch.pragma('foreign_keys = ON');
  }
}

/** Every row of one office, and what the cache says it loaded for it. */
function removeOffice(scratch: Db, office: string): void {
  const range = prefixRange(`${office}:`);
  for (const table of [...SNAPSHOT_TABLES].reverse()) {
    const key = table === 'indicator_values' ? 'indicator_id' : 'id';
    scratch.prepare(`DELETE FROM ${table} WHERE ${key} >= @from AND ${key} < @to`).run(range);
  }
  refreshClusterSums(scratch, `${office}:`);
  scratch.prepare('DELETE FROM national_loaded WHERE office = ?').run(office);
}

function remove(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

/** Caches of ministry files not opened for a while (moved, deleted, or of an old period), and past the most kept. */
function prune(keep: string): void {
  const now = Date.now();
  const caches: { path: string; used: number }[] = [];
  for (const f of readdirSync(cacheDir())) {
    const path = join(cacheDir(), f);
    if (path === keep || !f.endsWith('.tajammu')) continue;
    try {
      caches.push({ path, used: statSync(path).mtimeMs });
    } catch {
      // Gone meanwhile.
    }
  }
  caches.sort((a, b) => b.used - a.used);
  for (const [k, c] of caches.entries()) {
    if (k < KEEP_AT_MOST - 1 && now - c.used <= STALE_MS) continue;
    try {
      if (![...handles.keys()].includes(c.path)) remove(c.path);
    } catch {
      // Another process holds it (Windows): left for the next time.
    }
  }
}

/**
 * The nation's portfolio for a long read (a report written over several seconds): a connection of
 * its own, in a read transaction, so that neither a decision taken meanwhile (which rewrites an
 * office's rows) nor another period's view (which may close the shared connection) changes what
 * it reads. `release` ends it.
 */
export function nationalReader(db: Db, sources: Received[], period?: string): { db: Db; release(): void } {
  const shared = nationalDb(db, sources, period);
  const reader = open(shared.name);
  try {
    reader.exec('BEGIN');
    // The read transaction takes its snapshot of the file at its first read.
    reader.prepare('SELECT count(*) FROM national_loaded').get();
  } catch (e) {
    reader.close();
    throw e;
  }
  return {
    db: reader,
    release: () => {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    },
  };
}

/** Closes the open caches (they stay on disk for the next run). */
export function closeNationalDbs(): void {
  for (const h of handles.values()) if (h.open) h.close();
  handles.clear();
}
process.once('exit', closeNationalDbs);
