/**
 * The results of the operations, as plain types: what every runtime exchanges (the contract
 * names them, the implementations build them, the screens show them). Types only, from the
 * floor only, so following a screen's types never leads into SQL, Node or Electron.
 */
import type { z } from 'zod';
import type { Bilingual } from './errors';
import type { Proposal } from './classify';
import type { Initiative, InitiativeCreate, InitiativeStatus, InitiativeUpdate, RuleId, Settings } from './model';
import type { Bucket } from './measures';
import type { Field, OnCollision, ValueMapping } from './register';

/** The tables a damaged file and its backup are compared on. */
export type ComparedTable = 'regions' | 'sectors' | 'clusters' | 'initiatives' | 'indicators' | 'indicator_values';

export interface MatrixRow {
  /** The row's own key: the cluster's id, or `region:<id>` for its region-wide row. */
  key: string;
  regionId: string;
  regionNameAr: string;
  regionNameEn: string;
  sectorId: string | null;
  /**
   * Null on a region's region-wide row: the initiatives of the region that serve no one
   * cluster. They count in the region's and the office's totals; the row is never a gap.
   */
  clusterId: string | null;
  clusterCode: string;
  clusterNameAr: string;
  clusterNameEn: string;
  selected: boolean;
  /** Initiatives per axis 1..7; an initiative on two axes counts in both. */
  initiatives: number[];
  /** Planned budget per axis 1..7, in the currency's minor unit. */
  budget: number[];
  spent: number[];
  /** Sum of progress % per axis; divided by `initiatives` it is the average. */
  progressSum: number[];
  /** Indicator achievement (latest actual against target, as a share) summed per axis, and how many. */
  achievementSum: number[];
  achievementCount: number[];
  /**
   * Whether the axis has a live (not cancelled) initiative whatever the filters: an empty cell
   * of a selected cluster is a gap only when this is false (rule R1).
   */
  covered: boolean[];
  /** The cluster's distinct initiatives (each once, however many axes it has). */
  total: { initiatives: number; budget: number; spent: number; progressSum: number };
  /** Its initiatives on no axis yet (not yet classified): in `total`, in no axis's cell. */
  unclassified: { initiatives: number; budget: number; spent: number; progressSum: number };
}

export interface MatrixFilter {
  /** A region and its governorates (see scope.ts). */
  regionIds?: string[];
  sectorId?: string;
  /** Without a status, the counting rule applies: cancelled initiatives are left out. */
  status?: InitiativeStatus;
  /** `2025` or `2025-Q3`: initiatives running in that period (undated ones count as running). */
  period?: string;
  selectedOnly?: boolean;
}

/** One initiative behind a matrix cell, as its dialog lists it. */
export interface CellInitiative {
  id: string;
  code: string;
  title: string;
  status: InitiativeStatus;
  plannedBudget: number;
  progress: number;
}

export type FindingKind =
  | 'axis_gap'
  | 'concentration'
  | 'enterprises_marketing'
  | 'quality_marketing'
  | 'informal_no_axis7'
  | 'heritage_no_axis6'
  | 'overdue'
  | 'over_budget'
  | 'indicator_behind'
  | 'unclassified';

export interface Finding {
  rule: RuleId;
  kind: FindingKind;
  regionId: string;
  regionAr: string;
  regionEn: string;
  clusterId: string | null;
  clusterAr: string | null;
  clusterEn: string | null;
  axis: number | null;
  initiativeId: string | null;
  initiativeCode: string | null;
  initiativeTitle: string | null;
  message: Bilingual;
}

export type DraftInput =
  | { kind: 'create'; input: z.infer<typeof InitiativeCreate> }
  | { kind: 'update'; input: z.infer<typeof InitiativeUpdate> };

export type Draft = DraftInput & { id: number; createdAt: string };

export interface DraftProblem {
  draftId: number;
  message: Bilingual;
}

