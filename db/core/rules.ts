/**
 * The initiative's rules, once, for every way in: the editor as the user types, the register's
 * inline edit, the repositories (whatever calls them) and the importer's plan. The model's zod
 * schemas give the limits of each value; the rules on the record as a whole are here. Every
 * problem names its field and a message of the message files.
 */
import type { z } from 'zod';
import type { Bilingual } from './errors';
import { bilingual, type MessageKey, type MessageVars } from './messages';
import { type Initiative, InitiativeFields, RegionFields } from './model';
import { FIELD_KINDS, type ScalarField } from './register';

export interface Problem {
  /** The initiative's field (its name in the model, or the register's for a place). */
  field: string;
  key: MessageKey;
  vars?: MessageVars;
  message: Bilingual;
}

const problem = (field: string, key: MessageKey, vars?: MessageVars): Problem => ({
  field,
  key,
  ...(vars ? { vars } : {}),
  message: bilingual(key, vars),
});

/** The record as each way in holds it: some fields may be absent (a place given as references). */
export type InitiativeLike = Partial<Omit<Initiative, 'code'>> & { code?: string | undefined };

/**
 * Every rule an initiative breaks, in the order a form shows its fields. A place is checked only
 * where the record carries one (regionId or clusterId); the importer resolves names to places
 * before and names its own problems there.
 */
export function initiativeProblems(i: InitiativeLike): Problem[] {
  const out: Problem[] = [];
  if (i.title !== undefined && !i.title.trim()) out.push(problem('title', 'rules.noTitle'));
  if (('regionId' in i || 'clusterId' in i) && !i.clusterId && !i.regionId)
    out.push(problem('clusterId', 'rules.noPlace'));
  // No axis is allowed (not yet classified, a finding); then there is no primary axis either.
  if (i.axes && i.primaryAxis !== undefined) {
    const off =
      i.axes.length === 0 ? i.primaryAxis !== null : i.primaryAxis === null || !i.axes.includes(i.primaryAxis);
    if (off) out.push(problem('primaryAxis', 'rules.primaryNotOnAxes'));
  }
  if (i.startDate && i.endDate && i.endDate < i.startDate) out.push(problem('endDate', 'rules.endBeforeStart'));
  if (i.progress !== undefined && !(Number.isInteger(i.progress) && i.progress >= 0 && i.progress <= 100))
    out.push(problem('progress', 'rules.progressRange'));
  for (const f of LIMITED) {
    const v = (i as Record<string, unknown>)[f];
    // No code yet: the program gives the next one when the initiative is written.
    if (f === 'code' && v === '') continue;
    const key = f === 'progress' ? null : limitProblem(InitiativeFields.shape[f], v, FIELD_KINDS[f], f === 'code');
    if (key) out.push(problem(f, key.key, key.vars));
  }
  return out;
}

/** The fields whose values the model bounds (lengths, amounts, counts), checked value by value. */
const LIMITED = (Object.keys(FIELD_KINDS) as ScalarField[]).filter(
  (f): f is ScalarField & keyof typeof InitiativeFields.shape =>
    f in InitiativeFields.shape && ['text', 'money', 'count'].includes(FIELD_KINDS[f]),
);

type Bounds = { maxLength?: number | null; maxValue?: number | null; minValue?: number | null };

/**
 * The obvious cases are decided from the schema's own bounds; only the rest is parsed (an import
 * checks every value of tens of thousands of rows). A string schema with a pattern (the code's
 * "no spaces") is always parsed: its bounds do not tell it all.
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

function limitProblem(
  schema: z.ZodType,
  v: unknown,
  kind: string,
  patterned = false,
): { key: MessageKey; vars?: MessageVars } | null {
  if (v === undefined || v === null || plainlyFits(schema as z.ZodType & Bounds, v, patterned)) return null;
  const r = schema.safeParse(v);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  if (issue.code === 'too_big' && typeof v === 'string')
    return { key: 'rules.textTooLong', vars: { max: String(issue.maximum), length: v.length } };
  if (issue.code === 'too_big' || (issue.code === 'invalid_type' && typeof v === 'number' && Math.abs(v) > 1e15))
    return { key: kind === 'money' ? 'rules.amountTooLarge' : 'rules.numberTooLarge' };
  if (issue.code === 'invalid_format') return { key: 'rules.codeNoSpaces' };
  if (issue.code === 'too_small' && typeof v === 'string') return { key: 'rules.empty' };
  return { key: 'rules.invalid' };
}

/** A region, cluster or sector name to be created: the model's limit for names. */
export function nameProblem(name: string): Bilingual | null {
  const p = limitProblem(RegionFields.shape.nameAr, name, 'text');
  return p ? bilingual(p.key, p.vars) : null;
}
