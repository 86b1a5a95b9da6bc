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
