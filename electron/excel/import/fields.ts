/**
 * The header spellings offices use for each register field (db/register.ts names the fields).
 * Aliases are compared after `normalizeHeader`, so hamza forms, ta marbuta, spacing, case,
 * punctuation, `%` and text in parentheses do not matter.
 */
import type { ScalarField } from '../../../db/core/register';

export type { AxisField, Field, ScalarField } from '../../../db/core/register';
export { SCALAR_FIELDS } from '../../../db/core/register';

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
