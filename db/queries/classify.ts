/**
 * The classification assistant over the portfolio: it learns the office's classified
 * initiatives and proposes axes for those not yet classified (db/core/classify.ts). Reads only.
 */
import { classifier } from '../core/classify';
import type { AxisProposals } from '../core/results';
import type { Db } from '../connection';
import { listInitiatives } from '../repos/initiatives';

/** Proposals for the initiatives not yet classified: those named, or the first `limit` of them. */
export function proposeAxes(db: Db, ids?: readonly string[], limit = Number.POSITIVE_INFINITY): AxisProposals[] {
  const all = listInitiatives(db);
  const wanted = ids ? new Set(ids) : null;
  const open = all.filter((i) => i.axes.length === 0 && (!wanted || wanted.has(i.id))).slice(0, limit);
  if (open.length === 0) return [];
  const assistant = classifier(all.filter((i) => i.axes.length > 0));
  return open.map((i) => ({
    id: i.id,
    code: i.code,
    title: i.title,
    proposals: assistant.propose(i.title, i.description),
  }));
}
