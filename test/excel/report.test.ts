import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { open, type Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { getFindings } from '../../db/queries/health';
import { listClusters } from '../../db/repos/clusters';
import { createInitiative, listInitiatives } from '../../db/repos/initiatives';
import { listRegions } from '../../db/repos/regions';
import { dispatch } from '../../electron/api/dispatch';
import { runCli } from '../../electron/cli';
import { previewImport } from '../../electron/excel/import';
import { commitImport } from '../../electron/excel/import/commit';
import { writeReport } from '../../electron/excel/report';
import { writeTemplate } from '../../electron/excel/template';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';
import { readWorkbookInMemory, writeMessyRegister } from '../helpers/workbooks';
import type { FilePayload } from '../../db/core/results';

const newDb = useTestDb();
const tempDir = useTempDir();

/** What "the same portfolio" means: every initiative's fields, with names instead of ids. */
function portfolio(db: Db) {
  const regions = new Map(listRegions(db).map((r) => [r.id, r.nameAr]));
  const clusters = new Map(listClusters(db).map((c) => [c.id, c.nameAr]));
  return listInitiatives(db).map(({ id: _id, regionId, clusterId, ...rest }) => ({
    ...rest,
    region: regions.get(regionId),
    cluster: clusterId ? clusters.get(clusterId) : null,
  }));
}

/** The raw XML of one part of a workbook, to check what exceljs really wrote. */
function part(file: string, name: string): string {
  const zip = readFileSync(file);
  for (let p = zip.length - 22; p >= 0; p--) {
    if (zip.readUInt32LE(p) !== 0x06054b50) continue;
    let c = zip.readUInt32LE(p + 16);
    for (let i = 0; i < zip.readUInt16LE(p + 10); i++) {
      const n = zip.toString('utf8', c + 46, c + 46 + zip.readUInt16LE(c + 28));
      const local = zip.readUInt32LE(c + 42);
      const size = zip.readUInt32LE(c + 20);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      if (n === name) {
        const data = zip.subarray(start, start + size);
        return (zip.readUInt16LE(c + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
      }
      c += 46 + zip.readUInt16LE(c + 28) + zip.readUInt16LE(c + 30) + zip.readUInt16LE(c + 32);
    }
  }
  throw new Error(`no part ${name}`);
}

describe('excel/report', () => {
  it('names Tajammu as the program that wrote the report and the template (file properties)', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const report = join(tempDir(), 'report.xlsx');
    await writeReport(db, report, { lang: 'ar' });
    const template = join(tempDir(), 'template.xlsx');
    await writeTemplate(template, 'en', db);
    for (const file of [report, template]) {
      expect(part(file, 'docProps/app.xml')).toContain('<Application>Tajammu</Application>');
      expect(part(file, 'docProps/app.xml')).not.toContain('Microsoft Excel');
    }
    expect(part(report, 'docProps/core.xml')).toContain('<dc:creator>Tajammu</dc:creator>');
  });

  it('round trip: the register sheet imports back into an empty file as the same portfolio', async () => {
    const source = newDb();
    loadDemo(source, { source: 'cli' });
    for (const lang of ['ar', 'en'] as const) {
      const dir = tempDir();
      const out = join(dir, `report-${lang}.xlsx`);
      await writeReport(source, out, { lang });
      const target = open(join(dir, 'copy.tajammu'));
      const { plan } = await previewImport(target, out);
      expect(plan.errors).toEqual([]);
      expect(plan.sheet).toBe(lang === 'ar' ? 'سجل المبادرات' : 'Initiative register');
      await commitImport(target, plan, { fileName: 'report.xlsx', sha256: '' });
      expect(portfolio(target)).toEqual(portfolio(source));
      // And importing the report again changes nothing.
      const again = await previewImport(target, out);
      expect([again.plan.creates.length, again.plan.updates.length, again.plan.unchanged]).toEqual([
        0,
        0,
        plan.creates.length,
      ]);
      target.close();
    }
  }, 60_000);

  it('is right to left in Arabic, frozen, printable, with a hidden meta sheet', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const out = join(tempDir(), 'report.xlsx');
    await writeReport(db, out, { lang: 'ar' });
    const wb = await readWorkbookInMemory(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'الغلاف',
      'ملخص المحاور',
      'المصفوفة',
      'سجل المبادرات للطباعة',
      'سجل المبادرات',
      'المؤشرات',
      'ملاحظات السلامة',
      'meta',
    ]);
    // The health findings, in the report's language, one row each.
    const findings = wb.getWorksheet('ملاحظات السلامة')!;
    expect(findings.views[0]).toMatchObject({ rightToLeft: true });
    const rules = new Set<string>();
    findings.eachRow((row, n) => n > 1 && rules.add(String(row.getCell(1).value)));
    expect([...rules].sort()).toEqual(['R1', 'R3', 'R4', 'R5', 'R6']);
    expect(String(findings.getRow(2).getCell(7).value)).toMatch(/[\u0600-\u06FF]/);
    // The matrix: gaps marked, other cells filled as the screen's heat map.
    const matrixSheet = wb.getWorksheet('المصفوفة')!;
    const cells: { value: unknown; fill: unknown }[] = [];
    matrixSheet.eachRow((row, n) => {
      if (n > 4) for (let c = 4; c <= 10; c++) cells.push({ value: row.getCell(c).value, fill: row.getCell(c).fill });
    });
    expect(cells.filter((c) => c.value === 'فجوة').length).toBeGreaterThan(10);
    expect(cells.some((c) => typeof c.value === 'number' && (c.fill as { fgColor?: unknown })?.fgColor)).toBe(true);
    const register = wb.getWorksheet('سجل المبادرات')!;
    expect(register.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    // The data register prints at full size; the print register is the one fitted to the page.
    expect(register.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: false });
    const print = wb.getWorksheet('سجل المبادرات للطباعة')!;
    expect(print.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(print.pageSetup.printTitlesRow).toBe('1:1');
    expect(register.headerFooter.oddFooter).toContain('&P');
    expect(register.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(wb.getWorksheet('meta')!.state).toBe('hidden');
    const meta = Object.fromEntries(
      wb
        .getWorksheet('meta')!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1, 3)),
    );
    expect(meta).toMatchObject({ format: 'tajammu-report', formatVersion: 2, language: 'ar', period: '' });
    const matrix = wb.getWorksheet('المصفوفة')!;
    const gaps = matrix
      .getSheetValues()
      .flat()
      .filter((v) => v === 'فجوة');
    expect(gaps.length).toBeGreaterThan(10);
    const summary = wb.getWorksheet('ملخص المحاور')!;
    expect(summary.getRow(2).getCell(2).value).toBe('التنمية الاقتصادية');
    const en = join(tempDir(), 'report-en.xlsx');
    await writeReport(db, en, { lang: 'en', region: 'إقليم الدلتا' });
    const wbEn = await readWorkbookInMemory(en);
    expect(wbEn.getWorksheet('Initiative register')!.views[0]).toMatchObject({ rightToLeft: false });
    expect(wbEn.getWorksheet('Initiative register')!.rowCount - 1).toBe(
      listInitiatives(db, { regionId: listRegions(db).find((r) => r.nameAr === 'إقليم الدلتا')!.id }).length,
    );
  });

  it('exports the findings list as filtered on screen (rule, cluster) through the API', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const all = getFindings(db);
    const cluster = all.find((f) => f.rule === 'R1')!.clusterId!;
    const cases = [
      { input: { lang: 'ar' as const }, want: all, rtl: true },
      { input: { lang: 'en' as const, rules: ['R3' as const] }, want: all.filter((f) => f.rule === 'R3'), rtl: false },
      {
        input: { lang: 'ar' as const, clusterId: cluster },
        want: all.filter((f) => f.clusterId === cluster),
        rtl: true,
      },
    ];
    for (const { input, want, rtl } of cases) {
      const result = await dispatch({ db, source: 'ui' }, 'exchange.findings', input);
      if (!result.ok) throw new Error(result.error.message.en);
      const payload = result.value as FilePayload;
      const file = join(tempDir(), payload.fileName);
      writeFileSync(file, Buffer.from(payload.data, 'base64'));
      const sheet = (await readWorkbookInMemory(file)).worksheets[0]!;
      expect(sheet.views[0]).toMatchObject({ rightToLeft: rtl, state: 'frozen' });
      const rows: unknown[][] = [];
      sheet.eachRow((row, n) => n > 1 && rows.push([row.getCell(1).value, row.getCell(7).value]));
      expect(rows).toEqual(want.map((f) => [f.rule, f.message[input.lang]]));
    }
    expect(cases[1]!.want.length).toBeGreaterThan(0);
    expect(cases[2]!.want.length).toBeLessThan(all.length);
  });

  it('keeps number and date formats on every row of a long register (shared column styles)', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const cluster = listClusters(db)[0]!;
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) {
        createInitiative(
          db,
          { source: 'cli' },
          {
            title: `م ${i}`,
            clusterId: cluster.id,
            axes: [1 + (i % 7)],
            plannedBudget: 150_00 + i,
            startDate: '2025-02-03',
          },
        );
      }
    })();
    const out = join(tempDir(), 'long.xlsx');
    await writeReport(db, out, { lang: 'ar' });
    const ws = (await readWorkbookInMemory(out)).getWorksheet('سجل المبادرات')!;
    const at = (header: string) => (ws.getRow(1).values as string[]).findIndex((h) => h?.startsWith(header));
    const [budget, start, axis1] = [at('الميزانية المخططة'), at('تاريخ البدء'), at('المحور 1:')];
    expect(Math.min(budget, start, axis1)).toBeGreaterThan(0);
    for (const n of [2, 1000, ws.rowCount]) {
      const row = ws.getRow(n);
      expect(row.getCell(budget).numFmt).toBe('#,##0.00');
      expect(row.getCell(start).value).toBeInstanceOf(Date);
      expect(row.getCell(start).numFmt).toBe('yyyy-mm-dd');
      if (row.getCell(axis1).value) expect(row.getCell(axis1).alignment).toMatchObject({ horizontal: 'center' });
    }
  });

  it('writes text that looks like a formula as text, never as a formula', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const region = listRegions(db)[0]!;
    const tricky = ['=HYPERLINK("http://x","اضغط")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\n=1'];
    for (const title of tricky) createInitiative(db, { source: 'ui' }, { title, regionId: region.id, axes: [1] });
    const out = join(tempDir(), 'report.xlsx');
    await writeReport(db, out, { lang: 'ar' });
    const xml = part(out, 'xl/worksheets/sheet4.xml');
    expect(xml).not.toContain('<f>');
    expect(part(out, 'xl/sharedStrings.xml')).toContain('=HYPERLINK(&quot;http://x&quot;');
    const wb = await readWorkbookInMemory(out);
    const titles = wb.getWorksheet('سجل المبادرات')!.getColumn(2).values;
    const stored = listInitiatives(db).map((i) => i.title);
    for (const t of tricky) expect(stored).toContain(t);
    for (const t of tricky) expect(titles).toContain(t);
  });

  it('makes a template with drop-down lists from a hidden sheet and instructions', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const out = join(tempDir(), 'template.xlsx');
    await writeTemplate(out, 'ar', db);
    const wb = await readWorkbookInMemory(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['سجل المبادرات', 'visible'],
      ['التعليمات', 'visible'],
      ['القوائم', 'hidden'],
    ]);
    const register = wb.getWorksheet('سجل المبادرات')!;
    expect(register.getRow(1).values).toContain('عنوان المبادرة');
    const validations = (
      register as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    const lists = Object.values(validations).map((v) => v.formulae[0]);
    expect(Object.values(validations).every((v) => v.type === 'list')).toBe(true);
    expect(lists.some((f) => f!.includes('القوائم'))).toBe(true);
    expect(Object.keys(validations).length).toBeGreaterThanOrEqual(12);
    // A new region or cluster name is a warning Excel lets through, not a stop; a status is a stop.
    const styles = validations as unknown as Record<string, { errorStyle?: string; showErrorMessage?: boolean }>;
    const regionColumn = String.fromCharCode(65 + 2);
    const region = Object.entries(styles).find(([range]) => range.startsWith(`${regionColumn}2`))![1];
    expect(region).toMatchObject({ errorStyle: 'warning', showErrorMessage: true });
    expect(Object.values(styles).filter((v) => v.errorStyle === 'stop').length).toBeGreaterThan(5);
    const listSheet = wb.getWorksheet('القوائم')!;
    expect(listSheet.getColumn(1).values).toContain('إقليم الدلتا');
    expect(wb.getWorksheet('التعليمات')!.getRow(1).getCell(1).value).toContain('تعليمات');
    // The empty template imports as an empty register, without errors.
    const { plan } = await previewImport(db, out);
    expect([plan.errors.length, plan.creates.length]).toEqual([0, 0]);
  });
});

