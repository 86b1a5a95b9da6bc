/**
 * The backups folder beside a portfolio: what it holds, the daily backup on open, and the
 * rotation that keeps it from filling an old office PC's disk. The backups themselves are
 * written by `backupBeside` (db/backup.ts), always through SQLite's online backup.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { APPLICATION_ID } from './connection';
import { getStats } from './queries/stats';
import type { BackupInfo, PortfolioStats } from './core/results';

export interface Rotation {
  /** The newest backups always kept. */
  keepLast: number;
  /** Also the newest backup of each of this many calendar months, this one included. */
  keepMonths: number;
}

export const backupsDir = (file: string): string => join(dirname(file), 'backups');

/** `20261127-093000` (UTC): sorts as it reads, and is safe in a file name on every system. */
export const fileStampOf = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** `office-20261127-093000-daily.tajammu` (or `…-daily-2.tajammu` when taken in the same second). */
export function backupName(file: string, at: Date, reason: string, n = 1): string {
  const ext = extname(file) || '.tajammu';
  return `${basename(file, extname(file))}-${fileStampOf(at)}-${reason}${n > 1 ? `-${n}` : ''}${ext}`;
}

const NAME = /^(.+)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.[^.]+$/;

/** A backup as its name and the folder tell it, before the file is opened. */
export type BackupEntry = Omit<BackupInfo, 'counts' | 'version'>;

/** The backups of this portfolio by their names alone (no file opened), newest first. */
export function scanBackups(file: string): BackupEntry[] {
  const dir = backupsDir(file);
  if (!existsSync(dir)) return [];
  const base = basename(file, extname(file));
  const found: (BackupEntry & { n: number; mtime: number })[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m || m[1] !== base || extname(name) !== (extname(file) || '.tajammu')) continue;
    const [, , y, mo, d, h, mi, s, reason, n] = m;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const takenAt = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
    found.push({ path, name, takenAt, reason: reason!, size: stat.size, n: Number(n ?? 1), mtime: stat.mtimeMs });
  }
  // Names tell the second; two backups in one second are told apart by when they were written.
  found.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.mtime - a.mtime || b.n - a.n);
  return found.map(({ n: _n, mtime: _m, ...entry }) => entry);
}

/** The backups with what each holds, newest first: what Settings → Backups lists. */
export function listBackups(file: string): BackupInfo[] {
  return scanBackups(file).map(describeBackup);
}

/** A backup found by `scanBackups`, with what it holds (read-only; null counts when unreadable). */
export function describeBackup(entry: BackupEntry): BackupInfo {
  return { ...entry, ...peek(entry.path) };
}

function peek(path: string): Pick<BackupInfo, 'counts' | 'version'> {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { counts: null, version: null };
    const { regions, clusters, initiatives } = getStats(db);
    return {
      counts: { regions, clusters, initiatives },
      version: db.pragma('user_version', { simple: true }) as number,
    };
  } catch {
    return { counts: null, version: null };
  } finally {
    db?.close();
  }
}

/** What a copy holds, read-only: reading a copy never changes it (nor puts it back in WAL mode). */
export function statsOfFile(file: string, nativeBinding?: string): PortfolioStats {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return getStats(db);
  } finally {
    db.close();
  }
}

/**
 * SQLite's quick check on an open file: false when it finds damage, or damage stops it from
 * finishing; any other failure (a lock, a failing drive) is thrown, not taken for damage.
 */
export function passesQuickCheck(db: Database.Database): boolean {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return false;
    throw e;
  }
}

/** Whether a backup opens as a portfolio and passes the quick check (read-only); unreadable is not sound. */
export function isSound(path: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    return db.pragma('application_id', { simple: true }) === APPLICATION_ID && passesQuickCheck(db);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/**
 * Deletes the backups the rotation does not keep: the newest `keepLast`, and the newest of each
 * of the last `keepMonths` calendar months. Returns the deleted paths.
 */
export function pruneBackups(file: string, rotation: Rotation, now = new Date()): string[] {
  const all = scanBackups(file);
  const keep = new Set(all.slice(0, rotation.keepLast).map((b) => b.path));
  const months = new Set<string>();
  for (let i = 0; i < rotation.keepMonths; i++) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.add(d.toISOString().slice(0, 7));
  }
  const monthSeen = new Set<string>();
  for (const b of all) {
    const month = b.takenAt.slice(0, 7);
    if (months.has(month) && !monthSeen.has(month)) {
      monthSeen.add(month);
      keep.add(b.path);
    }
  }
  // The rotation never takes the last good copy: when the newest backups are damaged (a failing
  // disk), the newest sound one stays, however old.
  if (all.some((b) => !keep.has(b.path))) {
    const sound = all.find((b) => isSound(b.path));
    if (sound) keep.add(sound.path);
  }
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.path)) continue;
    try {
      unlinkSync(b.path);
      removed.push(b.path);
    } catch {
      // A backup another program holds open is left for the next rotation.
    }
  }
  return removed;
}

/** Whether the daily backup is still to be taken today (UTC day, as the names are). */
export function dailyBackupDue(file: string, now = new Date()): boolean {
  const today = now.toISOString().slice(0, 10);
  return !scanBackups(file).some((b) => b.reason === 'daily' && b.takenAt.startsWith(today));
}
