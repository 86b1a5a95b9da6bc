/**
 * Reporting periods (year, half, quarter, fiscal year) as the matrix, the report and the CLI read
 * them; their names on a cover; the logo's checks; and `export --period` end to end.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLogo } from '../../db/core/logo';
import { parsePeriod, periodOf, periodRange, periodWithin } from '../../db/core/period';
import { longDate, periodDays, periodName } from '../../db/core/report-text';
import { loadDemo } from '../../db/demo';
import { getMatrix } from '../../db/queries/matrix';
import { getReport } from '../../db/queries/report';
import { sumRows } from '../../db/core/measures';
import { listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { getLogo, setLogo, updateSettings } from '../../db/repos/settings';
import { runCli } from '../../electron/cli';
import { checkWorkbookFile } from '../../electron/excel/import/zipcheck';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { readWorkbookInMemory } from '../helpers/workbooks';

const newDb = useTestDb();
const tempDir = useTempDir();
const ctx = { source: 'cli' as const };

describe('periods', () => {
  it('reads years, halves, quarters and fiscal years named by the year they end in', () => {
    expect(periodRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(periodRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    // A July fiscal year (Egypt's) and an October one; a January one is the calendar year.
    expect(periodRange('FY2026', 7)).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(periodRange('FY2026', 10)).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    expect(periodRange('FY2026', 1)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('FY2025', 3)).toEqual({ from: '2024-03-01', to: '2025-02-28' });
    for (const bad of ['2026-Q5', '2026-H3', 'FY26', '26', '2026Q1', '']) expect(parsePeriod(bad)).toBeNull();
    expect(periodOf('2026-08-15', 'quarter')).toBe('2026-Q3');
    expect(periodOf('2026-08-15', 'half')).toBe('2026-H2');
    expect(periodOf('2026-08-15', 'fiscal', 7)).toBe('FY2027');
    expect(periodOf('2026-06-30', 'fiscal', 7)).toBe('FY2026');
    expect(periodWithin('2026-Q3', '2026-H2')).toBe(true);
    expect(periodWithin('2026-Q2', 'FY2026', 7)).toBe(true);
    expect(periodWithin('2026-Q3', 'FY2026', 7)).toBe(false);
  });

  it('names a period and a date as a reader writes them, with the Umm al-Qura date when asked', () => {
    expect(periodName('2026-Q3', 'ar', 7)).toBe('الربع الثالث من عام 2026');
    expect(periodName('2026-H1', 'en', 7)).toBe('First half of 2026');
    expect(periodName('FY2026', 'ar', 7)).toBe('السنة المالية 2025/2026');
    expect(periodName('FY2026', 'en', 1)).toBe('Fiscal year 2026');
    expect(periodName(undefined, 'ar', 7)).toBe('كل الفترات المسجلة حتى تاريخ الإصدار');
    expect(periodDays('2026-Q3', 'ar', 7, { digits: 'latn' })).toBe('من 1 يوليو 2026 إلى 30 سبتمبر 2026');
    expect(periodDays('2026-Q3', 'ar', 7, { digits: 'arab' })).toBe('من ١ يوليو ٢٠٢٦ إلى ٣٠ سبتمبر ٢٠٢٦');
    expect(longDate('2026-12-05', 'en', { digits: 'latn' })).toBe('5 December 2026');
    expect(longDate('2026-12-05', 'ar', { digits: 'latn', hijri: true })).toBe(
      '5 ديسمبر 2026 الموافق 25 جمادى الآخرة 1448 هـ',
    );
  });

  it('counts the same initiatives for a fiscal year in the matrix and the report, by the fiscal start', () => {
    const db = newDb();
    loadDemo(db, ctx);
    const [early, late] = listInitiatives(db).filter((i) => i.status !== 'cancelled');
    // One runs only in the first half of 2025, the other only in the second.
    updateInitiative(db, ctx, { id: early!.id, startDate: '2025-02-01', endDate: '2025-05-31' });
    updateInitiative(db, ctx, { id: late!.id, startDate: '2025-08-01', endDate: '2025-11-30' });
    const has = (period: string, id: string) =>
      getReport(db, { period }).groups.some((g) => g.initiatives.some((i) => i.id === id));
    updateSettings(db, ctx, { fiscalYearStartMonth: 7 });
    expect([has('FY2025', early!.id), has('FY2025', late!.id)]).toEqual([true, false]);
    expect([has('FY2026', early!.id), has('FY2026', late!.id)]).toEqual([false, true]);
    updateSettings(db, ctx, { fiscalYearStartMonth: 1 });
    expect([has('FY2025', early!.id), has('FY2025', late!.id)]).toEqual([true, true]);
    // The report's office total, counted the slow and obvious way from the register: every
    // initiative but the cancelled ones whose dates meet the period's (undated ones included).
    for (const period of ['FY2026', '2025-H2', '2025-Q1']) {
      const { from, to } = periodRange(period, 1)!;
      const running = listInitiatives(db).filter(
        (i) => i.status !== 'cancelled' && (!i.startDate || i.startDate <= to) && (!i.endDate || i.endDate >= from),
      );
      const report = getReport(db, { period });
      expect(report.office.n).toBe(running.length);
      expect(report.office.budget).toBe(running.reduce((sum, i) => sum + i.plannedBudget, 0));
      expect(report.office).toEqual(sumRows(getMatrix(db, { period }), null));
      // Coverage and gaps are one rule: each selected cluster's axis is covered or a gap.
      expect(report.gaps).toBe(report.axes.reduce((sum, a) => sum + report.selected - a.selectedCovered, 0));
    }
  });
});

describe('the logo', () => {
  const png = (w: number, h: number) => {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
    b.writeUInt32BE(13, 8);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(w, 16);
    b.writeUInt32BE(h, 20);
    return b;
  };
  const jpeg = (w: number, h: number) =>
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0]);

  it('takes a PNG or a JPEG by its bytes and refuses anything else in both languages, keeping the old one', () => {
    expect(checkLogo(png(400, 120))).toMatchObject({ mime: 'image/png', width: 400, height: 120 });
    expect(checkLogo(jpeg(640, 480))).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480 });
    const refusals: [Buffer, RegExp][] = [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), /not a PNG or JPEG/],
      [Buffer.from('GIF89a....'), /not a PNG or JPEG/],
      [png(20000, 10), /each side must be 16 to 4,000 pixels/],
      [png(8, 8), /each side must be 16 to 4,000 pixels/],
      [Buffer.concat([png(100, 100), Buffer.alloc(1024 * 1024)]), /larger than 1 MB/],
    ];
    const db = newDb();
    setLogo(db, ctx, png(200, 80).toString('base64'));
    for (const [bytes, message] of refusals) {
      expect(() => checkLogo(bytes)).toThrow(message);
      expect(() => setLogo(db, ctx, bytes.toString('base64'))).toThrow(message);
    }
    expect(getLogo(db)).toMatchObject({ width: 200, height: 80 });
    setLogo(db, ctx, null);
    expect(getLogo(db)).toBeNull();
  });
});

describe('export --period', () => {
  it('writes the report of the period with its charts from the command line; a bad period exits 64', async () => {
    const file = join(tempDir(), 'demo.tajammu');
    const run = async (...args: string[]) => {
      let err = '';
      const code = await runCli(args, { out: () => {}, err: (t) => (err += t) });
      return { code, err };
    };
    expect((await run('init', '--db', file, '--demo')).code).toBe(0);
    const out = join(tempDir(), 'q3.xlsx');
    expect((await run('export', '--db', file, '--out', out, '--period', '2026-Q3', '--lang', 'en')).code).toBe(0);
    const wb = await readWorkbookInMemory(out);
    const meta = Object.fromEntries(
      wb
        .getWorksheet('meta')!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(meta).toMatchObject({ period: '2026-Q3', periodFrom: '2026-07-01', periodTo: '2026-09-30' });
    expect(wb.getWorksheet('Cover')!.getSheetValues().flat()).toContain('Third quarter of 2026');
    const names = checkWorkbookFile(out).zip!.names;
    expect(names.filter((n) => n.startsWith('xl/media/'))).toHaveLength(2);
    for (const bad of ['2026-Q5', 'Q3', '2026/3']) {
      const r = await run('export', '--db', file, '--out', join(tempDir(), 'x.xlsx'), '--period', bad);
      expect(r.code).toBe(64);
      expect(r.err).toContain(`«${bad}»`);
      expect(r.err).toContain('not understood');
    }
    const matrix = await run('matrix', '--db', file, '--period', 'FY2026', '--json');
    expect(matrix.code).toBe(0);
  }, 60_000);
});
