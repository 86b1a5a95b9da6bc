/**
 * Entities of the portfolio as zod schemas and types. Pure: the renderer imports this too,
 * so nothing here may touch Node, Electron or SQLite.
 */
import { z } from 'zod';
import { PERIOD_PATTERN } from './period';

export const Id = z.uuid();
/** Dates at rest are ISO calendar dates; real-calendar validity is checked by `isIsoDate`. */
export const IsoDate = z.string().refine((s) => isIsoDate(s), { message: 'YYYY-MM-DD' });
const Text = z.string().trim().max(4000);
const Name = z.string().trim().min(1).max(300);
const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s]+$/u, 'no spaces');
const Count = z.int().min(0).max(100_000_000);
/** Money in the currency's minor unit; bounded so sums over a portfolio stay exact in a double. */
const Money = z.int().min(0).max(1e15);

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const AuditSource = z.enum(['ui', 'import', 'cli']);
export type AuditSource = z.infer<typeof AuditSource>;

// Regions ---------------------------------------------------------------------------------------

export const RegionFields = z.object({
  code: Code,
  nameAr: Name,
  nameEn: z.string().trim().max(300),
  parentId: Id.nullable(),
});
export const Region = RegionFields.extend({ id: Id });
export type Region = z.infer<typeof Region>;
export const RegionCreate = RegionFields.partial({ code: true, nameEn: true, parentId: true });
export const RegionUpdate = RegionFields.partial().extend({ id: Id });

// Sectors ---------------------------------------------------------------------------------------

export const SectorFields = z.object({
  code: Code,
  nameAr: Name,
  nameEn: z.string().trim().max(300),
});
export const Sector = SectorFields.extend({ id: Id });
export type Sector = z.infer<typeof Sector>;
export const SectorCreate = SectorFields.partial({ code: true, nameEn: true });
export const SectorUpdate = SectorFields.partial().extend({ id: Id });

// Clusters --------------------------------------------------------------------------------------

export const FORMALITIES = ['informal', 'mixed', 'formal'] as const;
export const Formality = z.enum(FORMALITIES);
/** The three quality-marketing elements of the source text, each tracked with a status. */
export const QUALITY_STATUSES = ['not_started', 'in_progress', 'achieved'] as const;
export const QualityStatus = z.enum(QUALITY_STATUSES);
export const UNIDO_STAGES = [
  'selection',
  'diagnostic',
  'trust_building',
  'action_plan',
  'implementation',
  'monitoring_evaluation',
] as const;
export const UnidoStage = z.enum(UNIDO_STAGES);

export const ClusterFields = z.object({
  code: Code,
  regionId: Id,
  sectorId: Id.nullable(),
  nameAr: Name,
  nameEn: z.string().trim().max(300),
  mainProducts: Text,
  microCount: Count,
  smallCount: Count,
  workers: Count,
  formality: Formality,
  heritage: z.boolean(),
  advantageAbsolute: Text,
  advantageComparative: Text,
  advantageCompetitive: Text,
  selected: z.boolean(),
  qmCustomerStatus: QualityStatus,
  qmCustomerNote: Text,
  qmQualityStatus: QualityStatus,
  qmQualityNote: Text,
  qmBrandStatus: QualityStatus,
  qmBrandNote: Text,
  unidoStage: UnidoStage.nullable(),
  notes: Text,
});
export const Cluster = ClusterFields.extend({ id: Id });
export type Cluster = z.infer<typeof Cluster>;
export const ClusterCreate = ClusterFields.partial().required({ regionId: true, nameAr: true });
export const ClusterUpdate = ClusterFields.partial().extend({ id: Id });

export const CLUSTER_DEFAULTS: Omit<Cluster, 'id' | 'code' | 'regionId' | 'nameAr'> = {
  sectorId: null,
  nameEn: '',
  mainProducts: '',
  microCount: 0,
  smallCount: 0,
  workers: 0,
  formality: 'mixed',
  heritage: false,
  advantageAbsolute: '',
  advantageComparative: '',
  advantageCompetitive: '',
  // A cluster the office records is in its portfolio (selected for development) unless it says otherwise.
  selected: true,
  qmCustomerStatus: 'not_started',
  qmCustomerNote: '',
  qmQualityStatus: 'not_started',
  qmQualityNote: '',
  qmBrandStatus: 'not_started',
  qmBrandNote: '',
  unidoStage: null,
  notes: '',
};

