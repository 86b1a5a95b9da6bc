/**
 * `npm run bench`: speed and memory of the Excel exchange, measured side by side in one run and
 * printed as a table. Targets: the 50,000-row import as a whole process faster than LibreOffice
 * converting the same file to CSV, under 300 MB (scenario `process`; the bare streaming read
 * stays as the floor); other formats within 1.5× the .xlsx of the same rows; report export
 * ≤ 1.3× a bare streaming write of the same cells; a bad file refused in < 1 s; submitting a
 * period beside writing its report alone. Nothing here asserts: the figures are for reading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { getMatrix } from '../../db/queries/matrix';
import { getFindings } from '../../db/queries/health';
import { createCluster, listClusters } from '../../db/repos/clusters';
import { createRegion } from '../../db/repos/regions';
import { createInitiative } from '../../db/repos/initiatives';
import Excel from '../../electron/excel/exceljs';
import { previewImport } from '../../electron/excel/import';
import { commitImport } from '../../electron/excel/import/commit';
import { streamImport } from '../../electron/excel/import/stream';
import { writeReport } from '../../electron/excel/report';
import { makeZip } from '../helpers/zips';
import { writeRegister } from './register';
import { safetyBench } from './safety';
import { classifyBench, formatsBench } from './formats';
import { processBench } from './process';
import { submitBench } from './submit';
import { ministryBench } from './ministry';

process.env.TAJAMMU_EXCEL_WORKER ??= resolve(__dirname, '../../out/main/excel-worker.js');
const dir = mkdtempSync(join(tmpdir(), 'tajammu-bench-'));
const rows: [string, string, string, string][] = [];

/** Runs fn while sampling resident memory; returns seconds and peak MB above the start. */
async function measure(fn: () => Promise<unknown>): Promise<{ s: number; mb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  await fn();
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { s, mb: (peak - base) / 1024 / 1024 };
}

/** The floor: exceljs's streaming reader over every row, touching each row's values. */
async function bareRead(file: string): Promise<number> {
  let count = 0;
  const reader = new Excel.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    for await (const row of ws as unknown as AsyncIterable<{ values: unknown[] }>)
      count += row.values.length > 0 ? 1 : 0;
  }
  return count;
}

async function importBench(): Promise<void> {
  const file = join(dir, 'register-50k.xlsx');
  await writeRegister(file, 50_000);
  const bare = await measure(() => bareRead(file));
  const db = open(join(dir, 'import.tajammu'));
  let created = 0;
  const ours = await measure(async () => {
    const { result } = await streamImport(db, file, { skipInvalid: false, fileName: 'register-50k.xlsx' });
    created = result?.created ?? 0;
  });
  db.close();
  // The app's two steps, into a fresh file: the preview the user reviews, then the commit.
  const db2 = open(join(dir, 'import2.tajammu'));
  let previewed: Awaited<ReturnType<typeof previewImport>> | null = null;
  const preview = await measure(async () => (previewed = await previewImport(db2, file)));
  const commit = await measure(() => commitImport(db2, previewed!.plan, { fileName: 'r.xlsx', sha256: '' }));
  db2.close();
  rows.push([
    'bare exceljs streaming read, 50,000 rows × 20 columns',
    `${bare.s.toFixed(2)} s`,
    `${bare.mb.toFixed(0)} MB`,
    '',
  ]);
  rows.push([
    `import (CLI, one step): read in worker ∥ validate + plan + write, backup, commit (${created} created)`,
    `${ours.s.toFixed(2)} s`,
    `${ours.mb.toFixed(0)} MB`,
    // Issue 3's target (≤ 1.25× this reader) is retired: the targets are LibreOffice and the floor.
    `${(ours.s / bare.s).toFixed(2)}× the bare read`,
  ]);
  rows.push([
    'import (app, two steps): preview the user reviews',
    `${preview.s.toFixed(2)} s`,
    `${preview.mb.toFixed(0)} MB`,
    `${(preview.s / bare.s).toFixed(2)}×`,
  ]);
  rows.push(['import (app, two steps): commit', `${commit.s.toFixed(2)} s`, `${commit.mb.toFixed(0)} MB`, '']);
}

