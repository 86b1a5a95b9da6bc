/**
 * Registers offices already keep, written the way other programs write them (openpyxl's part
 * order, built-in percent formats, numbers typed as text in the Maghreb's style): values that
 * were once stored wrong without a word.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { updateSettings } from '../../db/repos/settings';
import { previewImport } from '../../electron/excel/import';
import { recordReader, type RowsResult } from '../../electron/excel/import/rows';
import type { SheetHeader } from '../../electron/excel/import/worker';
import { useTestDb } from '../helpers/db';
import { type ForeignCell, writeForeignWorkbook } from '../helpers/foreign';
import { useTempDir } from '../helpers/tmp';

const newDb = useTestDb();
const tempDir = useTempDir();

/** A register of the demo's cluster «أثاث دمياط» with the given extra columns. */
async function plan(header: string[], rows: ForeignCell[][], setup?: Parameters<typeof updateSettings>[2]) {
  const db = newDb();
  loadDemo(db, { source: 'ui' });
  if (setup) updateSettings(db, { source: 'ui' }, setup);
  const file = join(tempDir(), 'register.xlsx');
  writeForeignWorkbook(file, [
    {
      name: 'Sheet',
      rows: [
        ['اسم المبادرة', 'التجمع', 'المحاور', ...header],
        ...rows.map((r, i) => [`مبادرة ${i + 1}`, 'أثاث دمياط', '5', ...r]),
      ],
    },
  ]);
  return (await previewImport(db, file)).plan;
}

describe('import/percentages', () => {
  it('reads a cell shown as a percentage by its format: 100 % is 100, not 1', async () => {
    const p = await plan(
      ['نسبة الإنجاز'],
      [
        [{ n: 1, format: '0%' }],
        [{ n: 0.455, format: '0.00%' }],
        [{ n: 0.25, format: '0.0%' }],
        [{ n: 0, format: '0%' }],
      ],
    );
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.values.progress)).toEqual([100, 46, 25, 0]);
  });

  it('takes a column of plain numbers all within [0, 1] as fractions, text included', async () => {
    const p = await plan(['نسبة الإنجاز'], [[0.45], [1], ['0.8'], [0], ['0,3']]);
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.values.progress)).toEqual([45, 100, 80, 0, 30]);
    expect(p.warnings).toEqual([]);
  });

  it('takes a column with numbers above 1 as percentages, and warns of a fraction read in it', async () => {
    const p = await plan(['Progress'], [[45], [1], [0.5], ['80'], ['45%'], ['٤٥٪'], ['12,5 %']]);
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.values.progress)).toEqual([45, 1, 50, 80, 45, 45, 13]);
    expect(p.warnings.map((w) => [w.row, w.column])).toEqual([[4, 'Progress']]);
    expect(p.warnings[0]!.message.en).toContain('0.5');
  });

  it('reads the rows waiting for their progress column as soon as a value above 1 decides it', () => {
    const header: SheetHeader = {
      sheet: 'S',
      headerRow: 1,
      headers: ['اسم المبادرة', 'نسبة الإنجاز'],
      fields: ['title', 'progress'],
      score: 2,
      date1904: false,
    };
    const reader = recordReader(header, 2);
    const progress = (r: RowsResult) => r.records.map((x) => [x.row, x.progress]);
    // A first row at 1 could be 1 % or 100 %: it waits, and the rows after it with it.
    expect(progress(reader.read([{ n: 2, v: ['أ', 1] }]))).toEqual([]);
    expect(progress(reader.read([{ n: 3, v: ['ب', 0] }]))).toEqual([]);
    // 45 says the column is in percent: the waiting rows are read with this batch, in order.
    const decided = reader.read([
      { n: 4, v: ['ج', 45] },
      { n: 5, v: ['د', 0.5] },
    ]);
    expect(progress(decided)).toEqual([
      [2, 1],
      [3, 0],
      [4, 45],
      [5, 50],
    ]);
    expect(decided.warnings.map((w) => w.row)).toEqual([5]);
    expect(reader.end().records).toEqual([]);

    // A column of fractions alone is decided only at its end.
    const fractions = recordReader(header, 2);
    expect(
      progress(
        fractions.read([
          { n: 2, v: ['أ', 0.45] },
          { n: 3, v: ['ب', 1] },
        ]),
      ),
    ).toEqual([]);
    expect(progress(fractions.end())).toEqual([
      [2, 45],
      [3, 100],
    ]);
  });

  it('keeps the rows in reading order when some waited for their column', async () => {
    const p = await plan(
      ['نسبة الإنجاز', 'كود المبادرة'],
      [
        [50, 'A'],
        [0.5, 'B'],
        [0.25, 'A'],
      ],
    );
    // Row 4 waited for the column and is read last, but the duplicate is still the later row.
    expect(p.errors.map((e) => [e.row, e.message.en])).toEqual([[4, 'Duplicate code; it first appears in row 2.']]);
  });
});

