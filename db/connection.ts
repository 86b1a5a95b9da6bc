import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from './core/errors';
import { installJournal } from './changes';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { readHead } from './safe-file';
import { bilingual } from './core/messages';

export type { Db };

/** 'Tjmu': marks a SQLite file as a Tajammu portfolio so another program's database is refused. */
export const APPLICATION_ID = 0x546a6d75;

export interface OpenOptions {
  /** Path to a better-sqlite3 native build for another runtime (Electron's ABI). */
  nativeBinding?: string;
  /** Migrate up to this version only; tests use it to build files of earlier schema versions. */
  toVersion?: number;
}

/**
 * Opens (creating if needed) a portfolio file: WAL, foreign keys, a busy timeout, a quick
 * integrity check, then every pending migration in one transaction.
 */
export function open(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { timeout: 5000, nativeBinding: options.nativeBinding });
  } catch (e) {
    throw cannotOpen(file, e);
  }
  try {
    checkIdentity(db, file);
    // Refused before anything is set: even switching the journal mode writes to the file.
    refuseNewer(schemaVersion(db));
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(file, { check });
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Up to 64 MiB of pages in memory (the default is 2 MiB): the health rules look initiatives
    // up by index across a 100,000-row portfolio, and re-reading pages tripled their time.
    db.pragma('cache_size = -65536');
    migrate(db, options.toVersion);
    installJournal(db);
    remember(db, file);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    throw cannotOpen(file, e);
  }
}

function cannotOpen(file: string, cause: unknown): AppError {
  const code = (cause as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return notAPortfolio(file);
  // Damage the quick check could not even finish reading: the same refusal as a failed check.
  if (code?.startsWith('SQLITE_CORRUPT')) return damaged(file, { cause: (cause as Error).message });
  return new AppError('NOT_A_PORTFOLIO', bilingual('errors.openFailed', { file }), {
    cause: cause instanceof Error ? cause.message : String(cause),
  });
}

/** A damaged file is never written to: the user is told so in both languages. */
function damaged(file: string, details: unknown): AppError {
  return new AppError('FILE_DAMAGED', bilingual('errors.fileDamaged', { file }), details);
}

/** Refuses a portfolio path that does not exist, so a typo never creates a new, empty file. */
export function requireExisting(file: string): void {
  if (!existsSync(file)) {
    throw new AppError('NOT_FOUND', bilingual('errors.fileNotFound', { file }));
  }
}

export function notAPortfolio(file: string): AppError {
  return new AppError('NOT_A_PORTFOLIO', bilingual('errors.notAPortfolio', { file }));
}

/**
 * A file's mark and schema version, read without writing anything; null when it is not an
 * SQLite database at all. Read from the file's header where it can be: SQLite, even read-only,
 * leaves -wal and -shm files beside a WAL-mode file it opens, and a file being refused must be
 * left exactly as it was found.
 */
export function peekFile(file: string, nativeBinding?: string): { ours: boolean; version: number } | null {
  // A -wal file beside it may hold a newer header than the file's own: SQLite reads both.
  if (!existsSync(`${file}-wal`)) {
    let header: Buffer;
    try {
      header = readHead(file, 100);
    } catch {
      return null;
    }
    if (header.length === 0) return { ours: false, version: 0 }; // an empty file is an empty database
    if (header.length < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
    return { ours: header.readUInt32BE(68) === APPLICATION_ID, version: header.readUInt32BE(60) };
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch {
    return null;
  }
  try {
    const ours = db.pragma('application_id', { simple: true }) === APPLICATION_ID;
    return { ours, version: db.pragma('user_version', { simple: true }) as number };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A fresh file is ours to initialise; any other database must already carry our mark. */
function checkIdentity(db: Db, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  if (appId !== 0 || tables.n > 0) throw notAPortfolio(file);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A file of a newer schema is refused before anything touches it. */
export function refuseNewer(version: number): void {
  if (version > LATEST_VERSION) {
    throw new AppError('NEWER_FILE', bilingual('errors.newerFile', { version }), {
      fileVersion: version,
      supportedVersion: LATEST_VERSION,
    });
  }
}

export function migrate(db: Db, toVersion = LATEST_VERSION): void {
  const current = schemaVersion(db);
  refuseNewer(current);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= toVersion);
  if (pending.length === 0) return;
  // All pending steps land together or not at all, so a crash never leaves a half-migrated file.
  // Foreign keys are off meanwhile (a pragma that only takes effect outside a transaction), as
  // SQLite's way of rebuilding a table asks: dropping the old table must not cascade to its
  // children. They are checked before the commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      if (current === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`migration left ${broken.length} broken references`);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys}`);
  }
}

/** The file each open connection was opened on (device and inode), to notice it being swapped. */
const identities = new WeakMap<Db, { dev: number; ino: number }>();

function remember(db: Db, file: string): void {
  const s = statSync(file, { throwIfNoEntry: false });
  if (s) identities.set(db, { dev: s.dev, ino: s.ino });
}

/**
 * Refuses to write when the open file is no longer where it was opened: deleted, on a USB stick
 * that was pulled out, or replaced by another file of the same name. SQLite would go on writing
 * to the old file (a deleted one, or nowhere), and answer that all went well.
 */
export function assertInPlace(db: Db): void {
  const was = identities.get(db);
  if (!was) return;
  const now = statSync(db.name, { throwIfNoEntry: false });
  if (now && now.dev === was.dev && now.ino === was.ino) return;
  throw new AppError(
    'FILE_GONE',
    now ? bilingual('errors.fileReplaced', { name: db.name }) : bilingual('errors.fileGone', { name: db.name }),
    { file: db.name },
  );
}
