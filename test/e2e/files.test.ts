import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupBeside } from '../../db/backup';
import { open, type Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { LATEST_VERSION } from '../../db/migrations';
import { createInitiative } from '../../db/repos/initiatives';
import { updateSettings } from '../../db/repos/settings';
import { damageTable } from '../helpers/damage';
import { axeViolations, RESULTS, type Session, startDemoSession, startSession } from './browser';

let s: Session | undefined;
afterEach(async () => {
  if (s) {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  }
  await s?.close();
  s = undefined;
});

const ui = { source: 'ui' as const };
const count = (db: Db, table = 'initiatives') => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function toSettings(session: Session) {
  await session.page.getByTestId('nav-settings').click();
  await session.page.getByTestId('backup-now').waitFor();
}

describe('e2e/backups', () => {
  it('backs up on demand, lists the backup with what it holds, and restores it after a confirmation', async () => {
    s = await startDemoSession();
    const { page } = s;
    mkdirSync(RESULTS, { recursive: true });
    await toSettings(s);
    expect(await page.getByText('لا توجد نسخ احتياطية بعد.').count()).toBe(1);
    const all = count(s.db);
    await page.getByTestId('backup-now').click();
    const row = page.getByTestId('backups-table').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.first().locator('td').allInnerTexts();
    expect(cells[1]).toBe('يدوية');
    expect(cells.slice(3, 6)).toEqual([count(s.db, 'regions'), count(s.db, 'clusters'), all].map(String));

    // A day's work lost by mistake.
    s.db.exec('DELETE FROM indicator_values; DELETE FROM indicators; DELETE FROM initiatives');
    await row.first().getByTestId('backup-restore').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('تُؤخذ قبل ذلك نسخة احتياطية من الحالة الحالية');
    expect(await axeViolations(page)).toEqual([]); // also waits for the dialog to fade in
    await page.screenshot({ path: join(RESULTS, 'backups-restore-ar.png') });
    await page.getByTestId('confirm-restore').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('استُعيدت النسخة');
    expect(count(s.portfolio.db!)).toBe(all);
    // The emptied state was backed up first, and is listed too.
    await expect.poll(() => row.count()).toBe(2);
    expect(await row.first().locator('td').nth(1).innerText()).toBe('قبل استعادة');
    expect(await row.first().locator('td').nth(5).innerText()).toBe('0');

    // The rotation is a setting of the portfolio.
    await page.locator('input[name="backupKeepLast"]').fill('5');
    await page.getByTestId('settings-save').click();
    await expect
      .poll(() => s!.portfolio.db!.prepare("SELECT value FROM settings WHERE key = 'backupKeepLast'").pluck().get())
      .toBe('5');
    await page.screenshot({ path: join(RESULTS, 'settings-backups-ar.png'), fullPage: true });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await row.first().locator('td').nth(1).innerText()).toBe('Before a restore');
    await page.screenshot({ path: join(RESULTS, 'settings-backups-en.png'), fullPage: true });
  });
});

