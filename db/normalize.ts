/**
 * Arabic text folded for matching: the spelling variants an office's clerks actually type
 * (hamza forms, ta marbuta/ha, alef maqsura/ya, tatweel, diacritics) compare equal. Pure:
 * used by the renderer's search and, later, by the importer's header matching.
 */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '') // harakat, shadda, sukun, dagger alef, Quranic marks
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ؤئ]/g, 'ء')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
