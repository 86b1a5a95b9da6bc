/**
 * The Excel exchange as the screens use it: files travel as base64 inside API calls (so the
 * same calls work over IPC and HTTP), long reads and writes run as jobs, and a preview is kept
 * until it is committed or discarded.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { getRegion } from '../../db/repos/regions';
import { listSectors } from '../../db/repos/sectors';
import { startJob } from '../api/jobs';
import { writeErrorWorkbook } from './errors-workbook';
import { previewImport, type Preview } from './import';
import { commitImport } from './import/commit';
import { unclassifiedCount } from './import/plan';
import type { OnCollision } from '../../db/core/register';
import type { InputOf } from '../../db/core/contract';
import type { Measure } from '../../db/core/measures';
import { type Lang, MESSAGES } from './labels';
import { writeFindingsWorkbook } from './findings-sheet';
import { writeMatrixWorkbook } from './matrix-sheet';
import { writeReport } from './report';
import { writeTemplate } from './template';
import { rebuildPackage, submitPeriod } from './submit';
import { changesSinceLatest } from '../../db/queries/since';
import { applyReply, readReply } from './reply';
import type { WriteContext } from '../../db/repos/audit';
import type {
  FilePayload,
  Finding,
  ImportResult,
  MatrixFilter,
  PreviewSummary,
  Submission,
} from '../../db/core/results';
import { bilingual } from '../../db/core/messages';

/**
 * Uploaded workbooks and exports on their way to the page: in a folder of this process's own,
 * made by mkdtemp (mode 0700), never in a folder other users of the PC can read.
 */
let workDir: string | undefined;
const LIST_LIMIT = 500;
/** A preview as kept for its commit: `portfolio` is the file it was planned against. */
type KeptPreview = Preview & { file: string; fileName: string; at: number; portfolio: string };
const previews = new Map<string, KeptPreview>();

export function workFile(ext: string): string {
  if (!workDir || !existsSync(workDir)) {
    workDir = mkdtempSync(join(tmpdir(), 'tajammu-exchange-'));
    // Gone with the process, however it ends short of a kill (the app also clears it on quit).
    process.once('exit', clearExchangeFiles);
  }
  return join(workDir, `${randomUUID()}${ext}`);
}

/** The private folder of this process's work files (tests look at its mode). */
export const exchangeWorkDir = (): string | undefined => workDir;

function rememberPreview(id: string, entry: KeptPreview): void {
  previews.set(id, entry);
  // Keep the last few previews; an abandoned one takes its temporary copy with it.
  const old = [...previews.entries()].sort((a, b) => a[1].at - b[1].at).slice(0, -5);
  for (const [oldId] of old) discardPreview(oldId);
}

/** Removes the temporary copies of uploaded workbooks (on quit). */
export function clearExchangeFiles(): void {
  previews.clear();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  workDir = undefined;
}

export function discardPreview(id: string): void {
  const p = previews.get(id);
  if (p) rmSync(p.file, { force: true });
  previews.delete(id);
}

function takePreview(id: string) {
  const p = previews.get(id);
  if (!p) {
    throw new AppError('NOT_FOUND', bilingual('errors.previewExpired'));
  }
  return p;
}

function summarize(id: string, fileName: string, p: Preview, onCollision: OnCollision): PreviewSummary {
  const { plan } = p;
  return {
    previewId: id,
    fileName,
    needsMapping: plan.columns.every((c) => c.field === null),
    sheet: plan.sheet,
    headerRow: plan.headerRow,
    columns: plan.columns,
    unmatched: plan.unmatched,
    counts: {
      create: plan.creates.length,
      update: plan.updates.length,
      unchanged: plan.unchanged,
      skipped: plan.skipped,
      errors: plan.errors.length,
      regions: plan.regionsToCreate.length,
      clusters: plan.clustersToCreate.length,
      sectors: plan.sectorsToCreate.length,
    },
    creates: plan.creates
      .slice(0, LIST_LIMIT)
      .map((c) => ({ row: c.row, code: c.values.code ?? '', title: c.values.title })),
    updates: plan.updates
      .slice(0, LIST_LIMIT)
      .map((u) => ({ row: u.row, code: u.code, title: u.values.title, changes: u.changes })),
    regionsToCreate: plan.regionsToCreate.map((r) => r.nameAr),
    clustersToCreate: plan.clustersToCreate.map((c) => c.nameAr),
    newRegions: plan.regionsToCreate.map((r) => ({ name: r.nameAr, nearest: r.nearest })),
    newClusters: plan.clustersToCreate.map((c) => ({ name: c.nameAr, nearest: c.nearest })),
    errors: plan.errors.slice(0, 2000),
    warnings: plan.warnings.slice(0, 2000),
    collisions: plan.collisions.slice(0, LIST_LIMIT),
    onCollision,
    missingColumns: plan.missingColumns,
    otherSheets: plan.otherSheets.map((s) => ({ name: s.name, ...(s.passed ? { passed: s.passed } : {}) })),
    unclassified: unclassifiedCount(plan),
  };
}

