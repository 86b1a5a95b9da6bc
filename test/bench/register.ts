/**
 * The bench's register: a 20-column Arabic register as an office keeps one (a serial number,
 * codes, names, ticks for the axes, amounts, day/month/year dates, a status), written with
 * exceljs's streaming writer and shared strings, as Excel itself writes them.
 */
import Excel from '../../electron/excel/exceljs';

const HEADER = [
  'م',
  'كود المبادرة',
  'اسم المبادرة',
  'الإقليم',
  'التجمع الإنتاجي',
  'القطاع',
  'المحور الأول',
  'المحور الثاني',
  'المحور الثالث',
  'المحور الرابع',
  'المحور الخامس',
  'المحور السادس',
  'المحور السابع',
  'الميزانية المخططة',
  'المنصرف الفعلي',
  'تاريخ البدء',
  'تاريخ الانتهاء',
  'الحالة',
  'نسبة الإنجاز',
  'الجهة المنفذة',
];
const STATUSES = ['مخططة', 'جارية', 'منتهية', 'متوقفة'];

export async function writeRegister(file: string, n: number): Promise<void> {
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('سجل المبادرات', { views: [{ rightToLeft: true }] });
  ws.addRow(HEADER).commit();
  for (let i = 1; i <= n; i++) {
    const axis = (i % 7) + 1;
    ws.addRow([
      i,
      `B-${i}`,
      `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`,
      `إقليم ${(i % 4) + 1}`,
      `تجمع الصناعات الحرفية ${(i % 60) + 1}`,
      'الصناعات الحرفية',
      ...[1, 2, 3, 4, 5, 6, 7].map((a) => (a === axis || a === ((axis + 2) % 7) + 1 ? '✓' : '')),
      100_000 + i,
      50_000 + (i % 1000),
      `${String((i % 28) + 1).padStart(2, '0')}/03/2025`,
      '31/12/2026',
      STATUSES[i % 4],
      i % 100,
      'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** `tsx test/bench/register.ts out.xlsx 50000`: the same file for timing commands by hand. */
if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  void writeRegister(file!, Number(n ?? 50_000));
}
