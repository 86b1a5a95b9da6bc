import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupsDir, scanBackups } from '../../db/backup-store';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import type { OperationName } from '../../db/core/contract';
import { dispatch, sessionContext } from '../../electron/api/dispatch';
import { errorLine, runCli } from '../../electron/cli';
import { exchangeWorkDir } from '../../electron/excel/exchange';
import { PortfolioSession } from '../../electron/session';
import { holdWriteLock } from '../helpers/lock';
import { useTempDir } from '../helpers/tmp';
import { writeMessyRegister } from '../helpers/workbooks';

const tempDir = useTempDir();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function demoFile(dir: string, name = 'office.tajammu'): string {
  const file = join(dir, name);
  const db = open(file);
  loadDemo(db, { source: 'ui' });
  db.close();
  return file;
}

function app(stateDir: string) {
  const session = new PortfolioSession({ stateDir });
  const call = async <T = never>(name: OperationName, input?: unknown): Promise<T> => {
    const r = await dispatch(sessionContext(session, 'ui'), name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message.en), r.error);
    return r.value as T;
  };
  return { session, call };
}

const read = <T>(file: string, sql: string): T => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as T;
  } finally {
    db.close();
  }
};

async function previewOf(call: ReturnType<typeof app>['call'], file: string) {
  const data = readFileSync(file).toString('base64');
  const { jobId } = await call<{ jobId: string }>('import.preview', { fileName: 'register.xlsx', data });
  for (let i = 0; i < 400; i++) {
    const job = await call<{ state: string; result: { previewId: string; counts: Record<string, number> } }>(
      'jobs.get',
      { id: jobId },
    );
    if (job.state !== 'running') return job.result;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('preview did not finish');
}

describe('file safety: exports never overwrite what they must not', () => {
  it('refuses the portfolio, its backups and files of another kind as --out; an earlier report only with --force', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const hash = sha(file);
    const asPortfolio = await cli('export', '--db', file, '--out', file);
    expect(asPortfolio.code).toBe(1);
    expect(asPortfolio.err).toMatch(/ملف المحفظة نفسه.*portfolio file itself/);
    expect(sha(file)).toBe(hash);
    expect((await cli('export', '--db', file, '--out', file, '--force')).code).toBe(1);
    expect(sha(file)).toBe(hash);

    mkdirSync(backupsDir(file));
    expect((await cli('export', '--db', file, '--out', join(backupsDir(file), 'r.xlsx'))).err).toContain(
      'backups folder',
    );
    const notes = join(dir, 'notes.xlsx');
    writeFileSync(notes, 'my notes, not a workbook');
    const other = await cli('template', '--out', notes, '--force');
    expect(other.code).toBe(1);
    expect(other.err).toContain('not the kind of file');
    expect(readFileSync(notes, 'utf8')).toBe('my notes, not a workbook');

    const report = join(dir, 'report.xlsx');
    expect((await cli('export', '--db', file, '--out', report)).code).toBe(0);
    const first = sha(report);
    const again = await cli('export', '--db', file, '--out', report, '--lang', 'en');
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    expect(sha(report)).toBe(first);
    expect((await cli('export', '--db', file, '--out', report, '--lang', 'en', '--force')).code).toBe(0);
    expect(sha(report)).not.toBe(first);
    expect((await cli('template', '--out', report, '--db', file)).code).toBe(1);
    expect(readdirSync(dir).filter((n) => n.includes('.partial'))).toEqual([]);
  }, 60_000);
});

describe('file safety: attempts that write nothing keep every backup', () => {
  it('ten failed imports, a dry run and an import that changes nothing leave the backups folder as it was', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const db = open(file);
    db.close();
    for (let i = 0; i < 10; i++)
      expect((await cli('backup', '--db', file, '--out', join(dir, `c${i}.tajammu`))).code).toBe(0);
    const { session, call } = app(dir);
    await session.start(file);
    for (let i = 0; i < 10; i++) await call('backups.create');
    session.close();
    const before = scanBackups(file).map((b) => b.name);
    expect(before).toHaveLength(10);

    const bad = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'التجمع', 'المحاور'],
      [['Z-1', 'مبادرة', 'تجمع لا يعرفه أحد في أي إقليم', '9']],
    );
    for (let i = 0; i < 10; i++) expect((await cli('import', '--db', file, bad)).code).toBe(1);
    expect(scanBackups(file).map((b) => b.name)).toEqual(before);

    const good = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور'],
      [['NEW-1', 'مبادرة جديدة', 'إقليم جديد', 'تجمع جديد', '1']],
      { name: 'good.xlsx' },
    );
    expect((await cli('import', '--db', file, good, '--dry-run')).code).toBe(0);
    expect(scanBackups(file).map((b) => b.name)).toEqual(before);
    expect((await cli('import', '--db', file, good)).code).toBe(0);
    const afterWrite = scanBackups(file);
    expect(afterWrite[0]!.reason).toBe('before-import');
    expect(afterWrite).toHaveLength(10); // rotated once, for a write that happened
    // The same register again changes nothing: its backup is not kept.
    const unchanged = await cli('import', '--db', file, good, '--json');
    expect(JSON.parse(unchanged.out)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
    expect(scanBackups(file).map((b) => b.name)).toEqual(afterWrite.map((b) => b.name));
  }, 120_000);
});

