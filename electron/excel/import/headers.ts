import { AXES } from '../../../db/core/axes';
import { foldAccents, normalizeArabic, toWesternDigits } from '../../../db/core/normalize';
import { REGISTER_FIELDS, registerHeader } from '../labels';
import { ALIASES, ARABIC_ORDINALS, type Field, SCALAR_FIELDS } from './fields';

/** Header text folded for matching: Arabic spelling variants, case, punctuation, `%`, (notes). */
export function normalizeHeader(text: string): string {
  return (
    // French accents fold (Intitulé, Dépenses, Coût) as Arabic spellings do.
    foldAccents(normalizeArabic(toWesternDigits(text).replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')))
      .replace(/[%٪]/g, ' ')
      .replace(/[^\p{L}\p{N}#\s]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
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
  // Kobo and ODK name their own columns with a leading underscore (_id, _uuid, _status,
  // _submission_time): the form's metadata, never a register's field.
  if (text.trimStart().startsWith('_')) return null;
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
  return { fields, score: scoreOf(cells, fields) };
}

/**
 * Words any table may have (a serial number, `start`, `end`, `status`, `date` in a Kobo export
 * or a to-do list): read as fields in a register, but they do not make a table a register.
 */
const GENERIC = new Set(
  ['start', 'end', 'status', 'date', 'today', 'name', 'type', 'notes', 'id'].map(normalizeHeader),
);

/** How many distinct known fields a header row names, generic words and serial numbers aside. */
export function scoreOf(cells: readonly string[], fields: readonly (Field | null)[]): number {
  const counted = new Set<Field>();
  fields.forEach((f, i) => {
    if (f && f !== 'serial' && !GENERIC.has(normalizeHeader(cells[i] ?? ''))) counted.add(f);
  });
  return counted.size;
}
