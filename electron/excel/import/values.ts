/**
 * Reading the values offices type into registers: check marks of every kind, numbers and dates
 * as text in either digit set, Arabic and English status words. Pure functions, no Excel.
 */
import { foldAccents, normalizeArabic, toWesternDigits } from '../../../db/core/normalize';
import type { InitiativeStatus } from '../../../db/core/model';
import { parseDate, serialToIso } from './dates';
import { enumLabel } from '../labels';

export type CellValue = string | number | boolean | Date | null;
export { type DateResult, parseDate, serialToIso } from './dates';

const YES = new Set(['✓', '✔', '√', '☑', '✅', 'x', 'نعم', '1', 'yes', 'y', 'true', 'صح', 'صحيح']);
const NO = new Set(['', 'لا', '0', 'no', 'n', 'false', '-', '–', '—', '✗', '✘', 'خطا']);

/** A check-mark cell: true, false, or null when the text is neither. */
export function parseCheck(v: CellValue): boolean | null {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : null;
  if (v instanceof Date) return null;
  const t = normalizeArabic(toWesternDigits(v)).replace(/\s/g, '');
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/** A decimal mark a number's text proves, or could be read with. */
export type Mark = '.' | ',';

/**
 * A number written as text. `decimal` is the mark the text itself proves to be the decimal
 * one (evidence for its column). `ambiguous`: one `.` or `,` followed by exactly three digits
 * (`1,234`, `12.500`) reads as a decimal or as thousands; only the column can tell.
 */
export type NumberText =
  | { kind: 'number'; value: number; percent: boolean; decimal: Mark | null; decimals: number }
  | { kind: 'ambiguous'; asDecimal: number; asThousands: number; mark: Mark; percent: boolean };

const other = (m: Mark): Mark => (m === '.' ? ',' : '.');

/** Groups of three after the first (1 to 3 digits): how thousands are written in any style. */
const groupedOk = (parts: string[]) => /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));

/**
 * Reads text in either digit set with thousands separators (`,` `.` `٬` space, apostrophe) and
 * decimal marks (`.` `,` `٫`), currency words around it, and `%`/`٪`. Both conventions are
 * met in registers (1,234.56 in Egypt and the Gulf, 1 234,56 and 1.234,56 in the Maghreb), so
 * a lone mark before three digits is left for the column to decide. Null when not a number.
 */
export function readNumberText(text: string): NumberText | null {
  let t = toWesternDigits(text)
    .trim()
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '');
  const percent = /^[%٪]|[%٪]$/.test(t);
  t = t.replace(/[%٪]/g, '').replace(/[\s\u00a0\u202f'’]/g, '');
  t = t.replace(/^[^\d+\-.,٫]+|[^\d.,٫٬]+$/g, ''); // currency words or signs around the figure
  const sign = t.startsWith('-') ? -1 : 1;
  t = t.replace(/^[+-]/, '');
  if (t.includes('٫'))
    t = t.replace(/[٬,.]/g, '').replace('٫', '.'); // Arabic marks say which is which
  else t = t.replace(/٬/g, '');
  if (!/^[\d.,]+$/.test(t) || !/\d/.test(t)) return null;
  const num = (s: string) => sign * Number(s);
  const dots = t.split('.').length - 1;
  const commas = t.split(',').length - 1;
  const plain = (value: number, decimal: Mark | null, decimals: number): NumberText => ({
    kind: 'number',
    value,
    percent,
    decimal,
    decimals,
  });
  if (dots === 0 && commas === 0) return plain(num(t), null, 0);
  if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, and it appears once.
    const decimal: Mark = t.lastIndexOf('.') > t.lastIndexOf(',') ? '.' : ',';
    const [whole, fraction, ...rest] = t.split(decimal);
    if (rest.length > 0 || !fraction || !/^\d+$/.test(fraction)) return null;
    const groups = whole!.split(other(decimal));
    if (!groupedOk(groups)) return null;
    return plain(num(`${groups.join('')}.${fraction}`), decimal, fraction.length);
  }
  const mark: Mark = dots > 0 ? '.' : ',';
  const parts = t.split(mark);
  if (parts.length > 2) {
    // Several of one mark: thousands (1,250,000 or 1.250.000); the other is the decimal mark.
    return groupedOk(parts) ? plain(num(parts.join('')), other(mark), 0) : null;
  }
  const [whole, fraction] = parts as [string, string];
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return null;
  const asDecimal = num(`${whole || '0'}.${fraction}`);
  // Not three digits after it, or nothing (or 0, or more than three digits) before it: decimal.
  if (fraction.length !== 3 || whole === '' || whole === '0' || whole.length > 3) {
    return plain(asDecimal, mark, fraction.length);
  }
  return { kind: 'ambiguous', asDecimal, asThousands: num(whole + fraction), mark, percent };
}

