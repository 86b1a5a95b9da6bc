/**
 * The Excel commands of the CLI: import, export, template. Their flags, JSON shapes and exit
 * codes are a contract other tools script against: extend, never change.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { openExisting } from '../db/backup';
import type { Db } from '../db/connection';
import { AppError } from '../db/core/errors';
import { previewImport } from './excel/import';
import { type ImportPlan, type OnCollision, unclassifiedCount } from './excel/import/plan';
import type { RowError } from '../db/core/results';
import { streamImport } from './excel/import/stream';
import { readMappingFile } from './excel/import/mapping';
import type { Lang } from './excel/labels';
import { changesSinceLatest } from '../db/queries/since';
import { writeReport } from './excel/report';
import { writeNationalReport } from './excel/national-report';
import { isMinistry } from '../db/repos/ministry';
import { issueDay } from '../db/core/report-text';
import { writeTemplate } from './excel/template';
import { checkOutputTarget } from './excel/output';
import { writeAtomically } from '../db/safe-file';
import type { CliIo } from './cli';
import { bilingual } from '../db/core/messages';
import { bothOnOneLine, text } from '../db/core/messages';

export const EXIT = { ok: 0, invalidRows: 1, refused: 2 } as const;

export interface ImportFlags {
  db: string;
  workbook: string;
  dryRun: boolean;
  skipInvalid: boolean;
  map?: string;
  json: boolean;
  /** The sheet to read, by name, instead of the one that looks most like a register. */
  sheet?: string;
  onCollision: OnCollision;
}

