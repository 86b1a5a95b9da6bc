import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBeside, backupTo, openExisting, restoreFrom } from '../../db/backup';
import { backupsDir, pruneBackups, scanBackups, statsOfFile } from '../../db/backup-store';
import { open, type Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { LATEST_VERSION } from '../../db/migrations';
import { recoveryOffer } from '../../db/recovery';
import { contentDigest, onlineBackup, partialName, sweepPartials, writeAtomically } from '../../db/safe-file';
import { damage } from '../helpers/damage';
import { holdWriteLock } from '../helpers/lock';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ui = { source: 'ui' as const };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const digestOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return contentDigest(db);
  } finally {
    db.close();
  }
};

function demoFile(dir = tempDir(), name = 'office.tajammu'): string {
  const file = join(dir, name);
  const db = open(file);
  loadDemo(db, ui);
  db.close();
  return file;
}

/** A second portfolio with other content, to restore from. */
function otherCopy(dir: string): string {
  const file = join(dir, 'copy.tajammu');
  const db = open(file);
  db.prepare(
    "INSERT INTO regions (id, code, name_ar, name_en, parent_id, created_at, updated_at) VALUES (?, 'X', 'إقليم النسخة', '', NULL, '', '')",
  ).run('00000000-0000-4000-8000-000000000001');
  db.close();
  return file;
}

