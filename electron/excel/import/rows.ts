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
import {
  type CellValue,
  cellText,
  parseAxisList,
  parseCheck,
  parseDate,
  parseMarketing,
  parseNumber,
  parseStatus,
} from './values';
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

const shown = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export interface RowsResult {
  records: ImportRecord[];
  errors: RowError[];
  /** Rows of totals under the table, skipped. */
  skipped: number;
}

/** Money in major units as typed → minor units of the office currency. */
const toMinor = (n: number, digits: number) => Math.round(n * 10 ** digits);

/**
 * Reads rows batch by batch as they stream in; it remembers the codes seen in earlier batches,
 * so a duplicate is caught wherever it falls.
 */
export function recordReader(
  sheet: SheetHeader,
  currencyDigits: number,
  date1904 = false,
): (rows: ParsedRow[]) => RowsResult {
  const columnOf = new Map<Field, number>();
  sheet.fields.forEach((f, i) => {
    if (f && !columnOf.has(f)) columnOf.set(f, i);
  });
  const axisColumns = [1, 2, 3, 4, 5, 6, 7].filter((n) => columnOf.has(`axis${n}` as Field));
  const seenCodes = new Map<string, number>();

  return (rows) => {
    const records: ImportRecord[] = [];
    const errors: RowError[] = [];
    let skipped = 0;
    for (const { n, v } of rows) {
      const cell = (f: Field): CellValue => {
        const i = columnOf.get(f);
        return i === undefined ? null : (v[i] ?? null);
      };
      const has = (f: Field) => columnOf.has(f);
      const flawed: Field[] = [];
      const fail = (f: Field, message: Bilingual) => {
        errors.push({ sheet: sheet.sheet, row: n, column: sheet.headers[columnOf.get(f)!] ?? f, message });
        flawed.push(f.startsWith('axis') ? 'axes' : f);
      };

      // A totals row under the table: no code, and a short cell saying "total".
      const isTotal = () =>
        v.some((x) => typeof x === 'string' && x.length <= 16 && TOTAL_WORDS.has(normalizeArabic(x)));
      if (!cellText(cell('code')) && isTotal()) {
        skipped += 1;
        continue;
      }

      const r: ImportRecord = { row: n };
      for (const f of TEXT_FIELDS) if (has(f)) r[f] = cellText(cell(f));

      if (axisColumns.length > 0 || has('axes')) {
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
        const raw = cell(f);
        if (raw === null) {
          r[f] = 0;
          continue;
        }
        const num = parseNumber(raw);
        if (num === null) fail(f, bilingual('cells.badAmount', { value: shown(raw) }));
        else if (num < 0) fail(f, bilingual('cells.negativeAmount'));
        else r[f] = toMinor(num, currencyDigits);
      }
      for (const f of COUNT_FIELDS) {
        if (!has(f)) continue;
        const raw = cell(f);
        const num = raw === null ? 0 : parseNumber(raw);
        if (num === null || num < 0 || !Number.isInteger(num)) {
          fail(f, bilingual('cells.badCount', { value: shown(raw) }));
        } else r[f] = num;
      }
      if (has('progress')) {
        const raw = cell('progress');
        let num = raw === null ? 0 : parseNumber(raw);
        // A percentage cell holds a fraction (0.45 shows as 45%).
        if (num !== null && typeof raw === 'number' && num > 0 && num < 1) num = num * 100;
        if (num === null || num < 0 || num > 100) {
          fail('progress', bilingual('cells.badPercent'));
        } else r.progress = Math.round(num);
      }
      for (const f of DATE_FIELDS) {
        if (!has(f)) continue;
        const raw = cell(f);
        const d = parseDate(raw, date1904);
        if (!d.ok) {
          fail(f, bilingual('cells.badDate', { value: shown(raw) }));
        } else r[f] = d.value;
      }
      if (has('status') && cell('status') !== null) {
        const s = parseStatus(cell('status'));
        if (!s) {
          fail('status', bilingual('cells.badStatus', { value: shown(cell('status')) }));
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
      if (r.code) {
        const first = seenCodes.get(r.code);
        if (first !== undefined) {
          fail('code', bilingual('cells.duplicateCode', { row: first }));
        } else seenCodes.set(r.code, n);
      }
      // On to the plan even when a cell failed, so the row's every problem is listed at once.
      if (flawed.length > 0) r.flawed = flawed;
      records.push(r);
    }
    return { records, errors, skipped };
  };
}
