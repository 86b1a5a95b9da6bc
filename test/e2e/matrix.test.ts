import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, listClusters } from '../../db/repos/clusters';
import { createRegion } from '../../db/repos/regions';
import { getMatrix } from '../../db/queries/matrix';
import { readWorkbookInMemory } from '../helpers/workbooks';
import { pdfPageSizes, pdfText } from '../helpers/pdf';
import { RESULTS, type Session, startDemoSession } from './browser';

let s: Session;
beforeAll(async () => {
  s = await startDemoSession();
  await s.page.getByTestId('nav-matrix').click();
  await s.page.getByTestId('matrix-table').waitFor();
});
afterAll(async () => {
  await s?.close();
});

/** Saves the matrix as PNG through the page's button; the image's size from its header. */
async function savePng(name: string): Promise<{ width: number; height: number }> {
  const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByTestId('matrix-png').click()]);
  expect(download.suggestedFilename()).toMatch(/-\d{4}-\d{2}-\d{2}\.png$/);
  const file = join(RESULTS, `${name}.png`);
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const shot = (name: string) => s.page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
const cellTexts = () => s.page.locator('[data-testid^=matrix-row-] td[data-axis]').allInnerTexts();

describe('e2e/matrix', () => {
  it('shows the demo matrix by region with subtotals, gaps, findings and a legend, and switches measure', async () => {
    const { page } = s;
    expect(await page.locator('[data-testid^=matrix-region-]').count()).toBe(4);
    expect(await page.locator('[data-testid^=matrix-row-]').count()).toBe(24);
    // Each region's initiatives without a cluster: one row per region, in its totals, never a gap.
    const wide = s.db
      .prepare("SELECT count(DISTINCT region_id) FROM initiatives WHERE cluster_id IS NULL AND status <> 'cancelled'")
      .pluck()
      .get() as number;
    expect(wide).toBeGreaterThan(0);
    const wideRows = page.locator('[data-testid^=matrix-wide-]');
    expect(await wideRows.count()).toBe(wide);
    expect(await wideRows.locator('td[data-gap]').count()).toBe(0);
    expect(await wideRows.first().locator('td').first().innerText()).toBe('على مستوى الإقليم');
    // Its cell lists exactly the initiatives it counts.
    const filled = wideRows
      .locator('td[data-axis]')
      .filter({ hasText: /^[1-9]\d*$/ })
      .first();
    const n = Number(await filled.innerText());
    await filled.click();
    await expect.poll(() => page.getByTestId('cell-initiative').count()).toBe(n);
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-dialog').waitFor({ state: 'detached' });
    expect(await page.locator('td[data-gap]').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('cluster-findings').count()).toBeGreaterThan(0);
    await shot('matrix-count-ar');

    const counts = await cellTexts();
    await page.getByTestId('measure-budget').click();
    await expect.poll(cellTexts).not.toEqual(counts);
    // Money in Egyptian pounds, with thousands separators, in the Arabic locale.
    expect((await cellTexts()).find((x) => x !== '—' && x !== '·')).toMatch(/ج\.م\.‏|EGP|٬|,/);
    await page.getByTestId('measure-progress').click();
    await expect.poll(async () => (await cellTexts()).some((x) => /[%٪]/.test(x))).toBe(true);
    await shot('matrix-progress-ar');
    await page.getByTestId('measure-count').click();
  });

  it('fits the office laptop: at 1366×768 fifteen clusters and all nine columns in every measure; planning beside it at 1280×720', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(200);
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    const table = await box('.matrix-scroll');
    // Cluster rows wholly inside the table's scrolling box, under its header.
    const inView = async (table: { y: number; height: number }) => {
      const rows = await page
        .locator('[data-testid^=matrix-row-]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      return rows.filter((r) => r.top >= table.y && r.bottom <= table.y + table.height).length;
    };
    expect(table.y + table.height).toBeLessThanOrEqual(768);
    expect(await inView(table)).toBeGreaterThanOrEqual(15);
    /** In a measure, the nine columns wholly across the 1366-pixel window; a screenshot kept. */
    const nineFit = async (m: string, lang: string) => {
      await page.getByTestId(`measure-${m}`).click();
      await page.waitForTimeout(150);
      const heads = await page
        .locator('[data-testid=matrix-table] thead th')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
      expect(heads.length).toBe(9);
      for (const h of heads) {
        expect(h.left).toBeGreaterThanOrEqual(0);
        expect(h.right).toBeLessThanOrEqual(1366);
      }
      await page.screenshot({ path: join(RESULTS, `matrix-1366-${m}-${lang}.png`) });
    };
    for (const m of ['count', 'budget', 'spent', 'progress', 'achievement']) await nineFit(m, 'ar');
    await page.getByTestId('measure-count').click();
    // In English too, where the axes' and clusters' names are longer.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    for (const m of ['count', 'budget']) await nineFit(m, 'en');
    await page.getByTestId('measure-count').click();
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // A planning session at 1280×720: its figures beside the matrix, both in view.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('planning-start').click();
    const panel = page.getByTestId('planning-panel');
    await panel.waitFor();
    await page.waitForTimeout(200);
    const [p, t] = [(await panel.boundingBox())!, await box('.matrix-scroll')];
    expect(p.x + p.width <= t.x || t.x + t.width <= p.x).toBe(true);
    expect(t.y + 200).toBeLessThanOrEqual(720);
    expect(p.y + 100).toBeLessThanOrEqual(720);
    expect(await inView(t)).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: join(RESULTS, 'matrix-1280-planning-ar.png') });
    await panel.getByRole('button', { name: 'إنهاء الجلسة' }).click();
    await panel.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('moves between cells with the arrow keys, right to left, and opens one with Enter', async () => {
    const { page } = s;
    const first = page.locator('td[data-r="0"][data-c="1"]');
    await first.focus();
    // In Arabic, axis 2 stands to the left of axis 1.
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.c)).toBe('2');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.r)).toBe('1');
    await page.keyboard.press('Enter');
    await page.getByTestId('cell-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-dialog').waitFor({ state: 'detached' });
  });

  it('follows a gap to a new initiative pre-filled with its cluster and axis, and the gap closes', async () => {
    const { page, db } = s;
    const gap = page.locator('td[data-gap]').first();
    const axis = Number(await gap.getAttribute('data-axis'));
    const rowId = await gap.locator('xpath=..').getAttribute('data-testid');
    const code = rowId!.replace('matrix-row-', '');
    await gap.click();
    const cell = page.getByTestId('cell-dialog');
    await expect.poll(() => cell.innerText()).toContain('R1');
    await shot('matrix-gap-dialog-ar');
    await cell.getByTestId('cell-add').click();
    const d = page.getByTestId('initiative-dialog');
    await d.locator('input[name=title]').fill('مبادرة تسد فجوة المحور');
    expect(await d.getByRole('checkbox', { name: new RegExp(`^${axis}\\.`) }).isChecked()).toBe(true);
    await d.getByTestId('dialog-save').click();
    await d.waitFor({ state: 'detached' });

    const row = page.getByTestId(rowId!);
    await expect.poll(() => row.locator(`td[data-axis="${axis}"]`).getAttribute('data-gap')).toBeNull();
    expect(await row.locator(`td[data-axis="${axis}"]`).innerText()).toBe('1');
    const stored = db
      .prepare(
        `SELECT c.code, i.axis${axis} AS on_axis, i.primary_axis FROM initiatives i JOIN clusters c ON c.id = i.cluster_id
         WHERE i.title = 'مبادرة تسد فجوة المحور'`,
      )
      .get();
    expect(stored).toEqual({ code, on_axis: 1, primary_axis: axis });
  });

  it('plans in a session: a draft closes a gap on screen only, shows the difference, and is committed', async () => {
    const { page, db } = s;
    const count = () => db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
    const before = count();
    await page.getByTestId('planning-start').click();
    const panel = page.getByTestId('planning-panel');
    await panel.waitFor();

    const gap = page.locator('td[data-gap]').first();
    const axis = await gap.getAttribute('data-axis');
    const rowId = (await gap.locator('xpath=..').getAttribute('data-testid'))!;
    await gap.click();
    await page.getByTestId('cell-add').click();
    const d = page.getByTestId('initiative-dialog');
    await d.locator('input[name=title]').fill('مبادرة مقترحة في جلسة التخطيط');
    await d.locator('input[name=plannedBudget]').fill('750000');
    await d.getByTestId('dialog-save').click();
    await d.waitFor({ state: 'detached' });

    await expect.poll(() => panel.getByTestId('planning-draft').count()).toBe(1);
    const cell = page.getByTestId(rowId).locator(`td[data-axis="${axis}"]`);
    await expect.poll(() => cell.getAttribute('data-changed')).toBe('true');
    expect(await cell.getAttribute('data-gap')).toBeNull();
    // The cell's dialog lists what the cell counts: the draft too, marked as one.
    await cell.click();
    const listed = page.getByTestId('cell-dialog').locator('[data-draft]');
    await expect.poll(() => listed.innerText()).toContain('مبادرة مقترحة في جلسة التخطيط');
    await page.keyboard.press('Escape');
    await page.getByTestId('cell-dialog').waitFor({ state: 'detached' });
    expect(await panel.getByTestId('planning-gapsClosed').innerText()).toMatch(/[1١]/);
    expect(count()).toBe(before);
    expect(db.prepare('SELECT count(*) FROM plan_drafts').pluck().get()).toBe(1);
    await page.waitForTimeout(200);
    await shot('matrix-planning-ar');

    await panel.getByTestId('planning-commit').click();
    await page.getByTestId('planning-confirm').click();
    await panel.waitFor({ state: 'detached' });
    expect(count()).toBe(before + 1);
    expect(db.prepare('SELECT count(*) FROM plan_drafts').pluck().get()).toBe(0);
    await expect.poll(() => cell.getAttribute('data-gap')).toBeNull();
    expect(await cell.getAttribute('data-changed')).toBeNull();
  });

  it('filters by region and status, and collapses a region', async () => {
    const { page } = s;
    // The filters are a bar opened on demand: closed, the table has their room.
    expect(await page.getByTestId('filter-region').count()).toBe(0);
    await page.getByTestId('matrix-filters-toggle').click();
    await page.getByTestId('filter-region').click();
    await page.getByRole('option', { name: 'إقليم الصعيد' }).click();
    await expect.poll(() => page.locator('[data-testid^=matrix-region-]').count()).toBe(1);
    const rows = await page.locator('[data-testid^=matrix-row-]').count();
    expect(rows).toBe(
      s.db
        .prepare(
          "SELECT count(*) FROM clusters c JOIN regions r ON r.id = c.region_id WHERE r.name_ar = 'إقليم الصعيد'",
        )
        .pluck()
        .get(),
    );

    await page.getByTestId('filter-status').click();
    await page.getByRole('option', { name: 'منتهية' }).click();
    const completed = s.db
      .prepare(
        `SELECT count(*) FROM initiatives i JOIN regions r ON r.id = i.region_id
         WHERE r.name_ar = 'إقليم الصعيد' AND i.status = 'completed'`,
      )
      .pluck()
      .get() as number;
    const total = page.locator('[data-testid^=matrix-region-] td').last();
    await expect.poll(() => total.innerText()).toBe(String(completed));

    await page.getByRole('button', { name: /طي مجموعة/ }).click();
    await expect.poll(() => page.locator('[data-testid^=matrix-row-]').count()).toBe(0);
    await page.getByRole('button', { name: /فتح مجموعة/ }).click();
    await expect.poll(() => page.locator('[data-testid^=matrix-row-]').count()).toBe(rows);
  });

  it('exports the view on screen to Excel and prints without the program around it', async () => {
    const { page } = s;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('matrix-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^مصفوفة-التجمعات-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = join(RESULTS, 'matrix-view.xlsx');
    await download.saveAs(file);
    const ws = (await readWorkbookInMemory(file)).getWorksheet('المصفوفة')!;
    expect(ws.views[0]).toMatchObject({ rightToLeft: true });
    // A header says whose matrix, which measure and filters, and when; the table starts on row 4.
    expect(String(ws.getRow(1).getCell(1).value)).toContain('مصفوفة التجمعات الإنتاجية');
    const header = String(ws.getRow(2).getCell(1).value);
    for (const part of ['المقياس: عدد المبادرات', 'عوامل التصفية: إقليم الصعيد', 'تاريخ الإصدار:'])
      expect(header).toContain(part);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    // The region filter of the view (Upper Egypt) is in the file: its clusters only, then the total.
    const regions = new Set<string>();
    ws.eachRow(
      (row, n) =>
        n > 4 && ['نعم', 'لا'].includes(String(row.getCell(3).value)) && regions.add(String(row.getCell(1).value)),
    );
    expect([...regions]).toEqual(['إقليم الصعيد']);
    const values = ws.getSheetValues().map((r) => (r as unknown[] | undefined)?.[1]);
    expect(values).toContain('الإجمالي');
    expect(values).toContain('دليل القراءة');

    // The same view as an image: every row drawn, right to left, at twice the resolution.
    const png = await savePng('matrix-png-ar');
    const items = await page
      .locator('[data-testid^=matrix-row-], [data-testid^=matrix-region-], [data-testid^=matrix-wide-]')
      .count();
    expect(png.width).toBe(2 * (280 + 112 * 8 + 48));
    // Title, header, the rows and the total, the legend (44), the footer.
    expect(png.height).toBe(2 * (70 + 64 + (items + 1) * 30 + 44 + 40 + 48));

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').isVisible()).toBe(false);
    expect(await page.getByTestId('matrix-export').isVisible()).toBe(false);
    expect(await page.getByTestId('measure-count').isVisible()).toBe(false);
    expect(await page.getByTestId('filter-region').isVisible()).toBe(false);
    expect(await page.getByTestId('matrix-table').isVisible()).toBe(true);
    const printHeader = await page.getByTestId('matrix-print-header').innerText();
    expect(printHeader).toContain('مكتب تنمية التجمعات الإنتاجية');
    expect(printHeader).toContain('إقليم الصعيد');
    await shot('matrix-print-ar');
    await page.emulateMedia({ media: 'screen' });
  });

  it('reads left to right in English, with findings on the dashboard', async () => {
    const { page } = s;
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByTestId('measure-spent').click();
    await shot('matrix-spent-en');
    expect((await savePng('matrix-png-en')).width).toBe(2448);
    await page.getByTestId('nav-dashboard').click();
    const panel = page.getByTestId('findings');
    await expect.poll(() => panel.innerText()).toContain('Portfolio health findings');
    await panel.getByTestId('findings-rule-R3').click();
    const items = await panel.getByTestId('finding').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const x of items) expect(x).toContain('leaves marketing and sales');
    await shot('dashboard-findings-en');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot('dashboard-findings-ar');
  });

  it('prints a long, windowed matrix at full length and refuses an image too long to hold', async () => {
    const { page, db } = s;
    // A long name, as real ones are (89 characters).
    const long = 'إقليم الاختبار للتنمية المتكاملة للتجمعات الإنتاجية الصغيرة ومتناهية الصغر في المحافظات 2';
    expect(long.length).toBe(89);
    const region = createRegion(db, { source: 'cli' }, { nameAr: long });
    const add = (n: number) => {
      for (let i = 0; i < n; i++) createCluster(db, { source: 'cli' }, { nameAr: `تجمع ${i}`, regionId: region.id });
    };
    add(400);
    await page.reload();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-table').waitFor();
    const drawn = () => page.locator('[data-testid^=matrix-row-]').count();
    const all = listClusters(db).length;
    expect(all).toBe(424);
    expect(await drawn()).toBeLessThan(100);
    // Chosen in the filter, the long name neither stretches the bar nor hides: an ellipsis, whole on hover.
    await page.getByTestId('matrix-filters-toggle').click();
    const filter = page.getByTestId('filter-region');
    await filter.click();
    await page.getByRole('option', { name: long }).click();
    await expect.poll(() => filter.locator(`[title="${long}"]`).count()).toBe(1);
    expect((await filter.boundingBox())!.width).toBeLessThanOrEqual(260);
    await page.screenshot({ path: join(RESULTS, 'matrix-long-name-filter-ar.png') });
    await filter.click();
    await page.getByRole('option', { name: 'الكل', exact: true }).click();
    await expect.poll(() => filter.innerText()).toContain('الكل');
    await page.getByTestId('matrix-filters-toggle').click();
    // Ctrl+P and the print button both announce printing with `beforeprint`: every row is drawn.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await drawn()).toBe(all);
    await page.emulateMedia({ media: 'print' });
    const file = join(RESULTS, 'matrix-print-long.pdf');
    await page.pdf({ path: file, format: 'A4', landscape: true, preferCSSPageSize: true });
    const pages = pdfPageSizes(file).length;
    expect(pages).toBeGreaterThan(8);
    // The last page carries clusters as well as the total: never the total alone.
    const lastPage = pdfText(file, pages).replace(/\s+/g, '');
    expect(lastPage).toContain('الإجمالي');
    const names = getMatrix(db).map((r) => r.clusterNameAr.replace(/\s+/g, ''));
    expect(names.filter((n) => n && lastPage.includes(n)).length).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(drawn).toBeLessThan(100);
    expect((await savePng('matrix-png-long')).height).toBeGreaterThan(2 * 428 * 30);

    add(700);
    await page.reload();
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-table').waitFor();
    await page.getByTestId('matrix-png').click();
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('أطول من أن تُحفظ');
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