/**
 * What a portfolio file holds: an inventory of its records (every initiative in the register,
 * cancelled ones too, and how many of those). Money figures come from the matrix, under the
 * counting rule (measures.ts), never from here.
 */
export interface PortfolioStats {
  regions: number;
  sectors: number;
  clusters: number;
  initiatives: number;
  /** Initiatives kept in the register as cancelled: they count in no figure. */
  cancelled: number;
  indicators: number;
}

/**
 * A saved column mapping for an office's own register layout: header text → field or null, and
 * the existing regions and clusters its own place names mean.
 */
export interface ImportProfile {
  name: string;
  mapping: Record<string, string | null>;
  values?: ValueMapping;
}

export interface ChangeSummary {
  id: number;
  at: string;
  operation: string;
  /** The records it touched, as the audit names them (entity and id), at most 20. */
  records: { entity: string; entityId: string; action: string }[];
}

export interface FilePayload {
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
}

export interface PreviewSummary {
  previewId: string;
  fileName: string;
  /** No column was recognised: the user maps them by hand, then previews again. */
  needsMapping: boolean;
  sheet: string;
  headerRow: number;
  columns: { header: string; field: Field | null }[];
  unmatched: string[];
  counts: {
    create: number;
    update: number;
    unchanged: number;
    skipped: number;
    errors: number;
    regions: number;
    clusters: number;
    sectors: number;
  };
  creates: { row: number; code: string; title: string }[];
  updates: { row: number; code: string; title: string; changes: Change[] }[];
  regionsToCreate: string[];
  clustersToCreate: string[];
  /** New places with the existing name each most likely means, to map it to (null: none close). */
  newRegions: { name: string; nearest: string | null }[];
  newClusters: { name: string; nearest: string | null }[];
  errors: RowError[];
  /** Values read, but not as written (a month for a date, a placeholder…): nothing refused. */
  warnings: RowError[];
  /** Rows whose code is another initiative's (title and cluster both differ): the user chooses. */
  collisions: { row: number; code: string; title: string; existingTitle: string }[];
  /** The collision choice this preview was made with. */
  onCollision: OnCollision;
  /** Columns new initiatives cannot do without, absent from the sheet. */
  missingColumns: Field[];
  /** The workbook's other sheets, for choosing another; `passed`: why one was not read. */
  otherSheets: { name: string; passed?: 'hidden' | 'too_wide' }[];
  /** Initiatives the import leaves without an axis (not yet classified). */
  unclassified: number;
}

export interface Change {
  field: string;
  from: string;
  to: string;
}

export interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: Bilingual;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  regionsCreated: number;
  clustersCreated: number;
  /** The backup taken before the import; null when the import changed nothing and it was dropped. */
  backup: string | null;
  batchId: number;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  /** Rows read or written so far. */
  rows: number;
  result?: unknown;
  error?: ApiError;
}

export interface BackupInfo {
  path: string;
  name: string;
  /** When it was taken (ISO, from its name, which is written in UTC). */
  takenAt: string;
  /** Why: daily, manual, before-import, before-restore, before-upgrade. */
  reason: string;
  size: number;
  /** What it holds; null when it cannot be read as a portfolio. */
  counts: { regions: number; clusters: number; initiatives: number } | null;
  version: number | null;
}

export interface RecordDiff {
  table: ComparedTable;
  /** Records the damaged file holds that the backup lacks (work done since the backup). */
  onlyInFile: string[];
  /** Records of the backup the damaged file lacks (deleted since, or lost to the damage). */
  onlyInBackup: string[];
  /** Records in both whose fields differ. */
  changed: string[];
  /** Totals; the lists above stop at LIST_LIMIT names. */
  counts: { onlyInFile: number; onlyInBackup: number; changed: number };
}

export interface RecoveryOffer {
  /** The newest backup that passes the full integrity check; null when there is none. */
  backup: BackupInfo | null;
  differences: RecordDiff[];
  /** Tables of the damaged file that could not be read in full: any of their records may differ. */
  unreadable: ComparedTable[];
}

