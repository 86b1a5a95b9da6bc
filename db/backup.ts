import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { APPLICATION_ID, type Db, notAPortfolio, open, requireExisting } from './connection';
import { AppError } from './errors';
import { LATEST_VERSION } from './migrations';

/**
 * Copies the open portfolio with SQLite's online backup (never a file copy, which could catch
 * a half-written page) into a `backups` folder beside it. Returns the backup's path.
 */
export async function backupBeside(db: Db, reason: string, now = new Date()): Promise<string> {
  const file = db.name;
  const dir = join(dirname(file), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const target = join(dir, `${basename(file, extname(file))}-${stamp}-${reason}${extname(file) || '.tajammu'}`);
  await db.backup(target);
  return target;
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
  const check = checkPortfolioFile(from);
  if (!check.ok) {
    throw new AppError(
      'FILE_DAMAGED',
      {
        ar: `النسخة ${from} تالفة فلم تُستعد، ولم يتغير شيء: ${check.problems[0]}`,
        en: `The copy ${from} is damaged, so it was not restored and nothing changed: ${check.problems[0]}`,
      },
      { problems: check.problems },
    );
  }
  if (check.version > LATEST_VERSION) {
    throw new AppError('NEWER_FILE', {
      ar: `النسخة ${from} من إصدار أحدث من البرنامج، فلم تُستعد ولم يتغير شيء.`,
      en: `The copy ${from} comes from a newer version of the program; it was not restored and nothing changed.`,
    });
  }
  const current = open(file);
  let backup: string;
  try {
    backup = await backupBeside(current, 'before-restore');
  } finally {
    current.close();
  }
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    // SQLite's online backup writes the copy page by page in one transaction of the target.
    await source.backup(file);
  } finally {
    source.close();
  }
  open(file).close(); // migrates an older copy and runs the quick check
  return { backup };
}