describe('safe-file: a copy never claims success it did not have', () => {
  it('finds the bare online backup "finished" with nothing copied into a locked file, and waits then refuses instead', async () => {
    const dir = tempDir();
    const source = open(otherCopy(dir));
    const target = demoFile(dir);
    const before = digestOf(target);
    const locker = new Database(target);
    locker.exec('BEGIN IMMEDIATE');
    try {
      // The trap itself (better-sqlite3 12): resolved, as if done, with no page copied.
      expect(await source.backup(target)).toEqual({ totalPages: 0, remainingPages: 0 });
      const started = Date.now();
      await expect(onlineBackup(source, target, 300)).rejects.toMatchObject({ code: 'IN_USE' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(digestOf(target)).toBe(before);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expect(await onlineBackup(source, target, 300)).toBeGreaterThan(0);
    expect(digestOf(target)).toBe(contentDigest(source));
    source.close();
  });

  it('restore fails in both languages while another process writes, changing nothing, and waits for a short lock', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const copy = otherCopy(dir);
    const before = digestOf(file);
    const held = await holdWriteLock(file, 8000);
    await expect(restoreFrom(file, copy)).rejects.toMatchObject({
      code: 'IN_USE',
      bilingual: { ar: expect.stringContaining('مستخدم في برنامج آخر'), en: expect.stringContaining('in use') },
    });
    await held.released;
    expect(digestOf(file)).toBe(before);
    // The backup taken before it was not followed by a write: it is gone, not counted.
    expect(scanBackups(file)).toEqual([]);

    const short = await holdWriteLock(file, 800);
    await restoreFrom(file, copy);
    await short.released;
    const restored = new Database(file, { readonly: true });
    expect(restored.prepare('SELECT name_ar FROM regions').pluck().all()).toEqual(['إقليم النسخة']);
    // The restore itself is in the audit log, so an undo offered before it cannot reach past it.
    expect(restored.prepare("SELECT count(*) FROM audit_log WHERE entity = 'portfolio'").pluck().get()).toBe(1);
    restored.close();
    expect(scanBackups(file).map((b) => b.reason)).toEqual(['before-restore']);
  }, 30_000);

  it('backs up and copies in full while another process holds the write lock', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const held = await holdWriteLock(file, 4000);
    const db = open(file);
    try {
      const backup = await backupBeside(db, 'manual');
      const copy = join(dir, 'usb', 'copy.tajammu');
      mkdirSync(join(dir, 'usb'));
      await backupTo(db, copy);
      for (const f of [backup, copy]) expect(digestOf(f)).toBe(contentDigest(db));
    } finally {
      db.close();
    }
    await held.released;
  }, 30_000);
});

describe('safe-file: outputs are never half-written under their real name', () => {
  it('keeps the old file when the writer fails, and leaves no temporary', async () => {
    const dir = tempDir();
    const target = join(dir, 'report.xlsx');
    writeFileSync(target, 'the good old report');
    await expect(
      writeAtomically(target, (t) => {
        writeFileSync(t, 'half a rep');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('the good old report');
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
    await writeAtomically(target, (t) => writeFileSync(t, 'the new report'));
    expect(readFileSync(target, 'utf8')).toBe('the new report');
    expect(readdirSync(dir)).toEqual(['report.xlsx']);
  });

  it('sweeps the temporaries of a process that died, never those of a live one, and never lists them as backups', () => {
    const file = demoFile();
    const dir = backupsDir(file);
    mkdirSync(dir);
    const dead = join(dir, '.office-20261127-093000-daily.tajammu.999999-0badf00d.partial');
    const live = partialName(join(dir, 'office-20261127-093000-daily.tajammu'));
    writeFileSync(dead, 'partial');
    writeFileSync(`${dead}-journal`, 'partial');
    writeFileSync(live, 'partial');
    expect(scanBackups(file)).toEqual([]);
    expect(sweepPartials(dir).sort()).toEqual([dead, `${dead}-journal`].sort());
    expect(existsSync(live)).toBe(true);
  });
});

describe('backups: attempts never push good backups out', () => {
  it('never copies a damaged older file into the backups, so the recovery offer keeps its good backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    const old = open(file, { toVersion: 40 });
    loadDemoOld(old);
    old.close();
    // A good backup from the days before the damage.
    const sound = new Database(file, { readonly: true });
    mkdirSync(backupsDir(file));
    const good = join(backupsDir(file), 'office-20261120-090000-daily.tajammu');
    await backupTo(sound, good);
    sound.close();
    damage(file);
    for (let i = 0; i < 12; i++) await expect(openExisting(file)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(scanBackups(file).map((b) => b.path)).toEqual([good]);
    expect(recoveryOffer(file).backup?.path).toBe(good);
  });

  it('keeps the newest sound backup whatever the rotation says, when the newer ones are damaged', async () => {
    const file = demoFile();
    const db = open(file);
    const sound = await backupBeside(db, 'daily', new Date(Date.UTC(2026, 10, 1)));
    const newer = [
      await backupBeside(db, 'daily', new Date(Date.UTC(2026, 10, 2))),
      await backupBeside(db, 'daily', new Date(Date.UTC(2026, 10, 3))),
    ];
    db.close();
    for (const b of newer) damage(b);
    pruneBackups(file, { keepLast: 1, keepMonths: 0 }, new Date(Date.UTC(2026, 10, 3)));
    expect(scanBackups(file).map((b) => b.path)).toEqual([newer[1], sound]);
  });
});

/** A schema-40 file with a few rows (the demo needs the latest schema). */
function loadDemoOld(db: Db): void {
  db.prepare(
    "INSERT INTO regions (id, code, name_ar, name_en, parent_id, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000002', 'R1', 'إقليم قديم', '', NULL, '', '')",
  ).run();
}

describe('refusals leave every byte as it was', () => {
  it('refuses a newer, foreign, damaged, non-database or empty non-.tajammu file without touching it', async () => {
    const dir = tempDir();
    const newer = demoFile(dir, 'newer.tajammu');
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const foreign = join(dir, 'other.db');
    const f = new Database(foreign);
    f.pragma('journal_mode = WAL');
    f.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    f.close();
    const damaged = demoFile(dir, 'damaged.tajammu');
    damage(damaged);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a database');
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const cases: [string, string][] = [
      [newer, 'NEWER_FILE'],
      [foreign, 'NOT_A_PORTFOLIO'],
      [damaged, 'FILE_DAMAGED'],
      [text, 'NOT_A_PORTFOLIO'],
      [empty, 'NOT_A_PORTFOLIO'],
    ];
    for (const [file, code] of cases) {
      const hash = sha(file);
      const beside = readdirSync(dir).sort();
      await expect(openExisting(file)).rejects.toMatchObject({ code });
      expect(sha(file), file).toBe(hash);
      expect(readdirSync(dir).sort(), file).toEqual(beside);
    }
  });

  it('refuses to restore a damaged or newer copy, leaving the portfolio and the copy as they were', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const bad = demoFile(dir, 'bad.tajammu');
    damage(bad);
    const newer = demoFile(dir, 'newer.tajammu');
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    for (const [copy, code] of [
      [bad, 'FILE_DAMAGED'],
      [newer, 'NEWER_FILE'],
    ] as const) {
      const [a, b] = [sha(file), sha(copy)];
      await expect(restoreFrom(file, copy)).rejects.toMatchObject({ code });
      expect([sha(file), sha(copy)]).toEqual([a, b]);
    }
    expect(existsSync(backupsDir(file))).toBe(false);
  });
});

describe('copies are single files, readable from read-only media', () => {
  it('leaves every copy in rollback-journal mode, unchanged by reading it, and restores from a read-only folder', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const db = open(file);
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const copy = join(usb, 'copy.tajammu');
    await backupTo(db, copy);
    db.close();
    // Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for WAL.
    const header = readFileSync(copy).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    const hash = sha(copy);
    expect(statsOfFile(copy).initiatives).toBeGreaterThan(0);
    expect(sha(copy)).toBe(hash);
    expect(readdirSync(usb)).toEqual(['copy.tajammu']);

    // A read-only medium, for real where this machine allows a read-only bind mount (root in CI).
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    let mounted = false;
    try {
      execFileSync('mount', ['--bind', usb, ro], { stdio: 'ignore' });
      execFileSync('mount', ['-o', 'remount,bind,ro', ro], { stdio: 'ignore' });
      mounted = true;
    } catch {
      copyFileSync(copy, join(ro, 'copy.tajammu'));
    }
    try {
      if (mounted) expect(() => writeFileSync(join(ro, 'probe'), 'x')).toThrow(/read-only|EROFS/i);
      const target = demoFile(tempDir(), 'restored.tajammu');
      await restoreFrom(target, join(ro, 'copy.tajammu'));
      expect(digestOf(target)).not.toBe('');
      expect(statsOfFile(target)).toEqual(statsOfFile(copy));
      expect(sha(join(ro, 'copy.tajammu'))).toBe(hash);
      expect(readdirSync(ro)).toEqual(['copy.tajammu']);
    } finally {
      if (mounted) execFileSync('umount', [ro]);
    }
  }, 30_000);
});
