/**
 * The matrix as a sheet, for the ministry report and for exporting the view on screen: clusters
 * × the seven axes in the chosen measure, gaps marked, cells filled as the screen's heat map.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { AXES } from '../../db/core/axes';
import type { Db } from '../../db/connection';
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
import { getSettings } from '../../db/repos/settings';
import { type Lang, MESSAGES } from './labels';
import { addSheet, type Cell, GAP_FILL, writeTable } from './sheet';
import type { MatrixFilter, MatrixRow } from '../../db/core/results';

/** The screen's teal heat as an opaque colour on white (print has no transparency). */
function heatFill(share: number): { fill: ExcelJS.Fill; dark: boolean } {
  const alpha = 0.12 + Math.min(1, share) * 0.78;
  const mix = (c: number) => Math.round(255 * (1 - alpha) + c * alpha);
  const hex = [11, 93, 90].map((c) => mix(c).toString(16).padStart(2, '0').toUpperCase()).join('');
  return { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${hex}` } }, dark: alpha > 0.5 };
}

export interface MatrixSheetOptions {
  lang: Lang;
  measure: Measure;
  currencyDigits: number;
  name?: string;
}

export function writeMatrixSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: MatrixRow[],
  o: MatrixSheetOptions,
): void {
  const m = MESSAGES[o.lang].report;
  const rtl = o.lang === 'ar';
  const money = MEASURE_UNIT[o.measure] === 'money';
  const percent = MEASURE_UNIT[o.measure] === 'percent';
  const numFmt = money
    ? o.currencyDigits > 0
      ? `#,##0.${'0'.repeat(o.currencyDigits)}`
      : '#,##0'
    : percent
      ? '0%'
      : '0';
  // Stored as the sheet shows it: money in major units, percentages as shares of one.
  const cellOf = (v: number | null): Cell =>
    v === null ? null : money ? v / 10 ** o.currencyDigits : percent ? v / 100 : v;
  const max = scaleMax(rows, o.measure);
  const shares = new Map<string, number>();
  const data: Cell[][] = rows.map((r) => {
    const cells = AXES.map((a) => {
      if (isGap(r, a.id)) return m.gap;
      const v = valueOf(cellBucket(r, a.id), o.measure);
      if (v !== null && max > 0) shares.set(`${r.key}|${a.id}`, Math.min(v, max) / max);
      return cellOf(v);
    });
    return [
      o.lang === 'en' && r.regionNameEn ? r.regionNameEn : r.regionNameAr,
      !r.clusterId
        ? MESSAGES[o.lang].matrix.regionWideRow
        : o.lang === 'en' && r.clusterNameEn
          ? r.clusterNameEn
          : r.clusterNameAr,
      r.clusterId ? (r.selected ? m.yes : m.no) : null,
      ...cells,
      cellOf(valueOf(rowBucket(r), o.measure)),
    ];
  });
  const rowIndex = new Map(data.map((row, i) => [row, i]));
  // The column sums of the rows above (each initiative once in the total column).
  const totals: Cell[] = [
    m.total,
    null,
    null,
    ...AXES.map((a) => cellOf(valueOf(sumRows(rows, a.id), o.measure))),
    cellOf(valueOf(sumRows(rows, null), o.measure)),
  ];
  const sheet = addSheet(wb, { name: o.name ?? m.sheets.matrix, rtl, footer: m.footer });
  writeTable(
    sheet,
    [
      { header: m.matrixRegion },
      { header: m.matrixCluster },
      { header: m.matrixSelected, width: 12 },
      ...AXES.map((a) => ({ header: `${a.id}. ${rtl ? a.shortAr : a.shortEn}`, width: money ? 20 : 16, numFmt })),
      { header: m.matrixTotal, width: money ? 20 : 10, numFmt },
    ],
    [...data, totals],
    (row, col, cell) => {
      if (row === totals) cell.font = { bold: true };
      if (col < 3 || col > 9) return;
      cell.alignment = { horizontal: 'center' };
      const at = rowIndex.get(row);
      if (at === undefined) return;
      const r = rows[at]!;
      if (row[col] === m.gap) {
        cell.fill = GAP_FILL;
        cell.font = { bold: true, color: { argb: 'FFB00020' } };
        return;
      }
      const share = shares.get(`${r.key}|${col - 2}`);
      if (share === undefined || share <= 0) return;
      const { fill, dark } = heatFill(share);
      cell.fill = fill;
      if (dark) cell.font = { color: { argb: 'FFFFFFFF' } };
    },
    data,
  );
  const note = sheet.addRow([m.matrixNote]);
  note.font = { italic: true };
  note.commit();
  sheet.commit();
}

/** The matrix view on screen (its filters and measure) as a workbook of its own. */
export async function writeMatrixWorkbook(
  db: Db,
  out: string,
  o: { lang: Lang; measure: Measure; filter: MatrixFilter },
): Promise<void> {
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  const { currencyDigits } = getSettings(db);
  writeMatrixSheet(wb, getMatrix(db, o.filter), { lang: o.lang, measure: o.measure, currencyDigits });
  await wb.commit();
}
