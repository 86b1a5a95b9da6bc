/**
 * An indicator as the editor holds it (figures as typed) and the checks and sums the screen
 * needs: achievement from baseline to target, the period the office is reporting now.
 */
import type { Indicator, IndicatorValue, Settings } from '../../../db/core/model';
import { toWesternDigits } from '../../../db/core/normalize';
import { parseFigure } from '../../../db/core/format';

export interface IndicatorDraft {
  name: string;
  unit: string;
  baseline: string;
  target: string;
  values: { period: string; value: string }[];
}

const PERIOD = { quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ };

/** The period the office reports on today: `2026-Q4` by quarter, `2026` by year (calendar). */
export function currentPeriod(kind: Settings['reportingPeriod'], today = new Date()): string {
  const y = today.getFullYear();
  return kind === 'year' ? String(y) : `${y}-Q${Math.floor(today.getMonth() / 3) + 1}`;
}

/** The period after the latest one given, so adding a row proposes the next quarter or year. */
export function nextPeriod(latest: string | undefined, kind: Settings['reportingPeriod']): string {
  if (!latest) return currentPeriod(kind);
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(latest);
  if (!m) return currentPeriod(kind);
  const year = Number(m[1]);
  if (!m[2]) return String(year + 1);
  const q = Number(m[2]);
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Upper-cased, spaces out, either digit set: what a clerk types as "٢٠٢٥-q3" is `2025-Q3`. */
export function normalizePeriod(text: string): string {
  return toWesternDigits(text).replace(/\s+/g, '').toUpperCase();
}

export function draftOfIndicator(i: EditedIndicator | null): IndicatorDraft {
  const figure = (n: number | null) => (n === null ? '' : String(n));
  return {
    name: i?.name ?? '',
    unit: i?.unit ?? '',
    baseline: figure(i?.baseline ?? null),
    target: figure(i?.target ?? null),
    values: (i?.values ?? []).map((v) => ({ period: v.period, value: String(v.value) })),
  };
}

/** Message keys by field (values by row); empty when the draft can be saved. */
export function checkIndicator(d: IndicatorDraft) {
  const errors: Record<string, string> = {};
  if (d.name.trim() === '') errors.name = 'indicators.noName';
  for (const f of ['baseline', 'target'] as const) {
    if (d[f].trim() !== '' && parseFigure(d[f], true) === null) errors[f] = 'indicators.badNumber';
  }
  const seen = new Set<string>();
  d.values.forEach((v, n) => {
    const period = normalizePeriod(v.period);
    // Either kind is accepted: an office that changed from years to quarters keeps its history
    // (an office reporting by halves records its values by quarter).
    if (!PERIOD.quarter.test(period) && !PERIOD.year.test(period)) {
      errors[`period${n}`] = 'indicators.badPeriod';
    } else if (seen.has(period)) errors[`period${n}`] = 'indicators.duplicatePeriod';
    seen.add(period);
    if (parseFigure(v.value, true) === null) errors[`value${n}`] = 'indicators.badNumber';
  });
  return errors;
}

/** An indicator as the API takes it, without its initiative (a new one's is not saved yet). */
export type IndicatorInput = ReturnType<typeof indicatorInput>;
/** An indicator in an initiative's editor: one already saved keeps its id. */
export type EditedIndicator = IndicatorInput & { id?: string };

/** A saved indicator as the editor holds it (what the initiative's save sends back). */
export const editedOf = ({ id, name, unit, baseline, target, values }: Indicator): EditedIndicator => ({
  id,
  name,
  unit,
  baseline,
  target,
  values: values.map(({ period, value }) => ({ period, value })),
});

export function indicatorInput(d: IndicatorDraft) {
  const figure = (s: string) => (s.trim() === '' ? null : parseFigure(s, true));
  return {
    name: d.name.trim(),
    unit: d.unit.trim(),
    baseline: figure(d.baseline),
    target: figure(d.target),
    values: d.values.map((v) => ({ period: normalizePeriod(v.period), value: parseFigure(v.value, true)! })),
  };
}

/** Values in time order (periods sort as text: `2025` before `2025-Q1` before `2026`). */
export const inPeriodOrder = (values: readonly IndicatorValue[]): IndicatorValue[] =>
  [...values].sort((a, b) => (a.period < b.period ? -1 : 1));

/** The latest actual value. */
export const latestValue = (values: readonly IndicatorValue[]): IndicatorValue | undefined =>
  inPeriodOrder(values).at(-1);

/**
 * How far the latest actual value has come from the baseline (0 when not given) toward the
 * target, in percent; null without a target or a value. The matrix computes the same in SQL.
 */
export function achievement(i: Pick<Indicator, 'baseline' | 'target' | 'values'>): number | null {
  const latest = latestValue(i.values);
  const base = i.baseline ?? 0;
  if (!latest || i.target === null || i.target === base) return null;
  return Math.max(0, ((latest.value - base) / (i.target - base)) * 100);
}
