/**
 * Every text the program shows or writes, in Arabic and English, from one pair of message
 * files: the screens (through i18next, with the same `{{name}}` placeholders), the workbooks,
 * the menu, the CLI and the errors. A message's key is checked by type.
 */
import type { Bilingual } from './errors';
import ar from './messages/ar.json';
import en from './messages/en.json';

export type Lang = 'ar' | 'en';
export const MESSAGES = { ar, en } as const;
export type Messages = typeof ar;

/** Dotted paths to the leaves of a message tree: `errors.network`, `report.title`… */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
/** A value put into a message: the same in both languages, or its own in each (a name, a phrase). */
export type MessageVars = Record<string, string | number | Bilingual>;

/**
 * A template's `{{name}}` placeholders filled in, each value in the template's language; a
 * missing value leaves nothing. Paths inside Arabic templates stand between U+2066 and U+2069
 * (left-to-right isolation), so their slashes stay in place.
 */
export function fill(template: string, vars: MessageVars = {}, lang: Lang = 'en', isolate = false): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = vars[k];
    const value = v === undefined ? '' : typeof v === 'object' ? v[lang] : String(v);
    return isolate ? isolated(value) : value;
  });
}

/**
 * A value with no Arabic letter in an Arabic sentence (a code, an amount, a period, a path)
 * stands between U+2068 and U+2069, first-strong isolation: otherwise a code and the amount
 * beside it join one left-to-right run and read in the wrong order («(1,612,287.29) INI-0018»).
 * Already isolated, Arabic, or without letters and digits, it is left as it is.
 */
function isolated(value: string): string {
  if (value === '' || /[\u0600-\u06ff\u2066-\u2069]/.test(value) || !/[A-Za-z0-9]/.test(value)) return value;
  return `\u2068${value}\u2069`;
}

/** One message in one language; `isolate` sets its values apart from Arabic text (see isolated). */
export function text(lang: Lang, key: MessageKey, vars?: MessageVars, isolate = false): string {
  let node: unknown = MESSAGES[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return fill(node as string, vars, lang, isolate && lang === 'ar');
}

/** One message in both languages on one line, Arabic first, as the command line prints it. */
export const bothOnOneLine = (key: MessageKey, vars?: MessageVars): string =>
  `${text('ar', key, vars)} / ${text('en', key, vars)}`;

/** One message in both languages, as errors and findings carry it. */
export const bilingual = (key: MessageKey, vars?: MessageVars): Bilingual => ({
  ar: text('ar', key, vars),
  en: text('en', key, vars),
});

/**
 * The same, its Arabic values set apart (see isolated): for the health findings, sentences read
 * on screens and printed sheets that put a code beside an amount. (Errors keep plain text: the
 * command line prints them and scripts match them.)
 */
export const bilingualIsolated = (key: MessageKey, vars?: MessageVars): Bilingual => ({
  ar: text('ar', key, vars, true),
  en: text('en', key, vars),
});
