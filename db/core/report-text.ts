/**
 * How a report names its period and dates in its language: the cover, the print view, the CLI
 * and the export screen all say «الربع الثالث من عام 2026» the same way.
 */
import { fill, type Lang, MESSAGES } from './messages';
import { parsePeriod, periodRange } from './period';

export interface DateStyle {
  digits: 'latn' | 'arab';
  /** Adds the Umm al-Qura date after the Gregorian one. */
  hijri?: boolean;
}

const locale = (lang: Lang, digits: DateStyle['digits'], calendar = 'gregory') =>
  `${lang === 'ar' ? 'ar-EG' : 'en-GB'}-u-nu-${digits}-ca-${calendar}`;

/**
 * A day (ISO date, or a moment, taken as the local day the office lives in) as a reader writes
 * it: «5 ديسمبر 2026», "5 December 2026".
 */
export function longDate(day: string | Date, lang: Lang, style: DateStyle): string {
  const at = new Date(`${(typeof day === 'string' ? day : issueDay(day)).slice(0, 10)}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const gregorian = new Intl.DateTimeFormat(locale(lang, style.digits), options).format(at);
  if (!style.hijri) return gregorian;
  // Arabic month names of the Hijri calendar in both languages: offices that date by it read them so.
  const hijri = new Intl.DateTimeFormat(locale('ar', style.digits, 'islamic-umalqura'), options).format(at);
  return `${gregorian} ${fill(MESSAGES[lang].report.hijri, { date: hijri })}`;
}

/** The day a moment falls on where the office is (its local day, not UTC's). */
export function issueDay(now: Date): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A period's name: «الربع الثالث من عام 2026», "Fiscal year 2025/2026"; everything when empty. */
export function periodName(period: string | undefined, lang: Lang, fiscalStart: number): string {
  const n = MESSAGES[lang].report.periodNames;
  const p = period ? parsePeriod(period) : null;
  if (!p) return MESSAGES[lang].report.periodAll;
  const nth = (k: number) => (n.nth as Record<string, string>)[String(k)] ?? String(k);
  switch (p.kind) {
    case 'year':
      return fill(n.year, { year: p.year });
    case 'half':
      return fill(n.half, { nth: nth(p.n), year: p.year });
    case 'quarter':
      return fill(n.quarter, { nth: nth(p.n), year: p.year });
    case 'fiscal':
      return fiscalStart === 1
        ? fill(n.fiscalCalendar, { year: p.year })
        : fill(n.fiscal, { first: p.year - 1, last: p.year });
  }
}

/** A period's days: «من 1 يوليو 2026 إلى 30 سبتمبر 2026»; empty for everything. */
export function periodDays(period: string | undefined, lang: Lang, fiscalStart: number, style: DateStyle): string {
  const range = period ? periodRange(period, fiscalStart) : null;
  if (!range) return '';
  const plain = { digits: style.digits };
  return fill(MESSAGES[lang].report.periodNames.range, {
    from: longDate(range.from, lang, plain),
    to: longDate(range.to, lang, plain),
  });
}