// Initiatives -----------------------------------------------------------------------------------

export const AxisNumber = z.int().min(1).max(7);
export const INITIATIVE_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;
/** Who carries marketing and sales: the source advises that it should not be the enterprises. */
export const MARKETING_HOLDERS = ['enterprises', 'specialised', 'other'] as const;
export const MarketingHolder = z.enum(MARKETING_HOLDERS);

export const InitiativeFields = z.object({
  code: Code,
  title: Name,
  description: Text,
  regionId: Id,
  clusterId: Id.nullable(),
  /** None: not yet classified (imported from a register that predates the axes); a finding, not an error. */
  axes: z.array(AxisNumber).max(7),
  /** Null exactly when the initiative has no axis. */
  primaryAxis: AxisNumber.nullable(),
  leadBody: Text,
  partners: Text,
  marketingHolder: MarketingHolder,
  marketingBody: Text,
  status: InitiativeStatus,
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  plannedBudget: Money,
  spent: Money,
  beneficiaries: Count,
  jobs: Count,
  trainees: Count,
  progress: z.int().min(0).max(100),
  notes: Text,
});
export const Initiative = InitiativeFields.extend({ id: Id });
type InitiativeField = keyof typeof InitiativeFields.shape;
/**
 * The initiative's own values: every field but its code and its place (region and cluster), in
 * the model's order. What an import compares and writes, so a new field needs naming only here.
 */
export const INITIATIVE_VALUES = (Object.keys(InitiativeFields.shape) as InitiativeField[]).filter(
  (k): k is Exclude<InitiativeField, 'code' | 'regionId' | 'clusterId'> =>
    k !== 'code' && k !== 'regionId' && k !== 'clusterId',
);
export type Initiative = z.infer<typeof Initiative>;
/** A cluster implies its region, so either may be given; the repository fills the other. */
export const InitiativeCreate = InitiativeFields.partial().required({ title: true, axes: true });
export const InitiativeUpdate = InitiativeFields.partial().extend({ id: Id });

export const INITIATIVE_DEFAULTS: Omit<
  Initiative,
  'id' | 'code' | 'title' | 'regionId' | 'clusterId' | 'axes' | 'primaryAxis'
> = {
  description: '',
  leadBody: '',
  partners: '',
  marketingHolder: 'specialised',
  marketingBody: '',
  status: 'planned',
  startDate: null,
  endDate: null,
  plannedBudget: 0,
  spent: 0,
  beneficiaries: 0,
  jobs: 0,
  trainees: 0,
  progress: 0,
  notes: '',
};

export const InitiativeFilter = z.object({
  regionId: Id.optional(),
  clusterId: Id.optional(),
  axis: AxisNumber.optional(),
  status: InitiativeStatus.optional(),
});

// Indicators ------------------------------------------------------------------------------------

/** A reporting period: a year (`2025`) or a quarter (`2025-Q3`). */
export const Period = z.string().regex(/^\d{4}(-Q[1-4])?$/u, 'YYYY or YYYY-Qn');
export const IndicatorValue = z.object({ period: Period, value: z.number().finite() });
/** The period a view or a report covers: also a half (`2025-H2`) or a fiscal year (`FY2026`). */
export const ReportPeriod = z.string().regex(PERIOD_PATTERN, 'YYYY, YYYY-Qn, YYYY-Hn or FYYYYY');
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const IndicatorFields = z.object({
  initiativeId: Id,
  name: Name,
  unit: z.string().trim().max(60),
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  values: z.array(IndicatorValue).max(400),
});
export const Indicator = IndicatorFields.extend({ id: Id });
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorCreate = IndicatorFields.partial().required({ initiativeId: true, name: true });
export const IndicatorUpdate = IndicatorFields.omit({ initiativeId: true }).partial().extend({ id: Id });

