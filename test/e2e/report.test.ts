/**
 * The report for a period from the screen: the export picks the period, the print view lays the
 * report out for A4, and Chromium's print (what Electron's printToPDF uses) makes the PDF that
 * pdfinfo and pdftotext read back. Page images and 1366×768 screenshots go to test-results/.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { getReport } from '../../db/queries/report';
import { getLogo, getSettings, updateSettings } from '../../db/repos/settings';
import { barChartSvg } from '../../db/core/charts';
import { svgToPng } from '../../electron/excel/charts';
import { readWorkbookInMemory } from '../helpers/workbooks';
import { RESULTS, type Session, startSession } from './browser';
import { pdfImages, pdfPageSizes, pdfText } from '../helpers/pdf';

let s: Session;
let page: Page;
const work = mkdtempSync(join(tmpdir(), 'tajammu-e2e-report-'));

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  s = await startSession();
  page = s.page;
  loadDemo(s.db, { source: 'cli' });
  updateSettings(
    s.db,
    { source: 'cli' },
    {
      agencyName: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر',
      signatories: [
        { name: 'سارة محمود', role: 'أخصائي متابعة' },
        { name: 'أحمد علي', role: 'رئيس قسم التخطيط' },
        { name: 'منى حسن', role: 'مدير المكتب' },
      ],
    },
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(s.host.url);
  await page.getByTestId('nav-exchange').click();
}, 60_000);
afterAll(async () => {
  await s?.close();
});

async function choosePeriod(period: string): Promise<void> {
  await page.getByTestId('export-section').getByRole('combobox').nth(2).click();
  await page.locator(`li[data-period="${period}"]`).click();
}

async function printToPdf(name: string): Promise<string> {
  const pdf = join(RESULTS, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  pdfImages(pdf, join(RESULTS, name), 5, 50);
  return pdf;
}

describe('e2e/report', () => {
  it('exports the report for a quarter chosen on the screen', async () => {
    await choosePeriod('2026-Q3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(download.suggestedFilename()).toMatch(/^تقرير-المحفظة-2026-Q3-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(work, 'q3.xlsx');
    await download.saveAs(file);
    const wb = await readWorkbookInMemory(file);
    const cover = wb.getWorksheet('الغلاف')!.getSheetValues().flat().map(String);
    expect(cover).toContain('الربع الثالث من عام 2026');
    // The register holds the initiatives running in the quarter, as the matrix counts them.
    const report = getReport(s.db, { period: '2026-Q3' });
    const listed = report.groups.reduce((n, g) => n + g.initiatives.length, 0);
    expect(wb.getWorksheet('سجل المبادرات')!.rowCount - 1).toBe(listed);
    expect(listed).toBeLessThan(s.db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number);
    await page.screenshot({ path: join(RESULTS, 'report-export-ar.png') });
  }, 60_000);

  it('prints the Arabic report to an A4 PDF: cover to sign, landscape register, no controls', async () => {
    await page.getByTestId('print-report').click();
    const view = page.getByTestId('report-print');
    await expect
      .poll(() => view.getByTestId('print-period').textContent(), { timeout: 20_000 })
      .toBe('الربع الثالث من عام 2026');
    expect(await view.getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('print-now').isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the button's colour fades in as it is enabled
    await page.screenshot({ path: join(RESULTS, 'report-print-ar.png') });
    const pdf = await printToPdf('report-print-ar');
    const sizes = pdfPageSizes(pdf);
    // The cover and summary on A4 portrait, the matrix, register and findings on A4 landscape.
    expect(sizes[0]![0]).toBeCloseTo(595, 0);
    expect(sizes[0]![1]).toBeCloseTo(842, 0);
    expect(sizes.some(([w, h]) => w > h)).toBe(true);
    // Chromium's PDF puts spaces between Arabic letter groups in its text layer: compared without them.
    const cover = pdfText(pdf, 1).replace(/\s+/g, '');
    for (const word of ['راجعه', 'اعتمده', 'الختم', 'سارةمحمود', 'جهازتنميةالمشروعات']) expect(cover).toContain(word);
    const all = pdfText(pdf, 1, sizes.length);
    expect(all.replace(/\s+/g, '')).not.toContain('حفظPDF');
    // The register's last page never holds only the total row.
    for (let p = 1; p <= sizes.length; p++) {
      const page_ = pdfText(pdf, p);
      if (page_.replace(/\s+/g, '').includes('إجماليالتقرير')) expect(page_).toMatch(/INI-\d{4}/);
    }
    await page.getByTestId('print-back').click();
    await expect.poll(() => page.getByTestId('export-section').isVisible()).toBe(true);
  }, 90_000);

  it('takes the cover in Settings: agency, signatories and a logo; a file that is no image is refused', async () => {
    if (await page.getByTestId('print-back').isVisible()) await page.getByTestId('print-back').click();
    await page.getByTestId('nav-settings').click();
    await page.locator('input[name=agencyName]').fill('جهاز تنمية المشروعات – فرع دمياط');
    await page.locator('input[name=signatory2Name]').fill('د. ليلى فؤاد');
    await page.locator('input[name=signatory2Role]').fill('مديرة الفرع');
    await page.getByTestId('settings-save').click();
    await expect.poll(() => getSettings(s.db).signatories[2]!.name).toBe('د. ليلى فؤاد');
    const logo = join(work, 'logo.png');
    writeFileSync(
      logo,
      await svgToPng(barChartSvg({ title: 'شعار', lang: 'ar', digits: 'latn', values: [3, 1, 2, 5, 4, 6, 7] }), 0.4),
    );
    await page.getByTestId('logo-input').setInputFiles(logo);
    await page.getByTestId('logo-preview').waitFor();
    expect(getLogo(s.db)?.mime).toBe('image/png');
    // A GIF under a .png name: refused (in the screen's language; the message carries both), the logo kept.
    const fake = join(work, 'fake.png');
    writeFileSync(fake, Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'));
    await page.getByTestId('logo-input').setInputFiles(fake);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('ليس صورة PNG ولا JPEG');
    expect(getLogo(s.db)?.mime).toBe('image/png');
    await page.screenshot({ path: join(RESULTS, 'settings-report-ar.png'), fullPage: true });
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('print-report').click();
    const view = page.getByTestId('report-print');
    await view.locator('img').waitFor();
    expect(await view.innerText()).toContain('د. ليلى فؤاد');
    expect(await view.innerText()).toContain('جهاز تنمية المشروعات – فرع دمياط');
    await page.getByTestId('print-back').click();
  }, 60_000);

  it('prints the English report left to right with the same figures as the workbook', async () => {
    if (await page.getByTestId('print-back').isVisible()) await page.getByTestId('print-back').click();
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('export-section').getByRole('combobox').first().click();
    await page.getByRole('option', { name: 'English' }).click();
    await choosePeriod('FY2026');
    // The workbook of the same choices first: its headline figures must be the PDF's, as printed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    const file = join(work, 'fy2026-en.xlsx');
    await download.saveAs(file);
    const coverRows = Array.from((await readWorkbookInMemory(file)).getWorksheet('Cover')!.getSheetValues());
    const headline = new Map(coverRows.map((r) => (Array.isArray(r) ? [String(r[1]), r[3] as unknown] : ['', null])));
    await page.getByTestId('print-report').click();
    const view = page.getByTestId('report-print');
    await expect
      .poll(() => view.getByTestId('print-period').textContent(), { timeout: 20_000 })
      .toBe('Fiscal year 2025/2026');
    expect(await view.getAttribute('dir')).toBe('ltr');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(RESULTS, 'report-print-en.png') });
    const pdf = await printToPdf('report-print-en');
    const all = pdfText(pdf, 1, pdfPageSizes(pdf).length);
    const report = getReport(s.db, { period: 'FY2026' });
    const two = (n: unknown) =>
      (n as number).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(headline.get('Initiatives')).toBe(report.office.n);
    expect(all).toContain(two(headline.get('Planned budget (EGP)')));
    expect(all).toContain(two(headline.get('Spent (EGP)')));
    expect(all).toContain(`${((headline.get('Share spent') as number) * 100).toFixed(1)}%`);
    // pdftotext may move a closing parenthesis to the front of the line; the words stay.
    expect(all).toContain(`Report total (${report.office.n.toLocaleString('en-GB')} initiatives`);
    expect(all).toContain('Approved by');
    expect(all).toContain('1 July 2025 to 30 June 2026');
    await page.getByTestId('print-back').click();
    expect(s.foreignRequests).toEqual([]);
  }, 90_000);
});
