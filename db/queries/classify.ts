/**
 * The classification assistant over the portfolio: it learns the office's classified
 * initiatives and proposes axes for those not yet classified (db/core/classify.ts). Reads only.
 */
import { classifier } from '../core/classify';
import type { AxisProposals } from '../core/results';
import type { Db } from '../connection';
import { listInitiatives } from '../repos/initiatives';

export function proposeAxes(db: Db, ids?: readonly string[]): AxisProposals[] {
  const all = listInitiatives(db);
  const assistant = classifier(all.filter((i) => i.axes.length > 0));
  const wanted = ids ? new Set(ids) : null;
  return all
    .filter((i) => i.axes.length === 0 && (!wanted || wanted.has(i.id)))
    .map((i) => ({ id: i.id, code: i.code, title: i.title, proposals: assistant.propose(i.title, i.description) }));
}
