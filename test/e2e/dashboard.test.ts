import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMatrix } from '../../db/queries/matrix';
import { sumRows } from '../../db/core/measures';
import { getSettings } from '../../db/repos/settings';
import { makeFormatter } from '../../db/core/format';
import { RESULTS, type Session, startDemoSession } from './browser';

let s: Session;
beforeAll(async () => {
  s = await startDemoSession();
  await s.page.getByTestId('chart-axes').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const text = (testId: string) => s.page.getByTestId(testId).innerText();

describe('e2e/dashboard', () => {
  it('shows budget by axis and region, status, coverage per cluster and overdue initiatives for the office', async () => {
    const { page, db } = s;
    expect(await text('stat-clusters')).toBe('24');
    // The tiles are the matrix's totals under the rule of figures, which the page states.
    const office = sumRows(getMatrix(db), null);
    expect(await text('stat-initiatives')).toBe(String(office.n));
    // Digits only: Node's and Chromium's ICU may space a currency name differently.
    const fmt = makeFormatter('ar', getSettings(db));
    const digits = (t: string) => t.replace(/\D/g, '');
    expect(digits(await text('stat-budget'))).toBe(digits(fmt.money(office.budget)));
    expect(digits(await text('stat-spent'))).toBe(digits(fmt.money(office.spent)));
    expect(await text('figures-rule')).toContain('عدا الملغاة');
    // Seven axes and four regions drawn as bars, two series each.
    expect(
      await page
        .getByTestId('chart-axes')
        .locator('rect[class*="MuiBarElement"], path[class*="MuiBarElement"]')
        .count(),
    ).toBeGreaterThanOrEqual(14);
    expect(await page.getByTestId('chart-regions').innerText()).toContain('إقليم الدلتا');
    expect(await page.getByTestId('chart-status').innerText()).toContain('جارية');
    const selected = db.prepare('SELECT count(*) FROM clusters WHERE selected = 1').pluck().get() as number;
    expect(await page.getByTestId('strip-row').count()).toBe(Math.min(selected, 40));
    expect(await page.getByTestId('coverage-strip').locator('[data-gap]').count()).toBeGreaterThan(10);
    const overdue = db
      .prepare(
        "SELECT count(*) FROM initiatives WHERE end_date < date('now', 'localtime') AND status NOT IN ('completed', 'cancelled')",
      )
      .pluck()
      .get() as number;
    expect(await page.getByTestId('overdue-item').count()).toBe(Math.min(overdue, 15));
    await page.screenshot({ path: join(RESULTS, 'dashboard-ar.png'), fullPage: true });
  });

  it('narrows everything to one region', async () => {
    const { page, db } = s;
    await page.getByTestId('dashboard-scope').click();
    await page.getByRole('option', { name: 'إقليم الصعيد' }).click();
    await expect.poll(() => text('stat-clusters')).toBe('6');
    const region = db.prepare("SELECT id FROM regions WHERE name_ar = 'إقليم الصعيد'").pluck().get() as string;
    const n = db
      .prepare("SELECT count(*) FROM initiatives WHERE region_id = ? AND status <> 'cancelled'")
      .pluck()
      .get(region) as number;
    expect(await text('stat-initiatives')).toBe(String(n));
    expect(await page.getByTestId('chart-regions').innerText()).not.toContain('إقليم الدلتا');
    for (const item of await page.getByTestId('finding').allInnerTexts()) expect(item).toContain('إقليم الصعيد');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.screenshot({ path: join(RESULTS, 'dashboard-region-en.png'), fullPage: true });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });

  it('shows a governorate under its region, and a cluster profile with its initiatives by axis and gaps marked', async () => {
    const { page, db } = s;
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('add-region').click();
    const rd = page.getByTestId('region-dialog');
    await rd.locator('input[name=nameAr]').fill('محافظة أسوان');
    await rd.getByLabel('يتبع (اختياري)').click();
    await page.getByRole('option', { name: 'إقليم الصعيد' }).click();
    await rd.getByTestId('dialog-save').click();
    await rd.waitFor({ state: 'detached' });
    const items = await page.getByTestId('region-list').locator('li').allInnerTexts();
    const at = items.findIndex((x) => x.includes('إقليم الصعيد'));
    expect(items[at + 1]).toContain('محافظة أسوان');
    // A tree: the region closes over its governorate and opens again.
    const code = db.prepare("SELECT code FROM regions WHERE name_ar = 'إقليم الصعيد'").pluck().get() as string;
    const toggle = page.getByTestId(`region-toggle-${code}`);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.click();
    await expect.poll(() => page.getByTestId('region-list').innerText()).not.toContain('محافظة أسوان');
    await toggle.click();
    await expect.poll(() => page.getByTestId('region-list').innerText()).toContain('محافظة أسوان');
    await page.screenshot({ path: join(RESULTS, 'regions-tree-ar.png') });

    await page.getByTestId('region-list').getByText('إقليم الصعيد').click();
    await page.getByRole('button', { name: 'تعديل الألباستر بالقرنة' }).click();
    const profile = page.getByTestId('cluster-initiatives');
    await profile.waitFor();
    const id = db.prepare("SELECT id FROM clusters WHERE name_ar = 'الألباستر بالقرنة'").pluck().get() as string;
    const covered = [1, 2, 3, 4, 5, 6, 7].filter(
      (a) =>
        db
          .prepare(`SELECT count(*) FROM initiatives WHERE cluster_id = ? AND axis${a} = 1 AND status <> 'cancelled'`)
          .pluck()
          .get(id) as number,
    );
    expect(await profile.locator('[data-axis]').count()).toBe(7);
    const gaps = await profile
      .locator('[data-gap]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-axis'))));
    expect(gaps).toEqual([1, 2, 3, 4, 5, 6, 7].filter((a) => !covered.includes(a)));
    expect(gaps.length).toBeGreaterThan(0);
    await profile.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS, 'cluster-profile-ar.png') });
    await page.keyboard.press('Escape');
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