describe('e2e/portfolio files', () => {
  it('opens another file, creates one, saves a copy, and goes back through the recent list', async () => {
    s = await startDemoSession();
    const { page } = s;
    const dir = dirname(s.dbFile);
    const branch = join(dir, 'branch.tajammu');
    const other = open(branch);
    updateSettings(other, ui, { officeName: 'مكتب فرع الصعيد' });
    other.close();
    await toSettings(s);

    const choose = async (testId: string, path: string, audit = false) => {
      await page.getByTestId(testId).click();
      await page.getByTestId('file-path').waitFor();
      if (audit) expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('file-path').fill(path);
      await page.getByTestId('file-path-go').click();
    };
    await choose('file-open', branch, true);
    await expect.poll(() => page.getByTestId('current-file').innerText()).toBe(branch);
    await expect.poll(() => page.getByLabel('اسم المكتب').inputValue()).toBe('مكتب فرع الصعيد');
    expect(await page.getByTestId('notice').innerText()).toContain('فُتح ملف المحفظة');
    const recent = page.getByTestId('recent-files').locator('li');
    expect(await recent.allInnerTexts()).toEqual([expect.stringContaining(branch), s.dbFile]);
    await page.screenshot({ path: join(RESULTS, 'settings-files-ar.png'), fullPage: true });

    // A new file is empty: the dashboard greets it as a first start.
    const fresh = join(dir, 'new office.tajammu');
    await choose('file-create', fresh);
    await expect.poll(() => page.getByTestId('current-file').innerText()).toBe(fresh);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('first-start').waitFor();

    // A consolidated portfolio, the ministry's: its screens are the offices and the nation.
    await toSettings(s);
    await choose('file-create-ministry', join(dir, 'ministry.tajammu'));
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('أُنشئت محفظة مجمّعة جديدة');
    await expect.poll(() => page.getByTestId('nav-offices').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);

    // Back to the first file from the recent list, then a copy of it on a "USB stick".
    await toSettings(s);
    await recent.filter({ hasText: s.dbFile }).click();
    await expect.poll(() => page.getByTestId('current-file').innerText()).toBe(s.dbFile);
    const usb = join(dir, 'usb', 'office-copy.tajammu');
    await choose('file-copy', usb);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(usb);
    expect(existsSync(usb)).toBe(true);
    await choose('file-copy', usb);
    await page.getByTestId('confirm-replace').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(usb);
    const copy = new Database(usb, { readonly: true });
    expect(count(copy)).toBe(count(s.portfolio.db!));
    copy.close();
    expect(await page.getByTestId('current-file').innerText()).toBe(s.dbFile);

    // A file from a newer program is refused in the user's language; the open file stays.
    const newer = join(dir, 'newer.tajammu');
    open(newer).close();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    await choose('file-open', newer);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('إصدار أحدث');
    expect(await page.getByTestId('current-file').innerText()).toBe(s.dbFile);
  });

  it('offers the newest good backup of a damaged file, says which records differ, and puts it in place', async () => {
    let initiatives = 0;
    s = await startSession(async (file) => {
      const db = open(file);
      loadDemo(db, ui);
      initiatives = count(db);
      await backupBeside(db, 'daily');
      const clusterId = db.prepare('SELECT id FROM clusters ORDER BY code LIMIT 1').pluck().get() as string;
      createInitiative(db, ui, { code: 'AFTER-001', title: 'مبادرة أُدخلت بعد النسخة', clusterId, axes: [3] });
      db.close();
      damageTable(file, 'audit_log'); // a bad sector under the history, the register spared
    });
    const { page } = s;
    await page.goto(s.host.url);
    await page.getByTestId('recovery').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe('ملف المحفظة تالف');
    expect(await page.getByTestId('recovery-backup').innerText()).toContain(`المبادرات: ${initiatives}`);
    const rows = page.getByTestId('recovery-differences').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th').innerText()).toBe('المبادرات');
    expect(await rows.first().locator('td').first().innerText()).toBe('1 — AFTER-001 — مبادرة أُدخلت بعد النسخة');
    await page.screenshot({ path: join(RESULTS, 'recovery-ar.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.screenshot({ path: join(RESULTS, 'recovery-en.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('recovery-restore').click();
    await page.getByTestId('confirm-recover').click();
    await page.getByTestId('stat-initiatives').waitFor();
    // The tile counts under the rule of figures: the cancelled ones are in the register only.
    const cancelled = s.portfolio.db!.prepare("SELECT count(*) FROM initiatives WHERE status = 'cancelled'").pluck();
    expect(await page.getByTestId('stat-initiatives').innerText()).toBe(
      String(initiatives - (cancelled.get() as number)),
    );
    expect(count(s.portfolio.db!)).toBe(initiatives);
  });
});

describe('e2e/the open file taken away', () => {
  it('refuses an edit to a deleted portfolio file with a message naming it, and leads to saving a copy of what is open', async () => {
    s = await startDemoSession();
    const { page } = s;
    await page.setViewportSize({ width: 1366, height: 768 });
    const all = count(s.db);
    await toSettings(s);
    // The USB stick is pulled out: the file is gone, the program still holds what it read.
    for (const suffix of ['', '-wal', '-shm']) rmSync(s.dbFile + suffix, { force: true });
    await page.getByLabel('اسم المكتب').fill('مكتب بعد فصل القرص');
    await page.getByTestId('settings-save').click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText()).toContain('لم يعد ملف المحفظة');
    expect(await notice.innerText()).toContain(s.dbFile);
    const shown = () => notice.evaluate((el) => getComputedStyle(el).opacity);
    await expect.poll(shown).toBe('1'); // faded in
    await page.screenshot({ path: join(RESULTS, 'file-gone-ar.png') });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => notice.innerText()).toContain('is no longer where it was');
    await expect.poll(shown).toBe('1');
    await page.screenshot({ path: join(RESULTS, 'file-gone-en.png') });
    await page.getByTestId('notice-save-copy').click();
    await page.getByTestId('file-copy').click();
    const rescued = join(dirname(s.dbFile), 'rescued', 'office.tajammu');
    await page.getByTestId('file-path').fill(rescued);
    await page.getByTestId('file-path-go').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain(rescued);
    const copy = new Database(rescued, { readonly: true });
    expect(count(copy)).toBe(all);
    copy.close();
  });
});
