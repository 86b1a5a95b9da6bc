/**
 * The CLI's commands on the portfolio file itself: a full integrity check, a backup
 * through SQLite's online backup, and a restore that keeps a backup of what it replaces.
 *   npm run --silent cli -- check-file --db FILE [--json]     exit 0 sound, 1 damaged
 *   npm run --silent cli -- backup --db FILE --out COPY [--force]
 *   npm run --silent cli -- restore --db FILE --from COPY
 */
import { backupTo, checkCopyTarget, checkPortfolioFile, restoreFrom } from '../db/backup';
import { AppError } from '../db/core/errors';
import { statsOfFile } from '../db/backup-store';
import type { CliIo } from './cli';
import { withPortfolio } from './cli-exchange';
import type { PortfolioStats } from '../db/core/results';
import { bilingual } from '../db/core/messages';
import { bothOnOneLine } from '../db/core/messages';

/** What a portfolio holds, in one line of the CLI's output. */
export const statsLine = (s: PortfolioStats): string =>
  `${s.regions} regions, ${s.clusters} clusters, ${s.initiatives} initiatives`;

const counts = (file: string): string => statsLine(statsOfFile(file));

export function checkFileCommand(file: string, json: boolean, io: CliIo): number {
  const result = checkPortfolioFile(file);
  if (json) io.out(`${JSON.stringify({ file, ...result })}\n`);
  else if (result.ok) io.out(`${file}: ${bothOnOneLine('cli.sound', { version: result.version })}\n`);
  else io.out(`${file}: ${bothOnOneLine('cli.damaged')}\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`);
  return result.ok ? 0 : 1;
}

export async function backupCommand(flags: { db: string; out?: string; force: boolean }, io: CliIo): Promise<number> {
  const out = flags.out;
  if (!out) {
    throw new AppError('INVALID_INPUT', bilingual('errors.needCopyOut'));
  }
  checkCopyTarget(out, flags.db, flags.force, bilingual('errors.useForce'));
  await withPortfolio(flags.db, (db) => backupTo(db, out));
  io.out(`${out}: ${counts(out)}\n`);
  return 0;
}

export async function restoreCommand(flags: { db: string; from?: string }, io: CliIo): Promise<number> {
  if (!flags.from) {
    throw new AppError('INVALID_INPUT', bilingual('errors.needFrom'));
  }
  const { backup } = await restoreFrom(flags.db, flags.from);
  io.out(`${flags.db}: ${counts(flags.db)}\n(${bothOnOneLine('cli.previousKept')} ${backup})\n`);
  return 0;
}
