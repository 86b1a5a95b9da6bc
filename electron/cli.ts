/**
 * The headless command line over the same dispatcher as the app:
 *   npm run --silent cli -- init --db FILE [--demo] [--force]
 *   npm run --silent cli -- matrix --db FILE [--region NAME] [--status S] [--json]
 *   npm run --silent cli -- check --db FILE [--region NAME] [--json]
 *   check-file, backup, restore: see cli-file.ts
 * Success exits 0; a failure prints one line in Arabic and English on stderr and exits non-zero.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PERIOD_PATTERN } from '../db/core/period';
import { changesCommand, replyCommand, settingsCommand, submissionsCommand, submitCommand } from './cli-report';
import { AXIS_IDS } from '../db/core/axes';
import { open, type Db } from '../db/connection';
import { resolveRegionScope } from '../db/queries/scope';
import { AppError } from '../db/core/errors';
import { bilingual, bothOnOneLine, type MessageKey, type MessageVars } from '../db/core/messages';
import { dispatch, toApiError } from './api/dispatch';
import { exportCommand, importCommand, templateCommand, withPortfolio } from './cli-exchange';
import { ON_COLLISION } from './excel/import/plan';
import { backupCommand, checkFileCommand, restoreCommand, statsLine } from './cli-file';
import { decideCommand, officesCommand, receiveCommand, reopenCommand, statusCommand } from './cli-ministry';
import { isMinistry, makeMinistry } from '../db/repos/ministry';
import { nationalFindings, nationalMatrix } from '../db/queries/national';
import type { OperationName, OutputOf } from '../db/core/contract';
import type { Finding, MatrixRow } from '../db/core/results';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage / الاستخدام:
  cli init     --db FILE [--demo] [--force]   create a portfolio file / إنشاء ملف محفظة
  cli matrix   --db FILE [--region NAME] [--status S] [--period P] [--json]
                                              clusters × seven axes / التجمعات × المحاور السبعة
  cli check    --db FILE [--region NAME] [--json]
                                              portfolio health findings R1–R6 / ملاحظات سلامة المحفظة
  cli import   --db FILE WORKBOOK [--dry-run] [--skip-invalid] [--map MAP.json] [--json]
               [--sheet NAME] [--on-collision stop|update|new]
  cli export   --db FILE --out REPORT.xlsx [--lang ar|en] [--region NAME] [--period P] [--with-changes]
               P: 2026 | 2026-Q3 | 2026-H2 | FY2026 (fiscal year, named by the year it ends)
  cli template --out FILE.xlsx [--lang ar|en] [--db FILE]
  cli settings --db FILE [--json] [--set KEY=VALUE …]   read or set settings / الإعدادات
  cli submit   --db FILE --period P --out PKG.xlsx [--reason TEXT] [--lang ar|en] [--json]
                                              submit a period to the ministry / تقديم فترة للوزارة
  cli submissions --db FILE [--json]          what was submitted / التقديمات السابقة
  cli reply    --db FILE REPLY.xlsx [--json]  open the ministry's reply / فتح رد الوزارة
  cli changes  --db FILE [--since-submission P] [--json]
                                              changes since a submission / التغييرات منذ آخر تقديم
  Ministry (consolidated portfolio) / الوزارة (المحفظة المجمعة):
  cli init     --db M --ministry [--force]    create a consolidated portfolio / إنشاء محفظة مجمعة
  cli offices  --db M [--add CODE --name NAME] [--close CODE --since DATE] [--json]
                                              the offices registry / سجل المكاتب
  cli receive  --db M PKG… [--dry-run] [--accept-modified] [--office CODE --period P] [--json]
                                              receive offices' packages / استلام حزم المكاتب
  cli status   --db M [--period P] [--json]   who reported / حالة التقديم
  cli accept   --db M --office CODE --period P --out REPLY.xlsx [--version N] [--lang ar|en]
  cli return   --db M --office CODE --period P --comment TEXT [--comments FILE.json] --out REPLY.xlsx
               [--version N]                  N: the version decided on (default: the latest received)
  cli reopen   --db M --office CODE --period P --reason TEXT   reopen an accepted period / إعادة فتح فترة مقبولة
  cli matrix   --db M [--office CODE] [--period P] [--json]   the national matrix / المصفوفة الوطنية
  cli check    --db M [--office CODE] [--period P] [--json]   the nation's findings / ملاحظات السلامة الوطنية
  cli check-file --db FILE [--json]          full integrity check / فحص سلامة الملف كاملًا
  cli backup   --db FILE --out COPY [--force] online backup / نسخة احتياطية
  cli restore  --db FILE --from COPY          restore, keeping a backup first / استعادة نسخة`;

class UsageError extends AppError {
  constructor(key: MessageKey, vars?: MessageVars) {
    super('INVALID_INPUT', bilingual(key, vars));
  }
}

async function call<N extends OperationName>(db: Db, name: N, input?: unknown): Promise<OutputOf<N>> {
  const result = await dispatch({ db, source: 'cli' }, name, input);
  if (!result.ok) throw new AppError(result.error.code as never, result.error.message, result.error.details);
  return result.value as OutputOf<N>;
}

function requireDb(values: { db?: string }): string {
  if (!values.db) throw new UsageError('errors.needDb');
  return values.db;
}

async function init(file: string, demo: boolean, force: boolean, io: CliIo, ministry = false): Promise<void> {
  if (ministry && demo) throw new UsageError('errors.ministryDemo');
  if (existsSync(file) && statSync(file).size > 0) {
    if (force) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    } else if (!isEmptyPortfolio(file)) {
      throw new AppError('FILE_EXISTS', bilingual('errors.portfolioExists', { file }));
    }
  }
  const db = open(file);
  try {
    if (ministry) makeMinistry(db, { source: 'cli' });
    if (demo) await call(db, 'portfolio.loadDemo');
    const stats = await call(db, 'portfolio.stats');
    io.out(`${file}: ${statsLine(stats)}\n`);
  } finally {
    db.close();
  }
}

function isEmptyPortfolio(file: string): boolean {
  const db = open(file);
  try {
    const n = db
      .prepare(
        'SELECT (SELECT count(*) FROM regions) + (SELECT count(*) FROM clusters) + (SELECT count(*) FROM initiatives) AS n',
      )
      .get() as { n: number };
    return n.n === 0;
  } finally {
    db.close();
  }
}

const regionId = (db: Db, name: string | undefined) => resolveRegionScope(db, name).id ?? undefined;

async function matrix(
  file: string,
  flags: { json: boolean; region?: string; status?: string; period?: string; office?: string },
  io: CliIo,
) {
  const { json } = flags;
  await withPortfolio(file, async (db) => {
    // The ministry's: every office's latest accepted package of the period, by the same matrix.
    const national = isMinistry(db);
    const rows: (MatrixRow & { office?: string })[] = national
      ? nationalMatrix(db, {
          office: flags.office?.toUpperCase(),
          ...(flags.status ? { status: flags.status as never } : {}),
          ...(flags.period ? { period: flags.period } : {}),
        })
      : await call(db, 'matrix.get', {
          measure: 'budget',
          regionId: regionId(db, flags.region),
          ...(flags.status ? { status: flags.status } : {}),
          ...(flags.period ? { period: flags.period } : {}),
        });
    const { currencyDigits } = await call(db, 'settings.get');
    const budgets = wholeUnits(
      rows.map((r) => r.budget),
      currencyDigits,
    );
    const listed = rows.map((r, k) => ({
      ...(national ? { office: r.office } : {}),
      region: r.regionNameAr,
      // A region's initiatives without a cluster: one row per region, cluster null.
      cluster: r.clusterId ? r.clusterNameAr : null,
      initiatives: r.initiatives,
      budget: budgets[k]!,
      // Its initiatives on no axis yet: in no column above, counted in the office's totals.
      unclassified: r.unclassified.initiatives,
    }));
    const columnSums = (pick: (r: (typeof listed)[number]) => number[]) =>
      AXIS_IDS.map((a) => listed.reduce((s, r) => s + pick(r)[a - 1]!, 0));
    const out = {
      axes: [...AXIS_IDS],
      rows: listed,
      totals: { initiatives: columnSums((r) => r.initiatives), budget: columnSums((r) => r.budget) },
    };
    if (json) {
      io.out(`${JSON.stringify(out)}\n`);
      return;
    }
    const lines = out.rows.map(
      (r) =>
        `${r.region} | ${r.cluster ?? '(region-wide)'} | ${r.initiatives.map((n) => String(n).padStart(3)).join(' ')}`,
    );
    const total = `total | | ${out.totals.initiatives.map((n) => String(n).padStart(3)).join(' ')}`;
    io.out(`region | cluster | axes 1..7\n${lines.join('\n')}\n${total}\n`);
  });
}

/**
 * Amounts per row and axis in whole currency units whose column sums are each column's exact
 * total rounded once (largest remainders): the integers the contract promises, adding up to
 * what the report shows. Rounding each cell alone would let three cells of 1.50 total 6, not 4.5.
 */
