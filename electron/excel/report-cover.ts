/**
 * The report's first two sheets: the cover an official signs (agency, office, logo, title,
 * period, issue date, the counting rule, headline figures and the approval block), and the
 * summary by axis with its two charts. Both print on one A4 page each.
 */
import type * as ExcelJS from 'exceljs';
import { AXES } from '../../db/core/axes';
import { CHART_SIZE, reportCharts } from '../../db/core/charts';
import type { Logo } from '../../db/core/logo';
import { fill, type Lang, MESSAGES } from '../../db/core/messages';
import { longDate, periodDays, periodName } from '../../db/core/report-text';
import type { ReportData } from '../../db/core/results';
import { svgToPng } from './charts';
import { addPictures, type Picture } from './drawing';
import { addSheet, mergeWritten, type Cell, FONT_SIZE, linesIn, writeTable } from './sheet';

const TEAL = 'FF0B5D5A';
const THIN = { style: 'thin' as const, color: { argb: 'FF8A9998' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export interface CoverContext {
  wb: ExcelJS.stream.xlsx.WorkbookWriter;
  data: ReportData;
  lang: Lang;
  now: Date;
  logo: Logo | null;
  font: string;
  moneyFmt: string;
  major(minor: number): number;
}

export function writeCover(c: CoverContext): void {
  const { data, lang, font } = c;
  const m = MESSAGES[lang].report;
  const rtl = lang === 'ar';
  const s = data.settings;
  const sheet = addSheet(
    c.wb,
    { name: m.sheets.cover, rtl, footer: m.footer, tabColor: TEAL, fit: 'page', orientation: 'portrait' },
    0,
  );
  sheet.columns = [{ width: 30 }, { width: 24 }, { width: 24 }, { width: 24 }];
  let row = 0;
  const line = (
    values: Cell[],
    look: {
      size?: number;
      bold?: boolean;
      color?: string;
      height?: number;
      merge?: boolean;
      align?: 'center' | 'start';
      wrap?: boolean;
    } = {},
  ) => {
    const r = sheet.addRow(values);
    row += 1;
    const horizontal = look.align === 'start' ? (rtl ? 'right' : 'left') : 'center';
    for (let col = 1; col <= 4; col++) {
      const cell = r.getCell(col);
      cell.font = {
        name: font,
        size: look.size ?? FONT_SIZE + 1,
        bold: look.bold,
        color: look.color ? { argb: look.color } : undefined,
      };
      // LibreOffice reads a cell left to right unless told: «5 ديسمبر» would print as «ديسمبر 5».
      cell.alignment = {
        horizontal,
        vertical: 'middle',
        wrapText: look.wrap ?? false,
        readingOrder: rtl ? 'rtl' : 'ltr',
      };
    }
    if (look.height) r.height = look.height;
    if (look.merge) mergeWritten(sheet, row, 1, row, 4);
    return r;
  };
  const commit = (r: ExcelJS.Row) => r.commit();

  if (c.logo) {
    // The logo above the names, centred: at most 2 cm high, its proportions kept.
    const height = 76;
    const width = Math.round((c.logo.width / c.logo.height) * height);
    const picture: Picture = {
      png: Buffer.from(c.logo.base64, 'base64'),
      extension: c.logo.extension,
      col: 1,
      row: 0,
      width: Math.min(width, 330),
      height: width > 330 ? Math.round((330 / width) * height) : height,
      description: s.agencyName || s.officeName,
    };
    addPictures(c.wb, sheet, [picture]);
    commit(line([], { height: 62 }));
  }
  commit(line([s.agencyName || null], { size: 15, bold: true, merge: true, height: 24 }));
  commit(line([s.officeName || null], { size: 13, merge: true, height: 22 }));
  commit(line([], { height: 18 }));
  commit(line([m.title], { size: 18, bold: true, color: TEAL, merge: true, height: 52, wrap: true }));
  commit(
    line([periodName(data.period, lang, s.fiscalYearStartMonth)], { size: 15, bold: true, merge: true, height: 26 }),
  );
  commit(line([periodDays(data.period, lang, s.fiscalYearStartMonth, { digits: s.digits }) || null], { merge: true }));
  commit(line([], { height: 14 }));
  const field = (label: string, value: string) => {
    const r = line([label, value], { align: 'start' });
    r.getCell(1).font = { name: font, size: FONT_SIZE + 1, bold: true };
    mergeWritten(sheet, row, 2, row, 4);
    commit(r);
  };
  field(m.generatedAt, longDate(c.now, lang, { digits: s.digits, hijri: s.hijriDate }));
  field(m.regionFilter, data.scopeLabel ?? m.allRegions);
  commit(line([], { height: 14 }));

  // Headline figures: the matrix's sums, as on every screen.
  commit(line([m.headline], { size: 13, bold: true, color: TEAL, align: 'start' }));
  const figures: [string, Cell, string][] = [
    [m.initiatives, data.office.n, '#,##0'],
    [`${m.plannedBudget} (${s.currencyCode})`, c.major(data.office.budget), c.moneyFmt],
    [`${m.spent} (${s.currencyCode})`, c.major(data.office.spent), c.moneyFmt],
    [m.spentShare, data.office.budget ? data.office.spent / data.office.budget : 0, '0.0%'],
    [m.clusters, data.clusters, '#,##0'],
    [m.selectedClusters, data.selected, '#,##0'],
    [m.gaps, data.gaps, '#,##0'],
    [m.cancelled, data.cancelled, '#,##0'],
  ];
  for (const [label, value, numFmt] of figures) {
    const r = line([label, null, value], { align: 'start', height: 18 });
    mergeWritten(sheet, row, 1, row, 2);
    r.getCell(3).numFmt = numFmt;
    r.getCell(3).alignment = { horizontal: 'right', vertical: 'middle' };
    for (const col of [1, 2, 3]) r.getCell(col).border = BOX;
    commit(r);
  }
  commit(line([], { height: 10 }));
  commit(
    line([`${m.rule}: ${MESSAGES[lang].figures.rule}`], {
      merge: true,
      align: 'start',
      wrap: true,
      height: 44,
      size: FONT_SIZE,
    }),
  );
  if (data.period)
    commit(line([m.periodRule], { merge: true, align: 'start', wrap: true, height: 44, size: FONT_SIZE }));
  commit(line([], { height: 14 }));

  // The approval block: a column per signatory, lines to sign and stamp on.
  commit(line([m.approval], { size: 13, bold: true, color: TEAL, align: 'start' }));
  const people = s.signatories;
  const block: [string, Cell[], number][] = [
    ['', [m.prepared, m.reviewed, m.approved], 20],
    [m.personName, people.map((p) => p.name || null), 24],
    [m.personRole, people.map((p) => p.role || null), 24],
    [m.signature, [null, null, null], 44],
    [m.signDate, [null, null, null], 24],
    [m.stamp, [null, null, null], 70],
  ];
  block.forEach(([label, cells, height], n) => {
    const r = line([label || null, ...cells], { height, wrap: true });
    for (let col = 1; col <= 4; col++) {
      const cell = r.getCell(col);
      cell.border = BOX;
      if (col === 1 || n === 0) cell.font = { name: font, size: FONT_SIZE + 1, bold: true };
    }
    commit(r);
  });
  sheet.commit();
}

/** The summary by axis: the table, then the two charts, on one page. */
export async function writeSummary(c: CoverContext): Promise<void> {
  const { data, lang } = c;
  const m = MESSAGES[lang].report;
  const rtl = lang === 'ar';
  const s = data.settings;
  const sheet = addSheet(c.wb, { name: m.sheets.summary, rtl, footer: m.footer, fit: 'page', orientation: 'portrait' });
  const rows: Cell[][] = data.axes.map((a) => {
    const axis = AXES[a.axis - 1]!;
    return [
      a.axis,
      rtl ? axis.nameAr : axis.nameEn,
      a.initiatives,
      c.major(a.budget),
      c.major(a.spent),
      a.share,
      a.clusters,
      a.progress === null ? null : a.progress / 100,
    ];
  });
  // An initiative on two axes is in both axes' rows: the total counts each once.
  const total: Cell[] = [
    null,
    m.totalDistinct,
    data.office.n,
    c.major(data.office.budget),
    c.major(data.office.spent),
    null,
    null,
    null,
  ];
  writeTable(
    sheet,
    [
      { header: m.axisNo, width: 8, center: true },
      { header: m.axisName, width: 40 },
      { header: m.axisInitiatives, numFmt: '#,##0', width: 11 },
      { header: `${m.axisBudget} (${s.currencyCode})`, numFmt: c.moneyFmt },
      { header: `${m.axisSpent} (${s.currencyCode})`, numFmt: c.moneyFmt },
      { header: m.axisShare, numFmt: '0.0%', width: 12 },
      { header: m.axisClusters, numFmt: '#,##0', width: 11 },
      { header: m.axisProgress, numFmt: '0%', width: 12 },
    ],
    [...rows, total],
    {
      style: (row, col, cell) => {
        if (row === total) cell.font = { name: c.font, size: FONT_SIZE, bold: true };
        if (col === 1) cell.alignment = { wrapText: true, vertical: 'middle', horizontal: rtl ? 'right' : 'left' };
      },
      widthSample: [...rows, total],
      font: c.font,
      rowHeight: (row) => (typeof row[1] === 'string' ? linesIn(row[1], 39) * 13 + 5 : undefined),
    },
  );
  const svgs = reportCharts(data, lang);
  const [budget, coverage] = await Promise.all(svgs.map((svg) => svgToPng(svg)));
  // Placed under the table (its header and eight rows, then a blank row), one above the other.
  const place = { width: 680, height: Math.round((680 / CHART_SIZE.width) * CHART_SIZE.height) };
  addPictures(c.wb, sheet, [
    { png: budget!, col: 0, row: 10, ...place, description: fill(m.chartBudget, { currency: s.currencyCode }) },
    {
      png: coverage!,
      col: 0,
      row: 10 + Math.ceil(place.height / 20) + 1,
      ...place,
      description: fill(m.chartCoverage, { n: data.selected }),
    },
  ]);
  // Rows for the charts to sit over, so the page (fitted to one) takes them in.
  for (let n = 0; n < Math.ceil((place.height * 2) / 20) + 4; n++) {
    const r = sheet.addRow([]);
    r.height = 15;
    r.commit();
  }
  sheet.commit();
}
