/**
 * The matrix as a sheet, for the ministry report and for exporting the view on screen: a header
 * naming office, measure, period, filters and date; clusters × the seven axes in the chosen
 * measure with region subtotals and the total; gaps marked, cells with a health finding framed,
 * cells filled as the screen's heat map; and a legend for all three.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { AXES } from '../../db/core/axes';
import type { Db } from '../../db/connection';
import type { Settings } from '../../db/core/model';
import { getFindings } from '../../db/queries/health';
import { getMatrix } from '../../db/queries/matrix';
import {
  cellBucket,
  isGap,
  type Measure,
  MEASURE_UNIT,
  rowBucket,
  scaleMax,
  sumRows,
  valueOf,
} from '../../db/core/measures';
import { longDate, periodName } from '../../db/core/report-text';
import { getSettings } from '../../db/repos/settings';
import { fill, type Lang, MESSAGES } from './labels';
import { addSheet, mergeWritten, type Cell, DEFAULT_FONT, FONT_SIZE, GAP_FILL, writeTable } from './sheet';
import type { Finding, MatrixFilter, MatrixRow } from '../../db/core/results';

const SUBTOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3EFEE' } };
const FINDING_EDGE = { style: 'medium' as const, color: { argb: 'FFE08A00' } };
const FINDING_BORDER: Partial<ExcelJS.Borders> = {
  top: FINDING_EDGE,
  bottom: FINDING_EDGE,
  left: FINDING_EDGE,
  right: FINDING_EDGE,
};

/** The screen's teal heat as an opaque colour on white (print has no transparency). */
function heatFill(share: number): { fill: ExcelJS.Fill; dark: boolean } {
  const alpha = 0.12 + Math.min(1, share) * 0.78;
  const mix = (c: number) => Math.round(255 * (1 - alpha) + c * alpha);
  const hex = [11, 93, 90].map((c) => mix(c).toString(16).padStart(2, '0').toUpperCase()).join('');
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } }, dark: alpha > 0.5 };
}

export interface MatrixHeader {
  settings: Settings;
  period?: string;
  now: Date;
  /** The region the view is limited to, or null. */
  scope: string | null;
  /** Other filters, already worded (sector, status, selected only). */
  filters?: string[];
}

export interface MatrixSheetOptions {
  lang: Lang;
  measure: Measure;
  currencyDigits: number;
  name?: string;
  font?: string;
  /** Cells of these findings (a cluster and an axis) are framed. */
  findings?: Finding[];
  header?: MatrixHeader;
}