describe('import/decimal commas and thousands', () => {
  const budgets = (p: Awaited<ReturnType<typeof plan>>) => p.creates.map((c) => c.values.plannedBudget / 100);

  it('reads the Maghreb style, and a lone mark before three digits as thousands where decimals cannot be', async () => {
    const p = await plan(
      ['Budget'],
      [['12,5'], ['1.234,56'], ['1 234,50'], ['1.500'], ['2,500'], ['1,234.5'], ['1 250 000'], ['0,75'], ['١٢٥٠٠٠٫٧٥']],
    );
    expect(p.errors).toEqual([]);
    expect(budgets(p)).toEqual([12.5, 1234.56, 1234.5, 1500, 2500, 1234.5, 1_250_000, 0.75, 125_000.75]);
  });

  it('decides a lone mark by the column where the currency has three decimals, and names the cells it cannot decide', async () => {
    const tnd = { currencyCode: 'TND', currencyDigits: 3 };
    const decided = await plan(
      ['Budget', 'Spent'],
      [
        ['1.234', '1.500'],
        ['2.500,125', '12,5'],
      ],
      tnd,
    );
    expect(decided.errors).toEqual([]);
    // The budget column shows a decimal comma; so does the spent one (12,5): a dot groups thousands.
    expect(decided.creates.map((c) => [c.values.plannedBudget, c.values.spent])).toEqual([
      [1_234_000, 1_500_000],
      [2_500_125, 12_500],
    ]);

    const undecided = await plan(['Budget'], [['1.234'], ['15']], tnd);
    expect(undecided.creates).toHaveLength(1);
    expect(undecided.errors).toHaveLength(1);
    expect(undecided.errors[0]!.row).toBe(2);
    expect(undecided.errors[0]!.column).toBe('Budget');
    expect(undecided.errors[0]!.message.en).toContain('1.234 or 1234');
    expect(undecided.errors[0]!.message.ar).toContain('1.234');
  });

  it('reads counts with grouping marks as whole numbers and refuses a decimal count', async () => {
    const p = await plan(['Jobs'], [['1.200'], ['1,200'], ['12,5']]);
    expect(p.creates.map((c) => c.values.jobs)).toEqual([1200, 1200]);
    expect(p.errors.map((e) => e.row)).toEqual([4]);
  });
});

