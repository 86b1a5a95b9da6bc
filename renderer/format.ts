/**
 * Numbers, money and dates for the screen, all through Intl. The Gregorian calendar is used in
 * both languages; the digit set follows the office's setting, not the locale's default.
 */
import type { Settings } from '../db/core/model';
import { toWesternDigits } from '../db/core/normalize';
import type { Language } from './i18n';

export interface Formatter {
  locale: string;
  number(n: number): string;
  /** An amount stored in minor units, shown in major units with the office currency. */
  money(minor: number): string;
  date(iso: string | null): string;
  percent(n: number): string;
  /** The name of a calendar month, 1..12, in the Gregorian calendar. */
  month(m: number): string;
  /** A moment (an ISO timestamp) in the user's time zone: date and time, or the time alone. */
  moment(iso: string, timeOnly?: boolean): string;
  /** Items one after another with the language's comma (، in Arabic). */
  list(items: readonly string[]): string;
}

export function makeFormatter(
  lang: Language,
  settings: Pick<Settings, 'digits' | 'currencyCode' | 'currencyDigits'>,
): Formatter {
  const locale = `${lang === 'ar' ? 'ar-EG' : 'en-GB'}-u-nu-${settings.digits}-ca-gregory`;
  const num = new Intl.NumberFormat(locale);
  let cur: Intl.NumberFormat;
  try {
    cur = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: settings.currencyCode,
      currencyDisplay: lang === 'ar' ? 'name' : 'code',
      maximumFractionDigits: 0,
    });
  } catch {
    cur = num;
  }
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const momentFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return {
    locale,
    number: (n) => num.format(n),
    money: (minor) => cur.format(minor / 10 ** settings.currencyDigits),
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso}T00:00:00Z`)) : '—'),
    percent: (n) => pct.format(n / 100),
    month: (m) => monthFmt.format(new Date(Date.UTC(2025, m - 1, 1))),
    moment: (iso, timeOnly = false) => (timeOnly ? timeFmt : momentFmt).format(new Date(iso)),
    list: (items) => items.join(lang === 'ar' ? '، ' : ', '),
  };
}

/**
 * Parses a figure as a user types it: either digit set, thousands separators (`,` `٬` space),
 * decimal point `.` or `٫`, and a minus sign when `signed`. Null when it is not a number; the
 * empty text is null too, so callers decide what "nothing typed" means.
 */
export function parseFigure(text: string, signed = false): number | null {
  const western = toWesternDigits(text)
    .replace(/[٬,\s]/g, '')
    .replace(/٫/g, '.')
    .replace(/^[−-]/, signed ? '-' : 'x');
  return /^-?\d+(\.\d+)?$/.test(western) ? Number(western) : null;
}

/** Parses what a user typed into a money field (major units, either digit set) into minor units. */
export function parseMoney(text: string, digits: number): number | null {
  if (text.trim() === '') return 0;
  const n = parseFigure(text);
  return n === null ? null : Math.round(n * 10 ** digits);
}
