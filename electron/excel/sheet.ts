/**
 * Writing one styled table sheet with exceljs's streaming writer: header row styled and frozen,
 * widths measured from the content, an explicit font on every cell, number and date formats,
 * A4 fitted to width with the header row repeated and page numbers. Shared by every workbook
 * the program writes.
 */
import { createRequire } from 'node:module';
import type * as ExcelJS from 'exceljs';

const requireHere = createRequire(__filename);
const Range = requireHere(requireHere.resolve('exceljs/lib/doc/range.js')) as new (
  top: number,
  left: number,
  bottom: number,
  right: number,
) => object;

export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  numFmt?: string;
  center?: boolean;
  /** Fixed width; otherwise fitted to the longest value, up to `max`. */
  width?: number;
  /** The widest a fitted column grows (60 by default); longer text wraps, its row made taller. */
  max?: number;
}

export interface SheetOptions {
  name: string;
  rtl: boolean;
  footer: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  tabColor?: string;
  /** Printing: fitted to one page wide (the default), one page in all, or at full size (data). */
  fit?: 'width' | 'page' | 'none';
  orientation?: 'landscape' | 'portrait';
}

/** The report's type face (Settings), given to every cell; Excel's default has no Arabic letters. */
export const DEFAULT_FONT = 'Arial';
export const FONT_SIZE = 10;

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B5D5A' } };
export const GAP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E3' } };
export const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFC7C6' } },
  bottom: { style: 'thin', color: { argb: 'FFBFC7C6' } },
  left: { style: 'thin', color: { argb: 'FFBFC7C6' } },
  right: { style: 'thin', color: { argb: 'FFBFC7C6' } },
};

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet'
  );
}

export function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, o: SheetOptions, frozenRows = 1): ExcelJS.Worksheet {
  const fit = o.fit ?? 'width';
  return wb.addWorksheet(sheetName(o.name), {
    state: o.state ?? 'visible',
    properties: o.tabColor ? { tabColor: { argb: o.tabColor } } : undefined,
    views: [{ rightToLeft: o.rtl, state: frozenRows ? 'frozen' : 'normal', ySplit: frozenRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: o.orientation ?? 'landscape',
      fitToPage: fit !== 'none',
      fitToWidth: 1,
      fitToHeight: fit === 'page' ? 1 : 0,
      printTitlesRow: frozenRows ? `${frozenRows}:${frozenRows}` : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    // An empty "&C" footer is one openpyxl cannot parse (it warns and drops it): none at all.
    headerFooter: o.footer ? { oddFooter: `&C${o.footer}` } : undefined,
  } as Partial<ExcelJS.AddWorksheetOptions>);
}

/**
 * How wide a text prints, in Excel's width unit (one digit of the default font): Arabic letters
 * join and run narrower than Latin capitals, spaces and punctuation narrower still; bold is
 * wider. Measured against Arial 10 as LibreOffice prints it; generous rather than tight, so a
 * column fitted by it never clips.
 */
export function textWidth(text: string, bold = false): number {
  let w = 0;
  // By character code rather than by pattern: measured for every cell of a long register.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f) || c === 0x670) continue; // marks sit on their letter
    if (c === 32 || c === 9 || c === 10 || c === 0xa0 || c === 0x60c || c === 0x61b || NARROW.has(c)) w += 0.5;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) w += 0.72;
    else if ((c >= 65 && c <= 90) || WIDE.has(c)) w += 1.25;
    else if (c >= 97 && c <= 122) w += 0.95;
    else w += 1.05;
  }
  return w * (bold ? 1.12 : 1);
}
const NARROW = new Set([...".,:;'|!()"].map((ch) => ch.charCodeAt(0)));
const WIDE = new Set([...'%@&'].map((ch) => ch.charCodeAt(0)));

/** The printed width of a value as a column shows it (numbers with their grouping). */
export function cellWidth(v: Cell, numFmt?: string): number {
  if (v === null) return 0;
  if (v instanceof Date) return 11;
  if (typeof v === 'number') {
    const decimals = /\.(0+)/.exec(numFmt ?? '')?.[1]?.length ?? 0;
    const digits = Math.trunc(Math.abs(v)).toString().length;
    return (
      (digits + Math.floor((digits - 1) / 3) * 0.5 + (decimals ? decimals + 1 : 0) + (numFmt?.includes('%') ? 1 : 0)) *
        1.05 +
      1
    );
  }
  return textWidth(v);
}

/** The longest word of a header that wraps: the narrowest its column may be. */
const longestWord = (text: string, bold = true) => Math.max(...text.split(/\s+/).map((w) => textWidth(w, bold)));

/**
 * Writes a header row and the data rows, committing each row so memory stays flat. `style`
 * may colour single cells (gaps in the matrix, for instance).
 */
export interface TableOptions {
  /** Colours or marks single cells (gaps in the matrix, for instance). */
  style?: (row: Cell[], col: number, cell: ExcelJS.Cell) => void;
  /** Rows the widths are measured on (the first 2,000); fewer than 2,000 borders every cell. */
  widthSample?: Cell[][];
  font?: string;
  /** Borders every cell, however many rows (a sheet meant for print). */
  bordered?: boolean;
  /** A row's height in points (wrapped text); Excel's default otherwise. */
  rowHeight?: (row: Cell[]) => number | undefined;
  /**
   * A cell's whole style, shared by every cell that looks the same (the caller keeps one object
   * per look): far cheaper on a long sheet than `style`, whose changes give each cell its own.
   */
  cellStyle?: (row: Cell[], col: number) => Partial<ExcelJS.Style>;
  /** Rows above the table (a title): written once the widths are set, which must come first. */
  above?: () => void;
}

