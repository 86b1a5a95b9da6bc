/**
 * Text of the workbooks the program writes, from the same message files as the screens, so a
 * report says "مبادرة" exactly where the screen does.
 */
import { fill, type Lang, MESSAGES } from '../../db/core/messages';
import { AXES } from '../../db/core/axes';
import { type Field, REGISTER_FIELDS } from '../../db/core/register';

export { fill, type Lang, MESSAGES };

export { REGISTER_FIELDS };

/** The canonical header of a register field in a language. */
export function registerHeader(field: Field, lang: Lang, currency = ''): string {
  const r = MESSAGES[lang].register;
  const axis = /^axis(\d)$/.exec(field);
  if (axis) {
    const a = AXES[Number(axis[1]) - 1]!;
    return fill(r.axis, { n: a.id, name: lang === 'ar' ? a.shortAr : a.shortEn });
  }
  return fill(r[field as Exclude<Field, `axis${number}`>], { currency });
}

export const enumLabel = (lang: Lang, group: 'status' | 'marketing', value: string): string =>
  (MESSAGES[lang].enums[group] as Record<string, string>)[value] ?? value;
