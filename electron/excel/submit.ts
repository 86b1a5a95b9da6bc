/**
 * Submitting a period: the portfolio frozen as it is now, kept in the file as the next version
 * of that period, and its package written beside it. The package is written under a temporary
 * name and the submission recorded last, so a failure leaves neither a record nor a file.
 */
import type { Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { bilingual } from '../../db/core/messages';
import { latestSubmission, recordSubmission, type Submission } from '../../db/repos/submissions';
import { officeCode } from '../../db/repos/settings';
import { writeAtomically } from '../../db/safe-file';
import { takeSnapshot } from '../../db/snapshot';
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
  if (!officeCode(db)) throw new AppError('CONFLICT', bilingual('errors.noOfficeCode'));
  const previous = latestSubmission(db, o.period);
  if (previous && !o.reason?.trim()) {
    throw new AppError('CONFLICT', bilingual('errors.resubmitReason', { period: o.period, version: previous.version }));
  }
  const snapshot = takeSnapshot(db);
  const now = o.now ?? new Date();
  return writeAtomically(out, async (temporary) => {
    await writePackage(db, temporary, {
      lang: o.lang,
      period: o.period,
      version: (previous?.version ?? 0) + 1,
      snapshot,
      submittedAt: now.toISOString(),
    });
    return recordSubmission(db, ctx, { period: o.period, reason: o.reason, snapshot, now });
  });
}
