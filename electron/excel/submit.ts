/**
 * Submitting a period: the portfolio frozen as it is now, kept in the file as the next version
 * of that period, and its package written beside it. The package is written under a temporary
 * name and the submission recorded last, so a failure leaves neither a record nor a file.
 */
import { AppError } from '../../db/core/errors';
import { bilingual } from '../../db/core/messages';
import {
  checkSubmittable,
  latestSubmission,
  listSubmissions,
  recordSubmission,
  submissionSnapshot,
  type Submission,
} from '../../db/repos/submissions';
import { getLogo, setLogo } from '../../db/repos/settings';
import type { Db } from '../../db/connection';
import { writeAtomically } from '../../db/safe-file';
import { takeSnapshot, withSnapshotDb } from '../../db/snapshot';
import { tx } from '../../db/stmt';
import { changesDetail } from '../../db/queries/since';
import type { WriteContext } from '../../db/repos/audit';
import type { Lang } from './labels';
import { writePackage } from './package';

export async function submitPeriod(
  db: Db,
  ctx: WriteContext,
  out: string,
  o: { period: string; reason?: string; lang: Lang; now?: Date },
): Promise<Submission> {
  // The rules first, before any file is written.
  const { previous } = checkSubmittable(db, o.period, o.reason);
  // The portfolio as it is now, read in one go; the package is written from this snapshot alone
  // (put back in a scratch portfolio), so nothing written meanwhile reaches its report.
  const snapshot = takeSnapshot(db);
  const now = o.now ?? new Date();
  const version = (previous?.version ?? 0) + 1;
  const last = latestSubmission(db);
  const lastSnapshot = last ? submissionSnapshot(db, last.id) : null;
  const logo = getLogo(db);
  return writeAtomically(
    out,
    (temporary) =>
      withSnapshotDb(snapshot, now.toISOString(), async (scratch) => {
        if (logo) setLogo(scratch, ctx, logo.base64);
        // What changed since the office last reported, as a sheet of the package for the reviewer.
        const changes = last && lastSnapshot ? await changesDetail(scratch, last, lastSnapshot) : undefined;
        await writePackage(scratch, temporary, {
          lang: o.lang,
          period: o.period,
          version,
          snapshot,
          submittedAt: now.toISOString(),
          changes,
        });
      }),
    // Recorded as the version its package names, and put in place in the same transaction: a
    // second submit meanwhile fails on (period, version), a failed rename records nothing.
    (rename) =>
      tx(db, () => {
        const submission = recordSubmission(db, ctx, { period: o.period, reason: o.reason, snapshot, now, version });
        rename();
        return submission;
      }),
  );
}

/**
 * A submission's package written again from its frozen snapshot (put back into a scratch
 * portfolio), for an office that lost the file it sent: the same data part and hash, byte for
 * byte in its values; the report is the one the snapshot gives, with today's logo.
 */
export async function rebuildPackage(db: Db, id: number, out: string, lang: Lang): Promise<Submission> {
  const submission = listSubmissions(db).find((s) => s.id === id);
  if (!submission) throw new AppError('NOT_FOUND', bilingual('errors.noSubmission', { period: String(id) }));
  const snapshot = submissionSnapshot(db, id);
  const logo = getLogo(db);
  // Its changes sheet as it was: against the submission before it.
  const previous = listSubmissions(db)
    .filter((s) => s.id < id)
    .at(-1);
  return withSnapshotDb(snapshot, submission.submittedAt, async (scratch) => {
    if (logo) setLogo(scratch, { source: 'cli' }, logo.base64);
    const changes = previous ? await changesDetail(scratch, previous, submissionSnapshot(db, previous.id)) : undefined;
    await writeAtomically(out, (temporary) =>
      writePackage(scratch, temporary, {
        lang,
        period: submission.period,
        version: submission.version,
        snapshot,
        submittedAt: submission.submittedAt,
        changes,
      }),
    );
    return submission;
  });
}
