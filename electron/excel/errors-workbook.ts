/**
 * The error list as the clerk would want it: a copy of their own workbook with each faulty
 * cell filled red and a reason column at the end of each faulty row, so they fix it in place.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import { type Lang, MESSAGES } from './labels';
import type { RowError } from '../../db/core/results';
import { openSource } from './import/sources';
import { checkWorkbookFile } from './import/zipcheck';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export async function writeErrorWorkbook(
  source: string,
  sheetName: string,
  headerRow: number,
  errors: RowError[],
  lang: Lang,
): Promise<Buffer> {
  const wb = await asWorkbook(source, sheetName);
  const ws = wb.getWorksheet(sheetName) ?? wb.getWorksheet(excelSheetName(sheetName));
  if (!ws) throw new Error(`sheet ${sheetName} not found`);
  const header = ws.getRow(headerRow);
  const columnOf = new Map<string, number>();
  header.eachCell((cell, col) => {
    const text = String(cell.text ?? '').trim();
    if (text && !columnOf.has(text)) columnOf.set(text, col);
  });
  const reasonColumn = Math.max(ws.columnCount, header.cellCount) + 1;
  const title = header.getCell(reasonColumn);
  title.value = MESSAGES[lang].report.errorReason;
  title.font = { bold: true, color: { argb: 'FF9C0006' } };
  const reasons = new Map<number, string[]>();
  for (const e of errors) {
    const col = columnOf.get(e.column);
    if (col) ws.getRow(e.row).getCell(col).fill = ERROR_FILL;
    reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.column}: ${e.message[lang]}`]);
  }
  for (const [row, list] of reasons) {
    const cell = ws.getRow(row).getCell(reasonColumn);
    cell.value = list.join(' | ');
    cell.font = { color: { argb: 'FF9C0006' } };
    cell.alignment = { wrapText: true };
  }
  ws.getColumn(reasonColumn).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The clerk's own workbook to mark: an .xlsx as it is; an .xls, .ods or CSV as a new workbook
 * holding the register sheet's values at their own row numbers, so the marks fall where the
 * messages say.
 */
async function asWorkbook(source: string, sheetName: string): Promise<ExcelJS.Workbook> {
  const wb = new Excel.Workbook();
  const { format } = checkWorkbookFile(source);
  if (format === 'xlsx') {
    await wb.xlsx.readFile(source);
    return wb;
  }
  const ws = wb.addWorksheet(excelSheetName(sheetName), { views: [{ rightToLeft: true }] });
  const input = { file: source, format, maxColumns: 300, sheetNames: {}, hidden: [], sourceName: sheetName };
  for await (const sheet of openSource(input).sheets) {
    if (sheet.name !== sheetName) continue;
    for await (const row of sheet.rows) if (row.v) ws.getRow(row.n).values = row.v;
  }
  return wb;
}

/** A name Excel accepts for a sheet: none of [ ] : * ? / \, at most 31 characters (a CSV's name is its file's). */
const excelSheetName = (name: string): string =>
  name
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim() || 'Sheet1';
