import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { backupName, backupsDir, dailyBackupDue, fileStampOf, passesQuickCheck, pruneBackups } from './backup-store';
import {
  APPLICATION_ID,
  assertInPlace,
  type Db,
  notAPortfolio,
  open,
  type OpenOptions,
  peekFile,
  refuseNewer,
  requireExisting,
} from './connection';
import { AppError, type Bilingual } from './core/errors';
import { LATEST_VERSION } from './migrations';
import type { AuditSource } from './core/model';
import { getStats } from './queries/stats';
import { recordAudit } from './repos/audit';
import { getSettings } from './repos/settings';
import {
  contentDigest,
  isSameFile,
  LOCK_WAIT_MS,
  onlineBackup,
  partialName,
  removeWithJournals,
  sweepPartials,
  writeAtomically,
} from './safe-file';
import { bilingual } from './core/messages';

export interface BackupOptions {
  /**
   * Apply the rotation now (the default). A backup taken before a write is kept out of the
   * rotation until the write happened (`rotate`), and dropped if it did not (`dropBackup`), so
   * failed attempts never push good backups out.
   */
  prune?: boolean;
}

/**
 * Copies the open portfolio with SQLite's online backup (never a file copy, which could catch
 * a half-written page) into a `backups` folder beside it, then applies the rotation of the
 * portfolio's settings. Returns the backup's path.
 */
export async function backupBeside(
  db: Db,
  reason: string,
  now = new Date(),
  options: BackupOptions = {},
): Promise<string> {
  assertInPlace(db);
  const file = db.name;
  const dir = backupsDir(file);
  mkdirSync(dir, { recursive: true });
  let n = 1;
  while (existsSync(join(dir, backupName(file, now, reason, n)))) n++;
  const target = join(dir, backupName(file, now, reason, n));
  await backupTo(db, target);
  if (options.prune !== false) rotate(db, now);
  return target;
}

/**
 * Applies the rotation of the portfolio's settings to its backups folder. Best effort: the work
 * it follows is done and kept, and a folder that cannot be tidied now is tidied next time.
 */
export function rotate(db: Db, now = new Date()): void {
  try {
    const { backupKeepLast, backupKeepMonths } = getSettings(db);
    pruneBackups(db.name, { keepLast: backupKeepLast, keepMonths: backupKeepMonths }, now);
  } catch {
    // An unreadable backups folder: nothing is deleted.
  }
}

/** Removes a backup taken before a write that did not happen. */
export function dropBackup(path: string): void {
  rmSync(path, { force: true });
}

/**
 * SQLite's online backup of an open portfolio into `target`, written under a temporary name and
 * renamed into place only once complete and checked, and left as one self-contained file
 * (rollback journal, not WAL): reading it later leaves no -wal/-shm files beside it and never
 * needs to write, so it can be carried on a USB stick alone and restored from read-only media.
 */
export async function backupTo(db: Db, target: string): Promise<void> {
  await writeAtomically(target, async (temporary) => {
    const pages = await onlineBackup(db, temporary);
    const copy = new Database(temporary);
    try {
      copy.pragma('journal_mode = DELETE');
      const mark = db.pragma('application_id', { simple: true });
      if (
        copy.pragma('application_id', { simple: true }) !== mark ||
        copy.pragma('page_count', { simple: true }) !== pages
      ) {
        throw new AppError('INTERNAL', bilingual('errors.copyIncomplete', { target }));
      }
    } finally {
      copy.close();
    }
  });
}

/**
 * Where a copy of the portfolio `source` may be written: never over the portfolio itself (a copy
 * over its own source destroys both), over an existing file only when `force` says the user
 * agreed (`howToReplace` tells them how), and only over an earlier portfolio copy, never over
 * another program's file.
 */
export function checkCopyTarget(target: string, source: string, force: boolean, howToReplace: Bilingual): void {
  if (!existsSync(target)) return;
  if (isSameFile(target, source)) {
    throw new AppError('CONFLICT', bilingual('errors.copyOverOpen', { target }));
  }
  if (!force) {
    throw new AppError('FILE_EXISTS', bilingual('errors.targetExists', { target, howToReplace }));
  }
  if (!peekFile(target)?.ours) throw notAPortfolio(target);
}

/** The backup of the first open of the day, when the settings ask for it; null when not taken. */
export async function dailyBackup(db: Db, now = new Date()): Promise<string | null> {
  if (!getSettings(db).backupDaily || !dailyBackupDue(db.name, now)) return null;
  return backupBeside(db, 'daily', now);
}

