/**
 * The ministry's screens in Chromium: packages from two offices (one edited after it left)
 * chosen, judged, received; the status grid; a period returned with comments, whose reply file
 * the office opens; the national matrix whose total is the offices' totals; both languages.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { AXIS_IDS } from '../../db/core/axes';
import { sumRows } from '../../db/core/measures';
import { loadDemo } from '../../db/demo';
import { getMatrix } from '../../db/queries/matrix';
import { listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { makeMinistry } from '../../db/repos/ministry';
import { updateSettings } from '../../db/repos/settings';
import { listSubmissions } from '../../db/repos/submissions';
import { readReply, applyReply } from '../../electron/excel/reply';
import { submitPeriod } from '../../electron/excel/submit';
import Excel from '../../electron/excel/exceljs';
import { libreConvert, openpyxlSave } from '../helpers/others';
import { pdfImages, pdfPageSizes, pdfText } from '../helpers/pdf';
import { RESULTS, type Session, startSession } from './browser';

const ctx = { source: 'cli' as const };
let s: Session;
let page: Page;
const packages: Record<string, string> = {};
const offices: Record<string, ReturnType<typeof open>> = {};

beforeAll(async () => {
  s = await startSession((file) => {
    const m = open(file);
    makeMinistry(m, ctx);
    m.close();
  });
  page = s.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  for (const [code, factor] of [
    ['DLT', 1],
    ['SAI', 2],
  ] as const) {
    const db = open(join(s.dbFile, '..', `${code}.tajammu`));
    loadDemo(db, ctx);
    updateSettings(db, ctx, { officeCode: code, officeName: `مكتب ${code}` });
    for (const i of listInitiatives(db).slice(0, 30))
      updateInitiative(db, ctx, { id: i.id, plannedBudget: i.plannedBudget * factor });
    packages[code] = join(s.dbFile, '..', `${code}-2026-Q3-v1.xlsx`);
    await submitPeriod(db, ctx, packages[code], {
      period: '2026-Q3',
      lang: 'ar',
      now: new Date('2026-10-15T09:00:00Z'),
    });
    offices[code] = db;
  }
  // A copy of SAI's package with one budget changed in openpyxl after it left the office.
  packages.edited = join(s.dbFile, '..', 'SAI-edited.xlsx');
  openpyxlSave(packages.SAI!, packages.edited, { row: 2, add: 700 });
  await page.goto(s.host.url);
}, 120_000);
afterAll(async () => {
  for (const db of Object.values(offices)) db.close();
  await s?.close();
});

describe('e2e/ministry', () => {
  it('judges the packages chosen, receives the good ones, and shows who reported', async () => {
    await expect.poll(() => page.getByTestId('nav-offices').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    await page.getByTestId('receive-input').setInputFiles([packages.DLT!, packages.edited!]);
    const preview = page.getByTestId('receive-preview');
    await expect.poll(() => preview.innerText()).toContain('معدَّلة بعد التقديم');
    expect(await preview.innerText()).toContain('مكتب جديد يُضاف إلى السجل');
    // The initiative edited (the first data row of the machine part) is named by its code.
    const [firstCode] = offices
      .SAI!.prepare('SELECT code FROM initiatives ORDER BY id LIMIT 1')
      .pluck()
      .all() as string[];
    expect(await page.getByTestId('edited-rows').innerText()).toContain(`المبادرات ${firstCode} (معدَّل)`);
    await page.screenshot({ path: join(RESULTS, 'ministry-receive-ar.png') });
    // The edited one stays out: one package received.
    await expect.poll(() => page.getByTestId('receive-commit').innerText()).toContain('حزمة واحدة');
    await page.getByTestId('receive-commit').click();
    await expect.poll(() => page.getByTestId('status-grid').innerText()).toContain('في موعده');
    // SAI's own package now, from a folder (as copied off a USB stick) that holds a note too.
    const folder = join(s.dbFile, '..', 'usb');
    mkdirSync(folder);
    copyFileSync(packages.SAI!, join(folder, 'SAI-2026-Q3-v1.xlsx'));
    writeFileSync(join(folder, 'ملاحظات.txt'), 'أرسلها مكتب سيناء يوم الخميس');
    await page.getByTestId('receive-folder').setInputFiles(folder);
    await expect.poll(() => page.getByTestId('receive-preview').innerText()).toContain('SAI');
    expect(await page.getByTestId('receive-preview').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('receive-commit').click();
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="SAI"] [data-state="on_time"]').count())
      .toBe(1);
  }, 60_000);

  it('adds an office by hand, which the grid then expects', async () => {
    const section = page.getByTestId('offices-section');
    await section.locator('input[name="office-code"]').fill('qna');
    await section.locator('input[name="office-name"]').fill('مكتب قنا');
    await section.locator('input[name="office-regions"]').fill('محافظة قنا');
    await section.getByRole('button', { name: 'إضافة مكتب' }).click();
    await expect.poll(() => section.getByTestId('offices').innerText()).toContain('مكتب قنا');
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="QNA"] [data-state="missing"]').count())
      .toBe(1);
    expect(await section.getByTestId('offices').innerText()).toContain('محافظة قنا');
    // Closed from today: still expected for the quarter that ended before.
    await section.getByTestId('close-QNA').click();
    await expect.poll(() => section.getByTestId('offices').innerText()).toContain('مغلق منذ');
    expect(await page.getByTestId('status-grid').locator('[data-office="QNA"] [data-state="missing"]').count()).toBe(1);
  }, 60_000);

  it('returns a period with comments, and the office opens the reply', async () => {
    const first = listInitiatives(offices.SAI!)[0]!;
    await page.getByTestId('status-grid').locator('[data-office="SAI"] [data-period="2026-Q3"] .MuiChip-root').click();
    const dialog = page.getByTestId('decide-dialog');
    await dialog.locator('textarea[name="comment"]').fill('يرجى مراجعة الميزانيات');
    await dialog.locator('textarea[name="comments"]').fill(`${first.code}: الميزانية لا تطابق الخطة`);
    await page.waitForTimeout(300); // the dialog fades in
    await page.screenshot({ path: join(RESULTS, 'ministry-return-ar.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('decide-return').click()]);
    const reply = join(RESULTS, 'ministry-reply-SAI.xlsx');
    await download.saveAs(reply);
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="SAI"] [data-state="returned"]').count())
      .toBe(1);
    applyReply(offices.SAI!, ctx, await readReply(reply));
    expect(listSubmissions(offices.SAI!)[0]).toMatchObject({
      status: 'returned',
      reply: {
        comment: 'يرجى مراجعة الميزانيات',
        comments: [{ code: first.code, comment: 'الميزانية لا تطابق الخطة' }],
      },
    });
    // DLT accepted.
    await page.getByTestId('status-grid').locator('[data-office="DLT"] [data-period="2026-Q3"] .MuiChip-root').click();
    const [accepted] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('decide-dialog').getByTestId('decide-accept').click(),
    ]);
    expect(accepted.suggestedFilename()).toBe('reply-DLT-2026-Q3-v1.xlsx');
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="DLT"] [data-state="accepted"]').count())
      .toBe(1);
    // Reopened with a reason, then accepted again.
    const dlt = page.getByTestId('status-grid').locator('[data-office="DLT"] [data-period="2026-Q3"] .MuiChip-root');
    await dlt.click();
    await page.getByTestId('decide-dialog').locator('textarea[name="comment"]').fill('مراجعة بعد زيارة ميدانية');
    await page.getByTestId('decide-dialog').getByTestId('decide-reopen').click();
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="DLT"] [data-state="on_time"]').count())
      .toBe(1);
    await dlt.click();
    await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('decide-dialog').getByTestId('decide-accept').click(),
    ]);
    await expect
      .poll(() => page.getByTestId('status-grid').locator('[data-office="DLT"] [data-state="accepted"]').count())
      .toBe(1);
    await page.screenshot({ path: join(RESULTS, 'ministry-status-ar.png'), fullPage: true });
  }, 60_000);

  it('shows the national matrix over the accepted submissions, its total the offices’ own', async () => {
    await page.getByTestId('nav-nation').click();
    const table = page.getByTestId('nation-matrix');
    await table.waitFor();
    // Only DLT is accepted: the nation is DLT's matrix of the period, office by office.
    const own = getMatrix(offices.DLT!, { period: '2026-Q3' });
    const expected = AXIS_IDS.map((a) => String(sumRows(own, a).n));
    await expect
      .poll(async () => (await page.getByTestId('nation-total').locator('td').allInnerTexts()).slice(1))
      .toEqual(expected);
    await expect.poll(() => page.getByTestId('nation-findings').innerText()).toContain('ملاحظات السلامة');
    await expect.poll(() => page.getByTestId('nation-trend').locator('tr[data-period="2026-Q3"]').count()).toBe(1);
    // The dashboard over the same rows: DLT accepted, SAI returned, the office added by hand
    // missing; the figures DLT's own.
    const dash = page.getByTestId('nation-dashboard');
    await expect.poll(() => dash.getByTestId('nation-dashAccepted').innerText()).toBe('1');
    expect(await dash.getByTestId('nation-dashReturned').innerText()).toBe('1');
    expect(await dash.getByTestId('nation-dashMissing').innerText()).toBe('1');
    expect(await dash.getByTestId('nation-dashWaiting').innerText()).toBe('0');
    expect(await dash.getByTestId('nation-stat-initiatives').innerText()).toBe(String(sumRows(own, null).n));
    expect(await dash.getByTestId('nation-chart-offices').innerText()).toContain('الميزانية حسب المكتب');
    await page.screenshot({ path: join(RESULTS, 'ministry-nation-ar.png') });
    await dash.getByTestId('nation-chart-axes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'ministry-nation-dashboard-ar.png') });
    await table.scrollIntoViewIfNeeded();
    // A figure opens its initiatives and the package they came from.
    const figure = table.locator('tr[data-office="DLT"] td[data-axis="1"][data-opens]').first();
    const shown = Number(await figure.innerText());
    await figure.click();
    const dialog = page.getByTestId('nation-cell');
    await expect.poll(() => dialog.getByTestId('nation-cell-source').innerText()).toContain('DLT-2026-Q3-v1.xlsx');
    // As many initiatives as the figure says.
    await expect.poll(() => dialog.locator('tbody tr').count()).toBe(shown);
    expect(await dialog.locator('tbody tr').first().innerText()).toMatch(/INI-\d{4}/);
    await page.waitForTimeout(300); // the dialog fades in
    await page.screenshot({ path: join(RESULTS, 'ministry-cell-ar.png') });
    await page.keyboard.press('Escape');
    // The national report of the period, with the offices summary and who reported.
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('nation-export').click()]);
    expect(report.suggestedFilename()).toBe('التقرير-الوطني-2026-Q3.xlsx');
    const file = join(RESULTS, 'ministry-national-report.xlsx');
    await report.saveAs(file);
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('حالة التقديم')!.getRow(2).getCell(1).value).toBe('DLT');
    expect(wb.getWorksheet('ملخص المكاتب')!.getRow(2).getCell(1).value).toBe('DLT');
    // Printed (LibreOffice to PDF): the offices summary and the status grid read whole, no ###.
    const pdf = libreConvert(file, 'pdf', join(RESULTS, 'ministry-national-pdf'));
    const pages = pdfPageSizes(pdf).length;
    const text = pdfText(pdf, 1, pages);
    expect(text).not.toContain('###');
    const tail = pdfText(pdf, pages - 1, pages);
    expect(tail).toContain('DLT');
    expect(tail).toContain('مقبول');
    // Axis 1's budget of DLT, in pounds with its piastres, as the summary prints it.
    expect(tail).toContain((sumRows(own, 1).budget / 100).toLocaleString('en', { minimumFractionDigits: 2 }));
    pdfImages(pdf, join(RESULTS, 'ministry-national-page'), pages, 70);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('National total');
    await page.screenshot({ path: join(RESULTS, 'ministry-nation-en.png') });
    await page.getByTestId('nav-offices').click();
    await expect.poll(() => page.getByTestId('status-grid').innerText()).toContain('Accepted');
    await page.screenshot({ path: join(RESULTS, 'ministry-status-en.png'), fullPage: true });
    await page.getByTestId('language-switch').click();
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});
