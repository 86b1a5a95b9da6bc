/**
 * The machine parts of the workbooks the program writes: a sheet of key and value rows that says
 * what the workbook is (the report's `meta`, a package's `pkg_meta`, a reply's `reply_meta`),
 * written and read back the same way.
 */
import type * as ExcelJS from 'exceljs';
import Excel from './exceljs';
import type { AppError } from '../../db/core/errors';

/** Writes the pairs, a value that is an object or a list as JSON, and commits the sheet. */
export function writeKeyValues(ws: ExcelJS.Worksheet, pairs: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(pairs)) {
    ws.addRow([key, value !== null && typeof value === 'object' ? JSON.stringify(value) : value]).commit();
  }
  ws.commit();
}

/**
 * Opens a workbook someone hands over (refused as `refuse('xlsx')` when it is none) and reads its
 * key–value sheet; `values` is null when the workbook has no such sheet.
 */
export async function readKeyValues(
  file: string,
  sheet: string,
  refuse: (reason: string) => AppError,
): Promise<{ wb: ExcelJS.Workbook; values: Record<string, unknown> | null }> {
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw refuse('xlsx');
  }
  const ws = wb.getWorksheet(sheet);
  if (!ws) return { wb, values: null };
  const values: Record<string, unknown> = {};
  ws.eachRow((row) => {
    values[String(row.getCell(1).value)] = cellValue(row.getCell(2).value);
  });
  return { wb, values };
}

/** A cell as its value: rich text as its text, a formula as its result. */
export function cellValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return o.result;
    if (o.text !== undefined) return o.text;
  }
  return v;
}