// Settings --------------------------------------------------------------------------------------

/** Fonts with Arabic letters that an office PC has (Arial and Tahoma on every Windows). */
export const REPORT_FONTS = ['Arial', 'Tahoma', 'Simplified Arabic', 'Traditional Arabic', 'Sakkal Majalla'] as const;
/** One line of the cover's approval block: prepared by, reviewed by, approved by. */
export const Signatory = z.object({ name: z.string().trim().max(120), role: z.string().trim().max(120) });
export type Signatory = z.infer<typeof Signatory>;

/** An office's code: 2–8 Latin capitals or digits, unique within its agency (DLT, CAI2…). */
export const OFFICE_CODE = /^[A-Z0-9]{2,8}$/;

/**
 * The keys that start with a prefix (an office's code and a colon, in the nation's portfolio) as
 * a range, `from <= key < to`: SQLite then reads an index instead of every row, as LIKE would.
 */
export const prefixRange = (prefix: string): { from: string; to: string } => ({
  from: prefix,
  to: prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1),
});

export const Settings = z.object({
  officeName: z.string().trim().max(300),
  /** Empty until the office sets it (asked before its first submission). */
  officeCode: z.union([z.literal(''), z.string().regex(OFFICE_CODE, 'OFFICE_CODE')]),
  currencyCode: z.string().regex(/^[A-Z]{3}$/u),
  currencyDigits: z.int().min(0).max(3),
  reportingPeriod: z.enum(['quarter', 'half', 'year']),
  /** Days after a period ends by which its report is due to the ministry. */
  deadlineDays: z.int().min(0).max(365),
  fiscalYearStartMonth: z.int().min(1).max(12),
  digits: z.enum(['latn', 'arab']),
  language: z.enum(['ar', 'en']),
  /** Rule R2: what a region's axis shares are measured on, and the concentration index above
   * which its portfolio counts as concentrated on few axes (1/7 ≈ 0.14 is perfectly even). */
  concentrationBasis: z.enum(['count', 'budget']),
  concentrationThreshold: z.number().min(0.15).max(1),
  /** Backups (db/backup-store.ts): one on the first open of each day, and the rotation kept in
   * the backups folder: the newest N, plus the newest of each of the last M months. */
  backupDaily: z.boolean(),
  backupKeepLast: z.int().min(1).max(100),
  backupKeepMonths: z.int().min(0).max(120),
  /** The report an official signs: who issues it, its type face and the dates on its cover. */
  agencyName: z.string().trim().max(300),
  reportFont: z.enum(REPORT_FONTS),
  hijriDate: z.boolean(),
  signatories: z.array(Signatory).length(3),
});
export type Settings = z.infer<typeof Settings>;
export const SETTINGS_DEFAULTS: Settings = {
  officeName: '',
  officeCode: '',
  currencyCode: 'EGP',
  currencyDigits: 2,
  reportingPeriod: 'quarter',
  deadlineDays: 30,
  fiscalYearStartMonth: 7,
  digits: 'latn',
  language: 'ar',
  concentrationBasis: 'count',
  // Above 0.35 the portfolio behaves as if it covered fewer than three axes evenly.
  concentrationThreshold: 0.35,
  backupDaily: true,
  backupKeepLast: 10,
  backupKeepMonths: 12,
  agencyName: '',
  reportFont: 'Arial',
  hijriDate: false,
  signatories: [
    { name: '', role: '' },
    { name: '', role: '' },
    { name: '', role: '' },
  ],
};

// Health rules ---------------------------------------------------------------------------------

/** The portfolio health rules R1–R6 (the source text's advice), computed in db/queries/health.ts. */
export const RULES = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;
export type RuleId = (typeof RULES)[number];

// Audit -----------------------------------------------------------------------------------------

export interface AuditEntry {
  id: number;
  at: string;
  source: AuditSource;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete';
  before: unknown;
  after: unknown;
  /** Whether an undo has taken this entry's change back. */
  undone: boolean;
}
