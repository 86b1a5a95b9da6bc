/**
 * Who reported: offices × periods, each cell missing, received on time, received late, accepted
 * or returned, against the agency's deadlines. An office closed before a period ended is not
 * expected to report for it.
 */
import type { Db } from '../connection';
import { comparePeriods, dueDate, periodDue, periodRange, periodsBetween } from '../core/period';
import { issueDay } from '../core/report-text';
import { listOffices, listReceived } from '../repos/ministry';
import { getSettings } from '../repos/settings';
import type { ReportState, StatusGrid, StatusRow } from '../core/results';

export type { ReportState, StatusGrid, StatusRow };

/**
 * The grid for one period, or for every period received so far and the last one due by `today`
 * (its deadline passed or not: an office not yet late is on its way, still "missing").
 */
export function statusGrid(db: Db, o: { period?: string; today: string }): StatusGrid {
  const s = getSettings(db);
  const received = listReceived(db);
  const due = periodDue(o.today, s.reportingPeriod, s.fiscalYearStartMonth, s.deadlineDays).period;
  const end = (p: string) => periodRange(p, s.fiscalYearStartMonth)!.to;
  // Every period of the agency's kind from the first report received to the last one due, so a
  // period nobody reported on shows every office missing; and any other period received.
  const first = received.map((r) => periodRange(r.period, s.fiscalYearStartMonth)!.from).sort()[0] ?? end(due);
  const calendar = periodsBetween(first, end(due), s.reportingPeriod, s.fiscalYearStartMonth);
  const periods = o.period
    ? [o.period]
    : [...new Set([...calendar, ...received.map((r) => r.period)])].sort(comparePeriods(s.fiscalYearStartMonth));
  const latest = new Map<string, (typeof received)[number]>();
  for (const r of received) {
    const key = `${r.officeCode}|${r.period}`;
    if ((latest.get(key)?.version ?? 0) < r.version) latest.set(key, r);
  }
  const rows: StatusRow[] = [];
  for (const office of listOffices(db)) {
    for (const period of periods) {
      const ends = end(period);
      const r = latest.get(`${office.code}|${period}`);
      // Closed before the period ended: nothing expected, unless it reported anyway.
      if (!r && office.closedSince !== null && office.closedSince <= ends) continue;
      let state: ReportState = 'missing';
      if (r?.status === 'accepted') state = 'accepted';
      else if (r?.status === 'returned') state = 'returned';
      else if (r) {
        // The day the office sent it where the ministry is (a template: the day it came in).
        const sent = issueDay(new Date(r.submittedAt ?? r.receivedAt));
        state = sent <= dueDate(period, s.fiscalYearStartMonth, s.deadlineDays) ? 'on_time' : 'late';
      }
      rows.push({ office: office.code, period, state, version: r?.version ?? null });
    }
  }
  const counts: StatusGrid['counts'] = {};
  for (const period of periods) {
    counts[period] = { missing: 0, on_time: 0, late: 0, accepted: 0, returned: 0 };
    for (const r of rows) if (r.period === period) counts[period][r.state] += 1;
  }
  return { periods, rows, counts };
}
