/**
 * The command line's side of reporting to the ministry: settings by key, submit a period, the
 * submissions list, and what changed since a submission. Exit codes: 0 done, 1 refused by a rule
 * (no office code, a resubmission without a reason, an invalid setting), 64 usage.
 */
import { AppError } from '../db/core/errors';
import { bilingual } from '../db/core/messages';
import { Settings } from '../db/core/model';
import { changesSince } from '../db/queries/since';
import { getSettings, updateSettings } from '../db/repos/settings';
import { latestSubmission, listSubmissions, submissionSnapshot } from '../db/repos/submissions';
import { checkOutputTarget } from './excel/output';
import { submitPeriod } from './excel/submit';
import { applyReply, readReply } from './excel/reply';
import type { Lang } from './excel/labels';
import { withPortfolio } from './cli-exchange';
import type { CliIo } from './cli';

/** The names the contract gives settings on the command line, where they differ from the file's. */
const ALIASES: Record<string, keyof Settings> = {
  periodKind: 'reportingPeriod',
  fiscalYearStart: 'fiscalYearStartMonth',
};
const alias = (key: string): keyof Settings | undefined => {
  const name = ALIASES[key] ?? key;
  return name in Settings.shape ? (name as keyof Settings) : undefined;
};

export async function settingsCommand(flags: { db: string; json: boolean; set: string[] }, io: CliIo): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    if (flags.set.length > 0) {
      const patch: Record<string, unknown> = {};
      for (const pair of flags.set) {
        const at = pair.indexOf('=');
        const key = at > 0 ? alias(pair.slice(0, at)) : undefined;
        if (!key) throw new AppError('CONFLICT', bilingual('errors.badSetting', { setting: pair }));
        const text = pair.slice(at + 1);
        // Numbers and true/false as such; anything else is text (an office name, a code).
        const current = getSettings(db)[key];
        patch[key] = typeof current === 'number' ? Number(text) : typeof current === 'boolean' ? text === 'true' : text;
      }
      const parsed = Settings.partial().safeParse(patch);
      if (!parsed.success) {
        const setting = parsed.error.issues.map((i) => `${i.path.join('.')}=${String(patch[String(i.path[0])])}`);
        throw new AppError('CONFLICT', bilingual('errors.badSetting', { setting: setting.join(', ') }));
      }
      updateSettings(db, { source: 'cli' }, parsed.data);
    }
    const s = getSettings(db);
    const shown = { ...s, periodKind: s.reportingPeriod, fiscalYearStart: s.fiscalYearStartMonth };
    if (flags.json) io.out(`${JSON.stringify(shown)}\n`);
    else for (const [k, v] of Object.entries(shown)) io.out(`${k}=${typeof v === 'object' ? JSON.stringify(v) : v}\n`);
    return 0;
  });
}

export async function submitCommand(
  flags: { db: string; period: string; out?: string; reason?: string; lang: Lang; json: boolean; force: boolean },
  io: CliIo,
): Promise<number> {
  if (!flags.out) throw new AppError('INVALID_INPUT', bilingual('errors.needOut'));
  const out = checkOutputTarget(flags.out, { force: flags.force, portfolio: flags.db });
  return withPortfolio(flags.db, async (db) => {
    const s = await submitPeriod(db, { source: 'cli' }, out, {
      period: flags.period,
      reason: flags.reason,
      lang: flags.lang,
    });
    const result = {
      ok: true,
      office: s.officeCode,
      period: s.period,
      version: s.version,
      initiatives: s.initiatives,
      sha256: s.sha256,
      out,
    };
    io.out(
      flags.json
        ? `${JSON.stringify(result)}\n`
        : `${out}: ${s.period} v${s.version}, ${s.initiatives} initiatives, ${s.sha256}\n`,
    );
    return 0;
  });
}

export async function submissionsCommand(flags: { db: string; json: boolean }, io: CliIo): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    const submissions = listSubmissions(db).map((s) => ({
      period: s.period,
      version: s.version,
      submittedAt: s.submittedAt,
      initiatives: s.initiatives,
      sha256: s.sha256,
      status: s.status,
    }));
    if (flags.json) io.out(`${JSON.stringify({ submissions })}\n`);
    else
      for (const s of submissions)
        io.out(`${s.period} v${s.version} ${s.submittedAt} ${s.initiatives} ${s.status} ${s.sha256}\n`);
    return 0;
  });
}

export async function changesCommand(flags: { db: string; since?: string; json: boolean }, io: CliIo): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    const since = latestSubmission(db, flags.since);
    if (flags.since && !since)
      throw new AppError('CONFLICT', bilingual('errors.noSubmission', { period: flags.since }));
    const changes = since ? changesSince(db, submissionSnapshot(db, since.id)) : null;
    const result = {
      since: since ? { period: since.period, version: since.version } : null,
      created: changes?.created ?? [],
      deleted: changes?.deleted ?? [],
      changed: changes?.changed ?? [],
      titles: changes?.titles ?? {},
    };
    if (flags.json) io.out(`${JSON.stringify(result)}\n`);
    else {
      io.out(`${result.since ? `${result.since.period} v${result.since.version}` : '—'}\n`);
      for (const c of result.created) io.out(`+ ${c}\n`);
      for (const c of result.deleted) io.out(`- ${c}\n`);
      for (const c of result.changed) io.out(`~ ${c.code}: ${c.fields.join(', ')}\n`);
    }
    return 0;
  });
}

export async function replyCommand(flags: { db: string; file: string; json: boolean }, io: CliIo): Promise<number> {
  const reply = await readReply(flags.file);
  return withPortfolio(flags.db, async (db) => {
    const s = applyReply(db, { source: 'cli' }, reply);
    const result = {
      ok: true,
      period: s.period,
      version: s.version,
      status: s.status,
      comments: reply.comments.length,
    };
    io.out(
      flags.json
        ? `${JSON.stringify(result)}\n`
        : `${s.period} v${s.version}: ${s.status} (${reply.comments.length})\n`,
    );
    return 0;
  });
}
