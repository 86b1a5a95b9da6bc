/**
 * Reporting periods on the Gregorian calendar: a year (`2026`), a half (`2026-H2`), a quarter
 * (`2026-Q3`), or a fiscal year (`FY2026`). A fiscal year is named by the calendar year it ends
 * in, the way a budget law names it: with the year starting in July, FY2026 runs from 1 July 2025
 * to 30 June 2026; starting in January, FY2026 is the calendar year 2026.
 */
const PERIOD = /^(?:(\d{4})(?:-(Q[1-4]|H[12]))?|FY(\d{4}))$/;
/** What the matrix, the report and the CLI accept as a period. */
export const PERIOD_PATTERN = PERIOD;

export type PeriodKind = 'year' | 'half' | 'quarter' | 'fiscal';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** The quarter (1–4) or half (1–2); 0 for a year or a fiscal year. */
  n: number;
}

export function parsePeriod(period: string): PeriodParts | null {
  const m = PERIOD.exec(period);
  if (!m) return null;
  if (m[3]) return { kind: 'fiscal', year: Number(m[3]), n: 0 };
  const sub = m[2];
  if (!sub) return { kind: 'year', year: Number(m[1]), n: 0 };
  return { kind: sub[0] === 'Q' ? 'quarter' : 'half', year: Number(m[1]), n: Number(sub.slice(1)) };
}

const iso = (y: number, month: number, day: number) =>
  `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDay = (y: number, month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();

/**
 * The first and last day of a period (ISO dates); `fiscalStart` is the month the office's fiscal
 * year starts in (Settings). Null for text that is not a period.
 */
export function periodRange(period: string, fiscalStart = 1): { from: string; to: string } | null {
  const p = parsePeriod(period);
  if (!p) return null;
  let first: [number, number];
  let months: number;
  switch (p.kind) {
    case 'year':
      [first, months] = [[p.year, 1], 12];
      break;
    case 'half':
      [first, months] = [[p.year, p.n * 6 - 5], 6];
      break;
    case 'quarter':
      [first, months] = [[p.year, p.n * 3 - 2], 3];
      break;
    case 'fiscal':
      [first, months] = [fiscalStart === 1 ? [p.year, 1] : [p.year - 1, fiscalStart], 12];
      break;
  }
  const endIndex = first[0] * 12 + first[1] - 1 + months - 1;
  const [endYear, endMonth] = [Math.floor(endIndex / 12), (endIndex % 12) + 1];
  return { from: iso(first[0], first[1], 1), to: iso(endYear, endMonth, lastDay(endYear, endMonth)) };
}

/** The first day of a period: `2025` → 2025-01-01, `2025-Q3` → 2025-07-01. */
export function periodStart(period: string, fiscalStart = 1): string {
  return periodRange(period, fiscalStart)?.from ?? period;
}

/** The last day of a period: `2025` → 2025-12-31, `2025-Q2` → 2025-06-30. */
export function periodEnd(period: string, fiscalStart = 1): string {
  return periodRange(period, fiscalStart)?.to ?? period;
}

/**
 * Whether an indicator value's period (a year or a quarter) lies within a report period: the
 * value columns a report for that period shows.
 */
export function periodWithin(inner: string, outer: string, fiscalStart = 1): boolean {
  const a = periodRange(inner, fiscalStart);
  const b = periodRange(outer, fiscalStart);
  return !!a && !!b && a.from >= b.from && a.to <= b.to;
}

/** The period of a kind that holds a day (ISO date): the current quarter, half, year or fiscal year. */
export function periodOf(day: string, kind: PeriodKind, fiscalStart = 1): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  switch (kind) {
    case 'year':
      return String(y);
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'fiscal':
      return `FY${fiscalStart === 1 || m < fiscalStart ? y : y + 1}`;
  }
}

/** The period kind an office reports by (Settings): a "year" is its fiscal year. */
export const reportingKind = (setting: 'quarter' | 'half' | 'year'): PeriodKind =>
  setting === 'year' ? 'fiscal' : setting;

/**
 * The period an office reports on at a day: the last one that has ended (the one running is
 * reported when it ends), and the day its report is due.
 */
export function periodDue(
  day: string,
  kind: PeriodKind,
  fiscalStart: number,
  deadlineDays: number,
): { period: string; ends: string; due: string } {
  const running = periodRange(periodOf(day, kind, fiscalStart), fiscalStart)!;
  const before = new Date(`${running.from}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  const period = periodOf(before.toISOString().slice(0, 10), kind, fiscalStart);
  return { period, ends: periodRange(period, fiscalStart)!.to, due: dueDate(period, fiscalStart, deadlineDays) };
}

/** The day a period's report is due: `deadlineDays` after the period ends. */
export function dueDate(period: string, fiscalStart: number, deadlineDays: number): string {
  const due = new Date(`${periodRange(period, fiscalStart)!.to}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + deadlineDays);
  return due.toISOString().slice(0, 10);
}

/** The periods of a kind from the one holding `first` to the one holding `last`, in order. */
export function periodsBetween(first: string, last: string, kind: PeriodKind, fiscalStart: number): string[] {
  const out: string[] = [];
  let day = first;
  // At most a century of months: a guard, not a limit any calendar reaches.
  for (let i = 0; i < 1200 && day <= last; i++) {
    const p = periodOf(day, kind, fiscalStart);
    out.push(p);
    const next = new Date(`${periodRange(p, fiscalStart)!.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return out;
}

/** Periods in the order they end (a year after its last quarter), then by name. */
export function comparePeriods(fiscalStart: number): (a: string, b: string) => number {
  const end = (p: string) => periodRange(p, fiscalStart)?.to ?? '';
  return (a, b) => end(a).localeCompare(end(b)) || a.localeCompare(b);
}