describe('file safety: a preview never puts back what changed after it', () => {
  it('refuses (CONFLICT, both languages) to commit a preview whose initiatives changed since, writing nothing', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const { session, call } = app(dir);
    await session.start(file);
    const [first] =
      await call<{ id: string; code: string; title: string; notes: string; progress: number }[]>('initiatives.list');
    const register = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة'],
      [[first!.code, 'عنوان جديد من السجل']],
    );
    const preview = await previewOf(call, register);
    expect(preview.counts).toMatchObject({ update: 1, errors: 0 });

    // Between the preview and its commit, someone edits the same initiative on a screen.
    await call('initiatives.update', { id: first!.id, notes: 'ملاحظة كتبت بعد المعاينة', progress: 55 });
    const refused = call('import.commit', { previewId: preview.previewId, skipInvalid: false });
    await expect(refused).rejects.toMatchObject({
      code: 'CONFLICT',
      message: { ar: expect.stringContaining(first!.code), en: expect.stringContaining('changed after it was made') },
    });
    const now = await call<{ title: string; notes: string; progress: number }>('initiatives.get', { id: first!.id });
    expect(now).toMatchObject({ title: first!.title, notes: 'ملاحظة كتبت بعد المعاينة', progress: 55 });
    expect(scanBackups(file).filter((b) => b.reason === 'before-import')).toEqual([]);

    // Previewed again, it writes the title and only the title.
    const fresh = await previewOf(call, register);
    await call('import.commit', { previewId: fresh.previewId, skipInvalid: false });
    expect(await call('initiatives.get', { id: first!.id })).toMatchObject({
      title: 'عنوان جديد من السجل',
      notes: 'ملاحظة كتبت بعد المعاينة',
      progress: 55,
    });
    session.close();
  }, 60_000);
});

describe('file safety: opening is all or nothing', () => {
  it('opens a file whose daily backup cannot be taken and says so, with every later edit in that file', async () => {
    const dir = tempDir();
    const office = demoFile(dir);
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    const other = demoFile(stick, 'other.tajammu');
    // Where the backups folder should go, a file stands: the backup fails as on a full stick.
    writeFileSync(join(stick, 'backups'), '');
    const { session, call } = app(dir);
    await session.start(office);
    const state = await call<{ file: string; state: string; warning: { ar: string; en: string } | null }>(
      'files.open',
      { path: other },
    );
    expect(state).toMatchObject({ file: other, state: 'open' });
    expect(state.warning?.en).toContain('daily backup could not be taken');
    expect(state.warning?.ar).toContain('نسخته الاحتياطية اليومية');
    // The system's English text stays out of the Arabic message.
    expect(state.warning?.ar.replace(/\u2066[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z]{4,}/);
    const [one] = await call<{ id: string }[]>('initiatives.list');
    await call('initiatives.update', { id: one!.id, notes: 'في الملف الآخر' });
    session.close();
    expect(read(other, `SELECT notes FROM initiatives WHERE id = '${one!.id}'`)).toBe('في الملف الآخر');
    expect(read(office, `SELECT count(*) FROM initiatives WHERE notes = 'في الملف الآخر'`)).toBe(0);
  });
});

describe('file safety: the open file taken away', () => {
  it('refuses writes to a deleted file in both languages, naming it, and still saves a copy from what is open', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const { session, call } = app(dir);
    await session.start(file);
    const all = (await call<unknown[]>('initiatives.list')).length;
    const [one] = await call<{ id: string }[]>('initiatives.list');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    const refused = call('initiatives.update', { id: one!.id, notes: 'x' });
    await expect(refused).rejects.toMatchObject({
      code: 'FILE_GONE',
      message: { ar: expect.stringContaining('لم يعد ملف المحفظة'), en: expect.stringContaining(file) },
    });
    await expect(call('backups.create')).rejects.toMatchObject({ code: 'FILE_GONE' });
    const copy = join(dir, 'rescued.tajammu');
    const saved = await call<{ stats: { initiatives: number } }>('files.saveCopy', { path: copy });
    expect(saved.stats.initiatives).toBe(all);
    session.close();
  });

  it('refuses writes when another file was put in its place', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const other = demoFile(dir, 'other.tajammu');
    const { session, call } = app(dir);
    await session.start(file);
    const [one] = await call<{ id: string }[]>('initiatives.list');
    const hash = sha(other);
    renameSync(other, file);
    await expect(call('initiatives.update', { id: one!.id, notes: 'x' })).rejects.toMatchObject({
      code: 'FILE_GONE',
      message: { en: expect.stringContaining('replaced by another file') },
    });
    session.close();
    expect(sha(file)).toBe(hash);
  });
});

