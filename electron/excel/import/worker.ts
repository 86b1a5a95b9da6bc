/**
 * Runs in a worker thread with a heap limit: streams the workbook with exceljs, picks the sheet
 * and header row that name the most known fields, and posts its rows back in batches as they are
 * read, so the main thread validates (and may write) while this thread still parses. A later
 * sheet that names more fields takes over with a new `sheet` message. The main thread can
 * terminate it at any time (cancel, time limit) without harm: it writes nothing.
 */
import type * as ExcelJS from 'exceljs';
import Excel from '../exceljs';
import { parentPort, workerData } from 'node:worker_threads';
import { type Field } from './fields';
import { matchHeaderRow, normalizeHeader } from './headers';
import type { CellValue } from './values';

export interface WorkerInput {
  file: string;
  /** Normalised header text → field (or null to ignore), from a saved or --map mapping. */
  overrides: Record<string, Field | null>;
  maxRows: number;
  maxColumns: number;
  /** The workbook's sheet names by worksheet part number, read ahead of the stream (zipcheck.ts). */
  sheetNames: Record<string, string>;
}

export interface ParsedRow {
  /** The row number as Excel shows it. */
  n: number;
  v: CellValue[];
}

/** Where the table is and what its columns are: everything about a sheet but its rows. */
export interface SheetHeader {
  sheet: string;
  headerRow: number;
  headers: string[];
  fields: (Field | null)[];
  score: number;
  /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
}

export interface ParsedSheet extends SheetHeader {
  rows: ParsedRow[];
  /** Other sheets and how many fields their best header row named. */
  otherSheets: { name: string; score: number }[];
}

/** Rows are posted in batches of this many: large enough to be cheap, small enough to overlap. */
const BATCH = 500;

export type WorkerMessage =
  | { type: 'progress'; rows: number }
  /** The table from here on is this sheet's; rows of an earlier sheet are to be dropped. */
  | { type: 'sheet'; header: SheetHeader }
  | { type: 'rows'; rows: ParsedRow[] }
  /** The end; `result.rows` is empty, the rows having been posted. */
  | { type: 'done'; result: ParsedSheet | null }
  | { type: 'error'; reason: 'too_many_rows' | 'too_many_columns' | 'unreadable'; message: string };

const HEADER_SCAN_ROWS = 30;

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

/** Number formats showing a percentage (`0%`, `0.00%`, `#,##0.0%`): `%` outside quoted text. */
const percentFormats = new Map<string, boolean>();
function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  let p = percentFormats.get(format);
  if (p === undefined) {
    p = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
    percentFormats.set(format, p);
  }
  return p;
}

/**
 * A cell as a value; a number shown as a percentage comes as the text it shows ("100%"),
 * since the stored fraction (1) alone reads as 1 %.
 */
function rowValues(row: ExcelJS.Row, maxColumns: number): CellValue[] {
  const values = row.values as RawCell[];
  if (values.length - 1 > maxColumns) throw Object.assign(new Error('columns'), { reason: 'too_many_columns' });
  const out: CellValue[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = plainValue(values[i]);
    if (typeof v === 'number' && isPercentFormat(row.getCell(i).numFmt)) {
      out.push(`${Number((v * 100).toPrecision(12))}%`);
    } else out.push(v);
  }
  return out;
}

const headerText = (v: CellValue): string => (v === null ? '' : v instanceof Date ? '' : String(v).trim());

