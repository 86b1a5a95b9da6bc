import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanBackups } from '../../db/backup-store';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { LATEST_VERSION } from '../../db/migrations';
import type { OperationName } from '../../db/core/contract';
import { dispatch, sessionContext } from '../../electron/api/dispatch';
import { PortfolioSession } from '../../electron/session';
import { damage } from '../helpers/damage';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

/** A session as the app holds one, called only through the contract, as the screens call it. */
function app(stateDir: string, now = () => new Date()) {
  const session = new PortfolioSession({ stateDir, now });
  const call = async (name: OperationName, input?: unknown) => {
    const r = await dispatch(sessionContext(session, 'ui'), name, input);
    if (!r.ok) {
      const { message, ...rest } = r.error;
      throw Object.assign(new Error(message.en), rest);
    }
    return r.value as never;
  };
  return { session, call };
}

function demoFile(dir: string, name: string): string {
  const file = join(dir, name);
  const db = open(file);
  loadDemo(db, { source: 'ui' });
  db.close();
  return file;
}

const initiatives = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('electron/session: other portfolio files', () => {
  it('creates, opens and copies portfolio files, and remembers the last five', async () => {
    const dir = tempDir();
    const { session, call } = app(join(dir, 'state'));
    await session.start(join(dir, 'first.tajammu'));
    expect(await call('portfolio.stats')).toMatchObject({ initiatives: 0 });

    const office = demoFile(dir, 'office.tajammu');
    const opened = (await call('files.open', { path: office })) as { file: string; state: string };
    expect(opened).toMatchObject({ file: office, state: 'open' });
    const stats = (await call('portfolio.stats')) as { initiatives: number };
    expect(stats.initiatives).toBe(initiatives(office));

    // A new file is empty and never replaces an existing one.
    await expect(call('files.create', { path: office })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    const fresh = join(dir, 'sub', 'new.tajammu');
    await call('files.create', { path: fresh });
    expect(await call('portfolio.stats')).toMatchObject({ regions: 0, initiatives: 0 });
    expect(await call('files.current')).toMatchObject({ ministry: false });
    // A consolidated portfolio from the File menu: the ministry's, as `init --ministry` makes it.
    await call('files.create', { path: join(dir, 'ministry.tajammu'), ministry: true });
    expect(await call('files.current')).toMatchObject({ ministry: true });
    expect(await call('offices.list')).toEqual([]);
    await expect(call('regions.create', { code: 'X', nameAr: 'س' })).rejects.toMatchObject({ code: 'CONFLICT' });

    // A copy elsewhere (a USB stick): refused over an existing file unless agreed, never over itself.
    await call('files.open', { path: office });
    const usb = join(dir, 'usb', 'copy.tajammu');
    const copy = (await call('files.saveCopy', { path: usb })) as { path: string; stats: { initiatives: number } };
    expect(copy).toMatchObject({ path: usb, stats: { initiatives: stats.initiatives } });
    await expect(call('files.saveCopy', { path: usb })).rejects.toMatchObject({ code: 'FILE_EXISTS' });
    await call('files.saveCopy', { path: usb, force: true });
    await expect(call('files.saveCopy', { path: office, force: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(((await call('files.current')) as { file: string }).file).toBe(office); // work goes on here

    // Portfolio files end in .tajammu (added when no extension is typed); a copy replaces only
    // an older portfolio copy, never another program's file.
    await expect(call('files.saveCopy', { path: join(dir, 'notes.txt') })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const notes = join(dir, 'notes.tajammu');
    writeFileSync(notes, 'meeting notes, not a portfolio');
    await expect(call('files.saveCopy', { path: notes, force: true })).rejects.toMatchObject({
      code: 'NOT_A_PORTFOLIO',
    });
    expect(readFileSync(notes, 'utf8')).toBe('meeting notes, not a portfolio');
    expect(((await call('files.saveCopy', { path: join(dir, 'usb', 'plain') })) as { path: string }).path).toBe(
      join(dir, 'usb', 'plain.tajammu'),
    );

    for (const n of [1, 2, 3, 4]) await call('files.create', { path: join(dir, `more-${n}`) });
    const recent = ((await call('files.current')) as { recent: string[] }).recent;
    expect(recent).toEqual([4, 3, 2, 1].map((n) => join(dir, `more-${n}.tajammu`)).concat(office));
    // A file gone from the disk (a stick unplugged) drops out of the list.
    rmSync(join(dir, 'more-2.tajammu'));
    expect(((await call('files.current')) as { recent: string[] }).recent).not.toContain(join(dir, 'more-2.tajammu'));
    // The list outlives the session: the next start of the program sees it.
    expect(app(join(dir, 'state')).session.recent()[0]).toBe(join(dir, 'more-4.tajammu'));
    session.close();
  });

  it('refuses a newer file and keeps the current one open; backs up an older one before upgrading it', async () => {
    const dir = tempDir();
    const { session, call } = app(dir);
    const office = demoFile(dir, 'office.tajammu');
    await session.start(office);

    const newer = join(dir, 'newer.tajammu');
    open(newer).close();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const bytes = readFileSync(newer);
    const refused = call('files.open', { path: newer });
    await expect(refused).rejects.toMatchObject({ code: 'NEWER_FILE' });
    await expect(refused).rejects.toThrow(/newer version/);
    expect(readFileSync(newer).equals(bytes)).toBe(true);
    expect(((await call('files.current')) as { file: string }).file).toBe(office);
    expect(await call('portfolio.stats')).toMatchObject({ initiatives: initiatives(office) });

    const older = join(dir, 'older', 'old.tajammu');
    mkdirSync(join(dir, 'older'));
    const oldDb = open(older, { toVersion: 30 });
    loadDemo(oldDb, { source: 'ui' });
    oldDb.close();
    const state = (await call('files.open', { path: older })) as { upgradeBackup: string | null };
    expect(state.upgradeBackup).toMatch(/before-upgrade/);
    const kept = new Database(state.upgradeBackup!, { readonly: true });
    expect(kept.pragma('user_version', { simple: true })).toBe(30);
    kept.close();
    expect(await call('matrix.get')).not.toEqual([]);
    session.close();
  });

  it('takes the daily backup when a file is opened, once a day', async () => {
    const dir = tempDir();
    let now = new Date(Date.UTC(2026, 10, 27, 8));
    const { session } = app(dir, () => now);
    const office = demoFile(dir, 'office.tajammu');
    await session.start(office);
    await session.openFile(office);
    expect(scanBackups(office).map((b) => b.reason)).toEqual(['daily']);
    now = new Date(Date.UTC(2026, 10, 28, 8));
    await session.openFile(office);
    expect(scanBackups(office)).toHaveLength(2);
    session.close();
  });
});

describe('electron/session: an import across a switch of files', () => {
  it('refuses to commit a preview made for another portfolio file, and changes neither', async () => {
    const dir = tempDir();
    const { session, call } = app(dir);
    const office = demoFile(dir, 'office.tajammu');
    await session.start(office);
    const data = readFileSync(join(__dirname, '../fixtures/libreoffice-register.xlsx')).toString('base64');
    const { jobId } = (await call('import.preview', { fileName: 'register.xlsx', data })) as { jobId: string };
    let job = { state: 'running', result: { previewId: '' } };
    for (let i = 0; i < 200 && job.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await call('jobs.get', { id: jobId })) as typeof job;
    }
    expect(job.state).toBe('done');

    const branch = demoFile(dir, 'branch.tajammu');
    const before = initiatives(branch);
    await call('files.open', { path: branch });
    await expect(call('import.commit', { previewId: job.result.previewId, skipInvalid: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(initiatives(branch)).toBe(before);
    session.close();
    expect(initiatives(office)).toBe(before);
  });
});

describe('electron/session: backups and a damaged file', () => {
  it('backs up on demand, lists and restores after a confirmation-worthy backup of the current state', async () => {
    const dir = tempDir();
    const { session, call } = app(dir);
    const office = demoFile(dir, 'office.tajammu');
    await session.start(office);
    const all = initiatives(office);
    const taken = (await call('backups.create')) as { reason: string; counts: { initiatives: number } };
    expect(taken).toMatchObject({ reason: 'manual', counts: { initiatives: all } });

    session.db!.exec('DELETE FROM indicator_values; DELETE FROM indicators; DELETE FROM initiatives');
    const list = (await call('backups.list')) as { path: string; reason: string }[];
    const manual = list.find((b) => b.reason === 'manual')!;
    const result = (await call('backups.restore', { path: manual.path })) as { backup: string };
    expect(await call('portfolio.stats')).toMatchObject({ initiatives: all });
    expect(initiatives(result.backup)).toBe(0); // what was replaced is kept
    expect(((await call('backups.list')) as { reason: string }[]).map((b) => b.reason)).toContain('before-restore');

    // A bad copy is refused and the portfolio stays open as it was.
    await expect(call('backups.restore', { path: join(dir, 'nothing.tajammu') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await call('portfolio.stats')).toMatchObject({ initiatives: all });
    session.close();
  });

  it('opens a damaged file for recovery only, offers the newest good backup, and puts it in place', async () => {
    const dir = tempDir();
    const { session, call } = app(dir);
    const office = demoFile(dir, 'office.tajammu');
    await session.start(office);
    await call('backups.create');
    const all = initiatives(office);
    await call('initiatives.create', {
      code: 'AFTER-1',
      title: 'مبادرة بعد النسخة',
      axes: [3],
      regionId: firstRegion(session),
    });
    session.close();
    damage(office);
    const bytes = readFileSync(office);

    const again = app(dir);
    const info = (await again.session.start(office)) as {
      state: string;
      damage: { message: { ar: string }; offer: { backup: { reason: string } | null } };
    };
    expect(info.damage.message.ar).toMatch(/تالف/);
    expect(info.damage.offer.backup).toMatchObject({ reason: 'manual' });
    // Nothing but recovery works, and nothing was written to the damaged file.
    await expect(again.call('matrix.get')).rejects.toMatchObject({ code: 'NO_PORTFOLIO' });
    await expect(again.call('initiatives.create', { title: 'x', axes: [1] })).rejects.toMatchObject({
      code: 'NO_PORTFOLIO',
    });
    expect(readFileSync(office).equals(bytes)).toBe(true);

    const backup = scanBackups(office).find((b) => b.reason === 'manual')!;
    const recovered = (await again.call('backups.recover', { path: backup.path })) as { state: string };
    expect(recovered.state).toBe('open');
    expect(await again.call('portfolio.stats')).toMatchObject({ initiatives: all });
    const aside = readdirSync(dir).filter((f) => f.startsWith('office-damaged-') && f.endsWith('.tajammu'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!)).equals(bytes)).toBe(true);
    expect(existsSync(office)).toBe(true);
    await expect(again.call('backups.recover', { path: backup.path })).rejects.toMatchObject({ code: 'CONFLICT' });
    again.session.close();
  });
});

function firstRegion(session: PortfolioSession): string {
  return session.db!.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as string;
}