/**
 * A number from a real number or from text, when nothing about its column is known: an
 * ambiguous `1,234` reads as thousands and `1.234` as a decimal (the way Excel in Arabic and
 * English shows them). The importer reads whole columns instead (rows.ts). Null when not a number.
 */
export function parseNumber(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const n = readNumberText(v);
  if (!n) return null;
  if (n.kind === 'number') return n.value;
  return n.mark === ',' ? n.asThousands : n.asDecimal;
}

const STATUS_WORDS: Record<InitiativeStatus, string[]> = {
  planned: [
    'مخططة',
    'مخطط',
    'مخطط لها',
    'لم يبدأ',
    'لم تبدأ',
    'لم يبدا بعد',
    'planned',
    'plan',
    'not started',
    'pending',
    'prévu',
    'programmé',
    'non entamé',
    'non entame',
    'non démarré',
    'en attente',
  ],
  active: [
    'جارية',
    'جاري',
    'قيد التنفيذ',
    'جاري التنفيذ',
    'active',
    'in progress',
    'ongoing',
    'en cours',
    'en cours de réalisation',
    'en cours d’exécution',
  ],
  on_hold: [
    'متوقفة',
    'متوقف',
    'معلقة',
    'معلق',
    'on hold',
    'hold',
    'suspended',
    'paused',
    'suspendu',
    'suspendue',
    'à l’arrêt',
  ],
  completed: [
    'منتهية',
    'مكتملة',
    'منتهي',
    'مكتمل',
    'تمت',
    'منجز',
    'منجزة',
    'completed',
    'complete',
    'done',
    'finished',
    'achevé',
    'achevée',
    'terminé',
    'terminée',
    'réalisé',
    'réalisée',
  ],
  cancelled: ['ملغاة', 'ملغي', 'ملغاه', 'cancelled', 'canceled', 'annulé', 'annulée', 'abandonné'],
};
/**
 * Words that say more than the program's five statuses can hold: read as the nearest one, with a
 * warning naming both, so "delayed" is not silently the same as "active".
 */
const NEAR_STATUS: Record<string, InitiativeStatus> = {
  متاخر: 'active',
  متاخره: 'active',
  delayed: 'active',
  late: 'active',
  'en retard': 'active',
  متعثر: 'on_hold',
  متعثره: 'on_hold',
  stalled: 'on_hold',
  bloqué: 'on_hold',
};
const foldStatus = (v: string) =>
  foldAccents(normalizeArabic(v)).replace(/['’]/g, '’').replace(/[._-]/g, ' ').replace(/\s+/g, ' ').trim();
const statusByWord = new Map<string, InitiativeStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS) as [InitiativeStatus, string[]][]) {
  for (const w of words) statusByWord.set(foldStatus(w), status);
}
const nearStatus = new Map(Object.entries(NEAR_STATUS).map(([w, s]) => [foldStatus(w), s]));

export function parseStatus(v: CellValue): InitiativeStatus | null {
  if (typeof v !== 'string') return null;
  return statusByWord.get(foldStatus(v)) ?? null;
}

