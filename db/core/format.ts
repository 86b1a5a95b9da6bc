/**
 * Numbers, money and dates for the screens and the texts of workbooks, all through Intl. The
 * Gregorian calendar is used in both languages; the digit set follows the office's setting, not
 * the locale's default.
 */
import type { Settings } from './model';
import { toWesternDigits } from './normalize';
import { type Lang as Language, MESSAGES } from './messages';
import type { FieldValue } from './results';

export interface Formatter {
  locale: string;
  number(n: number): string;
  /** An amount stored in minor units, shown in major units with the office currency. */
  money(minor: number): string;
  /** The same, with the currency's decimals when it has a fraction (a change of a few piastres). */
  moneyExact(minor: number): string;
  /** An amount in minor units as a plain grouped number of major units, for a column that states its currency once. */
  amount(minor: number): string;
  /** The office currency as a heading names it: its name in Arabic, its code in English. */
  currency: string;
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
  // The office's currency in words (Arabic) or code (English); plain numbers where Intl has no such currency.
  const currency = (digits: { minimumFractionDigits?: number; maximumFractionDigits: number }) => {
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: settings.currencyCode,
        currencyDisplay: lang === 'ar' ? 'name' : 'code',
        ...digits,
      });
    } catch {
      return num;
    }
  };
  const cur = currency({ maximumFractionDigits: 0 });
  const exact = currency({
    minimumFractionDigits: settings.currencyDigits,
    maximumFractionDigits: settings.currencyDigits,
  });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const monthFmt = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const momentFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const timeFmt = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  return {
    locale,
    number: (n) => num.format(n),
    money: (minor) => cur.format(minor / 10 ** settings.currencyDigits),
    amount: (minor) => whole.format(minor / 10 ** settings.currencyDigits),
    currency: currencyName(lang, settings.currencyCode),
    moneyExact: (minor) =>
      (minor % 10 ** settings.currencyDigits === 0 ? cur : exact).format(minor / 10 ** settings.currencyDigits),
    date: (iso) => (iso ? dateFmt.format(new Date(`${iso}T00:00:00Z`)) : '—'),
    percent: (n) => pct.format(n / 100),
    month: (m) => monthFmt.format(new Date(Date.UTC(2025, m - 1, 1))),
    moment: (iso, timeOnly = false) => (timeOnly ? timeFmt : momentFmt).format(new Date(iso)),
    list: (items) => items.join(lang === 'ar' ? '، ' : ', '),
  };
}

function currencyName(lang: Language, code: string): string {
  if (lang === 'en') return code;
  try {
    return new Intl.DisplayNames('ar', { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
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

/**
 * A value of an initiative's field as a reader reads it, the same on the screen and in the
 * report's changes sheet: money with its currency, dates, statuses by name, axes as a list.
 */
export function fieldText(field: string, v: FieldValue, fmt: Formatter, lang: Language): string {
  if (v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? fmt.list(v.map((n) => fmt.number(n))) : '—';
  if (typeof v === 'object') return lang === 'en' && v.en ? v.en : v.ar;
  if (typeof v === 'number') {
    if (field === 'plannedBudget' || field === 'spent') return fmt.moneyExact(v);
    if (field === 'progress') return fmt.percent(v);
    return fmt.number(v);
  }
  if (field === 'startDate' || field === 'endDate') return fmt.date(v);
  const enums = MESSAGES[lang].enums as Record<string, Record<string, string>>;
  const names = field === 'status' ? enums.status : field === 'marketingHolder' ? enums.marketing : undefined;
  return names?.[v] ?? v;
}

/** A field's name as the register's column says it, without its currency (the values carry it). */
export function fieldLabel(field: string, lang: Language): string {
  const names = MESSAGES[lang].register as Record<string, string>;
  return (names[field] ?? field).replace(/\s*\(\{\{currency\}\}\)/, '');
}
