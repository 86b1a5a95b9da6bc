/**
 * Dates as registers hold them: real date cells, Excel serial numbers, text in either digit set
 * (yyyy-mm-dd, dd/mm/yyyy), month names in Arabic (Egyptian, Levantine and Maghreb), English and
 * French, a month without a day, and placeholders for "not known yet". Pure functions.
 */
import { isIsoDate } from '../../../db/core/model';
import { foldAccents, normalizeArabic, toWesternDigits } from '../../../db/core/normalize';

const pad = (n: number) => String(n).padStart(2, '0');

function fromParts(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Excel's serial day number (1900 or 1904 system) to an ISO date. */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + Math.floor(serial) * 86_400_000);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * `note`: the value is not what was written, so the importer warns: a placeholder read as no
 * date, or a month or a year read as its first day.
 */
export type DateResult = { ok: true; value: string | null; note?: 'placeholder' | 'month' | 'year' } | { ok: false };

const fold = (s: string) => foldAccents(normalizeArabic(s)).replace(/\.$/, '');

/** "Not known yet" as clerks write it in a date cell. */
const PLACEHOLDERS = new Set(
  [
    'tbd',
    'tba',
    'n/a',
    'na',
    'nd',
    '-',
    '--',
    '—',
    '–',
    '?',
    '؟',
    'غير محدد',
    'غير محددة',
    'لم يحدد',
    'لم يحدد بعد',
    'لا يوجد',
    'a definir',
    'a preciser',
    'non defini',
    'non definie',
    'inconnu',
    'unknown',
    'pending',
    'ongoing',
    'en cours',
  ].map(fold),
);

const MONTHS: string[][] = [
  ['jan', 'january', 'janvier', 'janv', 'يناير', 'كانون الثاني', 'جانفي', 'ينير'],
  ['feb', 'february', 'fevrier', 'fev', 'فبراير', 'شباط', 'فيفري', 'فبراير'],
  ['mar', 'march', 'mars', 'مارس', 'اذار', 'مارس'],
  ['apr', 'april', 'avril', 'avr', 'ابريل', 'نيسان', 'افريل', 'أبريل'],
  ['may', 'mai', 'مايو', 'ايار', 'ماي'],
  ['jun', 'june', 'juin', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'يونيو'],
  ['jul', 'july', 'juillet', 'juil', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'],
  ['aug', 'august', 'aout', 'اغسطس', 'اب', 'اوت', 'غشت'],
  ['sep', 'sept', 'september', 'septembre', 'سبتمبر', 'ايلول', 'شتنبر'],
  ['oct', 'october', 'octobre', 'اكتوبر', 'تشرين الاول', 'اكتوبر'],
  ['nov', 'november', 'novembre', 'نوفمبر', 'تشرين الثاني', 'نونبر'],
  ['dec', 'december', 'decembre', 'ديسمبر', 'كانون الاول', 'دجنبر'],
];
const monthByName = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => monthByName.set(fold(n), i + 1)));
const MONTH_NAME = [...monthByName.keys()].sort((a, b) => b.length - a.length).join('|');
const NAMED = {
  /** "15 mars 2025", "15 ديسمبر 2014" */
  dayMonthYear: new RegExp(`^(\\d{1,2})\\s*(${MONTH_NAME})[\\s,]*(\\d{4})$`),
  /** "March 15, 2025" */
  monthDayYear: new RegExp(`^(${MONTH_NAME})\\s*(\\d{1,2}),?\\s*(\\d{4})$`),
  /** "DEC 2014", "Dec-2014", "ديسمبر 2014", "décembre 2014" */
  monthYear: new RegExp(`^(${MONTH_NAME})[\\s\\-/,]*(\\d{4})$`),
};

/**
 * A date from a real date cell, a serial number, or text. An impossible date (31/02) is an
 * error, not a guess; a month without a day is its first day, said so.
 */
export function parseDate(v: string | number | boolean | Date | null, date1904 = false): DateResult {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return { ok: true, value: null };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false };
    // Date cells carry no time zone; a time of day from rounding must not move the day.
    const t = new Date(v.getTime() + 30_000);
    const iso = fromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  if (typeof v === 'number') {
    const iso = serialToIso(v, date1904);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  if (typeof v === 'boolean') return { ok: false };
  const t = toWesternDigits(v)
    .trim()
    .replace(/[\u200e\u200f\u061c\u2066-\u2069]/g, '');
  const done = (iso: string | null, note?: 'month'): DateResult =>
    iso ? { ok: true, value: iso, ...(note ? { note } : {}) } : { ok: false };
  let m = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$/.exec(t);
  if (m) return done(fromParts(Number(m[1]), Number(m[2]), Number(m[3])));
  m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$/.exec(t);
  if (m) return done(fromParts(Number(m[3]), Number(m[2]), Number(m[1])));
  // A year alone ("2024", common in CSV) is its first day, said; not the serial day 2024 (1905).
  if (/^(19|20)\d\d$/.test(t)) return { ok: true, value: `${t}-01-01`, note: 'year' };
  if (/^\d+(\.\d+)?$/.test(t)) return done(serialToIso(Number(t), date1904));
  // A month without a day: "12/2014", "2014-12".
  m = /^(\d{1,2})[/\-.](\d{4})$/.exec(t);
  if (m) return done(fromParts(Number(m[2]), Number(m[1]), 1), 'month');
  m = /^(\d{4})[/\-.](\d{1,2})$/.exec(t);
  if (m) return done(fromParts(Number(m[1]), Number(m[2]), 1), 'month');
  const f = fold(t);
  if (PLACEHOLDERS.has(f)) return { ok: true, value: null, note: 'placeholder' };
  m = NAMED.dayMonthYear.exec(f);
  if (m) return done(fromParts(Number(m[3]), monthByName.get(m[2]!)!, Number(m[1])));
  m = NAMED.monthDayYear.exec(f);
  if (m) return done(fromParts(Number(m[3]), monthByName.get(m[1]!)!, Number(m[2])));
  m = NAMED.monthYear.exec(f);
  if (m) return done(fromParts(Number(m[2]), monthByName.get(m[1]!)!, 1), 'month');
  return { ok: false };
}
