/**
 * Submitting a period: the portfolio frozen as it is now, kept in the file as the next version
 * of that period, and its package written beside it. The package is written under a temporary
 * name and the submission recorded last, so a failure leaves neither a record nor a file.
 */
import { AppError } from '../../db/core/errors';
import { bilingual } from '../../db/core/messages';
import {
  latestSubmission,
  listSubmissions,
  recordSubmission,
  submissionSnapshot,
  type Submission,
} from '../../db/repos/submissions';
import { getLogo, officeCode, setLogo } from '../../db/repos/settings';
import { type Db, open } from '../../db/connection';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAtomically } from '../../db/safe-file';
import { restoreSnapshot, takeSnapshot } from '../../db/snapshot';
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

/**
 * A submission's package written again from its frozen snapshot (put back into a scratch
 * portfolio), for an office that lost the file it sent: the same data part and hash, byte for
 * byte in its values; the report is the one the snapshot gives, with today's logo.
 */
export async function rebuildPackage(db: Db, id: number, out: string, lang: Lang): Promise<Submission> {
  const submission = listSubmissions(db).find((s) => s.id === id);
  if (!submission) throw new AppError('NOT_FOUND', bilingual('errors.noSubmission', { period: String(id) }));
  const snapshot = submissionSnapshot(db, id);
  const dir = mkdtempSync(join(tmpdir(), 'tajammu-rebuild-'));
  const scratch = open(join(dir, 'snapshot.tajammu'));
  try {
    restoreSnapshot(scratch, snapshot, submission.submittedAt);
    const logo = getLogo(db);
    if (logo) setLogo(scratch, { source: 'cli' }, logo.base64);
    await writeAtomically(out, (temporary) =>
      writePackage(scratch, temporary, {
        lang,
        period: submission.period,
        version: submission.version,
        snapshot,
        submittedAt: submission.submittedAt,
      }),
    );
    return submission;
  } finally {
    scratch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
