import { type Initiative, INITIATIVE_DEFAULTS } from '../../../db/core/model';
import { parseMoney } from '../../format';

/** What the editor holds while the user types: money as typed text, everything else as stored. */
export type InitiativeDraft = Omit<Initiative, 'id' | 'plannedBudget' | 'spent'> & {
  plannedBudget: string;
  spent: string;
};

export interface DraftCheck {
  /** Message keys per field; any error blocks saving. */
  errors: Partial<Record<keyof InitiativeDraft, string>>;
  /** Message keys that warn but allow saving (spending over budget). */
  warnings: Partial<Record<keyof InitiativeDraft, string>>;
}

export function newDraft(clusterId: string | null, regionId: string, currencyDigits: number): InitiativeDraft {
  return {
    ...INITIATIVE_DEFAULTS,
    code: '',
    title: '',
    clusterId,
    regionId,
    axes: [],
    primaryAxis: 1,
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

/** The editor's checks as the user types, matching the rules the database enforces. */
export function checkDraft(d: InitiativeDraft, currencyDigits: number): DraftCheck {
  const errors: DraftCheck['errors'] = {};
  const warnings: DraftCheck['warnings'] = {};
  if (!d.title.trim()) errors.title = 'initiatives.noTitle';
  if (d.axes.length === 0) errors.axes = 'initiatives.noAxis';
  if (!d.clusterId && !d.regionId) errors.clusterId = 'initiatives.noPlace';
  if (d.startDate && d.endDate && d.endDate < d.startDate) errors.endDate = 'initiatives.endBeforeStart';
  if (!Number.isInteger(d.progress) || d.progress < 0 || d.progress > 100)
    errors.progress = 'initiatives.progressRange';
  const budget = parseMoney(d.plannedBudget, currencyDigits);
  const spent = parseMoney(d.spent, currencyDigits);
  if (budget === null) errors.plannedBudget = 'initiatives.badAmount';
  if (spent === null) errors.spent = 'initiatives.badAmount';
  if (budget !== null && spent !== null && spent > budget) warnings.spent = 'initiatives.overBudget';
  return { errors, warnings };
}

export function toInput(d: InitiativeDraft, currencyDigits: number) {
  const { code, ...rest } = d;
  return {
    ...rest,
    ...(code.trim() ? { code: code.trim() } : {}),
    plannedBudget: parseMoney(d.plannedBudget, currencyDigits) ?? 0,
    spent: parseMoney(d.spent, currencyDigits) ?? 0,
  };
}
