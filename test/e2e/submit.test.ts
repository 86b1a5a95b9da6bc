/**
 * Submitting a period from the screens: the office code asked for first, the package saved as a
 * download and read back intact, the changes since, a second version only with a reason, and
 * the dashboard saying what is due and whether it went.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueDay } from '../../db/core/report-text';
import { periodDue } from '../../db/core/period';
import { listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { updateSettings } from '../../db/repos/settings';
import { listSubmissions } from '../../db/repos/submissions';
import { readPackage } from '../../electron/excel/package';
import { writeReply } from '../../electron/excel/reply';
import Excel from '../../electron/excel/exceljs';
import { RESULTS, type Session, startDemoSession } from './browser';

let s: Session;
let page: Page;
const due = periodDue(issueDay(new Date()), 'quarter', 7, 30).period;

beforeAll(async () => {
  s = await startDemoSession();
  page = s.page;
  await page.setViewportSize({ width: 1366, height: 768 });
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('e2e/submit', () => {
  it('asks for the office code before the first submission', async () => {
    await page.getByTestId('nav-reporting').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('رمز المكتب');
    expect(await page.getByTestId('submit-period').count()).toBe(0);
  });

  it('submits the period due, saves its package, and shows it in the list and on the dashboard', async () => {
    updateSettings(s.db, { source: 'cli' }, { officeCode: 'DLT' });
    await page.reload();
    await page.getByTestId('nav-reporting').click();
    const section = page.locator('main');
    await section.getByTestId('submit-period').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('submit-period').click()]);
    expect(download.suggestedFilename()).toBe(`DLT-${due}-v1.xlsx`);
    const file = join(RESULTS, 'submission-package.xlsx');
    await download.saveAs(file);
    const pkg = await readPackage(file);
    expect(pkg.intact).toBe(true);
    expect(pkg.meta).toMatchObject({ officeCode: 'DLT', period: due, version: 1 });
    await expect.poll(() => section.getByTestId('submissions').innerText()).toContain(pkg.meta.sha256.slice(0, 12));
    await page.screenshot({ path: join(RESULTS, 'submit-ar.png') });
    await page.getByTestId('nav-dashboard').click();
    await expect.poll(() => page.getByTestId('reporting-due').innerText()).toContain('قُدِّمت');
    // The dashboard's count of changes leads to them.
    await page.getByTestId('reporting-changes-count').click();
    await page.getByTestId('reporting-changes').waitFor();
  }, 60_000);

  it('lists what changed since, and takes a second version only with a reason', async () => {
    const [first] = listInitiatives(s.db);
    updateInitiative(s.db, { source: 'cli' }, { id: first!.id, title: `${first!.title} – مرحلة ثانية` });
    // Opening the screen afresh reads the reporting state again (it is read when shown).
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-reporting').click();
    const section = page.locator('main');
    // The changed field with its value before and after, on the initiative's line.
    const line = section.getByTestId('changes-list').locator(`tr[data-code="${first!.code}"]`);
    await expect.poll(() => line.innerText()).toContain('مرحلة ثانية');
    const cells = await line.locator('td').allInnerTexts();
    expect(cells.slice(1, 6)).toEqual([
      `${first!.title} – مرحلة ثانية`,
      'مبادرة معدَّلة',
      'عنوان المبادرة',
      first!.title,
      `${first!.title} – مرحلة ثانية`,
    ]);
    expect(await section.getByTestId('submit-period').isDisabled()).toBe(true);
    // What the change moves, asked for: a retitled initiative moves no budget and no gap.
    await section.getByTestId('changes-details').click();
    await expect.poll(() => section.getByTestId('changes-detail').innerText()).toContain('فجوة أُغلقت (0)');
    await page.screenshot({ path: join(RESULTS, 'changes-ar.png') });
    // The report exported now can carry the changes as a sheet.
    await page.getByTestId('nav-exchange').click();
    await page.getByLabel('مع ورقة التغييرات منذ آخر تقديم').check();
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const reportFile = join(RESULTS, 'report-with-changes.xlsx');
    await report.saveAs(reportFile);
    const wb = new Excel.Workbook();
    await wb.xlsx.readFile(reportFile);
    const sheet = wb.getWorksheet('التغييرات منذ آخر تقديم')!;
    expect(sheet.getSheetValues().flat().map(String).join(' ')).toContain(first!.code);
    await page.getByTestId('nav-reporting').click();
    await section.locator('input[name=reason]').fill('تصحيح عنوان مبادرة');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByTestId('submit-period').click()]);
    expect(download.suggestedFilename()).toBe(`DLT-${due}-v2.xlsx`);
    await expect.poll(() => listSubmissions(s.db).map((x) => x.version)).toEqual([1, 2]);
    await expect.poll(() => section.getByTestId('reporting-changes').innerText()).toContain('لا تغييرات');
    // The ministry returns version 2 with a comment on that initiative: shown until submitted again.
    const v2 = listSubmissions(s.db).at(-1)!;
    const reply = join(RESULTS, 'ministry-reply.xlsx');
    await writeReply(
      reply,
      {
        officeCode: 'DLT',
        period: due,
        version: 2,
        sha256: v2.sha256,
        status: 'returned',
        comment: 'يرجى استكمال مؤشرات المبادرات الجديدة',
        comments: [{ code: first!.code, comment: 'العنوان لا يطابق خطة الوزارة' }],
        repliedAt: new Date().toISOString(),
      },
      'ar',
    );
    await section.getByTestId('reply-input').setInputFiles(reply);
    const returned = section.getByTestId('reply-returned');
    await expect.poll(() => returned.innerText()).toContain('العنوان لا يطابق خطة الوزارة');
    expect(await returned.innerText()).toContain('يرجى استكمال مؤشرات');
    // The commented initiative, unchanged since, is in the changes list with the comment beside it.
    await expect
      .poll(() => section.getByTestId('changes-list').locator(`tr[data-code="${first!.code}"]`).innerText())
      .toContain('ملاحظة لم تُعالَج بعد');
    await expect.poll(() => section.getByTestId('submissions').innerText()).toContain('مُعاد مع ملاحظات');
    await page.screenshot({ path: join(RESULTS, 'submit-returned-ar.png') });
    // The comment is on the initiative too, where the clerk corrects it.
    await page.getByTestId('nav-initiatives').click();
    await page.locator('input[name="search"]').fill(first!.code);
    await page
      .getByRole('menuitem', { name: /^تعديل / })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('initiative-dialog').getByTestId('ministry-comment').innerText())
      .toContain('العنوان لا يطابق خطة الوزارة');
    await page.waitForTimeout(400); // the dialog fades in
    await page.screenshot({ path: join(RESULTS, 'initiative-ministry-comment-ar.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-reporting').click();
    // Version 1's package, lost by the office, saved again from its snapshot: the same data.
    const [lost] = await Promise.all([page.waitForEvent('download'), section.getByTestId('save-again-1').click()]);
    expect(lost.suggestedFilename()).toBe(`DLT-${due}-v1.xlsx`);
    await lost.saveAs(join(RESULTS, 'submission-package-again.xlsx'));
    const again = await readPackage(join(RESULTS, 'submission-package-again.xlsx'));
    expect(again.intact).toBe(true);
    expect(again.sha256).toBe(listSubmissions(s.db)[0]!.sha256);
    await page.getByTestId('language-switch').click();
    await expect.poll(() => section.innerText()).toContain('Submissions');
    await page.screenshot({ path: join(RESULTS, 'submit-en.png') });
    await section.getByTestId('reporting-changes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'changes-en.png') });
    await page.getByTestId('language-switch').click();
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});
