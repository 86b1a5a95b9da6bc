import { describe, expect, it } from 'vitest';
import { matchHeader, matchHeaderRow, normalizeHeader } from '../../electron/excel/import/headers';

describe('import/headers', () => {
  it.each([
    ['كود المبادرة', 'code'],
    ['رمز المبادرة', 'code'],
    ['Code', 'code'],
    ['اسم المبادرة', 'title'],
    ['عنوان المبادرة', 'title'],
    ['المبادرة', 'title'],
    ['Initiative', 'title'],
    ['Title', 'title'],
    ['الإقليم', 'region'],
    ['المنطقة', 'region'],
    ['Region', 'region'],
    ['التجمع', 'cluster'],
    ['التجمع الإنتاجي', 'cluster'],
    ['Cluster', 'cluster'],
    ['القطاع', 'sector'],
    ['النشاط', 'sector'],
    ['Sector', 'sector'],
    ['المحاور', 'axes'],
    ['Axes', 'axes'],
    ['الميزانية المخططة', 'plannedBudget'],
    ['الموازنة المخططة', 'plannedBudget'],
    ['التكلفة التقديرية', 'plannedBudget'],
    ['Planned budget', 'plannedBudget'],
    ['Budget', 'plannedBudget'],
    ['المنصرف', 'spent'],
    ['المنصرف الفعلي', 'spent'],
    ['الإنفاق الفعلي', 'spent'],
    ['Spent', 'spent'],
    ['تاريخ البدء', 'startDate'],
    ['تاريخ البداية', 'startDate'],
    ['Start date', 'startDate'],
    ['تاريخ الانتهاء', 'endDate'],
    ['تاريخ النهاية', 'endDate'],
    ['End date', 'endDate'],
    ['الجهة المنفذة', 'leadBody'],
    ['الجهة المسؤولة', 'leadBody'],
    ['Lead body', 'leadBody'],
    ['مسؤولية التسويق', 'marketingHolder'],
    ['مسؤولية التسويق والمبيعات', 'marketingHolder'],
    ['Marketing responsibility', 'marketingHolder'],
    ['الحالة', 'status'],
    ['Status', 'status'],
    ['نسبة الإنجاز', 'progress'],
    ['Progress', 'progress'],
    ['عدد المنشآت المستفيدة', 'beneficiaries'],
    ['Beneficiary enterprises', 'beneficiaries'],
    ['فرص العمل', 'jobs'],
    ['Jobs', 'jobs'],
    ['عدد المتدربين', 'trainees'],
    ['Trainees', 'trainees'],
    ['ملاحظات', 'notes'],
    ['Notes', 'notes'],
    ['م', 'serial'],
    ['#', 'serial'],
    ['No.', 'serial'],
  ])('matches «%s» to %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it.each([
    ['محور 1', 'axis1'],
    ['المحور 2', 'axis2'],
    ['Axis 3', 'axis3'],
    ['المحور الرابع', 'axis4'],
    ['المحور الأول', 'axis1'],
    ['المحور السابع', 'axis7'],
    ['المحور ٥', 'axis5'],
    ['التقنيات المحلية', 'axis6'],
    ['تحديث وتطوير آليات وبرامج التدريب القومية المناسبة', 'axis5'],
    ['Economic development', 'axis1'],
    ['المحور 3: التنوع والتكامل', 'axis3'],
  ])('recognises the axis column «%s» as %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('normalises spelling variants before matching', () => {
    for (const variant of [
      'اسم المبادره',
      'إسم المبادرة',
      'اسم  المبادرة ',
      'اسمُ المُبادرة',
      'اسم المبـــادرة',
      'اسم المبادرة:',
      'اسم المبادرة (كما في الخطة)',
    ]) {
      expect(matchHeader(variant), variant).toBe('title');
    }
    expect(matchHeader('نسبة الإنجاز %')).toBe('progress');
    expect(matchHeader('الميزانية المخططة (جنيه)')).toBe('plannedBudget');
    expect(matchHeader('المستوى')).toBeNull();
    expect(matchHeader('STATUS')).toBe('status');
    expect(normalizeHeader('مسؤولية التسويق')).toBe(normalizeHeader('مسئولية التسويق'));
    expect(matchHeader('مسئولية التسويق')).toBe('marketingHolder');
    expect(matchHeader('المحتوى')).toBeNull();
  });

  it('scores a header row by the distinct fields it names, ignoring the serial column', () => {
    const row = matchHeaderRow(['م', 'اسم المبادرة', 'الإقليم', 'عمود آخر', 'اسم المبادرة']);
    expect(row.fields).toEqual(['serial', 'title', 'region', null, null]);
    expect(row.score).toBe(2);
  });
});
