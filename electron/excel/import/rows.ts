/**
 * Turns the rows under the header into initiative records, cell by cell, with every problem
 * named by sheet, row number (as Excel shows it), column header and a bilingual reason.
 */
import type { Bilingual } from '../../../db/core/errors';
import { normalizeArabic } from '../../../db/core/normalize';
import type { Field } from './fields';
import type { ParsedRow, ParsedSheet, SheetHeader } from './worker';
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

export interface ImportRecord {
  row: number;
  code?: string;
  title?: string;
  description?: string;
  region?: string;
  cluster?: string;
  sector?: string;
  axes?: number[];
  primaryAxis?: number;
  plannedBudget?: number;
  spent?: number;
  startDate?: string | null;
  endDate?: string | null;
  leadBody?: string;
  partners?: string;
  marketingHolder?: 'enterprises' | 'specialised' | 'other';
  marketingBody?: string;
  status?: string;
  progress?: number;
  beneficiaries?: number;
  jobs?: number;
  trainees?: number;
  notes?: string;
}

const TEXT_FIELDS = [
  'code',
  'title',
  'description',
  'region',
  'cluster',
  'sector',
  'leadBody',
  'partners',
  'notes',
] as const;
const COUNT_FIELDS = ['beneficiaries', 'jobs', 'trainees'] as const;
const TOTAL_WORDS = new Set(['الاجمالي', 'المجموع', 'الجمله', 'total', 'grand total', 'totals']);

const msg = (ar: string, en: string): Bilingual => ({ ar, en });
const shown = (v: CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export interface RowsResult {
  records: ImportRecord[];
  errors: RowError[];
  /** Rows of totals under the table, skipped. */
  skipped: number;
}

/** Money in major units as typed → minor units of the office currency. */
const toMinor = (n: number, digits: number) => Math.round(n * 10 ** digits);

export function readRecords(sheet: ParsedSheet, currencyDigits: number, date1904 = false): RowsResult {
  return recordReader(sheet, currencyDigits, date1904)(sheet.rows);
}

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
      const fail = (f: Field, message: Bilingual) =>
        errors.push({ sheet: sheet.sheet, row: n, column: sheet.headers[columnOf.get(f)!] ?? f, message });
      const before = errors.length;

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
            fail(
              `axis${a}` as Field,
              msg(
                `«${shown(raw)}» ليست علامة اختيار مفهومة؛ استخدم ✓ أو نعم، أو اترك الخلية فارغة.`,
                `"${shown(raw)}" is not a recognised check mark; use ✓ or yes, or leave the cell empty.`,
              ),
            );
          } else if (on) axes.add(a);
        }
        if (has('axes')) {
          const list = parseAxisList(cell('axes'));
          if (list === null) {
            fail(
              'axes',
              msg(
                'اكتب أرقام المحاور من 1 إلى 7 مفصولة بفواصل، مثل 1، 3.',
                'Write axis numbers 1 to 7 separated by commas, such as 1, 3.',
              ),
            );
          } else list.forEach((a) => axes.add(a));
        }
        r.axes = [...axes].sort((a, b) => a - b);
      }
      if (has('primaryAxis') && cell('primaryAxis') !== null) {
        const p = parseAxisList(cell('primaryAxis'));
        if (!p || p.length !== 1)
          fail('primaryAxis', msg('المحور الرئيسي رقم من 1 إلى 7.', 'The primary axis is a number from 1 to 7.'));
        else r.primaryAxis = p[0];
      }

      for (const f of ['plannedBudget', 'spent'] as const) {
        if (!has(f)) continue;
        const raw = cell(f);
        if (raw === null) {
          r[f] = 0;
          continue;
        }
        const num = parseNumber(raw);
        if (num === null)
          fail(f, msg(`«${shown(raw)}» ليس مبلغًا بالأرقام.`, `"${shown(raw)}" is not an amount in figures.`));
        else if (num < 0) fail(f, msg('لا يكون المبلغ سالبًا.', 'An amount cannot be negative.'));
        else r[f] = toMinor(num, currencyDigits);
      }
      for (const f of COUNT_FIELDS) {
        if (!has(f)) continue;
        const raw = cell(f);
        const num = raw === null ? 0 : parseNumber(raw);
        if (num === null || num < 0 || !Number.isInteger(num)) {
          fail(f, msg(`«${shown(raw)}» ليس عددًا صحيحًا موجبًا.`, `"${shown(raw)}" is not a whole non-negative number.`));
        } else r[f] = num;
      }
      if (has('progress')) {
        const raw = cell('progress');
        let num = raw === null ? 0 : parseNumber(raw);
        // A percentage cell holds a fraction (0.45 shows as 45%).
        if (num !== null && typeof raw === 'number' && num > 0 && num < 1) num = num * 100;
        if (num === null || num < 0 || num > 100) {
          fail('progress', msg('نسبة الإنجاز رقم بين 0 و100.', 'Progress is a number between 0 and 100.'));
        } else r.progress = Math.round(num);
      }
      for (const f of ['startDate', 'endDate'] as const) {
        if (!has(f)) continue;
        const raw = cell(f);
        const d = parseDate(raw, date1904);
        if (!d.ok) {
          fail(
            f,
            msg(
              `«${shown(raw)}» ليس تاريخًا صحيحًا؛ اكتبه بصيغة يوم/شهر/سنة أو سنة-شهر-يوم.`,
              `"${shown(raw)}" is not a valid date; write it as dd/mm/yyyy or yyyy-mm-dd.`,
            ),
          );
        } else r[f] = d.value;
      }
      if (has('status') && cell('status') !== null) {
        const s = parseStatus(cell('status'));
        if (!s) {
          fail(
            'status',
            msg(
              `الحالة «${shown(cell('status'))}» غير معروفة؛ استخدم: مخططة، جارية، متوقفة، منتهية، ملغاة.`,
              `Unknown status "${shown(cell('status'))}"; use planned, active, on hold, completed or cancelled.`,
            ),
          );
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

      // Rules on the row as a whole.
      if (has('title') && !r.title) fail('title', msg('عنوان المبادرة مطلوب.', 'The initiative title is required.'));
      if (r.startDate && r.endDate && r.endDate < r.startDate) {
        fail('endDate', msg('تاريخ الانتهاء يسبق تاريخ البدء.', 'The end date is before the start date.'));
      }
      if (r.code) {
        const first = seenCodes.get(r.code);
        if (first !== undefined) {
          fail(
            'code',
            msg(`الرمز مكرر؛ ورد أولًا في الصف ${first}.`, `Duplicate code; it first appears in row ${first}.`),
          );
        } else seenCodes.set(r.code, n);
      }
      if (errors.length === before) records.push(r);
    }
    return { records, errors, skipped };
  };
}
