/**
 * The ministry's decision on an office's period: accept, or return with a general comment and
 * comments per initiative. Either writes the reply file the office opens (reply.ts) for the
 * latest version received, and records the decision with it in one step: the file is put in
 * place inside the transaction, so a decision is never recorded without its reply, nor a reply
 * left without its decision.
 */
import type { Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { bilingual, type Lang } from '../../db/core/messages';
import type { WriteContext } from '../../db/repos/audit';
import { decideReceived, latestReceived, type Received, requireMinistry } from '../../db/repos/ministry';
import { writeAtomically } from '../../db/safe-file';
import { tx } from '../../db/stmt';
import { type Reply, writeReply } from './reply';

export async function decide(
  db: Db,
  ctx: WriteContext,
  o: {
    office: string;
    period: string;
    status: 'accepted' | 'returned';
    comment?: string;
    comments?: { code: string; comment: string }[];
    /** The version the reviewer looked at: refused when a newer one came in meanwhile. */
    version?: number;
    out: string;
    lang: Lang;
    now?: Date;
  },
): Promise<Received> {
  requireMinistry(db);
  const r = latestReceived(db, o.office, o.period);
  if (!r)
    throw new AppError('NOT_FOUND', bilingual('errors.notReceivedPeriod', { office: o.office, period: o.period }));
  if (o.version !== undefined && o.version !== r.version) {
    throw new AppError('CONFLICT', bilingual('errors.decideStale', { version: o.version, latest: r.version }));
  }
  // A period returned says why: the office has to know what to correct.
  const said = (o.comment?.trim() ?? '') !== '' || (o.comments ?? []).some((c) => c.comment.trim() !== '');
  if (o.status === 'returned' && !said) throw new AppError('CONFLICT', bilingual('errors.returnNeedsComment'));
  const reply: Reply = {
    officeCode: r.officeCode,
    period: r.period,
    version: r.version,
    // The hash the office wrote: its own record of the package names it so.
    sha256: r.declaredSha256 ?? r.sha256,
    status: o.status,
    comment: o.comment?.trim() ?? '',
    comments: (o.comments ?? [])
      .map((c) => ({ code: c.code.trim(), comment: c.comment.trim() }))
      .filter((c) => c.code && c.comment),
    repliedAt: (o.now ?? new Date()).toISOString(),
  };
  return writeAtomically(
    o.out,
    (temporary) => writeReply(temporary, reply, o.lang),
    (rename) =>
      tx(db, () => {
        const decided = decideReceived(db, ctx, r.id, {
          status: o.status,
          reply: { comment: reply.comment, comments: reply.comments, repliedAt: reply.repliedAt },
        });
        rename();
        return decided;
      }),
  );
}
