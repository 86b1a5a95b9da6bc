/**
 * The register's fields as the importer knows them, with the header spellings offices use.
 * Aliases are compared after `normalizeHeader`, so hamza forms, ta marbuta, spacing, case,
 * punctuation, `%` and text in parentheses do not matter.
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
export type AxisField = `axis${1 | 2 | 3 | 4 | 5 | 6 | 7}`;
/** `serial` is a row-number column (م، #، No.) that is recognised only to be ignored. */
export type Field = ScalarField | AxisField | 'serial';

export const ALIASES: Record<ScalarField | 'serial', string[]> = {
  serial: ['م', '#', 'No.', 'No', 'S/N', 'مسلسل', 'الرقم المسلسل', 'ت'],
  code: ['كود المبادرة', 'رمز المبادرة', 'الكود', 'الرمز', 'Code', 'Initiative code'],
  title: ['اسم المبادرة', 'عنوان المبادرة', 'المبادرة', 'Initiative', 'Title', 'Initiative title'],
  description: ['الوصف', 'وصف المبادرة', 'Description'],
  region: ['الإقليم', 'المنطقة', 'المحافظة', 'Region'],
  cluster: ['التجمع', 'التجمع الإنتاجي', 'اسم التجمع', 'Cluster', 'Productive cluster'],
  sector: ['القطاع', 'النشاط', 'Sector'],
  axes: ['المحاور', 'المحاور التنموية', 'أرقام المحاور', 'Axes', 'Development axes'],
  primaryAxis: ['المحور الرئيسي', 'Primary axis'],
  plannedBudget: [
    'الميزانية المخططة',
    'الموازنة المخططة',
    'التكلفة التقديرية',
    'الميزانية',
    'Planned budget',
    'Budget',
  ],
  spent: ['المنصرف', 'المنصرف الفعلي', 'الإنفاق الفعلي', 'Spent', 'Spending', 'Actual spending'],
  startDate: ['تاريخ البدء', 'تاريخ البداية', 'Start date', 'Start'],
  endDate: ['تاريخ الانتهاء', 'تاريخ النهاية', 'End date', 'End'],
  leadBody: ['الجهة المنفذة', 'الجهة المسؤولة', 'Lead body'],
  partners: ['الجهات الشريكة', 'الشركاء', 'Partners', 'Partner bodies'],
  marketingHolder: [
    'مسؤولية التسويق',
    'مسؤولية التسويق والمبيعات',
    'Marketing responsibility',
    'Marketing and sales responsibility',
  ],
  marketingBody: ['جهة التسويق', 'اسم جهة التسويق', 'Marketing body'],
  status: ['الحالة', 'حالة المبادرة', 'Status'],
  progress: ['نسبة الإنجاز', 'الإنجاز', 'Progress'],
  beneficiaries: ['عدد المنشآت المستفيدة', 'المنشآت المستفيدة', 'Beneficiary enterprises', 'Beneficiaries'],
  jobs: ['فرص العمل', 'عدد فرص العمل', 'Jobs'],
  trainees: ['عدد المتدربين', 'المتدربون', 'Trainees'],
  notes: ['ملاحظات', 'Notes', 'Remarks'],
};

export const ARABIC_ORDINALS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع'];
