/**
 * The report as an official meets it: converted to PDF by LibreOffice, read back with poppler's
 * pdftotext and pdfinfo, page images kept in test-results/ to look at. CI installs both
 * (.ci/run); without them these tests fail rather than pass unseen.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import type { Settings } from '../../db/core/model';
import { barChartSvg } from '../../db/core/charts';
import { loadDemo } from '../../db/demo';
import { getReport } from '../../db/queries/report';
import { createRegion } from '../../db/repos/regions';
import { createCluster } from '../../db/repos/clusters';
import { createInitiative } from '../../db/repos/initiatives';
import { setLogo, updateSettings } from '../../db/repos/settings';
import { svgToPng } from '../../electron/excel/charts';
import { checkWorkbookFile } from '../../electron/excel/import/zipcheck';
import { writeReport } from '../../electron/excel/report';
import { textWidth } from '../../electron/excel/sheet';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { libreConvert } from '../helpers/others';
import { pdfImages, pdfPageSizes, pdfText, pdfWordHeights } from '../helpers/pdf';
import { readWorkbookInMemory } from '../helpers/workbooks';

const newDb = useTestDb();
const tempDir = useTempDir();
const RESULTS = resolve(__dirname, '../../test-results');
const ctx = { source: 'cli' as const };

/** The demo with an identity, signatories, a logo and a region whose name is 89 characters long. */
async function officePortfolio(font: Settings['reportFont'] = 'Arial'): Promise<Db> {
  const db = newDb();
  loadDemo(db, ctx);
  updateSettings(db, ctx, {
    agencyName: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر',
    officeName: 'مكتب دمياط الإقليمي',
    reportFont: font,
    hijriDate: true,
    signatories: [
      { name: 'سارة محمود', role: 'أخصائي متابعة' },
      { name: 'أحمد علي', role: 'رئيس قسم التخطيط' },
      { name: 'منى حسن', role: 'مدير المكتب' },
    ],
  });
  const logo = await svgToPng(
    barChartSvg({ title: 'شعار', lang: 'ar', digits: 'latn', values: [1, 2, 3, 4, 5, 6, 7] }),
    0.5,
  );
  setLogo(db, ctx, logo.toString('base64'));
  const region = createRegion(db, ctx, {
    code: 'LONG',
    nameAr: 'إقليم جنوب الوادي والبحر الأحمر والواحات الخارجة والداخلة والفرافرة وسيوة وجزر البحر',
    nameEn: 'South Valley, Red Sea, Kharga, Dakhla, Farafra and Siwa oases region',
  });
  const cluster = createCluster(db, ctx, {
    regionId: region.id,
    code: 'LONG-1',
    nameAr: 'تجمع صناعة الفخار والخزف التقليدي في قرى الواحات',
    selected: true,
  });
  createInitiative(db, ctx, {
    regionId: region.id,
    clusterId: cluster.id,
    title:
      'برنامج متكامل لتدريب الحرفيين على تقنيات التزجيج الحديثة وتسويق منتجات الفخار عبر المعارض الدولية والمنصات الرقمية',
    axes: [1, 3, 5],
    status: 'active',
    plannedBudget: 125_000_000,
    startDate: '2026-02-01',
    endDate: '2026-11-30',
  });
  return db;
}

const toPdf = (xlsx: string) => libreConvert(xlsx, 'pdf', join(tempDir(), 'pdf'));

