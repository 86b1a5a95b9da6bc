import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupBeside, dailyBackup, openExisting, recoverFrom } from '../../db/backup';
import { backupsDir, listBackups, scanBackups } from '../../db/backup-store';
import { open, type Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { LATEST_VERSION } from '../../db/migrations';
import { compareFiles, recoveryOffer } from '../../db/recovery';
import { createInitiative, deleteInitiative, listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { updateSettings } from '../../db/repos/settings';
import { damage, damageTable } from '../helpers/damage';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ui = { source: 'ui' as const };
const day = 24 * 3600 * 1000;

function demoFile(name = 'office.tajammu'): { file: string; db: Db } {
  const file = join(tempDir(), name);
  const db = open(file);
  loadDemo(db, ui);
  return { file, db };
}

const count = (db: Db, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('db/backup-store: listing and rotation', () => {
  it('keeps the newest ten and the newest of each of the last twelve months, over a year and a half', async () => {
    const file = join(tempDir(), 'office.tajammu');
    const db = open(file);
    const start = Date.UTC(2025, 4, 3, 8, 30);
    const end = Date.UTC(2026, 10, 27, 8, 30);
    const taken: Date[] = [];
    // A backup every fourth day, each rotated as it is taken, as a real office would accumulate.
    for (let t = start; t <= end; t += 4 * day) {
      taken.push(new Date(t));
      await backupBeside(db, 'daily', new Date(t));
    }
    db.close();
    const now = new Date(end);
    const kept = scanBackups(file).map((b) => b.takenAt);
    const all = taken.map((d) => d.toISOString()).sort((a, b) => b.localeCompare(a));
    // The ten newest, whatever their month.
    expect(kept.slice(0, 10)).toEqual(all.slice(0, 10));
    // Each of the twelve months up to now keeps exactly its newest backup beyond those ten.
    const months = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
    );
    for (const month of months) {
      const newest = all.find((a) => a.startsWith(month));
      expect(kept).toContain(newest);
      const others = kept.filter((k) => k.startsWith(month) && k !== newest && !all.slice(0, 10).includes(k));
      expect(others).toEqual([]);
    }
    // Nothing older than the twelve months survives.
    expect(kept.filter((k) => !months.includes(k.slice(0, 7)))).toEqual([]);
    expect(kept.length).toBeLessThanOrEqual(22);
    expect(kept.length).toBeGreaterThan(12);
  });

  it('follows the rotation in the settings on the next backup', async () => {
    const { file, db } = demoFile();
    for (let i = 0; i < 6; i++) await backupBeside(db, 'manual', new Date(Date.UTC(2026, 10, 20 + i)));
    expect(scanBackups(file)).toHaveLength(6);
    updateSettings(db, ui, { backupKeepLast: 2, backupKeepMonths: 0 });
    await backupBeside(db, 'manual', new Date(Date.UTC(2026, 10, 27)));
    expect(scanBackups(file).map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-27', '2026-11-25']);
    db.close();
  });

  it('lists what each backup holds, newest first, ignoring other files', async () => {
    const { file, db } = demoFile();
    const first = await backupBeside(db, 'before-import', new Date(Date.UTC(2026, 10, 26, 9)));
    db.exec('DELETE FROM indicator_values; DELETE FROM indicators; DELETE FROM initiatives');
    await backupBeside(db, 'manual', new Date(Date.UTC(2026, 10, 27, 14, 5)));
    // Two in the same second do not overwrite each other.
    await backupBeside(db, 'manual', new Date(Date.UTC(2026, 10, 27, 14, 5)));
    const dir = backupsDir(file);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    writeFileSync(join(dir, 'other-20261127-140500-manual.tajammu'), 'not ours');
    writeFileSync(join(dir, 'office-20261101-000000-manual.tajammu'), 'garbage, not a database'.repeat(100));
    const regions = count(db, 'regions');
    db.close();

    const list = listBackups(file);
    expect(list.map((b) => [b.takenAt, b.reason])).toEqual([
      ['2026-11-27T14:05:00.000Z', 'manual'],
      ['2026-11-27T14:05:00.000Z', 'manual'],
      ['2026-11-26T09:00:00.000Z', 'before-import'],
      ['2026-11-01T00:00:00.000Z', 'manual'],
    ]);
    expect(list[0]!.path).not.toBe(list[1]!.path);
    expect(list[0]!.counts).toEqual({ regions, clusters: expect.any(Number), initiatives: 0 });
    expect(list[2]!.path).toBe(first);
    expect(list[2]!.counts!.initiatives).toBeGreaterThan(50);
    expect(list[2]!.version).toBe(LATEST_VERSION);
    expect(list[2]!.size).toBeGreaterThan(50_000);
    expect(list[3]!.counts).toBeNull(); // listed, so the office sees it, but not offered for restore
  });

  it('takes the daily backup on the first open of a day only, and not when switched off', async () => {
    const { file, db } = demoFile();
    const morning = new Date(Date.UTC(2026, 10, 27, 7));
    expect(await dailyBackup(db, morning)).toMatch(/-20261127-070000-daily\.tajammu$/);
    expect(await dailyBackup(db, new Date(Date.UTC(2026, 10, 27, 15)))).toBeNull();
    expect(await dailyBackup(db, new Date(Date.UTC(2026, 10, 28, 7)))).not.toBeNull();
    updateSettings(db, ui, { backupDaily: false });
    expect(await dailyBackup(db, new Date(Date.UTC(2026, 10, 29, 7)))).toBeNull();
    expect(scanBackups(file)).toHaveLength(2);
    db.close();
  });
});

describe('db/backup: opening an older or newer file', () => {
  it('backs up a file of an older version before migrating it', async () => {
    const file = join(tempDir(), 'old.tajammu');
    const old = open(file, { toVersion: 40 });
    loadDemo(old, ui);
    const initiatives = count(old, 'initiatives');
    old.close();

    const { db, upgradeBackup } = await openExisting(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(count(db, 'initiatives')).toBe(initiatives);
    db.close();
    expect(upgradeBackup).toMatch(/before-upgrade\.tajammu$/);
    const kept = new Database(upgradeBackup!, { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(40);
    expect(count(kept, 'initiatives')).toBe(initiatives);
    kept.close();

    // Opened again, it is current: no second backup.
    const again = await openExisting(file);
    expect(again.upgradeBackup).toBeUndefined();
    again.db.close();
  });

  it('refuses a file of a newer version without writing anything', async () => {
    const file = join(tempDir(), 'newer.tajammu');
    open(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const before = readFileSync(file);
    await expect(openExisting(file)).rejects.toMatchObject({ code: 'NEWER_FILE' });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(backupsDir(file))).toBe(false);
  });
});

describe('db/recovery: a damaged file', () => {
  it('tells which records differ between the file and a backup', async () => {
    const { file, db } = demoFile();
    const backup = await backupBeside(db, 'daily');
    const [a, b] = listInitiatives(db)
      .filter((i) => i.clusterId)
      .sort((x, y) => x.code.localeCompare(y.code));
    updateInitiative(db, ui, { id: a!.id, progress: a!.progress === 77 ? 78 : 77 });
    deleteInitiative(db, ui, b!.id);
    createInitiative(db, ui, {
      code: 'NEW-001',
      title: 'مبادرة أُدخلت بعد النسخة',
      clusterId: a!.clusterId,
      axes: [2],
    });
    db.close();

    const { differences, unreadable } = compareFiles(file, backup);
    expect(unreadable).toEqual([]);
    const initiatives = differences.find((d) => d.table === 'initiatives')!;
    expect(initiatives.onlyInFile).toEqual(['NEW-001 — مبادرة أُدخلت بعد النسخة']);
    expect(initiatives.changed).toEqual([expect.stringContaining(a!.code)]);
    expect(initiatives.onlyInBackup).toEqual([expect.stringContaining(b!.code)]);
    expect(initiatives.counts).toEqual({ onlyInFile: 1, onlyInBackup: 1, changed: 1 });
    // The deleted initiative's indicators went with it, and are reported too.
    expect(differences.map((d) => d.table)).toEqual(expect.arrayContaining(['initiatives']));
    expect(differences.find((d) => d.table === 'regions')).toBeUndefined();
  });

  it('offers the newest backup that is sound, and puts it in place with the damaged file kept aside', async () => {
    const { file, db } = demoFile();
    const good = await backupBeside(db, 'daily', new Date(Date.UTC(2026, 10, 25)));
    const newer = await backupBeside(db, 'manual', new Date(Date.UTC(2026, 10, 26)));
    const initiatives = count(db, 'initiatives');
    db.close();
    damage(newer);
    damage(file);
    await expect(openExisting(file)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });

    const offer = recoveryOffer(file);
    expect(offer.backup?.path).toBe(good);
    expect(offer.differences.length + offer.unreadable.length).toBeGreaterThan(0);

    const bytes = readFileSync(file);
    const { damaged } = await recoverFrom(file, good, new Date(Date.UTC(2026, 10, 27, 10)));
    expect(damaged).toMatch(/office-damaged-20261127-100000\.tajammu$/);
    expect(readFileSync(damaged).equals(bytes)).toBe(true);
    const back = open(file);
    expect(count(back, 'initiatives')).toBe(initiatives);
    expect(back.pragma('integrity_check', { simple: true })).toBe('ok');
    back.close();
  });

  it('names the records entered since the backup when the damage lies elsewhere, and keeps what a bad page spares', async () => {
    const { file, db } = demoFile();
    await backupBeside(db, 'daily');
    const clusterId = db.prepare('SELECT id FROM clusters ORDER BY code LIMIT 1').pluck().get() as string;
    createInitiative(db, ui, { code: 'AFTER-001', title: 'بعد النسخة', clusterId, axes: [4] });
    db.close();
    const sound = readFileSync(file);
    damageTable(file, 'audit_log');
    expect(() => open(file)).toThrow(/damaged/);
    const offer = recoveryOffer(file);
    expect(offer.unreadable).toEqual([]);
    expect(offer.differences).toEqual([
      {
        table: 'initiatives',
        onlyInFile: ['AFTER-001 — بعد النسخة'],
        onlyInBackup: [],
        changed: [],
        counts: { onlyInFile: 1, onlyInBackup: 0, changed: 0 },
      },
    ]);

    // A bad page in the initiatives themselves: that table is reported as not read in full, and
    // nothing is claimed lost from it; the rows before the bad page still count.
    writeFileSync(file, sound);
    damageTable(file, 'initiatives', 'middle');
    const partial = recoveryOffer(file);
    expect(partial.unreadable).toContain('initiatives');
    const initiatives = partial.differences.find((d) => d.table === 'initiatives');
    expect(initiatives?.onlyInBackup ?? []).toEqual([]);
  });

  it('offers nothing when no backup is sound', () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    open(file).close();
    mkdirSync(join(dir, 'backups'));
    writeFileSync(join(dir, 'backups', 'office-20261101-000000-daily.tajammu'), 'garbage');
    expect(recoveryOffer(file)).toEqual({ backup: null, differences: [], unreadable: [] });
  });
});
