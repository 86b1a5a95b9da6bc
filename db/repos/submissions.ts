/**
 * Submissions of a period to the ministry: the frozen snapshot, its version (a second one needs
 * a reason, kept in the audit), and the list the office keeps of what it sent.
 */
import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { bilingual } from '../core/messages';
import { PERIOD_PATTERN } from '../core/period';
import { packSnapshot, type Snapshot, snapshotHash, unpackSnapshot } from '../snapshot';
import { stmt, tx } from '../stmt';
import { recordAudit, type WriteContext } from './audit';
import type { Submission } from '../core/results';
import { officeCode } from './settings';
import { requireOffice } from './ministry';

export type { Submission };

const COLUMNS = `id, period, version, office_code AS officeCode, submitted_at AS submittedAt, reason,
  initiatives, sha256, status, reply`;
const parsed = (row: Submission & { reply: string | null }): Submission => ({
  ...row,
  reply: row.reply ? (JSON.parse(row.reply) as Submission['reply']) : null,
});

export function listSubmissions(db: Db): Submission[] {
  const rows = stmt(db, `SELECT ${COLUMNS} FROM submissions ORDER BY submitted_at, id`).all();
  return (rows as (Submission & { reply: string | null })[]).map(parsed);
}

/** The latest submission (of a period, when given), or null. */
export function latestSubmission(db: Db, period?: string): Submission | null {
  const row = stmt(
    db,
    `SELECT ${COLUMNS} FROM submissions WHERE (@period IS NULL OR period = @period) ORDER BY id DESC LIMIT 1`,
  ).get({ period: period ?? null }) as (Submission & { reply: string | null }) | undefined;
  return row ? parsed(row) : null;
}

export function submissionSnapshot(db: Db, id: number): Snapshot {
  const row = stmt(db, 'SELECT snapshot FROM submissions WHERE id = ?').get(id) as { snapshot: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', bilingual('errors.noSubmission', { period: String(id) }));
  return unpackSnapshot(row.snapshot);
}

/**
 * The rules of submitting a period: an office code, and a reason for a second version. Checked
 * before a package is written and again when it is recorded; returns the code and the version
 * it follows.
 */
export function checkSubmittable(
  db: Db,
  period: string,
  reason: string | undefined,
): { office: string; previous: Submission | null } {
  requireOffice(db);
  const office = officeCode(db);
  if (!office) throw new AppError('CONFLICT', bilingual('errors.noOfficeCode'));
  const previous = latestSubmission(db, period);
  if (previous && !reason?.trim()) {
    throw new AppError('CONFLICT', bilingual('errors.resubmitReason', { period, version: previous.version }));
  }
  return { office, previous };
}

/**
 * Freezes the portfolio as a submission of the period: version 1, or the next version with a
 * reason. Refused, nothing written, without an office code or, for a resubmission, a reason.
 */
export function recordSubmission(
  db: Db,
  ctx: WriteContext,
  input: { period: string; reason?: string; snapshot: Snapshot; now?: Date; version?: number },
): Submission {
  if (!PERIOD_PATTERN.test(input.period)) {
    throw new AppError('INVALID_INPUT', bilingual('errors.badPeriod', { period: input.period }));
  }
  return tx(db, () => {
    const { office, previous } = checkSubmittable(db, input.period, input.reason);
    const reason = input.reason?.trim() || null;
    const initiatives = input.snapshot.tables.initiatives.rows.length;
    const sha256 = snapshotHash(input.snapshot);
    const row = {
      period: input.period,
      // The version the package was written as, when it was; the next one otherwise.
      version: input.version ?? (previous?.version ?? 0) + 1,
      officeCode: office,
      submittedAt: (input.now ?? new Date()).toISOString(),
      reason,
      initiatives,
      sha256,
    };
    const id = Number(
      stmt(
        db,
        `INSERT INTO submissions (period, version, office_code, submitted_at, reason, initiatives, sha256, snapshot)
         VALUES (@period, @version, @officeCode, @submittedAt, @reason, @initiatives, @sha256, @snapshot)`,
      ).run({ ...row, snapshot: packSnapshot(input.snapshot) }).lastInsertRowid,
    );
    const submission: Submission = { id, ...row, status: 'submitted', reply: null };
    recordAudit(db, ctx, 'submission', `${row.period}#${row.version}`, 'create', null, submission);
    return submission;
  });
}

/**
 * The ministry's comments on initiatives that still stand: those of a returned version that has
 * not been submitted again since.
 */
export function standingComments(db: Db): { code: string; comment: string; period: string; version: number }[] {
  const all = listSubmissions(db);
  return all
    .filter((s) => s.status === 'returned' && !all.some((t) => t.period === s.period && t.version > s.version))
    .flatMap((s) => (s.reply?.comments ?? []).map((c) => ({ ...c, period: s.period, version: s.version })));
}
