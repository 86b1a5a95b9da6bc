/**
 * `cli import` on registers as offices keep them (issue 14's contract): registers without codes
 * imported twice, codes that belong to other initiatives, hidden and Kobo sheets, a stray cell
 * in column XFD, missing columns, and place names spelt another way. JSON shapes and exit codes
 * are what other tools script against.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { writeFileSync } from 'node:fs';
import { type ForeignCell, type ForeignSheet, writeForeignWorkbook } from '../helpers/foreign';
import { useTempDir } from '../helpers/tmp';
import { open } from '../../db/connection';

const tempDir = useTempDir();

async function demo(): Promise<string> {
  const db = join(tempDir(), 'demo.tajammu');
  expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
  return db;
}

function workbook(sheets: ForeignSheet[], name = 'register.xlsx'): string {
  const file = join(tempDir(), name);
  writeForeignWorkbook(file, sheets);
  return file;
}

const count = (db: string, sql: string): number => {
  const conn = open(db);
  try {
    return (conn.prepare(sql).get() as { n: number }).n;
  } finally {
    conn.close();
  }
};

const HEADER = ['اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور', 'الميزانية'];
const ROWS: ForeignCell[][] = [
  ['تدريب على التشطيب', 'إقليم الدلتا', 'أثاث دمياط', '5', 1000],
  ['علامة تجارية', 'إقليم الدلتا', 'أثاث دمياط', '1, 3', 2000],
  ['توثيق النقوش', 'إقليم الصعيد', '', '6', 3000],
];

describe('cli import: a register without codes', () => {
  it('imported twice, the second run is all unchanged; a changed budget is one update', async () => {
    const db = await demo();
    const before = count(db, 'SELECT count(*) AS n FROM initiatives');
    const file = workbook([{ name: 'السجل', rows: [HEADER, ...ROWS] }]);
    const first = await cli('import', '--db', db, file, '--json');
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ ok: true, created: 3, updated: 0, unchanged: 0 });
    const again = await cli('import', '--db', db, file, '--json');
    expect(again.json).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    expect(count(db, 'SELECT count(*) AS n FROM initiatives')).toBe(before + 3);

    const changed = workbook([{ name: 'السجل', rows: [HEADER, ...ROWS.slice(0, 2), [...ROWS[2]!.slice(0, 4), 3500]] }]);
    const third = await cli('import', '--db', db, changed, '--json');
    expect(third.json).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
  });
});

describe('cli import: a code that is another initiative', () => {
  const colliding = () =>
    workbook([
      {
        name: 'Registre',
        rows: [
          ['Code', ...HEADER],
          // INI-0001 is the demo's «معرض سنوي…» in the Delta, region-wide: title and cluster differ.
          ['INI-0001', 'تدريب على التشطيب', 'إقليم الدلتا', 'أثاث دمياط', '5', 1000],
          ['NEW-1', 'علامة تجارية', 'إقليم الدلتا', 'أثاث دمياط', '1', 2000],
        ],
      },
    ]);

  it('stops by default: lists the rows, exits 1 and writes nothing, in the dry run too', async () => {
    const db = await demo();
    const before = count(db, 'SELECT count(*) AS n FROM initiatives');
    const file = colliding();
    for (const dry of [[], ['--dry-run']]) {
      const r = await cli('import', '--db', db, file, '--json', ...dry);
      expect(r.code).toBe(1);
      expect(r.json.ok).toBe(false);
      expect(r.json.collisions).toEqual([
        expect.objectContaining({ row: 2, code: 'INI-0001', title: 'تدريب على التشطيب' }),
      ]);
      expect(r.err).toContain('--on-collision');
    }
    expect(count(db, 'SELECT count(*) AS n FROM initiatives')).toBe(before);
    const text = await cli('import', '--db', db, file);
    expect(text.code).toBe(1);
    expect(text.err).toContain('INI-0001');
  });

  it('--on-collision new imports the row as a new initiative; update changes the existing one', async () => {
    const db = await demo();
    const before = count(db, 'SELECT count(*) AS n FROM initiatives');
    const asNew = await cli('import', '--db', db, colliding(), '--json', '--on-collision', 'new', '--dry-run');
    expect(asNew.json).toMatchObject({ ok: true, created: 2, updated: 0, collisions: [] });
    const update = await cli('import', '--db', db, colliding(), '--json', '--on-collision', 'update');
    expect(update.json).toMatchObject({ ok: true, created: 1, updated: 1 });
    expect(
      count(db, "SELECT count(*) AS n FROM initiatives WHERE code = 'INI-0001' AND title = 'تدريب على التشطيب'"),
    ).toBe(1);
    expect(count(db, 'SELECT count(*) AS n FROM initiatives')).toBe(before + 1);
    expect((await cli('import', '--db', db, colliding(), '--on-collision', 'maybe')).code).toBe(64);
  });
});

describe('cli import: finding the register', () => {
  const register: ForeignSheet = { name: 'سجل 2025', rows: [HEADER, ...ROWS] };
  const stale: ForeignSheet = {
    name: 'نسخة قديمة',
    state: 'hidden',
    rows: [HEADER, ...ROWS, ...ROWS.map((r) => [`${r[0] as string} (قديم)`, ...r.slice(1)])],
  };
  const kobo: ForeignSheet = {
    name: 'kobo_export',
    rows: [
      ['start', 'end', 'today', 'deviceid', '_id', '_uuid', '_status', '_submission_time', 'Status'],
      ['2025-01-01T10:00', '2025-01-01T10:20', '2025-01-01', 'abc', 1, 'u-1', 'submitted_via_web', '2025-01-02', 'ok'],
    ],
  };
  const summary: ForeignSheet = { name: 'ملخص', rows: [HEADER, ROWS[0]!] };

  it('never takes a hidden sheet unless named, and a Kobo export or a summary is not the register', async () => {
    const db = await demo();
    const file = workbook([kobo, stale, summary, register]);
    const r = await cli('import', '--db', db, file, '--json', '--dry-run');
    expect(r.err).toBe('');
    expect(r.json).toMatchObject({ ok: true, sheet: 'سجل 2025', headerRow: 1, created: 3 });
    expect(r.json.columns).toEqual(
      HEADER.map((header, i) => ({ header, field: ['title', 'region', 'cluster', 'axes', 'plannedBudget'][i] })),
    );
    const named = await cli('import', '--db', db, file, '--json', '--dry-run', '--sheet', 'نسخة قديمة');
    expect(named.json).toMatchObject({ ok: true, sheet: 'نسخة قديمة', created: 6 });
    const missing = await cli('import', '--db', db, file, '--json', '--sheet', 'Sheet9');
    expect(missing.code).toBe(2);
    expect(missing.json.error.message.en).toContain('"سجل 2025"');
    const onlyKobo = await cli('import', '--db', db, workbook([kobo], 'kobo.xlsx'), '--json');
    expect(onlyKobo.code).toBe(2);
  });

  it('a sheet with a cell in column XFD does not refuse the workbook unless it is the register, named then', async () => {
    const db = await demo();
    const notes: ForeignSheet = { name: 'ملاحظات', rows: [['ملاحظة']], cells: { XFD1: 'x' } };
    const ok = await cli('import', '--db', db, workbook([notes, register]), '--json', '--dry-run');
    expect(ok.json).toMatchObject({ ok: true, sheet: 'سجل 2025', created: 3 });
    const wide = await cli(
      'import',
      '--db',
      db,
      workbook([{ ...register, cells: { XFD3: 'x' } }], 'wide.xlsx'),
      '--json',
    );
    expect(wide.code).toBe(2);
    expect(wide.json.error.message.ar).toContain('سجل 2025');
  });
});

describe('cli import: saying what was read', () => {
  it('a missing title column is said once, not per row; --skip-invalid lists what it dropped and why', async () => {
    const db = await demo();
    const rows = ROWS.map((r) => r.slice(1));
    const noTitle = await cli(
      'import',
      '--db',
      db,
      workbook([{ name: 'S', rows: [HEADER.slice(1), ...rows] }]),
      '--json',
    );
    expect(noTitle.code).toBe(1);
    expect(noTitle.json.missingColumns).toEqual(['title']);
    expect(noTitle.json.errors).toHaveLength(1);
    expect(noTitle.json.errors[0].message.en).toContain('3 of its rows');

    const bad = workbook(
      [{ name: 'S', rows: [HEADER, ...ROWS, ['بلا محاور', 'إقليم الدلتا', 'أثاث دمياط', '9', 'abc']] }],
      'bad.xlsx',
    );
    const skipped = await cli('import', '--db', db, bad, '--json', '--skip-invalid');
    expect(skipped.json).toMatchObject({ ok: true, created: 3 });
    expect(skipped.json.skipped).toEqual([
      {
        row: 5,
        errors: [expect.objectContaining({ column: 'المحاور' }), expect.objectContaining({ column: 'الميزانية' })],
      },
    ]);
    const text = await cli('import', '--db', db, bad, '--skip-invalid', '--dry-run');
    expect(text.out).toContain('«المحاور»');
  });

  it('names the nearest existing region for a new spelling, and --map values maps it', async () => {
    const db = await demo();
    const file = workbook([
      { name: 'S', rows: [HEADER, ['تدريب', 'الصعيد', '', '5', 100], ['تسويق', 'مطروح', '', '1', 100]] },
    ]);
    const r = await cli('import', '--db', db, file, '--json', '--dry-run');
    expect(r.json.newRegions).toEqual([
      { name: 'الصعيد', nearest: 'إقليم الصعيد' },
      { name: 'مطروح', nearest: null },
    ]);
    const map = join(tempDir(), 'map.json');
    writeFileSync(map, JSON.stringify({ values: { region: { الصعيد: 'إقليم الصعيد' } } }));
    const mapped = await cli('import', '--db', db, file, '--json', '--map', map);
    expect(mapped.json).toMatchObject({
      ok: true,
      created: 2,
      regionsCreated: 1,
      newRegions: [{ name: 'مطروح', nearest: null }],
    });
    expect(
      count(
        db,
        "SELECT count(*) AS n FROM initiatives i JOIN regions r ON r.id = i.region_id WHERE r.code = 'UEG' AND i.title = 'تدريب'",
      ),
    ).toBe(1);
  });
});
