/**
 * The one operation map. Every operation of the program is declared here once: its name
 * (`<domain>.<verb>`), the zod schema of its input and the type of its output. The dispatcher,
 * the three transports and the renderer's typed client are all derived from this file. Pure:
 * the renderer and the preload import it, so nothing here may touch Node or Electron.
 */
import { z } from 'zod';
import type { Axis } from './axes';
import * as m from './model';
import type { Logo } from './logo';
import { MEASURES } from './measures';
import { MAPPABLE_FIELDS, ON_COLLISION } from './register';
import type {
  AxisProposals,
  ApiError,
  BackupInfo,
  CellInitiative,
  ChangeSummary,
  Draft,
  FilePayload,
  FileState,
  Finding,
  ImportProfile,
  ImportResult,
  JobView,
  MatrixRow,
  PlanPreview,
  PortfolioStats,
  ReportData,
  ReportingState,
  ChangesDetail,
  Office,
  PackageVerdict,
  Received,
  StatusGrid,
  TrendPoint,
  Submission,
} from './results';

/**
 * What an operation does to the open portfolio file, declared with it:
 * - `read`: reads it, or writes only elsewhere (an export, a temporary file);
 * - `write`: writes to it; refused when the file is no longer where it was opened;
 * - `undoable`: writes to it as one change the user can take back from the screens; its handler
 *   is synchronous (checked by type), so nothing else can write while the change is open;
 * - `session`: opens, creates, copies or restores portfolio files through the session, which
 *   checks the files itself.
 */
export type Effect = 'read' | 'write' | 'undoable' | 'session';

export interface Operation<I extends z.ZodType, O, E extends Effect = Effect> {
  input: I;
  effect: E;
  /** Phantom: carries the output type; never set at run time. */
  output?: O;
}
const op =
  <O>() =>
  <I extends z.ZodType, E extends Effect = 'read'>(input: I, effect: E = 'read' as E): Operation<I, O, E> => ({
    input,
    effect,
  });

const NoInput = z.object({}).strict().optional();
const MatrixInput = z
  .object({
    regionId: m.Id.optional(),
    sectorId: m.Id.optional(),
    status: m.InitiativeStatus.optional(),
    period: m.ReportPeriod.optional(),
    selectedOnly: z.boolean().optional(),
    /** The measure on show: only its sums are made (and counts, always). All when absent. */
    measure: z.enum(MEASURES).optional(),
  })
  .strict();

const Lang = z.enum(['ar', 'en']);
/** Header text as it stands in the workbook → field, or null to ignore the column. */
const Mapping = z.record(z.string().max(300), z.enum(MAPPABLE_FIELDS).nullable());
/** A workbook travels as base64; 100 MB files are the import limit. */
const Upload = z.object({ fileName: z.string().min(1).max(260), data: z.string().max(140_000_000) });
const Names = z.record(z.string().max(300), z.string().trim().min(1).max(300));
/** A register's own place names → the existing region or cluster they mean. */
const Values = z.object({ region: Names.optional(), cluster: Names.optional() }).strict();
const ById = z.object({ id: m.Id }).strict();
const FilePath = z.object({ path: z.string().trim().min(1).max(4096) }).strict();

