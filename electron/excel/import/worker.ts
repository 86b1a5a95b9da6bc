/**
 * Runs in a worker thread with a heap limit: streams the workbook, picks the sheet and header row
 * that name the most known fields, reads its rows into records (rows.ts) and posts them back in
 * batches as they are read, so the main thread plans (and may write) while this thread parses.
 * A later sheet that names more fields takes over with a new `sheet` message. The main thread
 * can terminate it at any time (cancel, time limit) without harm: it writes nothing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type Field } from './fields';
import { matchHeaderRow, normalizeHeader, scoreOf } from './headers';
import { type RecordReader, recordReader, type RowsResult } from './rows';
import { openSource, type SourceInput } from './sources';
import type { CellValue } from './values';

export interface WorkerInput extends SourceInput {
  /** Normalised header text → field (or null to ignore), from a saved or --map mapping. */
  overrides: Record<string, Field | null>;
  maxRows: number;
  /** The sheet the user named: the only one read. */
  sheet?: string;
  /** The office currency's minor digits: amounts are read into minor units here. */
  currencyDigits: number;
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
  /** Other sheets, how many fields their best header row named, and why one was passed over. */
  otherSheets: OtherSheet[];
}

export interface OtherSheet {
  name: string;
  score: number;
  /** Not read: hidden (and not named), or a row wider than the limit. */
  passed?: 'hidden' | 'too_wide';
}

/** Rows are posted in batches of this many: large enough to be cheap, small enough to overlap. */
const BATCH = 500;

export type WorkerMessage =
  | { type: 'progress'; rows: number }
  /** The table from here on is this sheet's; rows of an earlier sheet are to be dropped. */
  | { type: 'sheet'; header: SheetHeader }
  /** A batch of the table's rows read into records (rows.ts), here, off the main thread. */
  | { type: 'records'; result: RowsResult }
  /** The end; `result.rows` is empty, the rows having been posted. */
  | { type: 'done'; result: ParsedSheet | null }
  | {
      type: 'error';
      reason: 'too_many_rows' | 'too_many_columns' | 'no_such_sheet' | 'unreadable';
      message: string;
      sheet?: string;
      /** no_such_sheet: the sheets the workbook has. */
      sheets?: string[];
    };

const HEADER_SCAN_ROWS = 30;

const headerText = (v: CellValue): string => (v === null ? '' : v instanceof Date ? '' : String(v).trim());

type Mode = 'scan' | 'lead' | 'tie' | 'skip' | 'wide';

/** Ranks a header row: a register (title plus region or cluster) before any other table, then by fields named. */
type Match = (cells: string[]) => { fields: (Field | null)[]; score: number };