describe('import/the words registers use', () => {
  it('reads a French register from the Maghreb: headers, statuses, dates with month names and placeholders', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const file = join(tempDir(), 'registre.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'Registre 2024',
        rows: [
          [
            'Intitulé du projet',
            'Wilaya',
            'Secteur',
            'Axes',
            'Montant (DA)',
            'Dépenses',
            'Date de début',
            'Date de fin',
            'Statut',
            "Taux d'avancement",
          ],
          [
            'Formation des artisans',
            'Tlemcen',
            'Artisanat',
            '5',
            '1.234.500,00',
            '12 500',
            '15 mars 2024',
            'DEC 2024',
            'En cours',
            '45%',
          ],
          ['Label régional', 'Tlemcen', 'Artisanat', '1, 3', '800 000', '0', '12/2024', 'TBD', 'Non entamé', '0'],
          [
            'Foire annuelle',
            'Oran',
            'Commerce',
            '1',
            '250.000',
            '250.000',
            '2024-01-10',
            '2024-06-30',
            'Achevée',
            '100%',
          ],
          ['Atelier partagé', 'Oran', 'Commerce', '4', '90.000', '10.000', 'N/A', '-', 'Suspendu', '20%'],
          ['Étude de marché', 'Oran', 'Commerce', '2', '40.000', '', 'غير محدد', '', 'Annulé', ''],
        ],
      },
    ]);
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toEqual([]);
    expect(plan.columns.map((c) => c.field)).toEqual([
      'title',
      'region',
      'sector',
      'axes',
      'plannedBudget',
      'spent',
      'startDate',
      'endDate',
      'status',
      'progress',
    ]);
    const v = plan.creates.map((c) => c.values);
    expect(v.map((x) => x.status)).toEqual(['active', 'planned', 'completed', 'on_hold', 'cancelled']);
    expect(v.map((x) => [x.startDate, x.endDate])).toEqual([
      ['2024-03-15', '2024-12-01'],
      ['2024-12-01', null],
      ['2024-01-10', '2024-06-30'],
      [null, null],
      [null, null],
    ]);
    expect(v.map((x) => x.plannedBudget / 100)).toEqual([1_234_500, 800_000, 250_000, 90_000, 40_000]);
    expect(v.map((x) => x.progress)).toEqual([45, 0, 100, 20, 0]);
    // Each value read other than written is said, by row and column.
    expect(plan.warnings.map((w) => [w.row, w.column])).toEqual([
      [2, 'Date de fin'],
      [3, 'Date de début'],
      [3, 'Date de fin'],
      [5, 'Date de début'],
      [5, 'Date de fin'],
      [6, 'Date de début'],
    ]);
    expect(plan.warnings[0]!.message.en).toContain('2024-12-01');
  });

  it('reads English and Arabic project registers, and statuses nearer than exact with a warning', async () => {
    const p = await plan(
      ['Status', 'Budget_Allocated'],
      [
        ['Not Started', 10],
        ['Ongoing', 10],
        ['Done', 10],
        ['On hold', 10],
        ['Delayed', 10],
        ['متعثر', 10],
        ['لم يبدأ', 10],
        ['معلق', 10],
      ],
    );
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.values.status)).toEqual([
      'planned',
      'active',
      'completed',
      'on_hold',
      'active',
      'on_hold',
      'planned',
      'on_hold',
    ]);
    expect(p.warnings.map((w) => w.row)).toEqual([6, 7]);
    expect(p.warnings[0]!.message.ar).toContain('جارية');
  });
});

describe('import/saved mappings', () => {
  it('keep the place names mapped beside the columns, and read back profiles saved before they could', async () => {
    const { deleteProfile, listProfiles, saveProfile } = await import('../../db/repos/profiles');
    const db = newDb();
    const values = { region: { الصعيد: 'إقليم الصعيد' } };
    saveProfile(db, { source: 'ui' }, { name: 'مكتب الصعيد', mapping: { المشروع: 'title', values: null }, values });
    db.prepare(
      `INSERT INTO import_profiles (name, mapping, updated_at) VALUES ('قديم', '{"Activity":"title"}', '')`,
    ).run();
    expect(listProfiles(db)).toEqual([
      { name: 'قديم', mapping: { Activity: 'title' } },
      // A column named "values" mapped to nothing stays a column.
      { name: 'مكتب الصعيد', mapping: { المشروع: 'title', values: null }, values },
    ]);
    deleteProfile(db, { source: 'ui' }, 'قديم');
    expect(listProfiles(db).map((p) => p.name)).toEqual(['مكتب الصعيد']);
  });
});