export function startPreview(db: Db, input: InputOf<'import.preview'>): { jobId: string } {
  const file = workFile('.xlsx');
  writeFileSync(file, Buffer.from(input.data, 'base64'), { mode: 0o600 });
  return startJob('import.preview', async (signal, progress) => {
    try {
      const onCollision = input.onCollision ?? 'stop';
      const preview = await previewImport(db, file, {
        mapping: input.mapping,
        values: input.values,
        sheet: input.sheet,
        onCollision,
        sourceName: input.fileName,
        signal,
        onProgress: progress,
        allowUnmapped: true,
      });
      const id = randomUUID();
      rememberPreview(id, { ...preview, file, fileName: basename(input.fileName), at: Date.now(), portfolio: db.name });
      return summarize(id, input.fileName, preview, onCollision);
    } catch (e) {
      rmSync(file, { force: true });
      throw e;
    }
  });
}

export async function commitPreview(db: Db, previewId: string, skipInvalid: boolean): Promise<ImportResult> {
  const p = takePreview(previewId);
  if (p.portfolio !== db.name) {
    // Another portfolio file was opened since: its regions and clusters are not the ones planned.
    discardPreview(previewId);
    throw new AppError('CONFLICT', bilingual('errors.previewOtherFile'));
  }
  if (p.plan.errors.length > 0 && !skipInvalid) {
    throw new AppError('INVALID_INPUT', bilingual('errors.previewHasErrors', { count: p.plan.errors.length }), {
      errors: p.plan.errors.length,
    });
  }
  if (p.plan.collisions.length > 0) {
    throw new AppError('INVALID_INPUT', bilingual('errors.previewHasCollisions', { count: p.plan.collisions.length }), {
      collisions: p.plan.collisions.length,
    });
  }
  const result = await commitImport(db, p.plan, { fileName: p.fileName, sha256: p.sha256 });
  discardPreview(previewId);
  return result;
}

export async function errorWorkbook(previewId: string, lang: Lang): Promise<FilePayload> {
  const p = takePreview(previewId);
  const data = await writeErrorWorkbook(p.file, p.plan.sheet, p.plan.headerRow, p.plan.errors, lang);
  const stem = p.fileName.replace(/\.(xlsx|xls|ods|csv|txt)$/i, '');
  return { fileName: `${stem}-${lang === 'ar' ? 'الأخطاء' : 'errors'}.xlsx`, data: data.toString('base64') };
}

function fileStamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Writes a workbook to a work file and reads it back, in base64, with what the write returned. */
export async function writeWorkFile<T>(write: (out: string) => Promise<T>): Promise<{ data: string; written: T }> {
  const out = workFile('.xlsx');
  try {
    const written = await write(out);
    return { data: readFileSync(out).toString('base64'), written };
  } finally {
    rmSync(out, { force: true });
  }
}

/**
 * Writes a workbook to a work file and hands it back as a download, named from what the write
 * returned when the name depends on it (a package's version, a reply's period).
 */
export async function asDownload<T>(
  fileName: string | ((written: T) => string),
  write: (out: string) => Promise<T>,
): Promise<FilePayload> {
  const { data, written } = await writeWorkFile(write);
  return { fileName: typeof fileName === 'string' ? fileName : fileName(written), data };
}