async function parse(input: WorkerInput, post: (m: WorkerMessage) => void): Promise<ParsedSheet | null> {
  const source = openSource(input);
  const match: Match = (cells) => {
    const m = matchHeaderRow(cells);
    if (Object.keys(input.overrides).length === 0) return m;
    const fields = cells.map((c, i) => {
      const key = normalizeHeader(c);
      // Own keys only: a header such as "constructor" must not find Object's own members.
      return Object.hasOwn(input.overrides, key) ? input.overrides[key]! : m.fields[i]!;
    });
    return { fields, score: scoreOf(cells, fields) };
  };
  const seen: string[] = [];
  let best: ParsedSheet | null = null;
  // Where no row names a known field, a likely header row is offered for mapping by hand.
  let unmapped: ParsedSheet | null = null;
  const others: OtherSheet[] = [];
  let total = 0;
  let batch: ParsedRow[] = [];
  /** The leading table's rows become records here, so the main thread only plans and writes. */
  let reader: RecordReader | null = null;
  const send = (result: RowsResult) => {
    if (result.records.length + result.errors.length + result.warnings.length + result.skipped > 0) {
      post({ type: 'records', result });
    }
  };
  const flush = () => {
    if (batch.length > 0) send(reader!.read(batch));
    batch = [];
  };
  const date1904 = source.date1904;
  /** The best table in a sheet refused for a row wider than the limit. */
  let wideBest: { name: string; score: number } | null = null;
  /** Rows of the table that leads so far (posted). */
  let kept = 0;
  const tooMany = (reason: 'too_many_rows' | 'too_many_columns', sheet: string) =>
    Object.assign(new Error(reason), { reason, sheet });
  /** The table is this sheet's from now on: announce it, then the rows read so far. */
  const lead = (sheet: ParsedSheet, rows: ParsedRow[]) => {
    sheet.date1904 = date1904();
    const { rows: _rows, otherSheets: _others, ...header } = sheet;
    post({ type: 'sheet', header });
    reader = recordReader(header, input.currencyDigits, header.date1904);
    kept = 0;
    for (const r of rows) {
      batch.push(r);
      kept += 1;
      if (batch.length >= BATCH) flush();
    }
    best = sheet;
  };

  for await (const sheet of source.sheets) {
    const name = sheet.name;
    seen.push(name);
    const passedOver = input.sheet !== undefined ? name !== input.sheet : sheet.hidden;
    /** scan: looking for the header; lead: the table so far; tie: as good as the table, rows held to compare; skip. */
    let mode: Mode = passedOver ? 'skip' : 'scan';
    // Read through a call: `decide` changes the mode, which TypeScript's narrowing does not see.
    const is = (m: Mode) => mode === m;
    const scan: ParsedRow[] = [];
    let held: ParsedRow[] = [];
    let candidate: ParsedSheet | null = null;
    const decide = () => {
      candidate = pickHeader(name, scan, match, input.sheet === name);
      const rows = candidate ? scan.slice(scan.indexOf(scan.find((r) => r.n === candidate!.headerRow)!) + 1) : [];
      const body = rows.filter((r) => r.v.some((v) => v !== null));
      if (!candidate) mode = 'skip';
      else if (!best || candidate.score > best.score) {
        lead(candidate, body);
        mode = 'lead';
      } else if (candidate.score === best.score) {
        held = body;
        mode = 'tie';
      } else mode = 'skip';
    };
    for await (const row of sheet.rows) {
      if (is('skip') || is('wide')) continue;
      const values: CellValue[] | null = row.v;
      total += 1;
      if (total % 2000 === 0) post({ type: 'progress', rows: total });
      if (values === null) {
        // A row wider than the limit: the sheet is refused; the workbook is, only if it is the table.
        if (is('lead')) throw tooMany('too_many_columns', name);
        // Would it have been the register? Then the workbook is refused, naming it, unless a
        // better one follows.
        const would = is('scan') ? pickHeader(name, scan, match, input.sheet === name) : candidate;
        if (would && (!wideBest || would.score > wideBest.score)) wideBest = { name, score: would.score };
        mode = 'wide';
        continue;
      }
      if (is('scan')) {
        scan.push({ n: row.n, v: values });
        if (scan.length === HEADER_SCAN_ROWS) decide();
        continue;
      }
      if (!values.some((v) => v !== null)) continue;
      if (is('lead')) {
        batch.push({ n: row.n, v: values });
        if (batch.length >= BATCH) flush();
        kept += 1;
        if (kept > input.maxRows) throw tooMany('too_many_rows', name);
      } else {
        held.push({ n: row.n, v: values });
        // As good as the table and longer than it may be: it would be the register, so refused by name.
        if (held.length > input.maxRows) throw tooMany('too_many_rows', name);
      }
    }
    if (is('scan') && scan.length > 0) decide();
    // A sheet as good as the table so far, with more rows, is the register (a summary beside it is not).
    if (is('tie') && held.length > kept) lead(candidate!, held);
    held = [];
    flush();
    if (!passedOver && !is('wide')) unmapped = likelyHeader(name, scan, unmapped);
    others.push({
      name,
      score: (candidate as ParsedSheet | null)?.score ?? 0,
      ...(passedOver && sheet.hidden ? { passed: 'hidden' as const } : {}),
      ...(is('wide') ? { passed: 'too_wide' as const } : {}),
    });
  }
  if (input.sheet !== undefined && !seen.includes(input.sheet)) {
    throw Object.assign(new Error('no_such_sheet'), { reason: 'no_such_sheet', sheet: input.sheet, sheets: seen });
  }
  const wide = wideBest as { name: string; score: number } | null;
  // A refused sheet as good as the table could have been the register (it may hold more rows): said, not passed over.
  if (wide && wide.score >= ((best as ParsedSheet | null)?.score ?? 1)) throw tooMany('too_many_columns', wide.name);
  // Rows whose numbers needed their whole column (columns.ts) are read last.
  if (reader) send((reader as RecordReader).end());
  const chosen = (best as ParsedSheet | null) ?? unmapped;
  if (chosen) {
    chosen.otherSheets = others.filter((s) => s.name !== chosen.sheet);
    if (chosen === unmapped) chosen.date1904 = date1904();
  }
  return chosen;
}

/** The likeliest header for mapping by hand: the row with the most text cells in any sheet. */
function likelyHeader(sheet: string, scan: ParsedRow[], so: ParsedSheet | null): ParsedSheet | null {
  let out = so;
  for (const r of scan) {
    const texts = r.v.filter((v) => typeof v === 'string').length;
    if (texts > (out?.headers.filter(Boolean).length ?? 0)) {
      out = {
        sheet,
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
  return out;
}

/**
 * The header row is the one among the first rows naming the most fields (title rows and merged
 * group headers above it name few or none). A register names a title and a region or a cluster;
 * a table that does not (a lookup list, a Kobo export's metadata) ranks below any that does,
 * unless the user named its sheet. Null when no row names a field.
 */
function pickHeader(sheet: string, scan: ParsedRow[], match: Match, named: boolean): ParsedSheet | null {
  let top: { index: number; fields: (Field | null)[]; score: number } | null = null;
  scan.forEach((row, index) => {
    const m = match(row.v.map(headerText));
    if (m.score > 0 && (!top || m.score > top.score)) top = { index, ...m };
  });
  const found = top as { index: number; fields: (Field | null)[]; score: number } | null;
  if (!found) return null;
  const isRegister =
    named || (found.fields.includes('title') && (found.fields.includes('region') || found.fields.includes('cluster')));
  const header = scan[found.index]!;
  return {
    sheet,
    headerRow: header.n,
    headers: header.v.map(headerText),
    fields: found.fields,
    rows: [],
    // Registers first; among them (and among the rest), the most fields named.
    score: found.score + (isRegister ? REGISTER_RANK : 0),
    date1904: false,
    otherSheets: [],
  };
}

/** Added to a register's score: any register outranks any other table. */
const REGISTER_RANK = 1000;

if (parentPort && workerData) {
  const port = parentPort;
  parse(workerData as WorkerInput, (m) => port.postMessage(m))
    .then((result) => port.postMessage({ type: 'done', result } satisfies WorkerMessage))
    .catch((e: unknown) => {
      const { reason, sheet, sheets } = e as { reason?: string; sheet?: string; sheets?: string[] };
      port.postMessage({
        type: 'error',
        reason:
          reason === 'too_many_rows' || reason === 'too_many_columns' || reason === 'no_such_sheet'
            ? reason
            : 'unreadable',
        message: e instanceof Error ? e.message : String(e),
        sheet,
        sheets,
      } satisfies WorkerMessage);
    });
}