/** The demo grown to 20,000 initiatives (two axes each), as the report and submit scenarios use it. */
export function portfolioOf(file: string, n = 20_000) {
  const db = open(file);
  loadDemo(db, { source: 'cli' });
  const clusters = listClusters(db);
  db.transaction(() => {
    for (let i = 0; (db.prepare('SELECT count(*) AS n FROM initiatives').pluck().get() as number) < n; i++) {
      const c = clusters[i % clusters.length]!;
      createInitiative(
        db,
        { source: 'cli' },
        {
          title: `مبادرة تطوير رقم ${i} لتجمع ${c.nameAr}`,
          clusterId: c.id,
          axes: [(i % 7) + 1, ((i + 3) % 7) + 1],
          plannedBudget: 100_000_00 + i,
          startDate: '2025-01-01',
          endDate: '2026-06-30',
          leadBody: 'مركز تحديث الصناعة',
        },
      );
    }
  })();
  return db;
}

async function exportBench(): Promise<void> {
  const db = portfolioOf(join(dir, 'export.tajammu'));
  const out = join(dir, 'report.xlsx');
  const ours = await measure(() => writeReport(db, out, { lang: 'ar' }));
  // The same cells, written bare: read them back from our report, then time writing them alone.
  const cells: unknown[][][] = [];
  const names: string[] = [];
  const wbIn = new Excel.Workbook();
  await wbIn.xlsx.readFile(out);
  wbIn.eachSheet((ws) => {
    names.push(ws.name);
    const sheet: unknown[][] = [];
    ws.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)));
    cells.push(sheet);
  });
  const bareOut = join(dir, 'bare.xlsx');
  const bare = await measure(async () => {
    const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: bareOut, useSharedStrings: true, useStyles: true });
    cells.forEach((sheet, i) => {
      const ws = wb.addWorksheet(names[i]);
      for (const r of sheet) ws.addRow(r as never).commit();
      ws.commit();
    });
    await wb.commit();
  });
  db.close();
  rows.push([
    "bare exceljs streaming write of the report's cells (20,000 initiatives)",
    `${bare.s.toFixed(2)} s`,
    `${bare.mb.toFixed(0)} MB`,
    '',
  ]);
  rows.push([
    'ministry report: query + 8 sheets (print and data registers) styled + 2 charts + print set-up',
    `${ours.s.toFixed(2)} s`,
    `${ours.mb.toFixed(0)} MB`,
    `${(ours.s / bare.s).toFixed(2)}× (target ≤ 1.3×)`,
  ]);
}

/** The fastest of a few runs: the figure the query itself can reach, without warm-up noise. */
function best(fn: () => unknown, runs = 5): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** Issue 4: the matrix and the health rules over 100,000 initiatives in 5,000 clusters. */
async function matrixBench(): Promise<void> {
  const db = open(join(dir, 'matrix.tajammu'));
  const ctx = { source: 'cli' } as const;
  db.transaction(() => {
    const regions = Array.from({ length: 50 }, (_, r) => createRegion(db, ctx, { nameAr: `إقليم ${r + 1}` }).id);
    const clusters = Array.from({ length: 5000 }, (_, c) =>
      createCluster(db, ctx, {
        regionId: regions[c % 50]!,
        nameAr: `تجمع ${c + 1}`,
        formality: c % 9 ? 'mixed' : 'informal',
      }),
    );
    const statuses = ['planned', 'active', 'active', 'completed', 'on_hold', 'cancelled'] as const;
    for (let i = 0; i < 100_000; i++) {
      createInitiative(db, ctx, {
        title: `مبادرة ${i}`,
        clusterId: clusters[(i * 7919) % 5000]!.id,
        axes: [(i % 7) + 1, ((i * 3) % 7) + 1],
        status: statuses[i % statuses.length]!,
        plannedBudget: 1_000_00 + i,
        spent: i % 50 ? 500_00 : 2_000_00,
        startDate: '2025-01-01',
        endDate: i % 30 ? '2027-06-30' : '2026-03-31',
        marketingHolder: i % 17 ? 'specialised' : 'enterprises',
      });
    }
  })();
  db.pragma('optimize');
  const region = (db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as string) ?? '';
  // As the screen asks: counts, plus the one measure on show.
  const whole = best(() => getMatrix(db, { measures: [] }));
  const budget = best(() => getMatrix(db, { measures: ['budget'] }));
  const one = best(() => getMatrix(db, { regionIds: [region], measures: [] }));
  const filtered = best(() => getMatrix(db, { status: 'active', period: '2025', measures: [] }));
  const health = best(() => getFindings(db, { today: '2026-11-27' }), 3);
  const n = getFindings(db, { today: '2026-11-27' }).length;
  db.close();
  rows.push([
    'matrix query, 100,000 initiatives / 5,000 clusters (counts)',
    `${whole.toFixed(1)} ms`,
    '',
    'target < 50 ms',
  ]);
  rows.push(['matrix query, the same with planned budget', `${budget.toFixed(1)} ms`, '', 'target < 50 ms']);
  rows.push(['matrix query, one region of 50 (100 clusters)', `${one.toFixed(1)} ms`, '', 'target < 5 ms']);
  rows.push(['matrix query, status + period filter', `${filtered.toFixed(1)} ms`, '', '']);
  rows.push([`health rules R1–R6 over the same (${n} findings)`, `${health.toFixed(1)} ms`, '', 'target < 200 ms']);
}

