/**
 * The ministry's reply to a submission, as a file the office opens: a visible sheet a person
 * reads (status, general comment, comments per initiative) and a very hidden `reply_meta` that
 * names the package it answers (office, period, version, the package's SHA-256). The office
 * applies a reply only to a package it sent; anything else is refused and nothing changes.
 */
import { z } from 'zod';
import Excel from './exceljs';
import { PERIOD_PATTERN } from '../../db/core/period';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { bilingual, type Lang, MESSAGES } from '../../db/core/messages';
import { getSettings } from '../../db/repos/settings';
import { listSubmissions, type Submission } from '../../db/repos/submissions';
import { requireOffice } from '../../db/repos/ministry';
import { stmt, tx } from '../../db/stmt';
import { recordAudit, type WriteContext } from '../../db/repos/audit';
import { addSheet, writeTable } from './sheet';
import { readKeyValues, writeKeyValues } from './machine';

export const REPLY_FORMAT = 'tajammu-reply';

export interface Reply {
  officeCode: string;
  period: string;
  version: number;
  /** The SHA-256 of the package answered. */
  sha256: string;
  status: 'accepted' | 'returned';
  comment: string;
  /** Comments on initiatives, by their code. */
  comments: { code: string; comment: string }[];
  repliedAt: string;
}

export async function writeReply(out: string, reply: Reply, lang: Lang): Promise<void> {
  const m = MESSAGES[lang].reply;
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: true });
  const sheet = addSheet(wb, { name: m.sheet, rtl: lang === 'ar', footer: MESSAGES[lang].report.footer }, 0);
  writeTable(
    sheet,
    [
      { header: m.what, width: 30 },
      { header: m.value, width: 80 },
    ],
    [
      [m.office, reply.officeCode],
      [m.period, reply.period],
      [m.version, reply.version],
      [m.status, m.statuses[reply.status]],
      [m.comment, reply.comment || null],
      ...reply.comments.map((c) => [c.code, c.comment]),
    ],
  );
  sheet.commit();
  const meta = addSheet(wb, { name: 'reply_meta', rtl: false, footer: '', state: 'veryHidden' }, 0);
  const { officeCode, period, version, sha256, status, comment, comments, repliedAt } = reply;
  writeKeyValues(meta, {
    format: REPLY_FORMAT,
    officeCode,
    period,
    version,
    sha256,
    status,
    comment,
    comments,
    repliedAt,
  });
  await wb.commit();
}

/** A reply as the office accepts it: anything else is not a reply, whatever its name says. */
const ReplySchema = z.object({
  officeCode: z.string().min(1),
  period: z.string().regex(PERIOD_PATTERN),
  version: z.coerce.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: z.enum(['accepted', 'returned']),
  comment: z.string(),
  comments: z.array(z.object({ code: z.string(), comment: z.string() })),
  repliedAt: z.string(),
});

export async function readReply(file: string): Promise<Reply> {
  const refuse = (reason: string) => new AppError('FOREIGN_FILE', bilingual('errors.notReply', { reason }));
  const { values } = await readKeyValues(file, 'reply_meta', refuse);
  const raw = Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, String(v ?? '')]));
  if (raw.format !== REPLY_FORMAT) throw refuse(raw.format || 'reply_meta');
  let comments: unknown;
  try {
    comments = JSON.parse(raw.comments || '[]');
  } catch {
    throw refuse('comments');
  }
  const parsed = ReplySchema.safeParse({ ...raw, comments });
  if (!parsed.success) throw refuse(parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  return parsed.data;
}

/**
 * Applies a reply to the submission it answers: its status and the comments. Refused in both
 * languages, nothing changed, when it is for another office or for a package this file never sent.
 */
export function applyReply(db: Db, ctx: WriteContext, reply: Reply): Submission {
  requireOffice(db);
  return tx(db, () => {
    const submissions = listSubmissions(db);
    const sent = submissions.find(
      (s) => s.period === reply.period && s.version === reply.version && s.sha256 === reply.sha256,
    );
    // The office as it was when the package left (its code may have been set or changed since).
    const ours = new Set([getSettings(db).officeCode, ...submissions.map((s) => s.officeCode)]);
    if (sent ? sent.officeCode !== reply.officeCode : !ours.has(reply.officeCode)) {
      const office = sent?.officeCode ?? getSettings(db).officeCode;
      throw new AppError(
        'CONFLICT',
        bilingual('errors.replyOtherOffice', { office: reply.officeCode, ours: office || '—' }),
      );
    }
    if (!sent) {
      throw new AppError(
        'CONFLICT',
        bilingual('errors.replyNotSent', { period: reply.period, version: reply.version }),
      );
    }
    stmt(db, 'UPDATE submissions SET status = ?, reply = ? WHERE id = ?').run(
      reply.status,
      JSON.stringify({ comment: reply.comment, comments: reply.comments, repliedAt: reply.repliedAt }),
      sent.id,
    );
    const after: Submission = {
      ...sent,
      status: reply.status,
      reply: { comment: reply.comment, comments: reply.comments, repliedAt: reply.repliedAt },
    };
    recordAudit(db, ctx, 'submission', `${sent.period}#${sent.version}`, 'update', sent, after);
    return after;
  });
}