describe('file safety: an import writes exactly what its preview showed', () => {
  it('moves an initiative to another region whose cluster has the same name, in both cluster and region', async () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    open(file).close();
    const { session, call } = app(dir);
    await session.start(file);
    const a = await call<{ id: string }>('regions.create', { nameAr: 'إقليم الواحات' });
    const b = await call<{ id: string }>('regions.create', { nameAr: 'إقليم سيوة' });
    const inA = await call<{ id: string }>('clusters.create', { regionId: a.id, nameAr: 'تمور' });
    const inB = await call<{ id: string }>('clusters.create', { regionId: b.id, nameAr: 'تمور' });
    const moved = await call<{ id: string; code: string }>('initiatives.create', {
      title: 'تعبئة التمور',
      clusterId: inA.id,
      axes: [2],
    });
    session.close();
    const register = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع'],
      [[moved.code, 'تعبئة التمور', 'إقليم سيوة', 'تمور']],
    );
    const result = await cli('import', '--db', file, register, '--json');
    expect(JSON.parse(result.out)).toMatchObject({ ok: true, updated: 1 });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT region_id, cluster_id FROM initiatives WHERE id = ?').get(moved.id)).toEqual({
      region_id: b.id,
      cluster_id: inB.id,
    });
    db.close();
  });
});

describe('file safety: one set of limits for every way in', () => {
  it('reports over-long text, codes with spaces and budgets beyond the limit per row in the dry run', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const register = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور', 'الميزانية المخططة'],
      [
        ['OK-1', 'عنوان عادي', 'إقليم', 'تجمع', '1', 1000],
        ['LONG-1', 'ع'.repeat(40_000), 'إقليم', 'تجمع', '1', 1000],
        ['WITH SPACE', 'عنوان', 'إقليم', 'تجمع', '1', 1000],
        ['BIG-1', 'عنوان', 'إقليم', 'تجمع', '1', 1e20],
        ['REG-1', 'عنوان', 'إ'.repeat(400), 'تجمع', '1', 1000],
      ],
    );
    const hash = sha(file);
    const dry = await cli('import', '--db', file, register, '--dry-run', '--json');
    expect(dry.code).toBe(1);
    const { errors } = JSON.parse(dry.out) as { errors: { row: number; column: string; message: { en: string } }[] };
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [6, 'اسم المبادرة'],
      [7, 'كود المبادرة'],
      [8, 'الميزانية المخططة'],
      [9, 'الإقليم'],
    ]);
    expect(errors[0]!.message.en).toContain('300 characters; it has 40000');
    expect(errors[1]!.message.en).toBe('A code has no spaces.');
    expect(errors[2]!.message.en).toContain('larger than the program can store');
    const real = await cli('import', '--db', file, register, '--json', '--skip-invalid');
    expect(JSON.parse(real.out)).toMatchObject({ ok: true, created: 1, invalid: 4 });
    expect(sha(file)).not.toBe(hash);
  }, 60_000);
});

