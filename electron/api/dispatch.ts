import { requireOffice } from '../../db/repos/ministry';
import { z } from 'zod';
import { inChange } from '../../db/changes';
import { assertInPlace, type Db } from '../../db/connection';
import type { AuditSource } from '../../db/core/model';
import type { PortfolioSession } from '../session';
import { type ApiResult, contract, isOperationName } from '../../db/core/contract';
import { toApiError } from './dispatch-errors';
import { handlers } from './handlers';
import type { ApiError } from '../../db/core/results';
import { bilingual } from '../../db/core/messages';

export { toApiError };

export interface DispatchContext {
  db: Db;
  source: AuditSource;
  /** The program's portfolio file and its switching (files.*, backups.*); absent in the CLI. */
  session?: PortfolioSession;
}

/**
 * The context of a transport that holds a session: the database is looked up on each call, so
 * a switch to another file is seen at once, and a damaged file refuses all but recovery.
 */
export function sessionContext(session: PortfolioSession, source: AuditSource): DispatchContext {
  return {
    source,
    session,
    get db() {
      return session.requireDb();
    },
  };
}

/**
 * The one entry point of all three transports: validates the input against the contract, runs
 * the handler, and turns every failure into a plain, bilingual error object. Never throws.
 */
export async function dispatch(ctx: DispatchContext, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return fail({
      code: 'UNKNOWN_OPERATION',
      message: bilingual('errors.unknownOperation', { name: String(name).slice(0, 80) }),
    });
  }
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) return fail(invalidInput(parsed.error));
  try {
    const { effect } = contract[name];
    // SQLite would write on to a deleted or swapped file and answer ok: looked at before each write.
    if (effect === 'write' || effect === 'undoable') {
      assertInPlace(ctx.db);
      // The ministry's file holds offices and their packages, never a register of its own.
      if (!MINISTRY_WRITES.test(name)) requireOffice(ctx.db);
    }
    const handler = handlers[name] as (input: unknown, ctx: DispatchContext) => unknown;
    const run = () => handler(parsed.data, ctx);
    // The screens' edits are changes the user can take back (imports are not: they are large,
    // and a backup is taken before each); the contract says which, and keeps them synchronous.
    const value = await (ctx.source === 'ui' && effect === 'undoable' ? inChange(ctx.db, name, run) : run());
    return { ok: true, value };
  } catch (e) {
    return fail(toApiError(e, name));
  }
}

/** The writes a consolidated portfolio takes: its own, its settings, logo, files and backups. */
const MINISTRY_WRITES = /^(ministry|offices|settings|logo|files|backups|history)\./;

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const fields = [...new Set(issues.map((i) => i.path || '—'))].join('، ');
  return {
    code: 'INVALID_INPUT',
    message: bilingual('errors.invalidData', { fields: { ar: fields, en: fields.replace(/، /g, ', ') } }),
    details: { issues },
  };
}
