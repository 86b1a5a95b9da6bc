import type { MessageKey, MessageVars } from '../../../db/core/messages';
import { type Initiative, INITIATIVE_DEFAULTS } from '../../../db/core/model';
import { initiativeProblems } from '../../../db/core/rules';
import { parseMoney } from '../../../db/core/format';
import { codeInput } from '../../components/code';

/** What the editor holds while the user types: money as typed text, everything else as stored. */
export type InitiativeDraft = Omit<Initiative, 'id' | 'plannedBudget' | 'spent'> & {
  plannedBudget: string;
  spent: string;
};

/** A message of the message files, with its values. */
export interface FieldMessage {
  key: MessageKey;
  vars?: MessageVars;
}

export interface DraftCheck {
  /** Messages per field; any error blocks saving. */
  errors: Partial<Record<keyof InitiativeDraft, FieldMessage>>;
  /** Messages that warn but allow saving (spending over budget). */
  warnings: Partial<Record<keyof InitiativeDraft, FieldMessage>>;
}

export function newDraft(clusterId: string | null, regionId: string, currencyDigits: number): InitiativeDraft {
  return {
    ...INITIATIVE_DEFAULTS,
    code: '',
    title: '',
    clusterId,
    regionId,
    axes: [],
    primaryAxis: null,
    ...moneyText({ plannedBudget: 0, spent: 0 }, currencyDigits, true),
  };
}

export function draftOf(i: Initiative, currencyDigits: number): InitiativeDraft {
  return { ...i, ...moneyText(i, currencyDigits) };
}

function moneyText(i: Pick<Initiative, 'plannedBudget' | 'spent'>, digits: number, blank = false) {
  const text = (minor: number) => (blank && minor === 0 ? '' : String(minor / 10 ** digits));
  return { plannedBudget: text(i.plannedBudget), spent: text(i.spent) };
}

/**
 * The editor's checks as the user types: the amounts as typed, then the model's rules on the
 * record (the ones the repositories and the importer apply, from the same function).
 */
export function checkDraft(d: InitiativeDraft, currencyDigits: number): DraftCheck {
  const errors: DraftCheck['errors'] = {};
  const warnings: DraftCheck['warnings'] = {};
  const budget = parseMoney(d.plannedBudget, currencyDigits);
  const spent = parseMoney(d.spent, currencyDigits);
  if (budget === null) errors.plannedBudget = { key: 'initiatives.badAmount' };
  if (spent === null) errors.spent = { key: 'initiatives.badAmount' };
  // The primary axis follows the axes in the editor (AxesField keeps it among them).
  const record = { ...d, code: d.code.trim() || undefined, plannedBudget: budget ?? 0, spent: spent ?? 0 };
  for (const p of initiativeProblems(record)) {
    const field = p.field as keyof InitiativeDraft;
    errors[field] ??= { key: p.key, ...(p.vars ? { vars: p.vars } : {}) };
  }
  if (budget !== null && spent !== null && spent > budget) warnings.spent = { key: 'initiatives.overBudget' };
  return { errors, warnings };
}

export function toInput(d: InitiativeDraft, currencyDigits: number) {
  const { code, ...rest } = d;
  return {
    ...rest,
    ...codeInput(code),
    plannedBudget: parseMoney(d.plannedBudget, currencyDigits) ?? 0,
    spent: parseMoney(d.spent, currencyDigits) ?? 0,
  };
}
