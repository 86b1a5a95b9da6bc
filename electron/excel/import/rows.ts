/**
 * Turns the rows under the header into initiative records, cell by cell, with every problem
 * named by sheet, row number (as Excel shows it), column header and a bilingual reason.
 */
import type { Bilingual } from '../../../db/core/errors';
import { bilingual } from '../../../db/core/messages';
import type { Initiative } from '../../../db/core/model';
import { normalizeArabic } from '../../../db/core/normalize';
import { fieldsOfKind } from '../../../db/core/register';
import type { Field } from './fields';
import type { ParsedRow, SheetHeader } from './worker';
import { type NumberKind, numberColumns } from './columns';
import {
  type CellValue,
  cellText,
  nearestStatus,
  parseAxisList,
  parseCheck,
  parseDate,
  parseMarketing,
  parseStatus,
  shown,
} from './values';
import { enumLabel } from '../labels';

const statusLabel = (s: string) => ({ ar: enumLabel('ar', 'status', s), en: enumLabel('en', 'status', s) });
import type { RowError } from '../../../db/core/results';

/**
 * One row as read: the initiative's own fields as the model types them (none required yet:
 * the plan merges the row with what the portfolio holds, then checks the model's rules), and
 * the place by name, to be matched to the portfolio's regions, clusters and sectors.
 */
export type ImportRecord = Partial<Omit<Initiative, 'id' | 'regionId' | 'clusterId'>> & {
  row: number;
  region?: string;
  cluster?: string;
  sector?: string;
  /**
   * The fields whose cells could not be read (an axis flag counts for `axes`): the plan still
   * checks the rest of the row, names no second problem on these, and writes nothing of it.
   */
  flawed?: Field[];
};

// The register names each field's kind once; the reader follows it.
const TEXT_FIELDS = [...fieldsOfKind('text'), ...fieldsOfKind('place')];
const MONEY_FIELDS = fieldsOfKind('money');
const COUNT_FIELDS = fieldsOfKind('count');
const DATE_FIELDS = fieldsOfKind('date');
const TOTAL_WORDS = new Set(['الاجمالي', 'المجموع', 'الجمله', 'total', 'grand total', 'totals']);
const isTotalWord = (x: CellValue) => typeof x === 'string' && x.length <= 16 && TOTAL_WORDS.has(normalizeArabic(x));

export interface RowsResult {
  records: ImportRecord[];
  errors: RowError[];
  /** Values read, but not as written (a month for a date, a placeholder for nothing…). */
  warnings: RowError[];
  /** Rows of totals under the table, skipped. */
  skipped: number;
}

export interface RecordReader {
  /** Reads a batch; rows with a cell that needs the rest of its column are held (columns.ts). */
  read(rows: ParsedRow[]): RowsResult;
  /** The held rows, read now that every column has been seen to its end. */
  end(): RowsResult;
}

/** Money in major units as typed → minor units of the office currency. */
const toMinor = (n: number, digits: number) => Math.round(n * 10 ** digits);

/**
 * Reads rows batch by batch as they stream in; it remembers the codes seen in earlier batches,
 * so a duplicate is caught wherever it falls.
 */
