import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { listAudit } from '../../db/repos/audit';
import { createCluster } from '../../db/repos/clusters';
import { createInitiative, listInitiatives } from '../../db/repos/initiatives';
import { createRegion } from '../../db/repos/regions';
import { previewImport } from '../../electron/excel/import';
import { commitImport } from '../../electron/excel/import/commit';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { writeMessyRegister } from '../helpers/workbooks';

const newDb = useTestDb();
const tempDir = useTempDir();

const HEADER = [
  'م',
  'كود المبادرة',
  'اسم المبادره',
  'الإقليم',
  'التجمع الإنتاجي',
  'المحور الأول',
  'المحور الثاني',
  'المحور الثالث',
  'المحور الرابع',
  'المحور الخامس',
  'التقنيات المحلية',
  'المحور السابع',
  'الموازنة المخططة (جنيه)',
  'المنصرف الفعلي',
  'تاريخ البداية',
  'تاريخ النهاية',
  'الحالة',
  'نسبة الإنجاز %',
  'مسئولية التسويق',
  'عمود إضافي للمكتب',
];

describe('import/messy register', () => {
  it('finds the table under title and merged rows and plans creating everything', async () => {
    const db = newDb();
    const file = await writeMessyRegister(
      tempDir(),
      HEADER,
      [
        [
          1,
          'DLT-01',
          'تدريب الحرفيين على التشطيب',
          'إقليم الدلتا',
          'أثاث دمياط',
          '',
          '',
          '',
          '',
          '✓',
          '',
          '',
          '١٢٥٬٠٠٠',
          '40,000',
          '٠١/٠٣/٢٠٢٥',
          '2025/12/31',
          'جارية',
          '٣٥',
          'جهة تسويق متخصصة',
          'س',
        ],
        [
          2,
          'DLT-02',
          'علامة تجارية محلية للأثاث',
          'إقليم الدلتا',
          'أثاث دمياط',
          'x',
          '',
          'نعم',
          '',
          '',
          '',
          '',
          250000,
          0,
          new Date(Date.UTC(2025, 5, 1)),
          null,
          'مخططة',
          0,
          'المشروعات نفسها',
          null,
        ],
        [
          3,
          '',
          'توثيق نقوش الكليم',
          'إقليم الصعيد',
          'كليم بني عديات',
          '',
          '',
          '',
          '',
          '',
          '√',
          '',
          '80000',
          '',
          '',
          '',
          'قيد التنفيذ',
          0.5,
          'غرفة الصناعات الحرفية',
          null,
        ],
        [
          'الإجمالي',
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          455000,
          40000,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
      ],
      { groupOver: [6, 12] },
    );
    const { plan } = await previewImport(db, file);
    expect(plan.sheet).toBe('سجل المبادرات');
    expect(plan.headerRow).toBe(4);
    expect(plan.errors).toEqual([]);
    expect(plan.unmatched).toEqual(['عمود إضافي للمكتب']);
    expect(plan.skipped).toBe(1);
    expect(plan.creates.map((c) => c.values.title)).toEqual([
      'تدريب الحرفيين على التشطيب',
      'علامة تجارية محلية للأثاث',
      'توثيق نقوش الكليم',
    ]);
    expect(plan.regionsToCreate.map((r) => r.nameAr)).toEqual(['إقليم الدلتا', 'إقليم الصعيد']);
    expect(plan.clustersToCreate.map((c) => c.nameAr)).toEqual(['أثاث دمياط', 'كليم بني عديات']);

    const result = await commitImport(db, plan, { fileName: 'register.xlsx', sha256: 'x' });
    expect(result).toMatchObject({ created: 3, regionsCreated: 2, clustersCreated: 2 });
    expect(existsSync(result.backup!)).toBe(true);
    const stored = listInitiatives(db);
    expect(
      stored.map((i) => [
        i.code,
        i.axes,
        i.plannedBudget,
        i.spent,
        i.startDate,
        i.endDate,
        i.status,
        i.progress,
        i.marketingHolder,
      ]),
    ).toEqual([
      ['DLT-01', [5], 125_000_00, 40_000_00, '2025-03-01', '2025-12-31', 'active', 35, 'specialised'],
      ['DLT-02', [1, 3], 250_000_00, 0, '2025-06-01', null, 'planned', 0, 'enterprises'],
      ['INI-0001', [6], 80_000_00, 0, null, null, 'active', 50, 'other'],
    ]);
    expect(stored[2]!.marketingBody).toBe('غرفة الصناعات الحرفية');
    expect(listAudit(db, { entity: 'initiative' }).every((e) => e.source === 'import')).toBe(true);
    expect(db.prepare('SELECT file_name, created, regions_created FROM import_batches').all()).toEqual([
      { file_name: 'register.xlsx', created: 3, regions_created: 2 },
    ]);
  });

  it('updates a known code field by field and leaves identical rows unchanged', async () => {
    const db = newDb();
    const region = createRegion(db, { source: 'ui' }, { nameAr: 'إقليم الدلتا' });
    const cluster = createCluster(db, { source: 'ui' }, { nameAr: 'أثاث دمياط', regionId: region.id });
    createInitiative(
      db,
      { source: 'ui' },
      { code: 'A-1', title: 'تدريب', clusterId: cluster.id, axes: [5], plannedBudget: 100_00 },
    );
    createInitiative(
      db,
      { source: 'ui' },
      { code: 'A-2', title: 'علامة', clusterId: cluster.id, axes: [3], status: 'active' },
    );
    const file = await writeMessyRegister(
      tempDir(),
      ['كود المبادرة', 'اسم المبادرة', 'التجمع', 'المحاور', 'الميزانية المخططة', 'الحالة'],
      [
        ['A-1', 'تدريب', 'أثاث دمياط', '5، 1', '100', 'مخططة'],
        ['A-2', 'علامة', 'أثاث دمياط', '3', '0', 'جارية'],
      ],
    );
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]!.changes).toEqual([{ field: 'axes', from: '5', to: '1, 5' }]);
  });

  it('lists every error with sheet, row, column header and reason, and blocks the commit', async () => {
    const db = newDb();
    const file = await writeMessyRegister(tempDir(), HEADER, [
      [1, 'E-1', 'مبادرة سليمة', 'إقليم', 'تجمع', '✓', '', '', '', '', '', '', 10, 0, '', '', 'جارية', 10, '', null],
      [2, 'E-2', '', 'إقليم', 'تجمع', '✓', '', '', '', '', '', '', 10, 0, '', '', 'جارية', 10, '', null],
      [3, 'E-3', 'بلا محاور', 'إقليم', 'تجمع', '', '', '', '', '', '', '', 10, 0, '', '', 'جارية', 10, '', null],
      [
        4,
        'E-4',
        'تاريخ مستحيل',
        'إقليم',
        'تجمع',
        '✓',
        '',
        '',
        '',
        '',
        '',
        '',
        10,
        0,
        '31/02/2025',
        '',
        'جارية',
        10,
        '',
        null,
      ],
      [5, 'E-5', 'نسبة خاطئة', 'إقليم', 'تجمع', '✓', '', '', '', '', '', '', -5, 0, '', '', 'ربما', 140, '', null],
      [
        6,
        'E-1',
        'رمز مكرر',
        'إقليم',
        'تجمع',
        '✓',
        '',
        '',
        '',
        '',
        '',
        '',
        10,
        0,
        '01/06/2025',
        '01/01/2025',
        'جارية',
        10,
        '',
        null,
      ],
    ]);
    const { plan } = await previewImport(db, file);
    const where = plan.errors.map((e) => [e.row, e.column]);
    expect(where).toEqual([
      [6, 'اسم المبادره'],
      // Row 7 has no axis: not an error, it comes in not yet classified.
      [8, 'تاريخ البداية'],
      [9, 'الموازنة المخططة (جنيه)'],
      [9, 'الحالة'],
      [9, 'نسبة الإنجاز %'],
      [10, 'كود المبادرة'],
      [10, 'تاريخ النهاية'],
    ]);
    for (const e of plan.errors) {
      expect(e.sheet).toBe('سجل المبادرات');
      expect(e.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(e.message.en).toMatch(/[a-z]/);
    }
    expect(plan.creates.map((c) => [c.row, c.values.axes, c.values.primaryAxis])).toEqual([
      [5, [1], 1],
      [7, [], null],
    ]);
  });

  it('reads a workbook in the 1904 date system', async () => {
    const db = newDb();
    const file = await writeMessyRegister(
      tempDir(),
      ['اسم المبادرة', 'الإقليم', 'المحاور', 'تاريخ البدء'],
      [['مبادرة', 'إقليم', '1', new Date(Date.UTC(2025, 2, 1))]],
      { date1904: true },
    );
    const { plan } = await previewImport(db, file);
    expect(plan.creates[0]!.values.startDate).toBe('2025-03-01');
  });

  it('applies a column mapping for headers it does not know', async () => {
    const db = newDb();
    const file = await writeMessyRegister(
      tempDir(),
      ['النشاط التنموي', 'المكان', 'محور العمل'],
      [['دورة تدريبية', 'إقليم القناة', '5']],
    );
    await expect(previewImport(db, file)).rejects.toThrow(/No initiative table/);
    const { plan } = await previewImport(db, file, {
      mapping: { 'النشاط التنموي': 'title', المكان: 'region', 'محور العمل': 'axes' },
    });
    expect(plan.errors).toEqual([]);
    expect(plan.creates[0]!.values).toMatchObject({ title: 'دورة تدريبية', axes: [5] });
  });

  it('leaves the portfolio untouched when a read is cancelled half-way', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const rows = Array.from({ length: 30_000 }, (_, i) => ['مبادرة ' + i, 'إقليم جديد', '1, 2', 1000]);
    const file = await writeMessyRegister(tempDir(), ['اسم المبادرة', 'الإقليم', 'المحاور', 'الميزانية'], rows);
    const before = db.prepare('SELECT count(*) AS n FROM initiatives').get();
    const controller = new AbortController();
    let progressSeen = 0;
    const preview = previewImport(db, file, {
      signal: controller.signal,
      onProgress: (n) => {
        progressSeen = n;
        controller.abort();
      },
    });
    await expect(preview).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progressSeen).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) AS n FROM initiatives').get()).toEqual(before);
    expect(readdirSync(dirname(db.name))).not.toContain('backups');
  }, 60_000);

  it('imports a register saved by LibreOffice', async () => {
    const db = newDb();
    const file = join(__dirname, '../fixtures/libreoffice-register.xlsx');
    const { plan } = await previewImport(db, file);
    expect(plan.errors).toEqual([]);
    expect(
      plan.creates.map((c) => [
        c.values.title,
        c.values.axes,
        c.values.plannedBudget,
        c.values.startDate,
        c.values.status,
      ]),
    ).toEqual([
      ['تدريب الحرفيين على التشطيب', [1, 5], 125_000_00, '2025-03-01', 'active'],
      ['علامة تجارية محلية للأثاث', [3], 250_000_00, '2025-06-01', 'planned'],
    ]);
  });
});