/** A status word the five statuses do not hold exactly (متأخر, delayed): the nearest one, or null. */
export function nearestStatus(v: CellValue): InitiativeStatus | null {
  return typeof v === 'string' ? (nearStatus.get(foldStatus(v)) ?? null) : null;
}

const ENTERPRISES = [
  'المشروعات نفسها',
  'المشروعات ذاتها',
  'المنشات نفسها',
  'المنشآت نفسها',
  'المؤسسات نفسها',
  'المشروعات الصغيرة ومتناهية الصغر',
  'enterprises',
  'the enterprises',
  enumLabel('ar', 'marketing', 'enterprises'),
  enumLabel('en', 'marketing', 'enterprises'),
].map(normalizeArabic);
const SPECIALISED = [
  'جهة متخصصة',
  'specialised',
  'specialized',
  enumLabel('ar', 'marketing', 'specialised'),
  enumLabel('en', 'marketing', 'specialised'),
].map(normalizeArabic);
/** The label "another named body" itself, written when no name was kept. */
const OTHER = [enumLabel('ar', 'marketing', 'other'), enumLabel('en', 'marketing', 'other')].map(normalizeArabic);

/**
 * Who holds marketing and sales. The enterprises themselves; a specialised body (by the word,
 * or a text naming a marketing body); or any other named body, kept as text.
 */
export function parseMarketing(v: CellValue): { holder: 'enterprises' | 'specialised' | 'other'; body: string } | null {
  if (v === null) return null;
  const text = String(v).trim();
  if (!text) return null;
  const n = normalizeArabic(text);
  if (ENTERPRISES.includes(n)) return { holder: 'enterprises', body: '' };
  if (SPECIALISED.includes(n)) return { holder: 'specialised', body: '' };
  if (OTHER.includes(n)) return { holder: 'other', body: '' };
  if (/تسويق|marketing/.test(n)) return { holder: 'specialised', body: text };
  return { holder: 'other', body: text };
}

/** Axis numbers from a list cell such as `1, 3`, `١، ٣` or `1 و 3`; null when a part is not 1..7. */
export function parseAxisList(v: CellValue): number[] | null {
  if (v === null) return [];
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 7 ? [v] : null;
  if (typeof v !== 'string') return null;
  const parts = toWesternDigits(v)
    .replace(/(^|\s)(و|and)(?=\s|$)/giu, ' ')
    .split(/[,،;؛/\s]+/u)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[1-7]$/.test(p)) return null;
    out.push(Number(p));
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

/** A cell's value as a message quotes it: a date as yyyy-mm-dd, anything else as written. */
export const shown = (v: CellValue): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** Cell text for fields that hold text; numbers and dates are written as their plain forms. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return parseDate(v).ok ? ((parseDate(v) as { value: string }).value ?? '') : '';
  return String(v).trim();
}

/** A fraction shown as a percentage, as the text it shows ("100%"): 1 alone reads as 1 %. */
export const percentText = (v: number): string => `${Number((v * 100).toPrecision(12))}%`;

/** Number formats showing a percentage (`0%`, `0.00%`, `#,##0.0%`): `%` outside quoted text. */
const percentFormats = new Map<string, boolean>();
export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  let p = percentFormats.get(format);
  if (p === undefined) {
    p = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
    percentFormats.set(format, p);
  }
  return p;
}

/**
 * A number as its cell's format shows it: a percentage as the text it shows, a date as its day
 * (a UTC midnight, whatever the machine's zone), anything else as the number. `isDate` says which
 * formats are dates (SheetJS's own test, or the .xls reader's, which must agree with it).
 */
export function shownNumber(
  n: number,
  format: string | undefined,
  isDate: (f: string) => boolean,
  date1904: boolean,
): CellValue {
  if (isPercentFormat(format)) return percentText(n);
  if (format && isDate(format)) {
    const iso = serialToIso(n, date1904);
    return iso ? new Date(`${iso}T00:00:00Z`) : n;
  }
  return n;
}