export function recordReader(sheet: SheetHeader, currencyDigits: number, date1904 = false): RecordReader {
  const columnOf = new Map<Field, number>();
  sheet.fields.forEach((f, i) => {
    if (f && !columnOf.has(f)) columnOf.set(f, i);
  });
  const axisColumns = [1, 2, 3, 4, 5, 6, 7].filter((n) => columnOf.has(`axis${n}` as Field));
  const seenCodes = new Map<string, number>();
  const numbers = numberColumns(currencyDigits);
  const held: { row: ParsedRow; duplicateOf?: number }[] = [];

  /** One row into `out`; false when one of its cells waits for the rest of its column. */
  const readRow = ({ n, v }: ParsedRow, final: boolean, duplicateOf: number | undefined, out: RowsResult) => {
    const cell = (f: Field): CellValue => {
      const i = columnOf.get(f);
      return i === undefined ? null : (v[i] ?? null);
    };
    const has = (f: Field) => columnOf.has(f);
    const column = (f: Field) => sheet.headers[columnOf.get(f)!] ?? f;
    const errors: RowError[] = [];
    const warnings: RowError[] = [];
    const flawed: Field[] = [];
    const fail = (f: Field, message: Bilingual) => {
      errors.push({ sheet: sheet.sheet, row: n, column: column(f), message });
      flawed.push(f.startsWith('axis') ? 'axes' : f);
    };
    const warn = (f: Field, message: Bilingual) =>
      warnings.push({ sheet: sheet.sheet, row: n, column: column(f), message });
    let hold = false;
    /** Every numeric cell is read, even after one holds the row: each is evidence for its column. */
    const number = (f: Field, kind: NumberKind): number | undefined => {
      const o = numbers.read(f, kind, cell(f), final);
      if ('hold' in o) {
        hold = true;
        return undefined;
      }
      if (!o.ok) {
        fail(f, o.message);
        return undefined;
      }
      if (o.warning) warn(f, o.warning);
      return o.value;
    };

    const r: ImportRecord = { row: n };
    for (const f of TEXT_FIELDS) if (has(f)) r[f] = cellText(cell(f));

    // Axis cells all blank say nothing: a new initiative comes in not yet classified, and an
    // existing one keeps its axes (a blank is not "remove its classification").
    const axisCells = [...axisColumns.map((a) => cell(`axis${a}` as Field)), ...(has('axes') ? [cell('axes')] : [])];
    if (axisCells.some((c) => c !== null)) {
      const axes = new Set<number>();
      for (const a of axisColumns) {
        const raw = cell(`axis${a}` as Field);
        const on = parseCheck(raw);
        if (on === null) {
          fail(`axis${a}` as Field, bilingual('cells.badCheck', { value: shown(raw) }));
        } else if (on) axes.add(a);
      }
      if (has('axes')) {
        const list = parseAxisList(cell('axes'));
        if (list === null) {
          fail('axes', bilingual('cells.badAxes'));
        } else list.forEach((a) => axes.add(a));
      }
      r.axes = [...axes].sort((a, b) => a - b);
    }
    if (has('primaryAxis') && cell('primaryAxis') !== null) {
      const p = parseAxisList(cell('primaryAxis'));
      if (!p || p.length !== 1) fail('primaryAxis', bilingual('cells.badPrimaryAxis'));
      else r.primaryAxis = p[0];
    }

    for (const f of MONEY_FIELDS) {
      if (!has(f)) continue;
      const num = number(f, 'money');
      if (num === undefined) continue;
      if (num < 0) fail(f, bilingual('cells.negativeAmount'));
      else r[f] = toMinor(num, currencyDigits);
    }
    for (const f of COUNT_FIELDS) {
      if (!has(f)) continue;
      const num = number(f, 'count');
      if (num === undefined) continue;
      if (num < 0 || !Number.isInteger(num)) fail(f, bilingual('cells.badCount', { value: shown(cell(f)!) }));
      else r[f] = num;
    }
    if (has('progress')) {
      const num = number('progress', 'progress');
      if (num !== undefined) {
        if (num < 0 || num > 100) fail('progress', bilingual('cells.badPercent'));
        else r.progress = Math.round(num);
      }
    }
    if (hold) return false;
    for (const f of DATE_FIELDS) {
      if (!has(f)) continue;
      const raw = cell(f);
      const d = parseDate(raw, date1904);
      if (!d.ok) {
        fail(f, bilingual('cells.badDate', { value: shown(raw) }));
        continue;
      }
      r[f] = d.value;
      if (d.note === 'placeholder') warn(f, bilingual('cells.datePlaceholder', { value: shown(raw) }));
      if (d.note === 'month') warn(f, bilingual('cells.dateMonth', { value: shown(raw), date: d.value! }));
      if (d.note === 'year') warn(f, bilingual('cells.dateYear', { value: shown(raw), date: d.value! }));
    }
    if (has('status') && cell('status') !== null) {
      const raw = cell('status');
      const s = parseStatus(raw);
      const near = s ? null : nearestStatus(raw);
      if (near) {
        r.status = near;
        warn('status', bilingual('cells.statusNear', { value: shown(raw), status: statusLabel(near) }));
      } else if (!s) {
        fail('status', bilingual('cells.badStatus', { value: shown(raw) }));
      } else r.status = s;
    }
    if (has('marketingHolder')) {
      const m = parseMarketing(cell('marketingHolder'));
      if (m) {
        r.marketingHolder = m.holder;
        r.marketingBody = m.body;
      }
    }
    if (has('marketingBody') && cellText(cell('marketingBody'))) r.marketingBody = cellText(cell('marketingBody'));

    // The model's rules on the record as a whole are the plan's (rules.ts), once the row is
    // merged with what the portfolio holds; a duplicate code is a fact of the sheet alone.
    if (duplicateOf !== undefined) fail('code', bilingual('cells.duplicateCode', { row: duplicateOf }));
    // On to the plan even when a cell failed, so the row's every problem is listed at once.
    if (flawed.length > 0) r.flawed = flawed;
    out.records.push(r);
    for (const e of errors) out.errors.push(e);
    for (const w of warnings) out.warnings.push(w);
    return true;
  };

  /**
   * The held rows that their columns have decided since (a progress column that showed a value
   * above 1), in sheet order, up to the first still waiting: a register whose first row reads
   * progress 1 is not held to its end. Reading a row again adds no new evidence.
   */
  const release = (out: RowsResult) => {
    let n = 0;
    while (n < held.length && readRow(held[n]!.row, false, held[n]!.duplicateOf, out)) n += 1;
    held.splice(0, n);
  };

  return {
    read(rows) {
      const out: RowsResult = { records: [], errors: [], warnings: [], skipped: 0 };
      for (const row of rows) {
        const code = row.v[columnOf.get('code') ?? -1] ?? null;
        // A totals row under the table: no code, and a short cell saying "total".
        if (!cellText(code) && row.v.some(isTotalWord)) {
          out.skipped += 1;
          continue;
        }
        // Codes are registered in reading order, held rows too, so "first appears" is the first.
        let duplicateOf: number | undefined;
        const c = cellText(code);
        if (c) {
          duplicateOf = seenCodes.get(c);
          if (duplicateOf === undefined) seenCodes.set(c, row.n);
        }
        // Once a row waits for its column, the rows after it wait too (read now for their
        // columns' evidence only), so that rows are planned, and codes given, in sheet order.
        const into = held.length > 0 ? { records: [], errors: [], warnings: [], skipped: 0 } : out;
        if (!readRow(row, false, duplicateOf, into) || into !== out) held.push({ row, duplicateOf });
      }
      release(out);
      return out;
    },
    end() {
      const out: RowsResult = { records: [], errors: [], warnings: [], skipped: 0 };
      for (const h of held.splice(0)) readRow(h.row, true, h.duplicateOf, out);
      return out;
    },
  };
}