async function parse(input: WorkerInput, post: (m: WorkerMessage) => void): Promise<ParsedSheet | null> {
  const reader = new Excel.stream.xlsx.WorkbookReader(input.file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const match = (cells: string[]) => {
    const m = matchHeaderRow(cells);
    if (Object.keys(input.overrides).length === 0) return m;
    const fields = cells.map((c, i) => {
      const key = normalizeHeader(c);
      // Own keys only: a header such as "constructor" must not find Object's own members.
      return Object.hasOwn(input.overrides, key) ? input.overrides[key]! : m.fields[i]!;
    });
    return { fields, score: new Set(fields.filter((f) => f && f !== 'serial')).size };
  };

  let best: ParsedSheet | null = null;
  // Where no row names a known field, a likely header row is offered for mapping by hand.
  let unmapped: ParsedSheet | null = null;
  const scores: { name: string; score: number }[] = [];
  let total = 0;
  let batch: ParsedRow[] = [];
  const flush = () => {
    if (batch.length > 0) post({ type: 'rows', rows: batch });
    batch = [];
  };
  const date1904 = () =>
    (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;
  let kept = 0;
  // A sheet that beats the best so far (a header row named) becomes the table: announce it,
  // then its rows. Returns what pickHeader picked, led or not.
  const lead = (sheet: ParsedSheet | null): ParsedSheet | null => {
    if (!sheet || sheet.headerRow === 0) return sheet;
    sheet.date1904 = date1904();
    const { rows, otherSheets: _others, ...header } = sheet;
    post({ type: 'sheet', header });
    kept = rows.length;
    for (const r of rows) batch.push(r);
    if (batch.length >= BATCH) flush();
    sheet.rows = [];
    return sheet;
  };
  for await (const worksheet of reader) {
    const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string; id: number | string };
    // exceljs names a sheet only when it found the sheet's relationship as it expects it
    // (`worksheets/sheetN.xml`, read before the sheet); then the id is the sheet's number id.
    // Otherwise (openpyxl and pandas write `/xl/worksheets/sheetN.xml`) it says "SheetN" and
    // keeps N, the part's number, as a string: the names read ahead of the stream apply.
    if (typeof ws.id === 'string') ws.name = input.sheetNames[ws.id] ?? ws.name;
    const scan: ParsedRow[] = [];
    let current: ParsedSheet | null = null;
    for await (const row of ws) {
      const values = rowValues(row, input.maxColumns);
      total += 1;
      if (total % 2000 === 0) post({ type: 'progress', rows: total });
      if (current) {
        if (current.headerRow === 0) continue; // a sheet that cannot beat the best: rows not kept
        if (values.some((v) => v !== null)) {
          batch.push({ n: row.number, v: values });
          if (batch.length >= BATCH) flush();
          kept += 1;
        }
        if (kept > input.maxRows) throw Object.assign(new Error('rows'), { reason: 'too_many_rows' });
        continue;
      }
      scan.push({ n: row.number, v: values });
      if (scan.length === HEADER_SCAN_ROWS) current = lead(pickHeader(ws.name, scan, match, best));
    }
    if (!current && scan.length > 0) current = lead(pickHeader(ws.name, scan, match, best));
    flush();
    // The likeliest header for mapping by hand: the row with the most text cells in any sheet.
    for (const r of scan) {
      const texts = r.v.filter((v) => typeof v === 'string').length;
      if (texts > (unmapped?.headers.filter(Boolean).length ?? 0)) {
        unmapped = {
          sheet: ws.name,
          headerRow: r.n,
          headers: r.v.map(headerText),
          fields: r.v.map(() => null),
          rows: [],
          score: 0,
          date1904: false,
          otherSheets: [],
        };
      }
    }
    scores.push({ name: ws.name, score: current?.score ?? 0 });
    if (current && (!best || current.score > best.score)) best = current;
  }
  best = best ?? unmapped;
  if (best) {
    best.otherSheets = scores.filter((s) => s.name !== best!.sheet);
    if (best === unmapped) best.date1904 = date1904();
  }
  return best;
}

/**
 * The header row is the one among the first rows naming the most fields (title rows and merged
 * group headers above it name few or none); rows under it are the table. A sheet that cannot
 * beat the best so far is skipped (null) and its rows are not kept.
 */
function pickHeader(
  sheet: string,
  scan: ParsedRow[],
  match: (cells: string[]) => { fields: (Field | null)[]; score: number },
  best: ParsedSheet | null,
): ParsedSheet | null {
  let top: { index: number; fields: (Field | null)[]; score: number } | null = null;
  scan.forEach((row, index) => {
    const m = match(row.v.map(headerText));
    if (m.score > 0 && (!top || m.score > top.score)) top = { index, ...m };
  });
  const found = top as { index: number; fields: (Field | null)[]; score: number } | null;
  if (!found || (best && found.score <= best.score)) {
    return found
      ? { sheet, headerRow: 0, headers: [], fields: [], rows: [], score: found.score, date1904: false, otherSheets: [] }
      : null;
  }
  const header = scan[found.index]!;
  return {
    sheet,
    headerRow: header.n,
    headers: header.v.map(headerText),
    fields: found.fields,
    rows: scan.slice(found.index + 1).filter((r) => r.v.some((v) => v !== null)),
    score: found.score,
    date1904: false,
    otherSheets: [],
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  parse(workerData as WorkerInput, (m) => port.postMessage(m))
    .then((result) => port.postMessage({ type: 'done', result } satisfies WorkerMessage))
    .catch((e: unknown) => {
      const reason = (e as { reason?: string }).reason;
      port.postMessage({
        type: 'error',
        reason: reason === 'too_many_rows' || reason === 'too_many_columns' ? reason : 'unreadable',
        message: e instanceof Error ? e.message : String(e),
      } satisfies WorkerMessage);
    });
}