/** Issue 5: the initiative register with 20,000 initiatives in Chromium: first rows and a search. */
async function registerBench(): Promise<void> {
  const { startSession } = await import('../e2e/browser');
  const s = await startSession();
  try {
    const ctx = { source: 'cli' } as const;
    s.db.transaction(() => {
      const regions = Array.from({ length: 10 }, (_, r) => createRegion(s.db, ctx, { nameAr: `إقليم ${r + 1}` }).id);
      const clusters = Array.from(
        { length: 200 },
        (_, c) => createCluster(s.db, ctx, { regionId: regions[c % 10]!, nameAr: `تجمع الصناعات ${c + 1}` }).id,
      );
      for (let i = 0; i < 20_000; i++) {
        createInitiative(s.db, ctx, {
          title: `مبادرة تطوير الإنتاج والجودة رقم ${i + 1}`,
          clusterId: clusters[i % 200]!,
          axes: [(i % 7) + 1],
          leadBody: 'جهاز تنمية المشروعات',
          status: i % 3 ? 'active' : 'planned',
        });
      }
    })();
    const { page } = s;
    await page.goto(s.host.url);
    await page.getByTestId('stat-initiatives').waitFor();
    const time = async (act: () => Promise<unknown>, done: () => Promise<unknown>) => {
      const t0 = performance.now();
      await act();
      await done();
      return performance.now() - t0;
    };
    const firstRow = page.locator('[role="row"][data-id]').first();
    const open = await time(
      () => page.getByTestId('nav-initiatives').click(),
      () => firstRow.waitFor(),
    );
    // Typed with ha for ta marbuta, as a clerk might: one initiative matches.
    const search = await time(
      () => page.locator('input[name="search"]').fill('مبادره تطوير الانتاج والجوده رقم 12345'),
      () => page.waitForFunction(() => document.querySelectorAll('[role="row"][data-id]').length === 1),
    );
    const clear = await time(
      () => page.locator('input[name="search"]').fill(''),
      () => page.waitForFunction(() => document.querySelectorAll('[role="row"][data-id]').length > 1),
    );
    rows.push(['register in Chromium, 20,000 initiatives: first rows after opening', `${open.toFixed(0)} ms`, '', '']);
    rows.push(['register: Arabic search down to one initiative', `${search.toFixed(0)} ms`, '', 'well under 1 s']);
    rows.push(['register: search cleared, all rows back', `${clear.toFixed(0)} ms`, '', '']);
  } finally {
    await s.close();
  }
}

/** Issue 4: first render of a 2,000-cluster matrix in Chromium once its data have arrived. */
async function renderBench(): Promise<void> {
  const { startSession } = await import('../e2e/browser');
  const s = await startSession();
  try {
    const ctx = { source: 'cli' } as const;
    s.db.transaction(() => {
      const regions = Array.from({ length: 20 }, (_, r) => createRegion(s.db, ctx, { nameAr: `إقليم ${r + 1}` }).id);
      for (let c = 0; c < 2000; c++) {
        const cluster = createCluster(s.db, ctx, { regionId: regions[c % 20]!, nameAr: `تجمع ${c + 1}` });
        for (let k = 0; k < 5; k++) {
          createInitiative(s.db, ctx, { title: `م ${c}-${k}`, clusterId: cluster.id, axes: [((c + k) % 7) + 1] });
        }
      }
    })();
    const times: number[] = [];
    await s.page.goto(s.host.url);
    for (const measure of ['count', 'budget', 'count', 'budget']) {
      if (times.length === 0) await s.page.getByTestId('nav-matrix').click();
      else await s.page.getByTestId(`measure-${measure}`).click();
      const ms = await s.page.waitForFunction(() => {
        const m = performance.getEntriesByName('matrix-render');
        if (m.length === 0) return null;
        performance.clearMeasures('matrix-render');
        return m[m.length - 1]!.duration;
      });
      times.push((await ms.jsonValue()) as number);
    }
    rows.push([
      'matrix first render in Chromium, 2,000 clusters (after the data arrive)',
      `${times[0]!.toFixed(0)} ms`,
      '',
      `target < 300 ms; measure switches ${times
        .slice(1)
        .map((t) => t.toFixed(0))
        .join(', ')} ms`,
    ]);
  } finally {
    await s.close();
  }
}

