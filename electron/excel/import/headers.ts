import { AXES } from '../../../db/core/axes';
import { normalizeArabic, toWesternDigits } from '../../../db/core/normalize';
import { REGISTER_FIELDS, registerHeader } from '../labels';
import { ALIASES, ARABIC_ORDINALS, type Field, SCALAR_FIELDS } from './fields';

/** Header text folded for matching: Arabic spelling variants, case, punctuation, `%`, (notes). */
export function normalizeHeader(text: string): string {
  return normalizeArabic(toWesternDigits(text).replace(/\([^)]*\)|\[[^\]]*\]/g, ' '))
    .replace(/[%٪]/g, ' ')
    .replace(/[^\p{L}\p{N}#\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const lookup = new Map<string, Field>();
function add(alias: string, field: Field): void {
  const key = normalizeHeader(alias);
  if (key && !lookup.has(key)) lookup.set(key, field);
}
for (const field of [...SCALAR_FIELDS, 'serial'] as const) {
  for (const alias of ALIASES[field]) add(alias, field);
}
// The headers the program itself writes (report register, template) always read back.
for (const field of REGISTER_FIELDS) {
  add(registerHeader(field, 'ar'), field);
  add(registerHeader(field, 'en'), field);
}
// `#` and `No.` fold to symbols or short words; keep them explicit.
lookup.set('#', 'serial');
for (const axis of AXES) {
  const field = `axis${axis.id}` as Field;
  const n = axis.id;
  for (const alias of [
    `محور ${n}`,
    `المحور ${n}`,
    `محور رقم ${n}`,
    `Axis ${n}`,
    `المحور ${ARABIC_ORDINALS[n - 1]}`,
    `محور ${ARABIC_ORDINALS[n - 1]}`,
    axis.nameAr,
    axis.shortAr,
    axis.nameEn,
    axis.shortEn,
  ]) {
    add(alias, field);
  }
}

/** The field a header names, or null when it names none. */
export function matchHeader(text: string): Field | null {
  const key = normalizeHeader(text);
  if (!key) return null;
  const exact = lookup.get(key);
  if (exact) return exact;
  // "المحور 3: التنوع…" or "3 - التنوع": an axis column labelled by its number first.
  const numbered = /^(?:ال)?محور (\d)\b|^axis (\d)\b/.exec(key);
  const n = Number(numbered?.[1] ?? numbered?.[2]);
  if (n >= 1 && n <= 7) return `axis${n}` as Field;
  return null;
}

export interface HeaderMatch {
  /** Field per column index (0-based); null where the header names nothing we know. */
  fields: (Field | null)[];
  /** How many distinct known fields the row names: the header row is the one naming most. */
  score: number;
}

export function matchHeaderRow(cells: readonly string[]): HeaderMatch {
  const seen = new Set<Field>();
  const fields = cells.map((c) => {
    const f = c ? matchHeader(c) : null;
    // A field named twice keeps its first column; the second is reported as unmatched.
    if (!f || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
  const score = [...seen].filter((f) => f !== 'serial').length;
  return { fields, score };
}