export interface FileState {
  file: string;
  /** `damaged`: the file failed its check on open; nothing but recovery works until it is replaced. */
  state: 'open' | 'damaged';
  recent: string[];
  canChoose: boolean;
  /** Set on the open that migrated an older file: the backup taken of it first. */
  upgradeBackup: string | null;
  damage: { message: { ar: string; en: string }; offer: RecoveryOffer } | null;
  /** Something the user must know about the file just opened (its daily backup failed, say). */
  warning: Bilingual | null;
  /** The ministry's consolidated portfolio (offices and their packages), not an office's. */
  ministry: boolean;
}

export interface PlanPreview {
  drafts: Draft[];
  before: { matrix: MatrixRow[]; findings: Finding[] };
  after: { matrix: MatrixRow[]; findings: Finding[] };
  /** Drafts that no longer apply (their cluster deleted since, say); left out of `after`. */
  problems: DraftProblem[];
}

export interface ApiError {
  code: string;
  message: { ar: string; en: string };
  details?: unknown;
}

/** An initiative not yet classified and the axes the assistant proposes for it, best first. */
export interface AxisProposals {
  id: string;
  code: string;
  title: string;
  proposals: Proposal[];
}

// The ministry report (db/queries/report.ts) -------------------------------------------------

export interface AxisLine {
  axis: number;
  /** Initiatives on the axis (one on two axes is in both lines). */
  initiatives: number;
  budget: number;
  spent: number;
  /** The axis's share of the planned budget, 0–1. */
  share: number;
  /** Clusters with an initiative on the axis in the period. */
  clusters: number;
  /** Selected clusters whose cell on the axis is not a gap (the matrix's rule R1). */
  selectedCovered: number;
  /** Average progress, 0–100, or null without initiatives. */
  progress: number | null;
}

/** One region's part of the register: its initiatives and the matrix's sum of its rows. */
export interface RegionGroup {
  regionId: string;
  nameAr: string;
  nameEn: string;
  initiatives: Initiative[];
  subtotal: Bucket;
}

export interface ReportData {
  settings: Settings;
  period: string | undefined;
  /** The region the report is limited to (Arabic name), or null for the whole office. */
  scopeLabel: string | null;
  regionIds: string[] | null;
  matrix: MatrixRow[];
  office: Bucket;
  regions: number;
  clusters: number;
  selected: number;
  gaps: number;
  /** Initiatives in the register (running in the period) that do not count: cancelled ones. */
  cancelled: number;
  axes: AxisLine[];
  groups: RegionGroup[];
  findings: Finding[];
}

// Reporting to the ministry (db/repos/submissions.ts) ---------------------------------------

/** One version of a period as the office submitted it. */
export interface Submission {
  id: number;
  period: string;
  version: number;
  officeCode: string;
  submittedAt: string;
  reason: string | null;
  initiatives: number;
  sha256: string;
  status: 'submitted' | 'accepted' | 'returned';
  /** The ministry's reply, once the office opened it. */
  reply: { comment: string; comments: { code: string; comment: string }[]; repliedAt: string } | null;
}

/** An office in the ministry's registry. */
export interface Office {
  code: string;
  name: string;
  /** The regions it covers, as it names them. */
  regions: string;
  /** The day it closed (it is expected to report for no period after it); null while active. */
  closedSince: string | null;
  active: boolean;
}

/** A package the ministry received, with its provenance; its rows are kept frozen beside it. */
export interface Received {
  id: number;
  officeCode: string;
  period: string;
  version: number;
  provenance: 'package' | 'template';
  /** When the office submitted it (null for a template filled by hand). */
  submittedAt: string | null;
  receivedAt: string;
  fileName: string;
  /** The hash of the rows as received; `declaredSha256` is the one the package carried. */
  sha256: string;
  declaredSha256: string | null;
  /** Received although its rows no longer match the hash the office wrote. */
  modified: boolean;
  initiatives: number;
  status: 'received' | 'accepted' | 'returned';
  reply: { comment: string; comments: { code: string; comment: string }[]; repliedAt: string } | null;
}