export function writeMatrixSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: MatrixRow[],
  o: MatrixSheetOptions,
): void {
  const m = MESSAGES[o.lang].report;
  const mx = MESSAGES[o.lang].matrix;
  const rtl = o.lang === 'ar';
  const font = o.font ?? DEFAULT_FONT;
  const money = MEASURE_UNIT[o.measure] === 'money';
  const percent = MEASURE_UNIT[o.measure] === 'percent';
  const numFmt = money
    ? o.currencyDigits > 0
      ? `#,##0.${'0'.repeat(o.currencyDigits)}`
      : '#,##0'
    : percent
      ? '0%'
      : '#,##0';
  // Stored as the sheet shows it: money in major units, percentages as shares of one.
  const cellOf = (v: number | null): Cell =>
    v === null ? null : money ? v / 10 ** o.currencyDigits : percent ? v / 100 : v;
  const max = scaleMax(rows, o.measure);
  const flagged = new Set(
    (o.findings ?? []).filter((f) => f.clusterId && f.axis).map((f) => `${f.clusterId}|${f.axis}`),
  );
  const local = (ar: string, en: string) => (o.lang === 'en' && en ? en : ar);

  const data: Cell[][] = [];
  const source = new Map<Cell[], MatrixRow>();
  const subtotals = new Set<Cell[]>();
  const totalsOf = (label: string, of: MatrixRow[]): Cell[] => [
    label,
    null,
    null,
    ...AXES.map((a) => cellOf(valueOf(sumRows(of, a.id), o.measure))),
    cellOf(valueOf(sumRows(of, null), o.measure)),
  ];
  const regions = [...new Set(rows.map((r) => r.regionId))];
  for (const regionId of regions) {
    const of = rows.filter((r) => r.regionId === regionId);
    for (const r of of) {
      const line: Cell[] = [
        local(r.regionNameAr, r.regionNameEn),
        r.clusterId ? local(r.clusterNameAr, r.clusterNameEn) : mx.regionWideRow,
        r.clusterId ? (r.selected ? m.yes : m.no) : null,
        ...AXES.map((a) => (isGap(r, a.id) ? m.gap : cellOf(valueOf(cellBucket(r, a.id), o.measure)))),
        cellOf(valueOf(rowBucket(r), o.measure)),
      ];
      source.set(line, r);
      data.push(line);
    }
    // A region's subtotal after its rows, when there is more than one region to tell apart.
    if (regions.length > 1) {
      const sub = totalsOf(fill(m.regionSubtotal, { region: local(of[0]!.regionNameAr, of[0]!.regionNameEn) }), of);
      subtotals.add(sub);
      data.push(sub);
    }
  }
  // The column sums of all rows (each initiative once in the total column).
  const totals = totalsOf(m.total, rows);

  const headerRows = o.header ? 3 : 0;
  const sheet = addSheet(wb, { name: o.name ?? m.sheets.matrix, rtl, footer: m.footer }, headerRows + 1);
  const width = 11;
  writeTable(
    sheet,
    [
      { header: m.matrixRegion, max: 22 },
      { header: m.matrixCluster, max: 28 },
      { header: m.matrixSelected, width: 10, center: true },
      ...AXES.map((a) => ({ header: `${a.id}. ${rtl ? a.shortAr : a.shortEn}`, width: money ? 15 : width, numFmt })),
      { header: m.matrixTotal, width: money ? 16 : width, numFmt },
    ],
    [...data, totals],
    {
      font,
      above: () => o.header && writeHeaderBlock(sheet, o, font),
      // Subtotal labels span the first three columns; they do not widen the region's.
      widthSample: data.filter((row) => !subtotals.has(row)),
      style: (row, col, cell) => {
        if (row === totals || subtotals.has(row)) {
          cell.font = { name: font, size: FONT_SIZE, bold: true };
          cell.fill = SUBTOTAL_FILL;
        }
        if (col < 2) cell.alignment = { ...cell.alignment, horizontal: rtl ? 'right' : 'left' };
        if (col < 3 || col > 9) return;
        cell.alignment = { horizontal: 'center' };
        const r = source.get(row);
        if (!r) return;
        if (flagged.has(`${r.clusterId}|${col - 2}`)) cell.border = FINDING_BORDER;
        if (row[col] === m.gap) {
          cell.fill = GAP_FILL;
          cell.font = { name: font, size: FONT_SIZE, bold: true, color: { argb: 'FFB00020' } };
          return;
        }
        const v = valueOf(cellBucket(r, col - 2), o.measure);
        if (v === null || v <= 0 || max <= 0) return;
        const { fill: shade, dark } = heatFill(Math.min(v, max) / max);
        cell.fill = shade;
        if (dark) cell.font = { name: font, size: FONT_SIZE, color: { argb: 'FFFFFFFF' } };
      },
    },
  );
  // Subtotal and total labels run over the region, cluster and selected columns.
  [...data, totals].forEach((row, i) => {
    if (row === totals || subtotals.has(row)) mergeWritten(sheet, headerRows + 2 + i, 1, headerRows + 2 + i, 3);
  });
  writeLegend(sheet, headerRows + data.length + 2, o, font, max, numFmt, cellOf);
  sheet.commit();
}

