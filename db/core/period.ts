/** Reporting periods: a year (`2025`) or a quarter (`2025-Q3`), on the Gregorian calendar. */
const PERIOD = /^(\d{4})(?:-Q([1-4]))?$/;

/** The first day of a period: `2025` → 2025-01-01, `2025-Q3` → 2025-07-01. */
export function periodStart(period: string): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  return `${m[1]}-${String(m[2] ? Number(m[2]) * 3 - 2 : 1).padStart(2, '0')}-01`;
}

/** The last day of a period: `2025` → 2025-12-31, `2025-Q2` → 2025-06-30. */
export function periodEnd(period: string): string {
  const m = PERIOD.exec(period);
  if (!m) return period;
  const month = m[2] ? Number(m[2]) * 3 : 12;
  const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, '0')}-${last}`;
}