export function writeTable(
  ws: ExcelJS.Worksheet,
  columns: Column[],
  rows: Iterable<Cell[]>,
  o: TableOptions = {},
): number {
  const { style, widthSample = [], font = DEFAULT_FONT, rowHeight } = o;
  // One style object per column, shared by its cells: exceljs recognises a style object it has
  // seen and skips rendering its XML again, which is most of the cost of a styled cell.
  const sample = widthSample.slice(0, 2000);
  const fitted = columns.map((c, i) =>
    Math.max(10, longestWord(c.header) + 2, ...sample.map((r) => cellWidth(r[i] ?? null, c.numFmt) + 2)),
  );
  const widths = columns.map((c, i) => c.width ?? Math.min(c.max ?? 60, fitted[i]!));
  // A column whose text is wider than it may grow wraps (its rows grow taller instead).
  const wraps = columns.map((c, i) => !c.width && fitted[i]! > widths[i]!);
  const styles: Partial<ExcelJS.Style>[] = columns.map((c, i) => ({
    font: { name: font, size: FONT_SIZE },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(c.center
      ? { alignment: { horizontal: 'center' } }
      : c.numFmt && c.numFmt !== 'yyyy-mm-dd'
        ? { alignment: { horizontal: 'right' } }
        : wraps[i]
          ? { alignment: { wrapText: true, vertical: 'top' } }
          : {}),
  }));
  ws.columns = columns.map((c, i) => ({ key: `c${i}`, width: widths[i], style: styles[i]! }));
  const wrappedHeight = (values: Cell[]): number | undefined => {
    const lines = Math.max(
      1,
      ...values.map((v, i) => (wraps[i] && typeof v === 'string' ? linesIn(v, widths[i]! - 1) : 1)),
    );
    return lines > 1 ? lines * 13 + 4 : undefined;
  };
  o.above?.();
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = headerHeight(columns, ws);
  header.eachCell((cell) => {
    cell.font = { name: font, size: FONT_SIZE, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
  header.commit();
  let count = 0;
  // Grid lines on every cell read well on a short table; on a register of thousands of rows
  // they cost more than the rest of the sheet, and Excel's own grid serves.
  const bordered = o.bordered ?? widthSample.length < 2000;
  for (const values of rows) {
    const row = ws.addRow(values.map(safeValue));
    const height = Math.max(rowHeight?.(values) ?? 0, wraps.some(Boolean) ? (wrappedHeight(values) ?? 0) : 0);
    if (height) row.height = height;
    if (o.cellStyle) {
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.style = o.cellStyle!(values, col - 1);
      });
    } else if (bordered || style) {
      // These cells get styles of their own, so they keep the fresh copies exceljs made; the
      // empty ones are bordered too, so a column of blanks still prints as a grid.
      row.eachCell({ includeEmpty: bordered }, (cell, col) => {
        if (bordered) cell.border = BORDER;
        cell.font = { name: font, size: FONT_SIZE };
        if (wraps[col - 1]) cell.alignment = { wrapText: true, vertical: 'top' };
        style?.(values, col - 1, cell);
      });
    } else {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // exceljs picks a date format for a date cell with no format of its own, per style
        // object: such a cell keeps its own copy, so a shared one never mixes the two.
        const shared = styles[col - 1]!;
        if (shared.numFmt || !(values[col - 1] instanceof Date)) cell.style = shared;
      });
    }
    row.commit();
    count += 1;
  }
  return count;
}

/**
 * Merges cells of rows already written: the streaming writer's own mergeCells needs the rows
 * still open, but a merge is only a line at the sheet's end, and the merged-over cells are empty.
 */
export function mergeWritten(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  (ws as unknown as { _merges: object[] })._merges.push(new Range(top, left, bottom, right));
}

/** A header row tall enough for its longest header wrapped in its column (lines of 13 pt). */
function headerHeight(columns: Column[], ws: ExcelJS.Worksheet): number {
  const lines = columns.map((c, i) => linesIn(c.header, (ws.getColumn(i + 1).width ?? 10) - 1, true));
  return Math.max(2, ...lines) * 13 + 6;
}

/** How many lines a text takes wrapped in a column of a width (word by word, as Excel wraps). */
export function linesIn(text: string, width: number, bold = false): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const w = textWidth(word, bold);
    const gap = used ? textWidth(' ') : 0;
    if (used && used + gap + w > width) {
      lines += 1;
      used = w;
    } else used += gap + w;
  }
  return lines;
}

/**
 * Text that a spreadsheet could take for a formula (= + - @, tab, line break at the start) is
 * written as a plain string cell; exceljs writes strings as strings, and nothing here ever
 * builds a formula value, so a title like =HYPERLINK(...) stays inert text.
 */
export function safeValue(v: Cell): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  return v;
}
