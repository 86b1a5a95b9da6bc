/**
 * What-if planning: drafts of new initiatives and of edits, stored apart from the portfolio.
 * A preview applies them inside a transaction that is always rolled back, so the matrix and the
 * health rules are computed by the very queries the portfolio uses, and nothing is ever left
 * behind; committing applies them for real in one transaction and clears them.
 */
import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { type Initiative, InitiativeCreate, InitiativeUpdate } from '../core/model';
import { recordAudit, type WriteContext } from '../repos/audit';
import { createInitiative, updateInitiative } from '../repos/initiatives';
import { stmt, tx } from '../stmt';
import type { Draft, DraftInput, DraftProblem } from '../core/results';

export function listDrafts(db: Db): Draft[] {
  const rows = stmt(db, 'SELECT id, kind, input, created_at FROM plan_drafts ORDER BY id').all() as {
    id: number;
    kind: 'create' | 'update';
    input: string;
    created_at: string;
  }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, input: JSON.parse(r.input), createdAt: r.created_at }) as Draft);
}

/** Checked as the real write would check it, so a draft that cannot be committed is refused now. */
export function addDraft(db: Db, ctx: WriteContext, draft: DraftInput): Draft {
  const input = draft.kind === 'create' ? InitiativeCreate.parse(draft.input) : InitiativeUpdate.parse(draft.input);
  const problem = tryApply(db, [{ ...draft, id: 0, createdAt: '' }]).problems[0];
  if (problem) throw new AppError('INVALID_INPUT', problem.message, { draft: true });
  const row = stmt(
    db,
    'INSERT INTO plan_drafts (kind, initiative_id, input, created_at) VALUES (?, ?, ?, ?) RETURNING id, created_at',
  ).get(
    draft.kind,
    draft.kind === 'update' ? (input as { id: string }).id : null,
    JSON.stringify(input),
    new Date().toISOString(),
  ) as { id: number; created_at: string };
  const added = { ...draft, input, id: row.id, createdAt: row.created_at } as Draft;
  recordAudit(db, ctx, DRAFT, String(added.id), 'create', null, added);
  return added;
}

/** Drafts are kept in the portfolio file, so adding and dropping them is in the audit log too. */
const DRAFT = 'plan_draft';

export function removeDraft(db: Db, ctx: WriteContext, id: number): void {
  tx(db, () => {
    const draft = listDrafts(db).find((d) => d.id === id);
    if (!draft) return;
    stmt(db, 'DELETE FROM plan_drafts WHERE id = ?').run(id);
    recordAudit(db, ctx, DRAFT, String(id), 'delete', draft, null);
  });
}

export function discardDrafts(db: Db, ctx: WriteContext): number {
  return tx(db, () => {
    const drafts = listDrafts(db);
    stmt(db, 'DELETE FROM plan_drafts').run();
    for (const d of drafts) recordAudit(db, ctx, DRAFT, String(d.id), 'delete', d, null);
    return drafts.length;
  });
}

const ROLLBACK = Symbol('rollback');

/** Runs fn in a transaction that is always rolled back, and returns what it returned. */
function thenRollBack<T>(db: Db, fn: () => T): T {
  let out: { value: T } | null = null;
  try {
    db.transaction(() => {
      out = { value: fn() };
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return (out as { value: T } | null)!.value;
}

function applyOne(db: Db, ctx: WriteContext, d: Draft): Initiative {
  return d.kind === 'create' ? createInitiative(db, ctx, d.input) : updateInitiative(db, ctx, d.input);
}

/** Applies drafts each in its own savepoint, inside the caller's transaction; a failing one is named. */
function applyAll(db: Db, ctx: WriteContext, drafts: Draft[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const d of drafts) {
    try {
      db.transaction(() => applyOne(db, ctx, d))();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ draftId: d.id, message: e.bilingual });
    }
  }
  return problems;
}

function tryApply(db: Db, drafts: Draft[]): { problems: DraftProblem[] } {
  return { problems: thenRollBack(db, () => applyAll(db, { source: 'ui' }, drafts)) };
}

/**
 * Runs `fn` on the portfolio as it would be with the drafts applied, then rolls everything back.
 * Drafts that no longer apply (their cluster was deleted, say) are skipped and named.
 */
export function withDrafts<T>(db: Db, fn: () => T): { value: T; problems: DraftProblem[] } {
  if (db.inTransaction) throw new Error('withDrafts needs its own transaction');
  return thenRollBack(db, () => {
    const problems = applyAll(db, { source: 'ui' }, listDrafts(db));
    return { value: fn(), problems };
  });
}

/** Applies every draft for real, all or nothing, and ends the session. */
export function commitDrafts(db: Db, ctx: WriteContext): { created: number; updated: number } {
  return tx(db, () => {
    const drafts = listDrafts(db);
    for (const d of drafts) applyOne(db, ctx, d);
    // Committed, not dropped: the initiatives' own audit entries tell what became of them.
    stmt(db, 'DELETE FROM plan_drafts').run();
    return {
      created: drafts.filter((d) => d.kind === 'create').length,
      updated: drafts.filter((d) => d.kind === 'update').length,
    };
  });
}