export function startExport(
  db: Db,
  input: { lang: Lang; regionId?: string; period?: string; withChanges?: boolean },
): { jobId: string } {
  const region = input.regionId ? getRegion(db, input.regionId) : undefined;
  const base = input.lang === 'ar' ? 'تقرير-المحفظة' : 'portfolio-report';
  // The file says which period it reports on: offices keep one per period side by side.
  const name = `${base}-${input.period ? `${input.period}-` : ''}${fileStamp()}.xlsx`;
  return startJob('export.report', (signal, progress) =>
    asDownload(name, async (out) => {
      await writeReport(db, out, {
        lang: input.lang,
        region: region?.code,
        period: input.period,
        onProgress: progress,
        // The changes since the last submission, as a sheet, when asked and there was one.
        changes: input.withChanges ? await changesSinceLatest(db) : undefined,
      });
      if (signal.aborted) throw new AppError('CANCELLED', bilingual('errors.exportCancelled'));
    }),
  );
}

export function templateFile(db: Db, lang: Lang): Promise<FilePayload> {
  const name = lang === 'ar' ? 'نموذج-استيراد-المبادرات.xlsx' : 'initiative-import-template.xlsx';
  return asDownload(name, (out) => writeTemplate(out, lang, db));
}

/**
 * The matrix view on screen, with its filters and measure, as a workbook whose header names
 * them in the workbook's language.
 */
export function matrixFile(
  db: Db,
  input: { lang: Lang; measure: Measure; filter: MatrixFilter; regionId?: string },
): Promise<FilePayload> {
  const { lang, filter } = input;
  const local = (p: { nameAr: string; nameEn: string }) => (lang === 'en' && p.nameEn ? p.nameEn : p.nameAr);
  const region = input.regionId ? getRegion(db, input.regionId) : undefined;
  const sector = filter.sectorId ? listSectors(db).find((s) => s.id === filter.sectorId) : undefined;
  const m = MESSAGES[lang];
  const filters = [
    sector && `${m.report.sector}: ${local(sector)}`,
    filter.status && `${m.report.status}: ${(m.enums.status as Record<string, string>)[filter.status]}`,
    filter.selectedOnly && m.report.selectedOnly,
  ].filter((f): f is string => !!f);
  return asDownload(`${m.matrix.fileName}-${fileStamp()}.xlsx`, (out) =>
    writeMatrixWorkbook(db, out, { ...input, scope: region ? local(region) : null, filters }),
  );
}

/** A package's download name: office, period and version. */
const packageName = (s: Submission) => `${s.officeCode}-${s.period}-v${s.version}.xlsx`;

/** Submits a period: the package comes back as a download named by office, period and version. */
export async function submissionFile(
  db: Db,
  ctx: WriteContext,
  input: { period: string; reason?: string; lang: Lang },
): Promise<FilePayload & { submission: Submission }> {
  const { data, written } = await writeWorkFile((out) => submitPeriod(db, ctx, out, input));
  return { fileName: packageName(written), data, submission: written };
}

/** A submission's package written again from its snapshot, as a download under its first name. */
export async function packageFile(db: Db, id: number, lang: Lang): Promise<FilePayload> {
  return asDownload(packageName, (out) => rebuildPackage(db, id, out, lang));
}

/** Opens a reply from the ministry, sent by the page, and records it against its submission. */
export async function replyFile(db: Db, ctx: WriteContext, input: { data: string }): Promise<Submission> {
  const file = workFile('.xlsx');
  writeFileSync(file, Buffer.from(input.data, 'base64'), { mode: 0o600 });
  try {
    return applyReply(db, ctx, await readReply(file));
  } finally {
    rmSync(file, { force: true });
  }
}

/** The health findings, filtered as on screen, as a workbook. */
export function findingsFile(db: Db, input: { lang: Lang; findings: Finding[] }): Promise<FilePayload> {
  return asDownload(`${MESSAGES[input.lang].findings.fileName}-${fileStamp()}.xlsx`, (out) =>
    writeFindingsWorkbook(out, input.findings, input.lang),
  );
}
