/**
 * The office's reporting at a glance: its submissions, the period whose report is due (the last
 * one ended) with its deadline and whether it went, and what changed since the latest submission.
 */
import type { Db } from '../connection';
import { periodDue, reportingKind } from '../core/period';
import type { ReportingState } from '../core/results';
import { getSettings } from '../repos/settings';
import { latestSubmission, listSubmissions, submissionSnapshot } from '../repos/submissions';
import { changesSince } from './since';

export function reportingState(db: Db, today: string): ReportingState {
  const s = getSettings(db);
  const due = periodDue(today, reportingKind(s.reportingPeriod), s.fiscalYearStartMonth, s.deadlineDays);
  const submitted = latestSubmission(db, due.period);
  const latest = latestSubmission(db);
  return {
    officeCode: s.officeCode,
    submissions: listSubmissions(db),
    due: { ...due, overdue: !submitted && today > due.due, submitted },
    changes: latest
      ? {
          since: { period: latest.period, version: latest.version },
          ...changesSince(db, submissionSnapshot(db, latest.id)),
        }
      : null,
  };
}