describe('the printed report', () => {
  it('English, fiscal year: a cover to sign, a print register of readable pages, charts and fonts', async () => {
    const db = await officePortfolio('Tahoma');
    const out = join(tempDir(), 'report-en.xlsx');
    await writeReport(db, out, { lang: 'en', period: 'FY2026', now: new Date('2026-12-05T09:00:00Z') });

    // Every cell the report writes names its font; the charts and the logo are pictures in it.
    const wb = await readWorkbookInMemory(out);
    let cells = 0;
    for (const sheet of wb.worksheets.filter((s) => s.state === 'visible')) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells += 1;
          expect(cell.font?.name, `${sheet.name}!${cell.address}`).toBe('Tahoma');
        }),
      );
    }
    expect(cells).toBeGreaterThan(3000);
    const entries = checkWorkbookFile(out).zip!.names;
    expect(entries.filter((n) => /^xl\/media\/image\d\.(png|jpeg)$/.test(n))).toHaveLength(3);
    expect(entries.filter((n) => /^xl\/drawings\/drawing\d\.xml$/.test(n))).toHaveLength(2);

    // Nothing clipped: every text that does not wrap fits its column (merged columns added up).
    for (const sheet of wb.worksheets.filter((s) => s.state === 'visible' && s.name !== 'Initiative register')) {
      const merged = (sheet.model as { merges?: string[] }).merges ?? [];
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value !== 'string' || cell.alignment?.wrapText || cell.isMerged) return;
          if (merged.some((m) => m.split(':')[0] === cell.address)) return;
          const width = sheet.getColumn(cell.col).width ?? 9;
          expect(
            textWidth(cell.value, cell.font?.bold),
            `${sheet.name}!${cell.address} «${cell.value}»`,
          ).toBeLessThanOrEqual(width);
        }),
      );
    }

    const pdf = toPdf(out);
    pdfImages(pdf, join(RESULTS, 'report-en'), 8);
    const cover = pdfText(pdf, 1);
    for (const text of [
      'Fiscal year 2025/2026',
      '1 July 2025 to 30 June 2026',
      'Prepared by',
      'Reviewed by',
      'Approved by',
      'Signature',
      'Stamp',
      'Position',
    ]) {
      expect(cover).toContain(text);
    }
    expect(cover).toContain('5 December 2026');
    expect(cover).toMatch(/Umm al-Qura/);
    const report = getReport(db, { period: 'FY2026' });
    expect(cover).toContain(report.office.n.toLocaleString('en-US'));

    // The print register: its pages carry its header, at most ~45 rows, text at 70 % or more.
    const printPages: number[] = [];
    for (let p = 2; p <= pdfPageSizes(pdf).length; p++) {
      const text = pdfText(pdf, p);
      if (text.includes('Axes') && text.includes('Initiative title')) printPages.push(p);
    }
    expect(printPages.length).toBeGreaterThan(3);
    for (const p of printPages) {
      const text = pdfText(pdf, p);
      expect((text.match(/INI-\d{4}/g) ?? []).length, `page ${p}`).toBeLessThanOrEqual(45);
      const heights = pdfWordHeights(pdf, p).sort((a, b) => a - b);
      // Arial or Tahoma at 10 pt prints words about 10 pt high; 70 % of that is the floor.
      expect(heights[Math.floor(heights.length / 2)]!, `page ${p}`).toBeGreaterThanOrEqual(7);
    }
    const all = printPages.map((p) => pdfText(pdf, p)).join('\n');
    expect(all).toMatch(/Total South Valley, Red Sea/);
    // pdftotext may move a closing parenthesis to the front of the line; the words stay.
    expect(all).toMatch(/Report total \(\d+ initiatives/);
  }, 180_000);

  it('Arabic, a quarter: the cover names it with Arabic months, right to left, page images kept', async () => {
    const db = await officePortfolio();
    const out = join(tempDir(), 'report-ar.xlsx');
    await writeReport(db, out, { lang: 'ar', period: '2026-Q3', now: new Date('2026-12-05T09:00:00Z') });
    const wb = await readWorkbookInMemory(out);
    for (const sheet of wb.worksheets.filter((s) => s.state === 'visible')) {
      expect(sheet.views[0], sheet.name).toMatchObject({ rightToLeft: true });
    }
    const coverValues = wb.getWorksheet('الغلاف')!.getSheetValues().flat().map(String);
    expect(coverValues).toContain('الربع الثالث من عام 2026');
    expect(coverValues).toContain('من 1 يوليو 2026 إلى 30 سبتمبر 2026');
    expect(coverValues.some((v) => v.startsWith('5 ديسمبر 2026 الموافق') && v.includes('جمادى'))).toBe(true);
    expect(coverValues).toEqual(expect.arrayContaining(['سارة محمود', 'رئيس قسم التخطيط', 'اعتمده', 'الختم']));
    const pdf = toPdf(out);
    pdfImages(pdf, join(RESULTS, 'report-ar'), 8);
    const cover = pdfText(pdf, 1);
    // pdftotext gives Arabic in visual order with joined forms; the numbers and names survive.
    expect(cover).toMatch(/2026/);
    for (const word of ['راجعه', 'اعتمده', 'الختم', 'التوقيع']) expect(cover).toContain(word);
    // The long title wraps onto more lines in a taller row; nothing of it is lost.
    const print = wb.getWorksheet('سجل المبادرات للطباعة')!;
    let tall = 0;
    print.eachRow((row) => {
      if (String(row.getCell(2).value).startsWith('برنامج متكامل لتدريب الحرفيين')) tall = row.height;
    });
    expect(tall).toBeGreaterThanOrEqual(30);
  }, 180_000);
});
