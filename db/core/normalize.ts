/**
 * Arabic text folded for matching: the spelling variants an office's clerks actually type
 * (hamza forms, ta marbuta/ha, alef maqsura/ya, tatweel, diacritics) compare equal. Pure:
 * used by the renderer's search and by the importer's header matching.
 */
const FOLD: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ؤ: 'ء', ئ: 'ء', ة: 'ه', ى: 'ي' };
// Harakat, shadda, sukun, dagger alef, Quranic marks and tatweel go; the letters above fold.
const COMBINING_HAMZA = /[\u0653-\u0655]/;
const MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]|[أإآٱؤئةى]/g;

/** Arabic-Indic and Persian digits as Western ones: how a clerk's figures, periods and headers compare. */
export function toWesternDigits(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** One pass for the Arabic folds instead of one per rule: the register folds 20,000 titles at once. */
export function normalizeArabic(text: string): string {
  // Composing matters only where a hamza or madda is written as a mark after its letter.
  return (COMBINING_HAMZA.test(text) ? text.normalize('NFC') : text)
    .replace(MARKS, (c) => FOLD[c] ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Latin letters without their accents (é → e, û → u): French headers and words spelt with or without them compare equal. */
export function foldAccents(text: string): string {
  return text.replace(/[\u00c0-\u024f]/g, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
}

/**
 * Names and codes in the order a reader expects: numbers by their value ("تجمع 33" before
 * "تجمع 113", C-9 before C-10), Arabic letters as the language orders them.
 */
export const naturalCompare = new Intl.Collator('ar', { numeric: true }).compare;
