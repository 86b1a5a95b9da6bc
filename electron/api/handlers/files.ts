import { AppError } from '../../../db/core/errors';
import type { PortfolioSession } from '../../session';
import type { DispatchContext } from '../dispatch';
import type { DomainHandlers } from './types';
import { bilingual } from '../../../db/core/messages';

/** The file operations need the program's session; the CLI works on one file and has none. */
function sessionOf(ctx: DispatchContext): PortfolioSession {
  if (ctx.session) return ctx.session;
  throw new AppError('UNKNOWN_OPERATION', bilingual('errors.appOnly'));
}

export const fileHandlers = {
  'files.current': (_input, ctx) => sessionOf(ctx).info(),
  'files.choose': async ({ purpose }, ctx) => ({ path: await sessionOf(ctx).choose(purpose) }),
  'files.open': ({ path }, ctx) => sessionOf(ctx).openFile(path),
  'files.create': ({ path, ministry }, ctx) => sessionOf(ctx).create(path, ministry),
  'files.saveCopy': ({ path, force }, ctx) => sessionOf(ctx).saveCopy(path, force),
} satisfies DomainHandlers<'files'>;

export const backupHandlers = {
  'backups.list': (_input, ctx) => sessionOf(ctx).backups(),
  'backups.create': (_input, ctx) => sessionOf(ctx).backupNow(),
  'backups.restore': ({ path }, ctx) => sessionOf(ctx).restore(path),
  'backups.recover': ({ path }, ctx) => sessionOf(ctx).recover(path),
} satisfies DomainHandlers<'backups'>;