/** What changed in the register since a submission (by initiative code). */
export interface ChangesSince {
  created: string[];
  deleted: string[];
  /** Each changed initiative's fields, and their values before and after (`fieldText` shows them). */
  changed: { code: string; fields: string[]; values: FieldChange[] }[];
  /** The title of every initiative listed: as it is now, or as it was for a deleted one. */
  titles: Record<string, string>;
}

/**
 * A field's value as the register holds it: text (dates as ISO, statuses as their keys), a number
 * (money in minor units), the axes an initiative serves, or a place's names in both languages.
 */
export type FieldValue = string | number | number[] | { ar: string; en: string } | null;

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

/** The changes since a submission with their effect on the figures, as the matrix computes them. */
export interface ChangesDetail extends ChangesSince {
  since: { period: string; version: number };
  /** Planned budget per axis 1..7 (minor units), at the submission and now. */
  budgetByAxis: { axis: number; before: number; after: number }[];
  gapsClosed: GapPlace[];
  gapsOpened: GapPlace[];
  /** Indicator values added (before null) or changed, by initiative code. */
  indicatorValues: { code: string; indicator: string; period: string; before: number | null; after: number }[];
}

export interface GapPlace {
  regionAr: string;
  regionEn: string;
  clusterAr: string;
  clusterEn: string;
  axis: number;
}

/** The office's reporting as the screens show it: what was sent, what is due, what changed. */
export interface ReportingState {
  officeCode: string;
  submissions: Submission[];
  /** The last period that has ended, when its report is due, and its latest submission. */
  due: { period: string; ends: string; due: string; overdue: boolean; submitted: Submission | null };
  /** Changes since the latest submission of any period, or null before the first. */
  changes: (ChangesSince & { since: { period: string; version: number } }) | null;
}

// The ministry's side ------------------------------------------------------------------------

export type PackageState = 'new' | 'resubmission' | 'duplicate' | 'modified' | 'refused';

/** One package file as the ministry judged it, in the shape `receive --json` prints. */
export interface PackageVerdict {
  file: string;
  office: string | null;
  period: string | null;
  version: number | null;
  state: PackageState;
  initiatives: number;
  /** Against the office's latest accepted package (every initiative is new before the first). */
  diff: { created: number; changed: number; deleted: number };
  message: Bilingual | null;
  /** Kept in the consolidated portfolio (or, on a dry run, would be). */
  received: boolean;
  /** The office is not in the registry yet: receiving the package adds it. */
  newOffice: boolean;
  /** A resubmission's differences from the version it replaces. */
  replaces: { version: number; created: number; changed: number; deleted: number } | null;
  /**
   * A package modified after submission: whether its labels (office, period, version…) were
   * edited, and the rows that differ from what its hashes cover (the first 200 of `count`);
   * rows is null for a package of format 1, which carries no hash per row. Null otherwise.
   */
  edited: { labels: boolean; rows: EditedRow[] | null; count: number | null } | null;
}

export interface EditedRow {
  table: string;
  key: string;
  code: string | null;
  kind: 'changed' | 'added' | 'removed';
}

export type ReportState = 'missing' | 'on_time' | 'late' | 'accepted' | 'returned';

export interface StatusRow {
  office: string;
  period: string;
  state: ReportState;
  /** The latest version received, null when none. */
  version: number | null;
}

export interface StatusGrid {
  periods: string[];
  rows: StatusRow[];
  /** Per period, how many offices are in each state. */
  counts: Record<string, Record<ReportState, number>>;
}

/** One period of the nation's trend: budget by axis, and how many selected clusters each axis covers. */
export interface TrendPoint {
  period: string;
  offices: number;
  budget: number[];
  covered: number[];
  selected: number;
}