/**
 * Opens an existing portfolio for work. A file from an older version is backed up before it is
 * migrated (the backup keeps the old schema, so the office can go back to the old program); a
 * file from a newer version, another program's file, or an empty file not named `.tajammu` is
 * refused before anything is written to it; a damaged file is refused and never copied into the
 * backups, where it would push good backups out.
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
      if (passesQuickCheck(old)) {
        upgradeBackup = await backupBeside(old, 'before-upgrade', new Date(), { prune: false });
      }
    } finally {
      old.close();
    }
  }
  let db: Db;
  try {
    db = open(file, options); // a damaged file is refused here
  } catch (e) {
    if (upgradeBackup) dropBackup(upgradeBackup);
    throw e;
  }
  if (upgradeBackup) rotate(db);
  return { db, upgradeBackup };
}

/** The schema version of a portfolio file, read without writing; 0 when not yet ours. */
function peekVersion(file: string, options: OpenOptions): number {
  const peek = peekFile(file, options.nativeBinding);
  if (!peek) throw notAPortfolio(file);
  if (peek.ours) {
    refuseNewer(peek.version);
    return peek.version;
  }
  // An empty file becomes a portfolio only by its name or an explicit create, never by a slip.
  if (statSync(file).size === 0 && extname(file).toLowerCase() !== '.tajammu') throw notAPortfolio(file);
  return 0; // open() tells what is wrong with another program's database
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
 * before anything is touched; an older one is brought up to date when opened. The result is
 * compared with the copy, row by row: when another program holds the portfolio and the copy
 * could not be written, the restore fails (IN_USE) instead of claiming success. The restore is
 * written in the audit log, so an undo offered before it cannot reach back past it.
 */
export async function restoreFrom(
  file: string,
  from: string,
  options: { source?: AuditSource; waitMs?: number } = {},
): Promise<{ backup: string }> {
  requireExisting(file);
  checkCopy(from);
  const current = open(file);
  let backup: string;
  let before: ReturnType<typeof getStats>;
  try {
    before = getStats(current);
    backup = await backupBeside(current, 'before-restore', new Date(), { prune: false });
  } finally {
    current.close();
  }
  await copyInto(from, file, backup, options.waitMs);
  const db = open(file); // migrates an older copy and runs the quick check
  try {
    recordAudit(db, { source: options.source ?? 'cli' }, 'portfolio', basename(file), 'update', before, {
      restoredFrom: from,
      ...getStats(db),
    });
    rotate(db);
  } finally {
    db.close();
  }
  return { backup };
}

/**
 * Puts a good backup in the place of a damaged portfolio. The damaged file is never written to:
 * it is renamed, with its journal, to `<name>-damaged-<time>` beside it, so nothing in it is
 * lost should someone want to rescue more from it later. The backup is copied and checked under
 * a temporary name first, so a failure leaves the damaged file where it was. Returns where it
 * was put.
 */
export async function recoverFrom(file: string, from: string, now = new Date()): Promise<{ damaged: string }> {
  requireExisting(file);
  checkCopy(from);
  const ext = extname(file) || '.tajammu';
  const damaged = join(dirname(file), `${basename(file, extname(file))}-damaged-${fileStampOf(now)}${ext}`);
  sweepPartials(dirname(file));
  const temporary = partialName(file);
  try {
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await onlineBackup(source, temporary);
    } finally {
      source.close();
    }
    const db = open(temporary); // migrated and checked; closing folds its WAL back in
    try {
      recordAudit(db, { source: 'ui' }, 'portfolio', basename(file), 'update', null, { recoveredFrom: from });
    } finally {
      db.close();
    }
    const moved: string[] = [];
    for (const suffix of ['-wal', '-shm', '']) {
      if (!existsSync(file + suffix)) continue;
      renameSync(file + suffix, damaged + suffix);
      moved.push(suffix);
    }
    try {
      renameSync(temporary, file);
    } catch (e) {
      // The damaged file goes back where it was: never neither file under the portfolio's name.
      for (const suffix of moved) renameSync(damaged + suffix, file + suffix);
      throw e;
    }
  } catch (e) {
    removeWithJournals(temporary);
    throw e;
  }
  return { damaged };
}

/** Refuses a copy that is damaged, not a portfolio, or from a newer version of the program. */
function checkCopy(from: string): void {
  const check = checkPortfolioFile(from);
  if (!check.ok) {
    throw new AppError('FILE_DAMAGED', bilingual('errors.restoreDamaged', { from, problem: check.problems[0] ?? '' }), {
      problems: check.problems,
    });
  }
  if (check.version > LATEST_VERSION) {
    throw new AppError('NEWER_FILE', bilingual('errors.restoreNewer', { from }));
  }
}

/**
 * Writes a copy into the portfolio file through SQLite's online backup (one transaction of the
 * target: all of it or nothing), then proves the portfolio now holds exactly the copy. `backup`
 * holds the state before: dropped when nothing was copied (the lock never came free), kept and
 * named when the copy landed but another program wrote to the file right after it.
 */
async function copyInto(from: string, file: string, backup: string, waitMs = LOCK_WAIT_MS): Promise<void> {
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    const expected = contentDigest(source);
    try {
      await onlineBackup(source, file, waitMs);
    } catch (e) {
      dropBackup(backup);
      throw e;
    }
    const result = new Database(file, { readonly: true, fileMustExist: true });
    try {
      if (contentDigest(result) === expected) return;
    } finally {
      result.close();
    }
    throw new AppError('IN_USE', bilingual('errors.restoreRaced', { file, backup }), { backup });
  } finally {
    source.close();
  }
}
