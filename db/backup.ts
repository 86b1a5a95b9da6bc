import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { backupName, backupsDir, dailyBackupDue, fileStampOf, pruneBackups } from './backup-store';
import {
  APPLICATION_ID,
  type Db,
  notAPortfolio,
  open,
  type OpenOptions,
  peekFile,
  requireExisting,
} from './connection';
import { AppError, ltr } from './errors';
import { LATEST_VERSION } from './migrations';
import { getSettings } from './repos/settings';

/**
 * Copies the open portfolio with SQLite's online backup (never a file copy, which could catch
 * a half-written page) into a `backups` folder beside it, then applies the rotation of the
 * portfolio's settings. Returns the backup's path.
 */
export async function backupBeside(db: Db, reason: string, now = new Date()): Promise<string> {
  const file = db.name;
  const dir = backupsDir(file);
  mkdirSync(dir, { recursive: true });
  let n = 1;
  while (existsSync(join(dir, backupName(file, now, reason, n)))) n++;
  const target = join(dir, backupName(file, now, reason, n));
  await backupTo(db, target);
  const { backupKeepLast, backupKeepMonths } = getSettings(db);
  pruneBackups(file, { keepLast: backupKeepLast, keepMonths: backupKeepMonths }, now);
  return target;
}

/**
 * SQLite's online backup of an open portfolio into `target`, left as one self-contained file
 * (rollback journal, not WAL): reading it later leaves no -wal/-shm files beside it, and it can
 * be carried on a USB stick alone.
 */
export async function backupTo(db: Db, target: string): Promise<void> {
  await db.backup(target);
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** The backup of the first open of the day, when the settings ask for it; null when not taken. */
export async function dailyBackup(db: Db, now = new Date()): Promise<string | null> {
  if (!getSettings(db).backupDaily || !dailyBackupDue(db.name, now)) return null;
  return backupBeside(db, 'daily', now);
}

/**
 * Opens an existing portfolio for work. A file from an older version is backed up before it is
 * migrated (the backup keeps the old schema, so the office can go back to the old program); a
 * file from a newer version is refused by `open` before anything is written.
 */
export async function openExisting(
  file: string,
  options: OpenOptions = {},
): Promise<{ db: Db; upgradeBackup?: string }> {
  requireExisting(file);
  const version = peekVersion(file, options);
  let upgradeBackup: string | undefined;
  if (version > 0 && version < LATEST_VERSION) {
    const old = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    try {
      upgradeBackup = await backupBeside(old, 'before-upgrade');
    } finally {
      old.close();
    }
  }
  return { db: open(file, options), upgradeBackup };
}

/** The schema version of a portfolio file, read without writing; 0 when not yet ours. */
function peekVersion(file: string, options: OpenOptions): number {
  const peek = peekFile(file, options.nativeBinding);
  if (!peek) throw notAPortfolio(file);
  return peek.ours ? peek.version : 0; // open() tells what is wrong with a file not ours
}

export interface FileCheck {
  ok: boolean;
  /** The schema version the file was written with. */
  version: number;
  /** What SQLite's full integrity check and the foreign-key check report; empty when sound. */
  problems: string[];
}

/**
 * The full check of a portfolio file, read-only, so it can report on a file too damaged to open
 * for work (opening runs only the quick check, and refuses a damaged file).
 */
export function checkPortfolioFile(file: string): FileCheck {
  requireExisting(file);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw notAPortfolio(file);
  }
  try {
    let appId: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
    } catch {
      throw notAPortfolio(file);
    }
    if (appId !== APPLICATION_ID) throw notAPortfolio(file);
    const version = db.pragma('user_version', { simple: true }) as number;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const problems = integrity.filter((p) => p !== 'ok');
    if (problems.length === 0) {
      for (const f of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
        problems.push(`foreign key: ${f.table} row ${f.rowid} → missing ${f.parent}`);
      }
    }
    return { ok: problems.length === 0, version, problems };
  } catch (e) {
    if (e instanceof AppError) throw e;
    return { ok: false, version: 0, problems: [e instanceof Error ? e.message : String(e)] };
  } finally {
    db.close();
  }
}

/**
 * Replaces a portfolio with a copy of another portfolio file (a backup), after a backup of the
 * current state. The copy is checked in full first, so a damaged or foreign file is refused
 * before anything is touched; an older one is brought up to date when opened.
 */
export async function restoreFrom(file: string, from: string): Promise<{ backup: string }> {
  requireExisting(file);
  checkCopy(from);
  const current = open(file);
  let backup: string;
  try {
    backup = await backupBeside(current, 'before-restore');
  } finally {
    current.close();
  }
  await copyInto(from, file);
  return { backup };
}

/**
 * Puts a good backup in the place of a damaged portfolio. The damaged file is never written to:
 * it is renamed, with its journal, to `<name>-damaged-<time>` beside it, so nothing in it is
 * lost should someone want to rescue more from it later. Returns where it was put.
 */
export async function recoverFrom(file: string, from: string, now = new Date()): Promise<{ damaged: string }> {
  requireExisting(file);
  checkCopy(from);
  const ext = extname(file) || '.tajammu';
  const damaged = join(dirname(file), `${basename(file, extname(file))}-damaged-${fileStampOf(now)}${ext}`);
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, damaged + suffix);
  }
  await copyInto(from, file);
  return { damaged };
}

/** Refuses a copy that is damaged, not a portfolio, or from a newer version of the program. */
function checkCopy(from: string): void {
  const check = checkPortfolioFile(from);
  if (!check.ok) {
    throw new AppError(
      'FILE_DAMAGED',
      {
        ar: `النسخة ${ltr(from)} تالفة فلم تُستعد، ولم يتغير شيء: ${check.problems[0]}`,
        en: `The copy ${from} is damaged, so it was not restored and nothing changed: ${check.problems[0]}`,
      },
      { problems: check.problems },
    );
  }
  if (check.version > LATEST_VERSION) {
    throw new AppError('NEWER_FILE', {
      ar: `النسخة ${ltr(from)} من إصدار أحدث من البرنامج، فلم تُستعد ولم يتغير شيء.`,
      en: `The copy ${from} comes from a newer version of the program; it was not restored and nothing changed.`,
    });
  }
}

async function copyInto(from: string, file: string): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    // SQLite's online backup writes the copy page by page in one transaction of the target.
    await source.backup(file);
  } finally {
    source.close();
  }
  open(file).close(); // migrates an older copy and runs the quick check
}