describe('import/what a review found', () => {
  const header: ForeignCell[] = ['اسم المبادرة', 'التجمع', 'المحاور'];
  const body = (n: number): ForeignCell[][] => Array.from({ length: n }, (_, i) => [`مبادرة ${i}`, 'أثاث دمياط', '1']);

  it('refuses, by name, a register over the limits that a shorter sheet with the same columns comes before', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const file = join(tempDir(), 'tie.xlsx');
    writeForeignWorkbook(file, [
      { name: 'ملخص', rows: [header, ...body(2)] },
      { name: 'السجل', rows: [header, ...body(60)] },
    ]);
    await expect(previewImport(db, file, { maxRows: 40 })).rejects.toMatchObject({
      details: { reason: 'too_many_rows', sheet: 'السجل' },
    });
    const wide = join(tempDir(), 'tie-wide.xlsx');
    writeForeignWorkbook(wide, [
      { name: 'ملخص', rows: [header, ...body(2)] },
      { name: 'السجل', rows: [header, ...body(60)], cells: { XFD40: 'x' } },
    ]);
    await expect(previewImport(db, wide)).rejects.toMatchObject({
      details: { reason: 'too_many_columns', sheet: 'السجل' },
    });
  });

  it('keeps an existing initiative’s axes when its row leaves the axes blank', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const before = db
      .prepare("SELECT title, axis1, axis2, axis3, primary_axis FROM initiatives WHERE code = 'INI-0001'")
      .get() as {
      title: string;
    };
    const file = join(tempDir(), 'blank-axes.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'S',
        rows: [
          ['كود المبادرة', 'اسم المبادرة', 'المحاور', 'الميزانية'],
          ['INI-0001', before.title, null, 1],
        ],
      },
    ]);
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toEqual([]);
    expect(plan.updates.map((u) => u.changes.map((c) => c.field))).toEqual([['plannedBudget']]);
  });

  it('refuses a place name mapped to a cluster of another region instead of making a second one', async () => {
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const file = join(tempDir(), 'mapped.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'S',
        rows: [
          ['اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور'],
          ['تدريب', 'إقليم الصعيد', 'أثاث دمياطي', '5'],
        ],
      },
    ]);
    const { plan } = await previewImport(db, file, { values: { cluster: { 'أثاث دمياطي': 'أثاث دمياط' } } });
    expect(plan.clustersToCreate).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.column])).toEqual([[2, 'التجمع']]);
  });

  it('reads a year alone as its first day, with a warning, not as serial day 2024', async () => {
    const p = await plan(['تاريخ البدء'], [['2024']]);
    expect(p.creates[0]!.values.startDate).toBe('2024-01-01');
    expect(p.warnings.map((w) => w.column)).toEqual(['تاريخ البدء']);
  });

  it('writes the error workbook of a CSV whose name Excel would not take as a sheet name', async () => {
    const { writeErrorWorkbook } = await import('../../electron/excel/errors-workbook');
    const file = join(tempDir(), 'upload.csv');
    writeFileSync(file, 'اسم المبادرة,التجمع,المحاور\nتدريب,أثاث دمياط,9\n');
    const name = 'سجل المبادرات 2024 - النسخة النهائية [v2]';
    const db = newDb();
    loadDemo(db, { source: 'ui' });
    const { plan } = await previewImport(db, file, { sourceName: name });
    expect(plan.sheet).toBe(name);
    const data = await writeErrorWorkbook(file, plan.sheet, plan.headerRow, plan.errors, 'ar');
    const out = join(tempDir(), 'errors.xlsx');
    writeFileSync(out, data);
    const { plan: again } = await previewImport(db, out);
    expect(again.sheet).toBe('سجل المبادرات 2024 - النسخة الن'); // its first 31 characters
  });
});
