/**
 * The fields of an initiative register as a spreadsheet has them, named once for the importer,
 * the report, the template, the API contract and the mapping screen. Pure: the renderer
 * imports it too.
 */
export const SCALAR_FIELDS = [
  'code',
  'title',
  'description',
  'region',
  'cluster',
  'sector',
  'axes',
  'primaryAxis',
  'plannedBudget',
  'spent',
  'startDate',
  'endDate',
  'leadBody',
  'partners',
  'marketingHolder',
  'marketingBody',
  'status',
  'progress',
  'beneficiaries',
  'jobs',
  'trainees',
  'notes',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

/**
 * How each field's cells are read and checked: text as written; money in the currency's major
 * unit; whole counts; a percentage; dates; axis lists; the status and marketing words; and the
 * names of a place, matched to the portfolio's regions, clusters and sectors.
 */
export const FIELD_KINDS = {
  code: 'text',
  title: 'text',
  description: 'text',
  region: 'place',
  cluster: 'place',
  sector: 'place',
  axes: 'axes',
  primaryAxis: 'axis',
  plannedBudget: 'money',
  spent: 'money',
  startDate: 'date',
  endDate: 'date',
  leadBody: 'text',
  partners: 'text',
  marketingHolder: 'marketing',
  marketingBody: 'text',
  status: 'status',
  progress: 'percent',
  beneficiaries: 'count',
  jobs: 'count',
  trainees: 'count',
  notes: 'text',
} as const satisfies Record<ScalarField, string>;
export type FieldKind = (typeof FIELD_KINDS)[ScalarField];

/** The register's fields of one kind, in the register's order. */
export const fieldsOfKind = <K extends FieldKind>(kind: K) =>
  SCALAR_FIELDS.filter((f) => FIELD_KINDS[f] === kind) as {
    [F in ScalarField]: (typeof FIELD_KINDS)[F] extends K ? F : never;
  }[ScalarField][];
export const AXIS_FIELDS = ['axis1', 'axis2', 'axis3', 'axis4', 'axis5', 'axis6', 'axis7'] as const;
export type AxisField = (typeof AXIS_FIELDS)[number];
/** `serial` is a row-number column (م، #، No.) that is recognised only to be ignored. */
export type Field = ScalarField | AxisField | 'serial';

/** Every field a column can be mapped to. */
export const MAPPABLE_FIELDS = [...SCALAR_FIELDS, ...AXIS_FIELDS, 'serial'] as const satisfies readonly Field[];

/** The register's columns in order, as the report writes them and the template offers them. */
export const REGISTER_FIELDS: readonly Field[] = [
  'code',
  'title',
  'region',
  'cluster',
  'sector',
  ...AXIS_FIELDS,
  'primaryAxis',
  'status',
  'startDate',
  'endDate',
  'plannedBudget',
  'spent',
  'progress',
  'leadBody',
  'partners',
  'marketingHolder',
  'marketingBody',
  'beneficiaries',
  'jobs',
  'trainees',
  'description',
  'notes',
];

/**
 * What an import does with a row whose code is an existing initiative's while its title and
 * cluster both differ (most likely another register's numbering): stop and ask, update that
 * initiative, or import the row as a new one with a new code.
 */
export const ON_COLLISION = ['stop', 'update', 'new'] as const;
export type OnCollision = (typeof ON_COLLISION)[number];

/** Names as a register spells them → the existing region or cluster they mean. */
export interface ValueMapping {
  region?: Record<string, string>;
  cluster?: Record<string, string>;
}
