/**
 * Writing one styled table sheet with exceljs's streaming writer: header row styled and frozen,
 * widths that fit the content, number and date formats, A4 landscape fitted to width with the
 * header row repeated and page numbers. Shared by the report and the template.
 */
import type * as ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  numFmt?: string;
  center?: boolean;
  /** Fixed width; otherwise fitted to the longest value (capped). */
  width?: number;
}

export interface SheetOptions {
  name: string;
  rtl: boolean;
  footer: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  tabColor?: string;
}

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B5D5A' } };
export const GAP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E3' } };
const BORDER: Partial<ExcelJS.Borders> = {
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
  return wb.addWorksheet(sheetName(o.name), {
    state: o.state ?? 'visible',
    properties: o.tabColor ? { tabColor: { argb: o.tabColor } } : undefined,
    views: [{ rightToLeft: o.rtl, state: frozenRows ? 'frozen' : 'normal', ySplit: frozenRows, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: frozenRows ? `1:${frozenRows}` : undefined,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C${o.footer}` },
  } as Partial<ExcelJS.AddWorksheetOptions>);
}

const textLength = (v: Cell): number =>
  v === null ? 0 : v instanceof Date ? 10 : typeof v === 'number' ? String(Math.round(v)).length + 4 : v.length;

/**
 * Writes a header row and the data rows, committing each row so memory stays flat. `style`
 * may colour single cells (gaps in the matrix, for instance).
 */
export function writeTable(
  ws: ExcelJS.Worksheet,
  columns: Column[],
  rows: Iterable<Cell[]>,
  style?: (row: Cell[], col: number, cell: ExcelJS.Cell) => void,
  widthSample: Cell[][] = [],
): number {
  // One style object per column, shared by its cells: exceljs recognises a style object it has
  // seen and skips rendering its XML again, which is most of the cost of a styled cell.
  const styles: Partial<ExcelJS.Style>[] = columns.map((c) => ({
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    ...(c.center ? { alignment: { horizontal: 'center' } } : {}),
  }));
  ws.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width:
      c.width ??
      Math.min(
        60,
        Math.max(10, c.header.length * 0.9 + 2, ...widthSample.slice(0, 2000).map((r) => textLength(r[i] ?? null) + 2)),
      ),
    style: styles[i]!,
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.height = 32;
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
  header.commit();
  let count = 0;
  // Grid lines on every cell read well on a short table; on a register of thousands of rows
  // they cost more than the rest of the sheet, and Excel's own grid serves.
  const bordered = widthSample.length < 2000;
  for (const values of rows) {
    const row = ws.addRow(values.map(safeValue));
    if (bordered || style) {
      // These cells get styles of their own, so they keep the fresh copies exceljs made.
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (bordered) cell.border = BORDER;
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
 * Text that a spreadsheet could take for a formula (= + - @, tab, line break at the start) is
 * written as a plain string cell; exceljs writes strings as strings, and nothing here ever
 * builds a formula value, so a title like =HYPERLINK(...) stays inert text.
 */
export function safeValue(v: Cell): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  return v;
}
