/**
 * The command line of the ministry's consolidated portfolio: its offices, receiving packages,
 * who reported, and the replies. Exit codes as the office's reporting commands: 0 done, 1 refused
 * by a rule (a package edited after it left the office, a version taken), 2 a file that is not a
 * package, 64 usage.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../db/core/errors';
import { bilingual } from '../db/core/messages';
import { issueDay } from '../db/core/report-text';
import { statusGrid } from '../db/queries/status';
import { addOffice, closeOffice, listOffices, reopen, requireMinistry } from '../db/repos/ministry';
import { decide } from './excel/decide';
import type { Lang } from './excel/labels';
import { checkOutputTarget } from './excel/output';
import { receivePackages } from './excel/receive';
import { withPortfolio } from './cli-exchange';
import type { CliIo } from './cli';

const ctx = { source: 'cli' as const };

export async function officesCommand(
  flags: { db: string; add?: string; name?: string; regions?: string; close?: string; since?: string; json: boolean },
  io: CliIo,
): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    requireMinistry(db);
    if (flags.add) addOffice(db, ctx, { code: flags.add, name: flags.name ?? '', regions: flags.regions });
    if (flags.close) closeOffice(db, ctx, flags.close.toUpperCase(), flags.since ?? issueDay(new Date()));
    const offices = listOffices(db);
    if (flags.json) {
      io.out(
        `${JSON.stringify({ offices: offices.map((o) => ({ code: o.code, name: o.name, active: o.active })) })}\n`,
      );
    } else for (const o of offices) io.out(`${o.code}\t${o.name}${o.active ? '' : `\t(${o.closedSince})`}\n`);
    return 0;
  });
}

export async function receiveCommand(
  flags: {
    db: string;
    files: string[];
    dryRun: boolean;
    acceptModified: boolean;
    office?: string;
    period?: string;
    json: boolean;
  },
  io: CliIo,
): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    const packages = await receivePackages(db, ctx, flags.files, {
      dryRun: flags.dryRun,
      acceptModified: flags.acceptModified,
      office: flags.office,
      period: flags.period,
    });
    if (flags.json) io.out(`${JSON.stringify({ packages })}\n`);
    else {
      for (const p of packages) {
        const what = p.office ? `${p.office} ${p.period} v${p.version}` : '—';
        io.out(`${p.file}\t${what}\t${p.state}${p.received ? '' : ' (not received)'}\n`);
        if (p.message) io.err(`${p.message.ar} / ${p.message.en}\n`);
        if (p.edited?.labels) io.err('  labels edited\n');
        for (const r of p.edited?.rows ?? []) io.err(`  ${r.kind}\t${r.table}\t${r.code ?? r.key}\n`);
      }
    }
    // The worst of the batch: a file that is not a package, then a package refused by a rule.
    const notPackage = packages.some((p) => p.state === 'refused' && p.office === null);
    const refused = packages.some((p) => p.state === 'refused' || (p.state === 'modified' && !p.received));
    return notPackage ? 2 : refused ? 1 : 0;
  });
}

export async function statusCommand(flags: { db: string; period?: string; json: boolean }, io: CliIo): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    requireMinistry(db);
    const grid = statusGrid(db, { period: flags.period, today: issueDay(new Date()) });
    if (flags.json) io.out(`${JSON.stringify(grid)}\n`);
    else for (const r of grid.rows) io.out(`${r.office}\t${r.period}\t${r.state}\t${r.version ?? ''}\n`);
    return 0;
  });
}

const Comments = z.array(z.object({ code: z.string().min(1), comment: z.string().min(1) }).strict());

export async function decideCommand(
  flags: {
    db: string;
    status: 'accepted' | 'returned';
    office?: string;
    period?: string;
    comment?: string;
    comments?: string;
    version?: string;
    out?: string;
    lang: Lang;
    force: boolean;
  },
  io: CliIo,
): Promise<number> {
  if (!flags.office || !flags.period || !flags.out)
    throw new AppError('INVALID_INPUT', bilingual('errors.decideUsage'));
  const version = flags.version === undefined ? undefined : Number(flags.version);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
    throw new AppError('INVALID_INPUT', bilingual('errors.decideUsage'));
  }
  const out = checkOutputTarget(flags.out, { force: flags.force, portfolio: flags.db });
  let comments: { code: string; comment: string }[] = [];
  if (flags.comments) {
    const parsed = Comments.safeParse(safeJson(flags.comments));
    if (!parsed.success) throw new AppError('INVALID_INPUT', bilingual('errors.badComments', { file: flags.comments }));
    comments = parsed.data;
  }
  return withPortfolio(flags.db, async (db) => {
    const r = await decide(db, ctx, {
      office: flags.office!.toUpperCase(),
      period: flags.period!,
      status: flags.status,
      comment: flags.comment,
      comments,
      version,
      out,
      lang: flags.lang,
    });
    io.out(`${out}: ${r.officeCode} ${r.period} v${r.version} ${r.status}\n`);
    return 0;
  });
}

function safeJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Reopens an office's accepted period, with a reason the audit keeps: it can be decided again. */
export async function reopenCommand(
  flags: { db: string; office?: string; period?: string; reason?: string },
  io: CliIo,
): Promise<number> {
  if (!flags.office || !flags.period) throw new AppError('INVALID_INPUT', bilingual('errors.decideUsage'));
  return withPortfolio(flags.db, async (db) => {
    const r = reopen(db, ctx, flags.office!.toUpperCase(), flags.period!, flags.reason ?? '');
    io.out(`${r.officeCode} ${r.period} v${r.version} ${r.status}\n`);
    return 0;
  });
}
