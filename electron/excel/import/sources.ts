/**
 * Where a worker's sheets come from, one shape for every format: sheets in tab order, each with
 * its rows as plain cell values (null for a row wider than the limit). .xlsx and .ods are read
 * by the program's own readers (xlsx-reader.ts, ods-reader.ts), and so is .xls in BIFF8
 * (xls-reader.ts; SheetJS reads an older one whole, in the same worker and limits); CSV streams
 * through papaparse after its encoding is recognised (csv.ts).
 */
import type * as ExcelJS from 'exceljs';
import Excel from '../exceljs';
import { csvSheets } from './csv';
import { sheetjsSheets } from './sheetjs';
import { type CellValue, isPercentFormat, percentText } from './values';
import { checkWorkbookFile, type WorkbookFormat } from './zipcheck';
import { orderedZipStream } from './zip-order';
import { xlsxSheets } from './xlsx-reader';
import { xlsSheets } from './xls-reader';
import { odsSheets } from './ods-reader';
import { differentialSource } from './xlsx-differential';

export interface SourceRow {
  /** The row number as the program that wrote it shows it. */
  n: number;
  /** Null: the row is wider than the limit. */
  v: CellValue[] | null;
}

export interface SourceSheet {
  name: string;
  hidden: boolean;
  rows: AsyncIterable<SourceRow> | Iterable<SourceRow>;
}

export interface Source {
  sheets: AsyncIterable<SourceSheet>;
  /** Whether the workbook counts dates from 1904 (old Mac Excel); known once its sheets are read. */
  date1904(): boolean;
}

export interface SourceInput {
  file: string;
  format: WorkbookFormat;
  maxColumns: number;
  /** .xlsx: the sheet names by part number and the hidden ones, read ahead of the stream (zipcheck.ts). */
  sheetNames: Record<string, string>;
  hidden: string[];
  /** CSV: the name its one sheet goes by (the file's name without extension). */
  sourceName: string;
}

/** The reader for the file's format. */
export function openSource(input: SourceInput): Source {
  if (input.format === 'csv') return { sheets: csvSheets(input), date1904: () => false };
  // The program's own readers; in the test suites each is checked against the library it
  // replaced (xlsx-differential.ts).
  const checked = (ours: () => Source, reference: () => Source) =>
    process.env.TAJAMMU_XLSX_DIFFERENTIAL === '1' ? differentialSource(input, ours, reference) : ours();
  if (input.format === 'ods')
    return checked(
      () => odsSheets(input),
      () => sheetjsSheets(input),
    );
  if (input.format === 'xls')
    return checked(
      () => xlsSheets(input) ?? sheetjsSheets(input),
      () => sheetjsSheets(input),
    );
  return checked(
    () => xlsxSheets(input),
    () => exceljsSheets(input),
  );
}

type RawCell = ExcelJS.CellValue | undefined;

/** A cell as a plain value: rich text, formulas, hyperlinks and errors reduced to what they show. */
export function plainValue(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string') return raw.trim() === '' ? null : raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw;
  if (typeof raw === 'object') {
    if ('richText' in raw && Array.isArray(raw.richText)) return plainValue(raw.richText.map((r) => r.text).join(''));
    if ('formula' in raw || 'sharedFormula' in raw) return plainValue((raw as { result?: RawCell }).result ?? null);
    if ('hyperlink' in raw) return plainValue((raw as { text?: RawCell }).text ?? null);
    if ('error' in raw) return null;
  }
  return null;
}

/**
 * A cell as a value; a number shown as a percentage comes as the text it shows ("100%"),
 * since the stored fraction (1) alone reads as 1 %.
 */
function rowValues(row: ExcelJS.Row, maxColumns: number): CellValue[] | null {
  const values = row.values as RawCell[];
  if (values.length - 1 > maxColumns) return null;
  const out: CellValue[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = plainValue(values[i]);
    out.push(typeof v === 'number' && isPercentFormat(row.getCell(i).numFmt) ? percentText(v) : v);
  }
  return out;
}

export function exceljsSheets(input: SourceInput): Source {
  // The parts in reading order (zip-order.ts): the shared strings before the sheets, always.
  const check = checkWorkbookFile(input.file);
  const bytes = check.zip ? orderedZipStream(input.file, check.zip, check.bytes) : input.file;
  const reader = new Excel.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const hidden = new Set(input.hidden);
  async function* sheets(): AsyncGenerator<SourceSheet> {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string; id: number | string };
      // exceljs names a sheet only when it found the sheet's relationship as it expects it
      // (`worksheets/sheetN.xml`, read before the sheet); then the id is the sheet's number id.
      // Otherwise (openpyxl and pandas write `/xl/worksheets/sheetN.xml`) it says "SheetN" and
      // keeps N, the part's number, as a string: the names read ahead of the stream apply.
      const name = typeof ws.id === 'string' ? (input.sheetNames[ws.id] ?? ws.name) : ws.name;
      yield {
        name,
        hidden: hidden.has(name),
        rows: (async function* () {
          for await (const row of ws) yield { n: row.number, v: rowValues(row, input.maxColumns) };
        })(),
      };
    }
  }
  return {
    sheets: sheets(),
    date1904: () =>
      (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true,
  };
}