/** Opens an existing portfolio file (never creating one by a typo) for the length of fn. */
export async function withPortfolio<T>(file: string, fn: (db: Db) => Promise<T>): Promise<T> {
  // A file of an older version is backed up before it is brought up to date.
  const { db } = await openExisting(file);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

export function importCommand(flags: ImportFlags, io: CliIo): Promise<number> {
  return withPortfolio(flags.db, async (db) => {
    let plan: ImportPlan;
    try {
      if (!existsSync(flags.workbook)) {
        throw new AppError('INVALID_INPUT', bilingual('errors.workbookNotFound', { workbook: flags.workbook }), {
          reason: 'missing',
        });
      }
      const map = flags.map ? readMappingFile(flags.map) : undefined;
      const options = {
        mapping: map?.columns,
        values: map?.values,
        sheet: flags.sheet,
        onCollision: flags.onCollision,
      };
      // A real import writes as it reads (all or nothing); a dry run only plans.
      plan = flags.dryRun
        ? (await previewImport(db, flags.workbook, options)).plan
        : (
            await streamImport(db, flags.workbook, {
              ...options,
              skipInvalid: flags.skipInvalid,
              fileName: basename(flags.workbook),
            })
          ).plan;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (flags.json) io.out(`${JSON.stringify({ ok: false, error: { code: e.code, message: e.bilingual } })}\n`);
      io.err(`${e.bilingual.ar} / ${e.bilingual.en}\n`);
      return EXIT.refused;
    }
    const stopped = (plan.errors.length > 0 && !flags.skipInvalid) || plan.collisions.length > 0;
    // "skipped" lists rows left out of a write; when nothing is written there is none.
    const said = whatWasRead(plan, flags.skipInvalid && !stopped);
    if (!flags.json) printRead(plan, io);
    if (stopped) {
      if (flags.json) io.out(`${JSON.stringify({ ok: false, errors: plan.errors, ...said })}\n`);
      else {
        for (const e of plan.errors) io.err(`${e.sheet} ${e.row} «${e.column}»: ${e.message.ar} / ${e.message.en}\n`);
        for (const c of plan.collisions) {
          io.err(
            `${plan.sheet} ${c.row}: ${bothOnOneLine('cli.collision', { code: c.code, title: c.title, existing: c.existingTitle })}\n`,
          );
        }
      }
      if (plan.collisions.length > 0) io.err(`${bothOnOneLine('cli.collisions', { count: plan.collisions.length })}\n`);
      if (plan.errors.length > 0 && flags.json) {
        io.err(`${bothOnOneLine('cli.workbookErrors', { count: plan.errors.length })}\n`);
      }
      return EXIT.invalidRows;
    }
    const counts = {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      regionsCreated: plan.regionsToCreate.length,
      clustersCreated: plan.clustersToCreate.length,
    };
    const result = {
      ok: true,
      dryRun: flags.dryRun,
      ...counts,
      invalid: plan.errors.length,
      ignoredColumns: plan.unmatched,
      ...said,
    };
    if (flags.json) io.out(`${JSON.stringify(result)}\n`);
    else {
      io.out(
        `${flags.dryRun ? `${text('en', 'cli.dryRun')} / ${text('ar', 'cli.dryRun')}: ` : ''}created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, regions created ${counts.regionsCreated}, clusters created ${counts.clustersCreated}${plan.errors.length ? `, invalid rows skipped ${plan.errors.length}` : ''}\n`,
      );
      for (const e of plan.errors)
        io.out(`  ${text('en', 'cli.skippedRow')} ${e.row} «${e.column}»: ${e.message.en}\n`);
    }
    return EXIT.ok;
  });
}

/** Where the table was found and how each column was taken: the same in both JSON shapes. */
function whatWasRead(plan: ImportPlan, skipInvalid: boolean) {
  const skipped = new Map<number, { column: string; message: RowError['message'] }[]>();
  if (skipInvalid) {
    for (const e of plan.errors)
      skipped.set(e.row, [...(skipped.get(e.row) ?? []), { column: e.column, message: e.message }]);
  }
  return {
    sheet: plan.sheet,
    headerRow: plan.headerRow,
    columns: plan.columns.map((c) => ({ header: c.header, field: c.field })),
    missingColumns: plan.missingColumns,
    unclassified: unclassifiedCount(plan),
    newRegions: plan.regionsToCreate.map((r) => ({ name: r.nameAr, nearest: r.nearest })),
    newClusters: plan.clustersToCreate.map((c) => ({ name: c.nameAr, nearest: c.nearest })),
    warnings: plan.warnings,
    collisions: plan.collisions.map((c) => ({
      row: c.row,
      code: c.code,
      title: c.title,
      existingTitle: c.existingTitle,
    })),
    ...(skipInvalid ? { skipped: [...skipped].map(([row, errors]) => ({ row, errors })) } : {}),
  };
}

/** The plain-text form of the same: the sheet, ignored columns, warnings, new places. */
function printRead(plan: ImportPlan, io: CliIo): void {
  io.out(`${bothOnOneLine('cli.sheetRead', { sheet: plan.sheet, row: plan.headerRow })}\n`);
  if (plan.unmatched.length) io.out(`${bothOnOneLine('cli.ignoredColumns')}: ${plan.unmatched.join(' | ')}\n`);
  for (const w of plan.warnings) io.out(`${w.sheet} ${w.row} «${w.column}»: ${w.message.ar} / ${w.message.en}\n`);
  for (const r of [...plan.regionsToCreate, ...plan.clustersToCreate]) {
    if (r.nearest) io.out(`${bothOnOneLine('cli.didYouMean', { name: r.nameAr, nearest: r.nearest })}\n`);
  }
}

function language(value: string | undefined): Lang {
  if (value === 'ar' || value === 'en') return value;
  throw new AppError('INVALID_INPUT', bilingual('errors.badLanguage'));
}

function requireOut(out: string | undefined): string {
  if (!out) throw new AppError('INVALID_INPUT', bilingual('errors.needOut'));
  return out;
}

export async function exportCommand(
  flags: {
    db: string;
    out?: string;
    lang?: string;
    region?: string;
    period?: string;
    force?: boolean;
    withChanges?: boolean;
  },
  io: CliIo,
): Promise<number> {
  const lang = language(flags.lang);
  const out = checkOutputTarget(requireOut(flags.out), { force: flags.force, portfolio: flags.db });
  return withPortfolio(flags.db, async (db) => {
    // The ministry's file: the national report, over each office's latest accepted package.
    if (isMinistry(db)) {
      const { initiatives } = await writeAtomically(out, (temporary) =>
        writeNationalReport(db, temporary, { lang, period: flags.period, today: issueDay(new Date()) }),
      );
      io.out(`${out}: ${initiatives} initiatives\n`);
      return EXIT.ok;
    }
    const changes = flags.withChanges ? await changesSinceLatest(db) : undefined;
    if (flags.withChanges && !changes) io.err(`${bothOnOneLine('errors.noSubmissionForChanges')}\n`);
    // Under a temporary name until complete: an interrupted export never replaces a good report.
    const { initiatives } = await writeAtomically(out, (temporary) =>
      writeReport(db, temporary, { lang, region: flags.region, period: flags.period, changes }),
    );
    io.out(`${out}: ${initiatives} initiatives\n`);
    return EXIT.ok;
  });
}

export async function templateCommand(
  flags: { db?: string; out?: string; lang?: string; force?: boolean },
  io: CliIo,
): Promise<number> {
  const lang = language(flags.lang);
  const out = checkOutputTarget(requireOut(flags.out), { force: flags.force, portfolio: flags.db });
  if (flags.db) await withPortfolio(flags.db, (db) => writeAtomically(out, (t) => writeTemplate(t, lang, db)));
  else await writeAtomically(out, (t) => writeTemplate(t, lang));
  io.out(`${out}\n`);
  return EXIT.ok;
}