/** Title, then one line naming office, measure, period, filters and the date. */
function writeHeaderBlock(sheet: ExcelJS.Worksheet, o: MatrixSheetOptions, font: string): void {
  const h = o.header!;
  const m = MESSAGES[o.lang].report;
  const mx = MESSAGES[o.lang].matrix;
  const s = h.settings;
  const title = sheet.addRow([[s.officeName, m.matrixTitle].filter(Boolean).join(' — ')]);
  title.getCell(1).font = { name: font, size: 14, bold: true, color: { argb: 'FF0B5D5A' } };
  title.height = 22;
  mergeWritten(sheet, 1, 1, 1, 11);
  title.commit();
  const filters = [h.scope ?? null, ...(h.filters ?? [])].filter((f): f is string => !!f);
  const parts = [
    `${mx.measure}: ${(mx as Record<string, string>)[o.measure] ?? o.measure}`,
    `${m.period}: ${periodName(h.period, o.lang, s.fiscalYearStartMonth)}`,
    `${m.filters}: ${filters.length ? filters.join(o.lang === 'ar' ? '، ' : ', ') : m.noFilters}`,
    `${m.generatedAt}: ${longDate(h.now, o.lang, { digits: s.digits, hijri: s.hijriDate })}`,
  ];
  const line = sheet.addRow([parts.join('   ·   ')]);
  line.getCell(1).font = { name: font, size: FONT_SIZE };
  line.getCell(1).alignment = {
    wrapText: true,
    vertical: 'middle',
    horizontal: o.lang === 'ar' ? 'right' : 'left',
    readingOrder: o.lang === 'ar' ? 'rtl' : 'ltr',
  };
  line.height = 30;
  mergeWritten(sheet, 2, 1, 2, 11);
  line.commit();
  sheet.addRow([]).commit();
}

/** The legend under the table: the gap mark, the finding frame and the heat scale. */
function writeLegend(
  sheet: ExcelJS.Worksheet,
  lastRow: number,
  o: MatrixSheetOptions,
  font: string,
  max: number,
  numFmt: string,
  cellOf: (v: number | null) => Cell,
): void {
  const m = MESSAGES[o.lang].report;
  let n = lastRow;
  const shown = cellOf(max);
  const maxText =
    typeof shown === 'number'
      ? new Intl.NumberFormat(o.lang === 'ar' ? 'ar-EG-u-nu-latn' : 'en-GB', {
          style: numFmt.includes('%') ? 'percent' : 'decimal',
          maximumFractionDigits: 0,
        }).format(shown)
      : '0';
  const add = (values: Cell[], style?: (r: ExcelJS.Row) => void) => {
    const r = sheet.addRow(values);
    n += 1;
    r.eachCell({ includeEmpty: false }, (cell) => (cell.font = { name: font, size: FONT_SIZE }));
    style?.(r);
    r.commit();
  };
  add([]);
  add([m.legend], (r) => (r.getCell(1).font = { name: font, size: FONT_SIZE + 1, bold: true }));
  add([m.gap, m.legendGap], (r) => {
    const sample = r.getCell(1);
    sample.fill = GAP_FILL;
    sample.font = { name: font, size: FONT_SIZE, bold: true, color: { argb: 'FFB00020' } };
    sample.alignment = { horizontal: 'center' };
    mergeWritten(sheet, n, 2, n, 11);
  });
  add([null, m.legendFinding], (r) => {
    r.getCell(1).border = FINDING_BORDER;
    mergeWritten(sheet, n, 2, n, 11);
  });
  const steps = [0.2, 0.4, 0.6, 0.8, 1];
  add([fill(m.legendHeat, { max: maxText }), null, null, ...steps.map((share) => cellOf(max * share))], (r) => {
    mergeWritten(sheet, n, 1, n, 3);
    r.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
    r.height = 30;
    steps.forEach((share, i) => {
      const cell = r.getCell(4 + i);
      const { fill: shade, dark } = heatFill(share);
      cell.fill = shade;
      cell.numFmt = numFmt;
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      cell.font = { name: font, size: FONT_SIZE, color: dark ? { argb: 'FFFFFFFF' } : undefined };
    });
  });
}

/** The matrix view on screen (its filters and measure) as a workbook of its own, with its header. */
export async function writeMatrixWorkbook(
  db: Db,
  out: string,
  o: { lang: Lang; measure: Measure; filter: MatrixFilter; scope?: string | null; filters?: string[]; now?: Date },
): Promise<void> {
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  const settings = getSettings(db);
  const rows = getMatrix(db, o.filter);
  const findings = getFindings(db, { regionIds: o.filter.regionIds ? new Set(o.filter.regionIds) : null });
  writeMatrixSheet(wb, rows, {
    lang: o.lang,
    measure: o.measure,
    currencyDigits: settings.currencyDigits,
    font: settings.reportFont,
    findings,
    header: { settings, period: o.filter.period, now: o.now ?? new Date(), scope: o.scope ?? null, filters: o.filters },
  });
  await wb.commit();
}