describe('cli/exchange', () => {
  it('exports, templates and imports with the documented exit codes and JSON', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const io = () => {
      const o = { out: '', err: '' };
      return { o, io: { out: (t: string) => (o.out += t), err: (t: string) => (o.err += t) } };
    };
    const src = join(dir, 'src.tajammu');
    const dst = join(dir, 'dst.tajammu');
    await runCli(['init', '--db', src, '--demo'], io().io);
    await runCli(['init', '--db', dst], io().io);
    const n = (f: string) => {
      const db = open(f);
      const count = (db.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number }).n;
      db.close();
      return count;
    };
    const total = n(src);
    const report = join(dir, 'r.xlsx');
    expect(await runCli(['export', '--db', src, '--out', report, '--lang', 'en'], io().io)).toBe(0);
    expect(await runCli(['template', '--out', join(dir, 't.xlsx'), '--lang', 'en'], io().io)).toBe(0);

    const dry = io();
    expect(await runCli(['import', '--db', dst, report, '--dry-run', '--json'], dry.io)).toBe(0);
    expect(JSON.parse(dry.o.out)).toMatchObject({
      ok: true,
      dryRun: true,
      created: total,
      updated: 0,
      unchanged: 0,
      regionsCreated: 4,
      clustersCreated: 24,
    });
    expect(n(dst)).toBe(0);

    const real = io();
    expect(await runCli(['import', '--db', dst, report, '--json'], real.io)).toBe(0);
    expect(Object.keys(JSON.parse(real.o.out)).slice(0, 7)).toEqual([
      'ok',
      'dryRun',
      'created',
      'updated',
      'unchanged',
      'regionsCreated',
      'clustersCreated',
    ]);
    expect(n(dst)).toBe(total);
  }, 60_000);

  it('runs `npm run --silent cli -- import` as a process: exit 1 with the error list, exit 0 when valid', async () => {
    const dir = tempDir();
    const db = join(dir, 'p.tajammu');
    const cwd = join(__dirname, '../..');
    const bad = await writeMessyRegister(
      dir,
      ['اسم المبادرة', 'الإقليم', 'المحاور'],
      [
        ['', 'إقليم', '1'],
        ['سليمة', 'إقليم', '9'],
      ],
    );
    execFileSync('npm', ['run', '--silent', 'cli', '--', 'init', '--db', db], { cwd });
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'import', '--db', db, bad, '--json'], {
      cwd,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    const json = JSON.parse(run.stdout) as {
      ok: boolean;
      errors: { sheet: string; row: number; column: string; message: object }[];
    };
    expect(json.ok).toBe(false);
    expect(json.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['سجل المبادرات', 5, 'اسم المبادرة'],
      ['سجل المبادرات', 6, 'المحاور'],
    ]);
    const file = join(__dirname, '../fixtures/libreoffice-register.xlsx');
    const ok = execFileSync('npm', ['run', '--silent', 'cli', '--', 'import', '--db', db, file, '--json'], {
      cwd,
      encoding: 'utf8',
    });
    expect(JSON.parse(ok)).toMatchObject({ ok: true, created: 2 });
  }, 60_000);
});
