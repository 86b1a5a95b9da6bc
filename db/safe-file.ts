/**
 * Writing files so that nothing is ever lost or half-written under its real name: every output
 * goes to a temporary name in the same folder, is flushed to disk, then renamed into place; and
 * SQLite's online backup is checked to have really copied something.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from './core/errors';
import { bilingual } from './core/messages';

/** `.report.xlsx.1234-a1b2c3d4.partial`: hidden, never taken for a backup or a workbook. */
const PARTIAL = /^\..+\.(\d+)-[0-9a-f]{8}\.partial(?:-journal|-wal|-shm)?$/;

export function partialName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
}

/** Removes a file with whatever journal SQLite left beside it. */
export function removeWithJournals(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** The first bytes of a file (fewer when it is shorter). */
export function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(length);
    return buf.subarray(0, readSync(fd, buf, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether two paths name the same file on disk (device and inode): unlike comparing the paths,
 * this sees through links, `..` and the letter case of Windows and macOS file systems.
 */
export function isSameFile(a: string, b: string): boolean {
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
}

/**
 * Flushes a file (or a folder's entry list) to the disk. Windows flushes only a handle opened
 * for writing (a read-only one fails with EPERM), and cannot open a folder at all.
 */
function flush(path: string, isDir = false): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, isDir ? 'r' : 'r+');
    fsyncSync(fd);
  } catch (e) {
    if (!isDir) throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `target` through `write(temporary)`: the temporary file is flushed and renamed over the
 * target only when `write` succeeded, so a crash, a full disk or a kill leaves either the old
 * file or no file under the real name, never a truncated one. Temporaries left by a process that
 * died are swept from the folder first.
 */
export async function writeAtomically<T, R = T>(
  target: string,
  write: (temporary: string) => Promise<T> | T,
  /**
   * Puts the file in place: by default the rename alone; a caller that records the file (a
   * submission) renames inside its own transaction, so the record and the file stand or fall
   * together. Runs synchronously once the file is written and flushed.
   */
  settle: (rename: () => void, written: T) => R = (rename, written) => (rename(), written as unknown as R),
): Promise<R> {
  sweepPartials(dirname(target));
  const temporary = partialName(target);
  try {
    const written = await write(temporary);
    flush(temporary);
    const result = settle(() => renameSync(temporary, target), written);
    flush(dirname(target), true);
    return result;
  } catch (e) {
    removeWithJournals(temporary);
    throw e;
  }
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the temporaries of processes that no longer run (killed, or a power cut). */
export function sweepPartials(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(join(dir, name));
    } catch {
      // Left for the next sweep.
    }
  }
  return removed;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** How long a copy waits for another program to release the portfolio before giving up. */
export const LOCK_WAIT_MS = 5000;

export function inUse(file: string): AppError {
  return new AppError('IN_USE', bilingual('errors.fileInUse', { file }));
}

/**
 * SQLite's online backup of `source` into `target`, waiting a bounded time for a lock. The
 * backup of better-sqlite3 12 resolves as finished when its first step meets SQLITE_BUSY, having
 * copied nothing: its total page count is then 0 (a real database has at least one page), which
 * is what is checked here. Returns the number of pages copied.
 */
export async function onlineBackup(source: Db, target: string, waitMs = LOCK_WAIT_MS): Promise<number> {
  // Into an existing file (a restore) the lock that stops it is on that file; into a new one
  // (a backup, a copy) it can only be on the source.
  const held = existsSync(target) ? target : source.name;
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { totalPages } = await source.backup(target);
    if (totalPages > 0) return totalPages;
    if (Date.now() >= deadline) throw inUse(held);
    await sleep(100);
  }
}

/**
 * A digest of everything a portfolio holds (every table, row by row), to prove that a copy put
 * in place holds what was copied and not what was there before.
 */
export function contentDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  hash.update(String(db.pragma('user_version', { simple: true })));
  for (const { name: t, sql } of tables) {
    hash.update(`\0${t}\0`);
    // Storage order: a copy made page by page has the same rowids. A WITHOUT ROWID table has
    // none, and is stored in its key's order.
    const order = /WITHOUT\s+ROWID/i.test(sql)
      ? (db.pragma(`table_info("${t}")`) as { name: string; pk: number }[])
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => `"${c.name}"`)
          .join(', ')
      : 'rowid';
    // Hashed in chunks of about a megabyte rather than row by row (integers arrive as plain
    // numbers: safeIntegers is off, so no bigint needs a replacer).
    let chunk = '';
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().iterate()) {
      chunk += JSON.stringify(row);
      if (chunk.length > 1 << 20) {
        hash.update(chunk);
        chunk = '';
      }
    }
    hash.update(chunk);
  }
  return hash.digest('hex');
}
