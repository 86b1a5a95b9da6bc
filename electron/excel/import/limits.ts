/**
 * The model's limits (db/model.ts) applied to imported rows, so an import accepts exactly what
 * the screens accept: text lengths, codes without spaces, amounts and counts within bounds.
 * Each value breaking one is reported on its row and column in the dry run and the preview,
 * instead of failing the whole import at the database.
 */
import type { z } from 'zod';
import type { Bilingual } from '../../../db/core/errors';
import { InitiativeFields, RegionFields } from '../../../db/core/model';

const CHECKED = [
  'code',
  'title',
  'description',
  'leadBody',
  'partners',
  'marketingBody',
  'plannedBudget',
  'spent',
  'beneficiaries',
  'jobs',
  'trainees',
  'progress',
  'notes',
] as const;
export type CheckedField = (typeof CHECKED)[number];

type Bounds = { maxLength?: number | null; maxValue?: number | null; minValue?: number | null };

/**
 * The obvious cases are decided from the schema's own bounds; only the rest is parsed. A string
 * schema with a pattern (the code's "no spaces") is always parsed: its bounds do not tell it all.
 */
function plainlyFits(schema: z.ZodType & Bounds, v: unknown, patterned: boolean): boolean {
  if (typeof v === 'string') return !patterned && typeof schema.maxLength === 'number' && v.length <= schema.maxLength;
  if (typeof v === 'number') {
    return (
      Number.isSafeInteger(v) &&
      typeof schema.maxValue === 'number' &&
      v <= schema.maxValue &&
      v >= (schema.minValue ?? -Infinity)
    );
  }
  return false;
}

function describe(issue: z.core.$ZodIssue, v: unknown, money: boolean): Bilingual {
  if (issue.code === 'too_big' && typeof v === 'string') {
    return {
      ar: `النص أطول من الحد (${String(issue.maximum)} حرفًا، وفيه ${v.length}).`,
      en: `The text is longer than the limit (${String(issue.maximum)} characters; it has ${v.length}).`,
    };
  }
  if (issue.code === 'too_big' || (issue.code === 'invalid_type' && typeof v === 'number' && Math.abs(v) > 1e15)) {
    return money
      ? { ar: 'المبلغ أكبر من الحد الذي يحفظه البرنامج.', en: 'The amount is larger than the program can store.' }
      : { ar: 'الرقم أكبر من الحد المسموح.', en: 'The number is larger than allowed.' };
  }
  if (issue.code === 'invalid_format') return { ar: 'الرمز لا يحتوي مسافات.', en: 'A code has no spaces.' };
  if (issue.code === 'too_small' && typeof v === 'string') return { ar: 'القيمة فارغة.', en: 'The value is empty.' };
  return { ar: 'قيمة غير صالحة.', en: 'The value is not valid.' };
}

function check(schema: z.ZodType, v: unknown, money = false, patterned = false): Bilingual | null {
  if (v === undefined || v === null || plainlyFits(schema as z.ZodType & Bounds, v, patterned)) return null;
  const r = schema.safeParse(v);
  return r.success ? null : describe(r.error.issues[0]!, v, money);
}

/** What breaks the model's limits in an initiative's values, field by field. */
export function limitProblems(
  values: Partial<Record<CheckedField, unknown>>,
): { field: CheckedField; message: Bilingual }[] {
  const out: { field: CheckedField; message: Bilingual }[] = [];
  for (const f of CHECKED) {
    const money = f === 'plannedBudget' || f === 'spent';
    const message = check(InitiativeFields.shape[f], values[f], money, f === 'code');
    if (message) out.push({ field: f, message });
  }
  return out;
}

/** A region, cluster or sector name to be created: the model's limit for names. */
export const nameProblem = (name: string): Bilingual | null => check(RegionFields.shape.nameAr, name);