export function wholeUnits(minor: number[][], digits: number): number[][] {
  const unit = 10 ** digits;
  const out = minor.map((row) => row.map((v) => Math.floor(v / unit)));
  for (let a = 0; a < (minor[0]?.length ?? 0); a++) {
    const exact = minor.reduce((s, row) => s + row[a]!, 0);
    let missing = Math.round(exact / unit) - out.reduce((s, row) => s + row[a]!, 0);
    const byRemainder = minor.map((row, k) => ({ k, rest: row[a]! % unit })).sort((x, y) => y.rest - x.rest);
    for (const { k } of byRemainder) {
      if (missing <= 0) break;
      out[k]![a]! += 1;
      missing -= 1;
    }
  }
  return out;
}

/** The health findings; the JSON shape is a contract that scripts rely on. */
async function check(
  file: string,
  flags: { json: boolean; region?: string; office?: string; period?: string },
  io: CliIo,
) {
  await withPortfolio(file, async (db) => {
    // The ministry's: over each office's latest accepted package (of the period), each with its office.
    const national = isMinistry(db);
    const findings: (Finding & { office?: string })[] = national
      ? nationalFindings(db, { period: flags.period, office: flags.office?.toUpperCase() })
      : await call(db, 'health.findings', { regionId: regionId(db, flags.region) });
    const out = findings.map((f) => ({
      ...(national ? { office: f.office } : {}),
      rule: f.rule,
      kind: f.kind,
      region: f.regionAr,
      cluster: f.clusterAr,
      axis: f.axis,
      initiative: f.initiativeCode,
      message: f.message,
    }));
    if (flags.json) {
      io.out(`${JSON.stringify({ findings: out })}\n`);
      return;
    }
    for (const f of out) io.out(`${f.rule} | ${f.region} | ${f.cluster ?? '—'} | ${f.message.ar} / ${f.message.en}\n`);
    io.out(`${out.length} ${bothOnOneLine('cli.findings')}\n`);
  });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === 'help') {
      io.out(`${USAGE}\n`);
      return command ? 0 : 1;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        demo: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        map: { type: 'string' },
        sheet: { type: 'string' },
        'on-collision': { type: 'string', default: 'stop' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'ar' },
        region: { type: 'string' },
        status: { type: 'string' },
        period: { type: 'string' },
        reason: { type: 'string' },
        set: { type: 'string', multiple: true },
        'since-submission': { type: 'string' },
        'with-changes': { type: 'boolean', default: false },
        ministry: { type: 'boolean', default: false },
        add: { type: 'string' },
        name: { type: 'string' },
        office: { type: 'string' },
        comment: { type: 'string' },
        comments: { type: 'string' },
        'accept-modified': { type: 'boolean', default: false },
        close: { type: 'string' },
        since: { type: 'string' },
        version: { type: 'string' },
        from: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.period !== undefined && !PERIOD_PATTERN.test(values.period)) {
      throw new UsageError('errors.badPeriod', { period: values.period });
    }
    if (command !== 'import' && command !== 'reply' && command !== 'receive' && positionals.length > 0) {
      throw new UsageError('errors.unexpectedArgument', { arg: positionals[0]! });
    }
    switch (command) {
      case 'init':
        await init(requireDb(values), values.demo, values.force, io, values.ministry);
        return 0;
      case 'offices':
        return await officesCommand(
          {
            db: requireDb(values),
            add: values.add,
            name: values.name,
            close: values.close,
            since: values.since,
            json: values.json,
          },
          io,
        );
      case 'receive':
        if (positionals.length === 0) throw new UsageError('errors.needPackages');
        return await receiveCommand(
          {
            db: requireDb(values),
            files: positionals,
            dryRun: values['dry-run'],
            acceptModified: values['accept-modified'],
            office: values.office?.toUpperCase(),
            period: values.period,
            json: values.json,
          },
          io,
        );
      case 'status':
        return await statusCommand({ db: requireDb(values), period: values.period, json: values.json }, io);
      case 'reopen':
        return await reopenCommand(
          { db: requireDb(values), office: values.office, period: values.period, reason: values.reason },
          io,
        );
      case 'accept':
      case 'return':
        return await decideCommand(
          {
            db: requireDb(values),
            status: command === 'accept' ? 'accepted' : 'returned',
            office: values.office,
            period: values.period,
            comment: values.comment,
            comments: values.comments,
            version: values.version,
            out: values.out,
            lang: values.lang === 'en' ? 'en' : 'ar',
            force: values.force,
          },
          io,
        );
      case 'matrix':
        await matrix(requireDb(values), values, io);
        return 0;
      case 'check':
        await check(requireDb(values), values, io);
        return 0;
      case 'import': {
        if (positionals.length !== 1) {
          throw new UsageError('errors.oneWorkbook');
        }
        const onCollision = ON_COLLISION.find((o) => o === values['on-collision']);
        if (!onCollision) throw new UsageError('errors.badOnCollision');
        return await importCommand(
          {
            db: requireDb(values),
            workbook: positionals[0]!,
            dryRun: values['dry-run'],
            skipInvalid: values['skip-invalid'],
            map: values.map,
            json: values.json,
            sheet: values.sheet,
            onCollision,
          },
          io,
        );
      }
      case 'export':
        return await exportCommand(
          {
            db: requireDb(values),
            out: values.out,
            lang: values.lang,
            region: values.region,
            period: values.period,
            force: values.force,
            withChanges: values['with-changes'],
          },
          io,
        );
      case 'settings':
        return await settingsCommand({ db: requireDb(values), json: values.json, set: values.set ?? [] }, io);
      case 'submit':
        if (!values.period) throw new UsageError('errors.needPeriod');
        return await submitCommand(
          {
            db: requireDb(values),
            period: values.period,
            out: values.out,
            reason: values.reason,
            lang: values.lang === 'en' ? 'en' : 'ar',
            json: values.json,
            force: values.force,
          },
          io,
        );
      case 'reply':
        if (positionals.length !== 1) throw new UsageError('errors.oneReply');
        return await replyCommand({ db: requireDb(values), file: positionals[0]!, json: values.json }, io);
      case 'submissions':
        return await submissionsCommand({ db: requireDb(values), json: values.json }, io);
      case 'changes': {
        const since = values['since-submission'];
        if (since !== undefined && !PERIOD_PATTERN.test(since))
          throw new UsageError('errors.badPeriod', { period: since });
        return await changesCommand({ db: requireDb(values), since, json: values.json }, io);
      }
      case 'template':
        return await templateCommand({ db: values.db, out: values.out, lang: values.lang, force: values.force }, io);
      case 'check-file':
        return checkFileCommand(requireDb(values), values.json, io);
      case 'backup':
        return await backupCommand({ db: requireDb(values), out: values.out, force: values.force }, io);
      case 'restore':
        return await restoreCommand({ db: requireDb(values), from: values.from }, io);
      default:
        throw new UsageError('errors.unknownCommand', { command });
    }
  } catch (e) {
    const usage = (e instanceof AppError && e.code === 'INVALID_INPUT' && e instanceof UsageError) || isArgsError(e);
    // The import's JSON contract has a shape for failures: scripts that asked for JSON get it.
    if (argv[0] === 'import' && argv.includes('--json') && !usage) {
      io.out(`${JSON.stringify({ ok: false, error: toApiError(e) })}\n`);
    }
    io.err(`${errorLine(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    if (usage || (e instanceof AppError && e.code === 'INVALID_INPUT')) return 64;
    // A file that is not what it was given as (a reply, a package): 2, as a refused workbook.
    if (e instanceof AppError && e.code === 'FOREIGN_FILE') return 2;
    // 1 is the import's "invalid rows"; any other failure of an import (a locked file, a full
    // disk) is 2, like a refused file.
    return argv[0] === 'import' ? 2 : 1;
  }
}

const isArgsError = (e: unknown): boolean => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
};

/**
 * One line, Arabic then English, whatever was thrown. The system's own text is English: it
 * follows the English half only, never inside the Arabic one.
 */
export function errorLine(e: unknown): string {
  if (e instanceof AppError) return `${e.bilingual.ar} / ${e.bilingual.en}`;
  if (isArgsError(e)) {
    return bothOnOneLine('cli.badOptions', { message: (e as Error).message });
  }
  const { message, details } = toApiError(e);
  const reason = (details as { reason?: string } | undefined)?.reason;
  return `${message.ar} / ${message.en}${reason ? ` (${reason})` : ''}`;
}

/** The command line's entry (`npm run cli`, through build/run.mjs). */
export function main(): void {
  // runCli never rejects: every failure is printed and becomes the exit code.
  void runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
