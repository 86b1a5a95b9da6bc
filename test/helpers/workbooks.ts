import { join } from 'node:path';
import type * as ExcelJS from 'exceljs';
import Excel from '../../electron/excel/exceljs';

export type Row = (string | number | boolean | Date | null)[];

/**
 * Writes a register the way offices keep them: a title row, an empty row, a merged group header
 * over the axis columns, then the header row and the data; right to left; a notes sheet first.
 */
export async function writeMessyRegister(
  dir: string,
  header: string[],
  rows: Row[],
  options: { name?: string; date1904?: boolean; groupOver?: [number, number] } = {},
): Promise<string> {
  const wb = new Excel.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  wb.addWorksheet('ملاحظات').addRow(['آخر تحديث للسجل: نهاية الربع الثالث']);
  const ws = wb.addWorksheet('سجل المبادرات', { views: [{ rightToLeft: true }] });
  ws.addRow(['سجل مبادرات تنمية التجمعات الإنتاجية – مكتب الدلتا']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow([]);
  const group = ws.addRow(header.map(() => null));
  if (options.groupOver) {
    const [from, to] = options.groupOver;
    group.getCell(from).value = 'المحاور التنموية';
    ws.mergeCells(3, from, 3, to);
  }
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, options.name ?? 'register.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readWorkbookInMemory(file: string): Promise<ExcelJS.Workbook> {
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
