/**
 * The office's reporting at a glance: its submissions, the period whose report is due (the last
 * one ended) with its deadline and whether it went, and what changed since the latest submission.
 */
import type { Db } from '../connection';
import { periodDue, reportingKind } from '../core/period';
import type { ReportingState, Submission } from '../core/results';
import { getSettings } from '../repos/settings';
import { listSubmissions, submissionSnapshot } from '../repos/submissions';
import { changesSince } from './since';

export function reportingState(db: Db, today: string): ReportingState {
  const s = getSettings(db);
  const due = periodDue(today, reportingKind(s.reportingPeriod), s.fiscalYearStartMonth, s.deadlineDays);
  // One read of the list: the latest of the period due, and the latest of all, come from it.
  const submissions = listSubmissions(db);
  // Latest by record, as latestSubmission reads it (the list is in order of the clock).
  const newest = (xs: Submission[]) => xs.reduce<Submission | null>((a, b) => (!a || b.id > a.id ? b : a), null);
  const submitted = newest(submissions.filter((x) => x.period === due.period));
  const latest = newest(submissions);
  return {
    officeCode: s.officeCode,
    submissions,
    due: { ...due, overdue: !submitted && today > due.due, submitted },
    changes: latest
      ? {
          since: { period: latest.period, version: latest.version },
          ...changesSince(db, submissionSnapshot(db, latest.id)),
        }
      : null,
  };
}