export const contract = {
  'axes.list': op<Axis[]>()(NoInput),

  'regions.list': op<m.Region[]>()(NoInput),
  'regions.get': op<m.Region>()(ById),
  'regions.create': op<m.Region>()(m.RegionCreate.strict(), 'undoable'),
  'regions.update': op<m.Region>()(m.RegionUpdate.strict(), 'undoable'),
  'regions.delete': op<m.Region>()(ById, 'undoable'),

  'sectors.list': op<m.Sector[]>()(NoInput),
  'sectors.get': op<m.Sector>()(ById),
  'sectors.create': op<m.Sector>()(m.SectorCreate.strict(), 'undoable'),
  'sectors.update': op<m.Sector>()(m.SectorUpdate.strict(), 'undoable'),
  'sectors.delete': op<m.Sector>()(ById, 'undoable'),

  'clusters.list': op<m.Cluster[]>()(z.object({ regionId: m.Id.optional() }).strict().optional()),
  'clusters.get': op<m.Cluster>()(ById),
  'clusters.create': op<m.Cluster>()(m.ClusterCreate.strict(), 'undoable'),
  'clusters.update': op<m.Cluster>()(m.ClusterUpdate.strict(), 'undoable'),
  'clusters.delete': op<m.Cluster>()(ById, 'undoable'),

  'initiatives.list': op<m.Initiative[]>()(m.InitiativeFilter.strict().optional()),
  'initiatives.get': op<m.Initiative>()(ById),
  'initiatives.create': op<m.Initiative>()(m.InitiativeCreate.strict(), 'undoable'),
  /** A new initiative and the indicators the editor took with it, in one step (one undo). */
  'initiatives.createWithIndicators': op<m.Initiative>()(
    z
      .object({
        initiative: m.InitiativeCreate.strict(),
        indicators: z.array(m.IndicatorCreate.omit({ initiativeId: true }).strict()).max(50),
      })
      .strict(),
    'undoable',
  ),
  'initiatives.update': op<m.Initiative>()(m.InitiativeUpdate.strict(), 'undoable'),
  /**
   * An initiative and the whole list of its indicators as its editor left them, in one step (one
   * undo): listed with an id are updated, without one created, and its others deleted.
   */
  'initiatives.updateWithIndicators': op<m.Initiative>()(
    z
      .object({
        initiative: m.InitiativeUpdate.strict(),
        indicators: z
          .array(m.IndicatorCreate.omit({ initiativeId: true }).extend({ id: m.Id.optional() }).strict())
          .max(50),
      })
      .strict(),
    'undoable',
  ),
  'initiatives.delete': op<m.Initiative>()(ById, 'undoable'),
  /** The register's bulk actions: all of them or none, one audit entry per initiative. */
  'initiatives.setStatus': op<m.Initiative[]>()(
    z.object({ ids: z.array(m.Id).min(1).max(50_000), status: m.InitiativeStatus }).strict(),
    'undoable',
  ),
  'initiatives.deleteMany': op<m.Initiative[]>()(
    z.object({ ids: z.array(m.Id).min(1).max(50_000) }).strict(),
    'undoable',
  ),
  /** The classification assistant's proposals for initiatives not yet classified (all, or those named). */
  'initiatives.proposals': op<AxisProposals[]>()(
    z.object({ ids: z.array(m.Id).max(50_000).optional(), limit: z.int().min(1).max(50_000).optional() }).strict(),
  ),
  /** Axes the user accepted, for one initiative or many: all of them or none, one change to undo. */
  'initiatives.classify': op<m.Initiative[]>()(
    z
      .object({
        items: z
          .array(z.object({ id: m.Id, axes: z.array(m.AxisNumber).min(1).max(7) }).strict())
          .min(1)
          .max(50_000),
      })
      .strict(),
    'undoable',
  ),

  'indicators.list': op<m.Indicator[]>()(z.object({ initiativeId: m.Id }).strict()),
  'indicators.get': op<m.Indicator>()(ById),
  'indicators.create': op<m.Indicator>()(m.IndicatorCreate.strict(), 'undoable'),
  'indicators.update': op<m.Indicator>()(m.IndicatorUpdate.strict(), 'undoable'),
  'indicators.delete': op<m.Indicator>()(ById, 'undoable'),

  'settings.get': op<m.Settings>()(NoInput),
  'settings.update': op<m.Settings>()(m.Settings.partial().strict(), 'undoable'),
  /** The agency's logo on the report cover (PNG or JPEG, checked by db/core/logo.ts), or null. */
  'logo.get': op<{ logo: Logo | null }>()(NoInput),
  'logo.set': op<{ logo: Logo | null }>()(
    z.object({ base64: z.string().max(1_500_000).nullable() }).strict(),
    'undoable',
  ),

  /** The change an undo would take back now (null when none), and the undo itself. */
  'history.last': op<{ change: ChangeSummary | null }>()(NoInput),
  'history.undo': op<ChangeSummary>()(NoInput, 'write'),
  'audit.list': op<m.AuditEntry[]>()(
    z
      .object({
        entity: z.string().max(40).optional(),
        entityId: z.string().max(80).optional(),
        limit: z.int().min(1).max(1000).optional(),
      })
      .strict()
      .optional(),
  ),

  /** A region includes its governorates; see MatrixFilter for the rest. */
  'matrix.get': op<MatrixRow[]>()(MatrixInput.optional()),
  /**
   * The initiatives one cell counts (a cluster's, or a region's without a cluster when clusterId
   * is null), under the view's status and period; with the planning drafts applied when asked,
   * those that exist only as drafts marked.
   */
  'matrix.cell': op<(CellInitiative & { draft: boolean })[]>()(
    z
      .object({
        regionId: m.Id,
        clusterId: m.Id.nullable(),
        axis: z.int().min(1).max(7),
        status: m.InitiativeStatus.optional(),
        period: m.ReportPeriod.optional(),
        drafts: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Findings of the health rules R1–R6, optionally for one region (with its governorates). */
  /** Reporting to the ministry: what was submitted, what is due (at `today`), what changed since. */
  'submissions.list': op<ReportingState>()(z.object({ today: z.iso.date() }).strict()),
  /** Freezes the portfolio as the next version of a period and hands back its package. */
  'submissions.submit': op<FilePayload & { submission: Submission }>()(
    z.object({ period: m.ReportPeriod, reason: z.string().trim().max(500).optional(), lang: Lang }).strict(),
    'write',
  ),
  /** The changes since the latest submission (of a period, when given) and what they move. */
  'submissions.get': op<{ detail: ChangesDetail | null }>()(
    z.object({ period: m.ReportPeriod.optional() }).strict().optional(),
  ),
  /** The ministry's comments on initiatives from a returned period not yet submitted again. */
  'comments.list': op<{ code: string; comment: string; period: string; version: number }[]>()(NoInput),
  /** A submission's package again, rebuilt from its frozen snapshot (same data part and hash). */
  'submissions.export': op<FilePayload>()(z.object({ id: z.int().min(1), lang: Lang }).strict()),
  /** Opens the ministry's reply to a submission (a file, in base64) and records it. */
  'submissions.reply': op<Submission>()(Upload.strict(), 'write'),
  /** The ministry's offices registry (a consolidated portfolio only). */
  'offices.list': op<Office[]>()(NoInput),
  'offices.create': op<Office>()(
    z
      .object({
        code: z.string().regex(m.OFFICE_CODE),
        name: z.string().trim().max(300),
        regions: z.string().trim().max(1000).optional(),
      })
      .strict(),
    'write',
  ),
  /** Closes an office from a day: it is expected to report for no period ending after it. */
  'offices.close': op<Office>()(
    z.object({ code: z.string().regex(m.OFFICE_CODE), since: z.iso.date() }).strict(),
    'write',
  ),
  /**
   * Judges offices' package files and, unless `dryRun`, keeps the good ones in one transaction;
   * `office` and `period` are for an import template filled by hand.
   */
  'ministry.receive': op<PackageVerdict[]>()(
    z
      .object({
        files: z.array(Upload.strict()).min(1).max(200),
        dryRun: z.boolean(),
        acceptModified: z.boolean().optional(),
        office: z.string().regex(m.OFFICE_CODE).optional(),
        period: m.ReportPeriod.optional(),
      })
      .strict(),
    'write',
  ),
  /** Offices × periods: missing, on time, late, accepted, returned (at `today`). */
  'ministry.status': op<StatusGrid>()(z.object({ today: z.iso.date(), period: m.ReportPeriod.optional() }).strict()),
  /** Accepts or returns an office's period and hands back the reply file the office opens. */
  'ministry.decide': op<FilePayload>()(
    z
      .object({
        office: z.string().regex(m.OFFICE_CODE),
        period: m.ReportPeriod,
        status: z.enum(['accepted', 'returned']),
        /** The version on screen: refused when a newer one came in meanwhile. */
        version: z.int().min(1).optional(),
        comment: z.string().trim().max(2000).optional(),
        comments: z
          .array(z.object({ code: z.string().trim().min(1).max(60), comment: z.string().trim().min(1).max(2000) }))
          .max(5000)
          .optional(),
        lang: Lang,
      })
      .strict(),
    'write',
  ),
  /** Reopens an office's accepted period with a reason (audited): it waits for a decision again. */
  'ministry.reopen': op<Received>()(
    z
      .object({
        office: z.string().regex(m.OFFICE_CODE),
        period: m.ReportPeriod,
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
    'write',
  ),
  /** The health findings R1–R6 over the nation's packages of a period, each with its office. */
  'ministry.findings': op<(Finding & { office: string })[]>()(
    z.object({ period: m.ReportPeriod.optional(), office: z.string().regex(m.OFFICE_CODE).optional() }).strict(),
  ),
  /** The nation period by period: budget by axis and coverage of the selected clusters. */
  'ministry.stats': op<TrendPoint[]>()(NoInput),
  /** A national matrix cell's initiatives and the package they came from (its provenance). */
  'ministry.cell': op<{ initiatives: CellInitiative[]; source: Received | null }>()(
    z
      .object({
        period: m.ReportPeriod.optional(),
        regionId: z.string().min(1).max(200),
        clusterId: z.string().min(1).max(200).nullable(),
        axis: z.int().min(1).max(7),
      })
      .strict(),
  ),
  /** The national report of a period (with the offices summary and the status grid) as a workbook. */
  'ministry.export': op<FilePayload>()(
    z.object({ period: m.ReportPeriod.optional(), lang: Lang, today: z.iso.date() }).strict(),
  ),
  /** The national matrix: each office's latest accepted package of the period, by the office's matrix. */
  'ministry.matrix': op<(MatrixRow & { office: string })[]>()(
    z.object({ period: m.ReportPeriod.optional(), office: z.string().regex(m.OFFICE_CODE).optional() }).strict(),
  ),
  /** The ministry report's figures for a period and a region: what its print view shows. */
  'report.get': op<ReportData>()(
    z.object({ period: m.ReportPeriod.optional(), regionId: m.Id.optional() }).strict().optional(),
  ),
  'health.findings': op<Finding[]>()(
    z
      .object({ regionId: m.Id.optional(), rules: z.array(z.enum(m.RULES)).min(1).optional() })
      .strict()
      .optional(),
  ),

  'exchange.export': op<{ jobId: string }>()(
    z
      .object({
        lang: Lang,
        regionId: m.Id.optional(),
        period: m.ReportPeriod.optional(),
        /** Adds the changes since the last submission as a sheet. */
        withChanges: z.boolean().optional(),
      })
      .strict(),
  ),
  'exchange.template': op<FilePayload>()(z.object({ lang: Lang }).strict()),
  /** The matrix view (its filters and measure) as a workbook. */
  'exchange.matrix': op<FilePayload>()(MatrixInput.extend({ lang: Lang })),
  /** The findings list as filtered on screen (region, cluster, rules) as a workbook. */
  'exchange.findings': op<FilePayload>()(
    z
      .object({
        lang: Lang,
        regionId: m.Id.optional(),
        clusterId: m.Id.optional(),
        rules: z.array(z.enum(m.RULES)).min(1).optional(),
      })
      .strict(),
  ),
  'import.preview': op<{ jobId: string }>()(
    Upload.extend({
      mapping: Mapping.optional(),
      values: Values.optional(),
      /** The sheet to read instead of the one most like a register (hidden ones only so). */
      sheet: z.string().max(300).optional(),
      onCollision: z.enum(ON_COLLISION).optional(),
    }).strict(),
  ),
  'import.commit': op<ImportResult>()(z.object({ previewId: m.Id, skipInvalid: z.boolean() }).strict(), 'write'),
  'import.discard': op<Record<string, never>>()(z.object({ previewId: m.Id }).strict()),
  'import.errorWorkbook': op<FilePayload>()(z.object({ previewId: m.Id, lang: Lang }).strict()),
  'importProfiles.list': op<ImportProfile[]>()(NoInput),
  'importProfiles.save': op<ImportProfile>()(
    z.object({ name: z.string().trim().min(1).max(100), mapping: Mapping, values: Values.optional() }).strict(),
    'write',
  ),
  'importProfiles.delete': op<Record<string, never>>()(
    z.object({ name: z.string().min(1).max(100) }).strict(),
    'write',
  ),
  /** Progress and result of long work started by another operation. */
  'jobs.get': op<JobView>()(z.object({ id: m.Id }).strict()),
  'jobs.cancel': op<JobView>()(z.object({ id: m.Id }).strict()),

  /** What-if planning: drafts kept apart from the portfolio until committed (db/queries/planning.ts). */
  'planning.list': op<Draft[]>()(NoInput),
  'planning.add': op<Draft>()(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('create'), input: m.InitiativeCreate }).strict(),
      z.object({ kind: z.literal('update'), input: m.InitiativeUpdate }).strict(),
    ]),
    'write',
  ),
  'planning.remove': op<Record<string, never>>()(z.object({ id: z.int().min(1) }).strict(), 'write'),
  /** The matrix and findings before and with the drafts, for the same view as matrix.get. */
  'planning.preview': op<PlanPreview>()(MatrixInput.optional()),
  'planning.commit': op<{ created: number; updated: number }>()(NoInput, 'undoable'),
  'planning.discard': op<{ discarded: number }>()(NoInput, 'write'),

  'portfolio.stats': op<PortfolioStats>()(NoInput),
  /** Fills an empty portfolio with the demo; refused once the portfolio holds anything. */
  'portfolio.loadDemo': op<PortfolioStats>()(NoInput, 'undoable'),

  /** The portfolio file in use, the recent five, and a damaged file's recovery offer. */
  'files.current': op<FileState>()(NoInput, 'session'),
  /** The system's file dialog, where there is one (not in the web host): null when cancelled. */
  'files.choose': op<{ path: string | null }>()(
    z.object({ purpose: z.enum(['open', 'create', 'ministry', 'copy']) }).strict(),
    'session',
  ),
  'files.open': op<FileState>()(FilePath, 'session'),
  /** A new portfolio file; `ministry` makes it a consolidated portfolio (as `init --ministry`). */
  'files.create': op<FileState>()(FilePath.extend({ ministry: z.boolean().optional() }), 'session'),
  /** A copy of the open portfolio elsewhere (a USB stick); work goes on in the current file. */
  'files.saveCopy': op<{ path: string; stats: PortfolioStats }>()(
    FilePath.extend({ force: z.boolean().optional() }),
    'session',
  ),

  /** The backups folder beside the portfolio, newest first. */
  'backups.list': op<BackupInfo[]>()(NoInput, 'session'),
  'backups.create': op<BackupInfo>()(NoInput, 'session'),
  /** Replaces the portfolio with a backup, after a backup of the current state. */
  'backups.restore': op<{ backup: string }>()(FilePath, 'session'),
  /** Puts a good backup in the place of a damaged file (kept aside, never written to). */
  'backups.recover': op<FileState>()(FilePath, 'session'),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = NonNullable<Contract[N]['output']>;

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];
/** The one IPC channel every operation travels on, between the preload and the main process. */
export const INVOKE_CHANNEL = 'tajammu:invoke';
/**
 * The one thing the page asks of its window rather than of the program: the page printed to a
 * PDF (A4, as its print style sheet lays it out), returned as bytes for the page to save.
 */
export const PRINT_PDF_CHANNEL = 'tajammu:print-pdf';
export const isOperationName = (name: unknown): name is OperationName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
