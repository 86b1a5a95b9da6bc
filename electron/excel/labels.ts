/**
 * Text of the workbooks the program writes, from the same message files as the screens, so a
 * report says "مبادرة" exactly where the screen does.
 */
import ar from '../../renderer/i18n/ar.json';
import en from '../../renderer/i18n/en.json';
import { AXES } from '../../db/axes';
import { type Field, REGISTER_FIELDS } from '../../db/register';

export type Lang = 'ar' | 'en';
export const MESSAGES = { ar, en } as const;

export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

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
