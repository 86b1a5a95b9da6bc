/**
 * The formats offices bring besides .xlsx, through the same preview, rules and limits: .xls and
 * .ods written by LibreOffice (committed, with make-formats.ts that made them), and CSV in the
 * encodings and separators Excel writes in Arabic, French and English.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { previewImport } from '../../electron/excel/import';
import { detectDelimiter, detectEncoding } from '../../electron/excel/import/csv';
import { FORMATS_EXPECTED } from '../fixtures/formats-register';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { encode8bit } from '../helpers/foreign';

const newDb = useTestDb();
const tempDir = useTempDir();

async function planOf(file: string, options: Parameters<typeof previewImport>[2] = {}) {
  const db = newDb();
  loadDemo(db, { source: 'ui' });
  return (await previewImport(db, file, options)).plan;
}

const picked = (plan: Awaited<ReturnType<typeof planOf>>) =>
  plan.creates.map(({ values: v }) => ({
    code: v.code,
    axes: v.axes,
    plannedBudget: v.plannedBudget,
    startDate: v.startDate,
    progress: v.progress,
    status: v.status,
  }));

describe('import/.xls and .ods written by LibreOffice', () => {
  it.each(['xls', 'ods'])(
    'reads register.%s: its register sheet, percentages, dates; the hidden sheet only when named',
    async (ext) => {
      // Copied under another name: what is read is decided by the content, not the extension.
      const file = join(tempDir(), `upload.${ext === 'xls' ? 'tmp' : 'xlsx'}`);
      copyFileSync(join(__dirname, `../fixtures/register.${ext}`), file);
      const plan = await planOf(file);
      expect(plan.errors).toEqual([]);
      expect(plan.sheet).toBe(FORMATS_EXPECTED.sheet);
      expect(plan.headerRow).toBe(FORMATS_EXPECTED.headerRow);
      expect(picked(plan)).toEqual(FORMATS_EXPECTED.rows);
      const stale = await planOf(file, { sheet: 'نسخة قديمة' });
      expect(stale.creates.map((c) => c.values.code)).toEqual(['OLD-1', 'OLD-2', 'OLD-3']);
    },
  );
});

const ARABIC_CSV = [
  'كود المبادرة,اسم المبادرة,الإقليم,التجمع,المحاور,الميزانية,نسبة الإنجاز,الحالة',
  'CSV-1,"تدريب الحرفيين، المرحلة الأولى",إقليم الدلتا,أثاث دمياط,"1, 5","125,000",45%,جارية',
  'CSV-2,علامة تجارية,إقليم الدلتا,أثاث دمياط,3,80000,٪١٠٠,منتهية',
  '',
].join('\r\n');
const ARABIC_EXPECTED = [
  { code: 'CSV-1', title: 'تدريب الحرفيين، المرحلة الأولى', axes: [1, 5], plannedBudget: 12_500_000, progress: 45 },
  { code: 'CSV-2', title: 'علامة تجارية', axes: [3], plannedBudget: 8_000_000, progress: 100 },
];

describe('import/CSV', () => {
  it.each([
    ['UTF-8 with its mark', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC_CSV)])],
    ['UTF-8 without a mark', () => Buffer.from(ARABIC_CSV)],
    // Windows-1256 has no Arabic-Indic digits or ٪: Excel writes 100% there.
    ['Windows-1256 (Arabic Excel’s CSV)', () => encode8bit(ARABIC_CSV.replace('٪١٠٠', '100%'), 'windows-1256')],
    [
      'UTF-16 with tabs (Excel’s Unicode text)',
      () =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(
            ARABIC_CSV.replace(/"1, 5"/, '1، 5')
              .replace(/"125,000"/, '125000')
              .replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'),
            'utf16le',
          ),
        ]),
    ],
  ])('reads Arabic CSV in %s', async (_what, bytes) => {
    const file = join(tempDir(), 'سجل المكتب.csv');
    writeFileSync(file, bytes());
    const plan = await planOf(file);
    expect(plan.errors).toEqual([]);
    expect(plan.sheet).toBe('سجل المكتب');
    expect(
      plan.creates.map(({ values: v }) => ({
        code: v.code,
        title: v.title,
        axes: v.axes,
        plannedBudget: v.plannedBudget,
        progress: v.progress,
      })),
    ).toEqual(ARABIC_EXPECTED);
  });

  it('reads a French CSV from the Maghreb: Windows-1252, semicolons, decimal commas, Excel’s sep= line', async () => {
    const text = [
      'sep=;',
      'Code;Intitulé du projet;Wilaya;Axes;Montant;Dépenses;Statut;Taux d’avancement',
      'FR-1;Formation des artisans à la finition;Tlemcen;5;1.234.500,50;12 500;En cours;45,5 %',
      'FR-2;Étude de marché;Oran;2;40.000;0;Achevée;100 %',
      '',
    ].join('\r\n');
    const bytes = encode8bit(text.replace('’', "'"), 'windows-1252');
    expect(detectEncoding(bytes, true).encoding).toBe('windows-1252');
    const file = join(tempDir(), 'registre.csv');
    writeFileSync(file, bytes);
    const plan = await planOf(file);
    expect(plan.errors).toEqual([]);
    expect(plan.headerRow).toBe(1);
    expect(
      plan.creates.map(({ values: v }) => [v.code, v.title, v.plannedBudget, v.spent, v.status, v.progress]),
    ).toEqual([
      ['FR-1', 'Formation des artisans à la finition', 123_450_050, 1_250_000, 'active', 46],
      ['FR-2', 'Étude de marché', 4_000_000, 0, 'completed', 100],
    ]);
  });

  it('recognises encodings and separators from the first bytes', () => {
    expect(detectEncoding(encode8bit('الإقليم;التجمع', 'windows-1256'), true).encoding).toBe('windows-1256');
    expect(detectEncoding(Buffer.from('Région;Coût', 'utf8'), true).encoding).toBe('utf-8');
    expect(detectEncoding(Buffer.from('a\tb', 'utf16le'), true).encoding).toBe('utf-16le');
    // A head cut inside a two-byte character is still UTF-8.
    expect(detectEncoding(Buffer.from('الإقليم').subarray(0, 5), false).encoding).toBe('utf-8');
    expect(detectDelimiter('a;b;"c;d"\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"1,5",2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
  });

  it('refuses a CSV row wider than the limit by naming the sheet, like a workbook', async () => {
    const file = join(tempDir(), 'wide.csv');
    writeFileSync(file, `اسم المبادرة,الإقليم,المحاور\n${'x,'.repeat(400)}x\n`);
    await expect(planOf(file)).rejects.toMatchObject({ details: { reason: 'too_many_columns', sheet: 'wide' } });
  });
});