describe('file safety: the audit answers for every change, and undo stays honest', () => {
  it('records an undo of a settings change, and the drafts of a planning session', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const { session, call } = app(dir);
    await session.start(file);
    type Entry = { before: { officeName: string } | null; after: { officeName: string } | null };
    const settingsAudit = () => call<Entry[]>('audit.list', { entity: 'settings' });
    const before = (await settingsAudit()).length;
    await call('settings.update', { officeName: 'مكتب جديد' });
    await call('history.undo');
    const entries = await settingsAudit();
    expect(entries).toHaveLength(before + 2);
    // Newest first: the undo, from the new name back to the old one.
    expect(entries[0]!.before?.officeName).toBe('مكتب جديد');
    expect(entries[0]!.after?.officeName).not.toBe('مكتب جديد');
    const [one] = await call<{ id: string; notes: string }[]>('initiatives.list');
    await call('initiatives.update', { id: one!.id, notes: 'قبل المسودات' });
    const draft = await call<{ id: number }>('planning.add', { kind: 'update', input: { id: one!.id, progress: 90 } });
    await call('planning.remove', { id: draft.id });
    await call('planning.add', { kind: 'update', input: { id: one!.id, progress: 80 } });
    await call('planning.discard');
    const drafts = await call<{ action: string }[]>('audit.list', { entity: 'plan_draft' });
    expect(drafts.map((d) => d.action).sort()).toEqual(['create', 'create', 'delete', 'delete']);
    // Drafts are not the portfolio's records: the edit before them can still be undone.
    await call('history.undo');
    expect(await call('initiatives.get', { id: one!.id })).toMatchObject({ notes: one!.notes });
    session.close();
  });

  it('refuses an undo after a restore from the command line, which would undo an older change', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const copy = join(dir, 'copy.tajammu');
    const { session, call } = app(dir);
    await session.start(file);
    const [one] = await call<{ id: string }[]>('initiatives.list');
    await call('initiatives.update', { id: one!.id, notes: 'قبل النسخة' });
    expect((await cli('backup', '--db', file, '--out', copy)).code).toBe(0);
    await call('initiatives.update', { id: one!.id, notes: 'بعد النسخة' });
    expect((await cli('restore', '--db', file, '--from', copy)).code).toBe(0);
    await expect(call('history.undo')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await call('initiatives.get', { id: one!.id })).toMatchObject({ notes: 'قبل النسخة' });
    session.close();
  });
});

describe('file safety: the command line under another program and on bad days', () => {
  it('exits 1 on a restore while another program writes, and 2 with JSON on an import, writing nothing', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const copy = join(dir, 'copy.tajammu');
    await cli('backup', '--db', file, '--out', copy);
    const register = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور'],
      [['L-1', 'مبادرة', 'إقليم', 'تجمع', '1']],
    );
    const held = await holdWriteLock(file, 12_000);
    const restore = await cli('restore', '--db', file, '--from', copy);
    expect(restore.code).toBe(1);
    expect(restore.err).toMatch(/مستخدم في برنامج آخر.*in use by another program/);
    const imported = await cli('import', '--db', file, register, '--json');
    expect(imported.code).toBe(2);
    expect(JSON.parse(imported.out)).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    await held.released;
    expect(read(file, "SELECT count(*) FROM initiatives WHERE code = 'L-1'")).toBe(0);
    expect(scanBackups(file)).toEqual([]);
  }, 60_000);

  it('refuses to commit an import preview while another program holds the file, writing nothing and keeping no backup', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const { session, call } = app(dir);
    await session.start(file);
    const register = await writeMessyRegister(
      dir,
      ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور'],
      [['L-2', 'مبادرة', 'إقليم', 'تجمع', '1']],
    );
    const preview = await previewOf(call, register);
    const backups = scanBackups(file).map((b) => b.name);
    const held = await holdWriteLock(file, 8000);
    await expect(call('import.commit', { previewId: preview.previewId, skipInvalid: false })).rejects.toMatchObject({
      code: 'BUSY',
      message: { ar: expect.stringContaining('مشغول ببرنامج آخر') },
    });
    await held.released;
    expect(await call('initiatives.list')).not.toContainEqual(expect.objectContaining({ code: 'L-2' }));
    expect(scanBackups(file).map((b) => b.name)).toEqual(backups);
    session.close();
  }, 60_000);

  it('exits 64 on an unknown option, keeps system text out of the Arabic half, and refuses an empty non-.tajammu file', async () => {
    expect((await cli('matrix', '--db', 'x.tajammu', '--colour')).code).toBe(64);
    const line = errorLine(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const [ar, en] = line.split(' / ');
    expect(ar).toBe('القرص ممتلئ، فلم يُحفظ شيء. أفرغ مساحة أو اختر قرصًا آخر ثم أعد المحاولة.');
    expect(en).toContain('The disk is full');
    expect(errorLine(new Error('boom'))).toMatch(/^حدث خطأ غير متوقع، ولم يُحفظ أي تغيير\. \/ .*\(boom\)$/);

    const dir = tempDir();
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = await cli('matrix', '--db', empty, '--json');
    expect(r.code).toBe(1);
    expect(statSync(empty).size).toBe(0);
  });

  it('keeps uploaded workbooks in a private folder of its own', async () => {
    const dir = tempDir();
    const file = demoFile(dir);
    const { session, call } = app(dir);
    await session.start(file);
    const register = await writeMessyRegister(dir, ['كود المبادرة', 'اسم المبادرة'], [['INI-0001', 'عنوان']]);
    await previewOf(call, register);
    const work = exchangeWorkDir()!;
    expect(statSync(work).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(work)) expect(statSync(join(work, f)).mode & 0o077).toBe(0);
    session.close();
  });
});
