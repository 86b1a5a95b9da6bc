/**
 * .xls (Excel 97–2003) and .ods (LibreOffice, OpenDocument) through SheetJS Community Edition,
 * published on npm as @e965/xlsx (Apache-2.0; 0.20.3 carries the fixes for CVE-2023-30533,
 * prototype pollution, and CVE-2024-22363, a regular-expression denial of service). Neither
 * format streams: the whole file is read inside the import worker, under its heap and time
 * limits, then handed over sheet by sheet as plain values. The import reads .ods and BIFF8 .xls
 * with its own readers (ods-reader.ts, xls-reader.ts) and keeps this one for older .xls (BIFF5)
 * and as those readers' reference in the tests.
 */
import { readFileSync } from 'node:fs';
import type * as SheetJS from '@e965/xlsx';
import type { Source, SourceInput, SourceSheet } from './sources';
import { attribute } from './zipcheck';
import { type CellValue, shownNumber } from './values';

/**
 * Dates are taken as serial numbers and made into UTC days here: SheetJS's own Date objects
 * are local midnights, which read in UTC fall on the previous day east of Greenwich (Cairo, Algiers).
 */
function cellValue(cell: SheetJS.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 's': {
      const text = String(cell.v);
      return text.trim() === '' ? null : text;
    }
    case 'n': {
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      return shownNumber(cell.v as number, format, (f) => xlsx().SSF.is_date(f), date1904);
    }
    case 'b':
      return cell.v as boolean;
    case 'd':
      // Only where SheetJS keeps a date as text (an ISO string in some .ods): the text reads as a date.
      return cell.v instanceof Date ? cell.v : String(cell.v);
    default:
      return null; // errors and stubs show nothing a register holds
  }
}

/**
 * SheetJS is 7 MB of code: loaded on the first .xls or .ods, so an .xlsx import's worker does not
 * parse it at every start (on a busy machine that pushed a preview past its read limit).
 */
let loaded: typeof SheetJS | null = null;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a package, loaded when first needed
const xlsx = (): typeof SheetJS => (loaded ??= require('@e965/xlsx') as typeof SheetJS);

const readBook = (data: Buffer) =>
  xlsx().read(data, {
    type: 'buffer',
    dense: true,
    cellDates: false,
    cellNF: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
  });

/**
 * The hidden tables of an .ods: hidden by their style (`table:display="false"`), which SheetJS
 * does not read. Only the tags are looked at.
 */
export function odsHiddenSheets(data: Buffer): string[] {
  const zip = xlsx().CFB.read(data, { type: 'buffer' });
  const entry = xlsx().CFB.find(zip, 'content.xml');
  if (!entry?.content) return [];
  return hiddenTables(Buffer.from(entry.content as Uint8Array).toString('utf8'));
}

/** The table styles an .ods's content.xml (or a part of it) defines as hidden, added to `into`. */
export function hiddenTableStyles(xml: string, into = new Set<string>()): Set<string> {
  for (const [tag] of xml.matchAll(/<style:style\b[^>]*>\s*<style:table-properties\b[^>]*>/g)) {
    if (attribute(tag, 'table:display') === 'false') into.add(attribute(tag, 'style:name') ?? '');
  }
  return into;
}

/** The names of the tables an .ods's content.xml hides by their style. */
export function hiddenTables(xml: string): string[] {
  const hiddenStyles = hiddenTableStyles(xml);
  if (hiddenStyles.size === 0) return [];
  const out: string[] = [];
  for (const [tag] of xml.matchAll(/<table:table\b[^>]*>/g)) {
    const name = attribute(tag, 'table:name');
    if (name && hiddenStyles.has(attribute(tag, 'table:style-name') ?? '')) out.push(name);
  }
  return out;
}

export function sheetjsSheets(input: SourceInput): Source {
  // SheetJS writes its doubts about .ods number formats to the console ("may be incorrect"):
  // not the user's business, and the command line's stderr is for the user.
  const { warn, error } = console;
  console.warn = console.error = () => undefined;
  const data = readFileSync(input.file);
  let book: SheetJS.WorkBook;
  try {
    book = readBook(data);
  } finally {
    Object.assign(console, { warn, error });
  }
  const hidden = new Set(input.format === 'ods' ? odsHiddenSheets(data) : []);
  const date1904 = book.Workbook?.WBProps?.date1904 === true;
  function* rows(sheet: SheetJS.WorkSheet) {
    const data = (sheet as SheetJS.DenseWorkSheet)['!data'] ?? [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      if (row.length > input.maxColumns) {
        yield { n: r + 1, v: null };
        continue;
      }
      const v: CellValue[] = [];
      for (let c = 0; c < row.length; c++) v.push(cellValue(row[c], date1904));
      yield { n: r + 1, v };
    }
  }
  async function* sheets(): AsyncGenerator<SourceSheet> {
    for (const [i, name] of book.SheetNames.entries()) {
      const sheet = book.Sheets[name];
      if (!sheet) continue;
      // .xls says which sheets are hidden through SheetJS; .ods through its table styles.
      yield { name, hidden: (book.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0 || hidden.has(name), rows: rows(sheet) };
    }
  }
  return { sheets: sheets(), date1904: () => date1904 };
}