async function refusalBench(): Promise<void> {
  const db = open(join(dir, 'refuse.tajammu'));
  const good = readFileSync(join(__dirname, '../fixtures/libreoffice-register.xlsx'));
  const files: [string, Buffer][] = [
    [
      'decompression bomb (60 MB declared in 60 KB)',
      makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) },
      ]),
    ],
    ['truncated workbook (first half)', good.subarray(0, good.length >> 1)],
    ['old binary .xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(8192)])],
    ['not a workbook (CSV text)', Buffer.from('a,b\n1,2\n')],
  ];
  for (const [what, bytes] of files) {
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, bytes);
    const r = await measure(() => previewImport(db, file).catch(() => undefined));
    rows.push([`refused: ${what}`, `${(r.s * 1000).toFixed(0)} ms`, `${r.mb.toFixed(0)} MB`, 'target < 1 s']);
  }
  db.close();
}

/**
 * The first screen as a user meets it: a fresh browser context (nothing cached) opening the web
 * host over a 20,000-initiative portfolio, timed from the navigation to the dashboard's figures
 * on screen; with the JavaScript it had to load for it.
 */
async function firstScreenBench(): Promise<void> {
  const { startSession } = await import('../e2e/browser');
  const s = await startSession((file) => {
    const db = open(file);
    const ctx = { source: 'cli' } as const;
    db.transaction(() => {
      const regions = Array.from({ length: 20 }, (_, r) => createRegion(db, ctx, { nameAr: `إقليم ${r + 1}` }).id);
      for (let c = 0; c < 2000; c++) {
        const cluster = createCluster(db, ctx, { regionId: regions[c % 20]!, nameAr: `تجمع ${c + 1}` });
        for (let k = 0; k < 10; k++) {
          createInitiative(db, ctx, {
            title: `م ${c}-${k}`,
            clusterId: cluster.id,
            axes: [((c + k) % 7) + 1],
            plannedBudget: 1000 * k,
          });
        }
      }
    })();
    db.close();
  });
  try {
    const times: number[] = [];
    let script = 0;
    for (let n = 0; n < 3; n++) {
      const context = await s.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ar-EG' });
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(s.host.url);
      await page.getByTestId('figures-rule').waitFor();
      times.push(performance.now() - t0);
      script = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
      );
      await context.close();
    }
    times.sort((a, b) => a - b);
    rows.push([
      'first screen in Chromium, 20,000 initiatives: navigation to the dashboard’s figures (median of 3)',
      `${times[1]!.toFixed(0)} ms`,
      `${(script / 1024 / 1024).toFixed(2)} MB of JavaScript`,
      'target < 1.5 s',
    ]);
  } finally {
    await s.close();
  }
}

const SCENARIOS: Record<string, () => Promise<void>> = {
  import: importBench,
  export: exportBench,
  matrix: matrixBench,
  render: renderBench,
  'first-screen': firstScreenBench,
  register: registerBench,
  refusal: refusalBench,
  safety: async () => void rows.push(...(await safetyBench(dir, measure))),
  formats: async () => void rows.push(...(await formatsBench(dir, measure, writeRegister))),
  classify: async () => void rows.push(...(await classifyBench(dir, measure))),
  process: async () => void rows.push(...(await processBench(dir, writeRegister))),
  submit: async () => void rows.push(...(await submitBench(dir, measure, portfolioOf))),
  ministry: async () => void rows.push(...(await ministryBench(dir, measure, portfolioOf))),
};

/**
 * Each scenario runs in its own process, so one's heap does not hide another's peak memory;
 * the parent gathers their rows into one table.
 */
void (async () => {
  const only = process.argv[2];
  if (only) {
    await SCENARIOS[only]!();
    process.stdout.write(`ROWS ${JSON.stringify(rows)}\n`);
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  for (const name of Object.keys(SCENARIOS)) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', __filename, name], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    rows.push(...(JSON.parse(out.split('ROWS ')[1]!) as typeof rows));
  }
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...[['what', 'time', 'peak memory', 'ratio'], ...rows].map((r) => r[i]!.length)),
  );
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(['what', 'time', 'peak memory', 'ratio']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
})();
