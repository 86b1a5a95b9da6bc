import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, type Session, startSession } from './browser';

let s: Session;
let page: Page;
const shot = (name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
const nav = (screen: string) => page.getByTestId(`nav-${screen}`).click();

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  s = await startSession();
  page = s.page;
  await page.goto(s.host.url);
});
afterAll(async () => {
  await s?.close();
});

describe('e2e/foundation', () => {
  it('starts in Arabic, right to left, with the bundled Arabic font, and offers the demo', async () => {
    await page.getByTestId('first-start').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'ar',
      'rtl',
    ]);
    expect(await page.getByTestId('nav-matrix').innerText()).toBe('المصفوفة');
    await page.evaluate(() => document.fonts.ready);
    const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'تجمع'));
    expect(fontLoaded).toBe(true);
    // The navigation drawer sits on the right in right-to-left.
    const box = await page.getByTestId('nav-dashboard').boundingBox();
    expect(box!.x).toBeGreaterThan(700);
    await shot('01-first-start-ar');
    // An office with a register in Excel is offered its import first.
    await page.getByTestId('first-import').click();
    await expect.poll(() => page.getByTestId('nav-exchange').getAttribute('aria-current')).toBe('page');
    // The screen's code loads when it is first opened.
    await page.getByTestId('import-preview').waitFor();
    await nav('dashboard');
    await page.getByTestId('first-start').waitFor();
  });

  it('creates a region and a productive cluster through the UI', async () => {
    await nav('regions');
    await page.getByTestId('add-region').click();
    const dialog = page.getByTestId('region-dialog');
    await dialog.locator('input[name=nameAr]').fill('إقليم الدلتا');
    await dialog.locator('input[name=nameEn]').fill('Delta Region');
    await dialog.locator('input[name=code]').fill('DLT');
    await dialog.getByTestId('dialog-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('region-list').innerText()).toContain('إقليم الدلتا');

    await page.getByTestId('add-cluster').click();
    const cd = page.getByTestId('cluster-dialog');
    await cd.locator('input[name=nameAr]').fill('أثاث دمياط');
    await cd.locator('input[name=mainProducts]').fill('غرف النوم والسفرة');
    await cd.locator('input[name=microCount]').fill('3200');
    await cd.getByRole('checkbox', { name: 'حرفة تراثية' }).check();
    await cd.locator('textarea[name=advantageComparative]').fill('خبرة متوارثة في الحفر اليدوي');
    // The three quality-marketing elements, each with a status and a note.
    await cd.getByLabel('توكيد جودة الخامات والعمليات والمنتج').click();
    await page.getByRole('option', { name: 'متحقق' }).click();
    await cd.locator('input[name=qmQualityNote]').fill('شهادة جودة للورش الكبرى');
    await cd.getByLabel(/علامة تجارية محلية/).click();
    await page.getByRole('option', { name: 'قيد التنفيذ' }).click();
    await shot('02-cluster-dialog-ar');
    await cd.getByTestId('dialog-save').click();
    await cd.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('cluster-table').innerText()).toContain('أثاث دمياط');
    expect(
      s.db
        .prepare(
          `SELECT micro_count, heritage, advantage_comparative, qm_customer_status, qm_quality_status,
             qm_quality_note, qm_brand_status FROM clusters`,
        )
        .get(),
    ).toEqual({
      micro_count: 3200,
      heritage: 1,
      advantage_comparative: 'خبرة متوارثة في الحفر اليدوي',
      qm_customer_status: 'not_started',
      qm_quality_status: 'achieved',
      qm_quality_note: 'شهادة جودة للورش الكبرى',
      qm_brand_status: 'in_progress',
    });
    await shot('03-regions-ar');
  });

  it('creates an initiative on two axes with one primary', async () => {
    await nav('initiatives');
    await page.getByTestId('add-initiative').click();
    const d = page.getByTestId('initiative-dialog');
    // Nothing in red before anything is typed; saving the empty form shows what it needs.
    await d.locator('input[name=title]').waitFor();
    expect(await d.locator('.Mui-error').count()).toBe(0);
    await d.getByTestId('dialog-save').click();
    await expect.poll(() => d.locator('.Mui-error').count()).toBeGreaterThan(0);
    await d.locator('input[name=title]').fill('إطلاق علامة تجارية محلية لأثاث دمياط');
    await d.getByRole('checkbox', { name: /^1\./ }).check();
    await d.getByRole('checkbox', { name: /^3\./ }).check();
    await d.getByRole('button', { name: /المحور الرئيسي: التنوع والتكامل/ }).click();
    await d.locator('input[name=plannedBudget]').fill('250,000');
    await d.locator('input[name=spent]').fill('300000');
    // Spending over budget warns but does not block saving.
    await expect.poll(() => d.innerText()).toContain('المنصرف يتجاوز الميزانية المخططة');
    // A date that is no date is said so, and not saved over: the form stays open.
    await d.locator('input[name=endDate]').fill('31/02/2026');
    await expect.poll(() => d.innerText()).toContain('اكتب التاريخ يومًا/شهرًا/سنة');
    await d.getByTestId('dialog-save').click();
    expect(await d.isVisible()).toBe(true);
    await d.locator('input[name=startDate]').fill('2026-03-01');
    await d.locator('input[name=endDate]').fill('2026-01-01');
    await expect.poll(() => d.innerText()).toContain('تاريخ الانتهاء يسبق تاريخ البدء');
    // Saved with the error: refused, the dialog stays open.
    await d.getByTestId('dialog-save').click();
    expect(await d.isVisible()).toBe(true);
    await d.locator('input[name=endDate]').fill('2026-12-31');
    await shot('04-initiative-dialog-ar');
    await d.getByTestId('dialog-save').click();
    await d.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('initiative-grid').innerText()).toContain('إطلاق علامة تجارية محلية');

    const stored = s.db
      .prepare('SELECT axis1, axis2, axis3, primary_axis, planned_budget, spent FROM initiatives')
      .all();
    expect(stored).toEqual([
      { axis1: 1, axis2: 0, axis3: 1, primary_axis: 3, planned_budget: 250_000_00, spent: 300_000_00 },
    ]);
    const sources = s.db.prepare('SELECT DISTINCT source FROM audit_log').all();
    expect(sources).toEqual([{ source: 'ui' }]);
  });

  it('shows the initiative in the matrix, with the other axes marked as gaps', async () => {
    await nav('matrix');
    const row = page.locator('[data-testid^=matrix-row-]').first();
    await row.waitFor();
    const cells = await row.locator('td[data-axis]').allInnerTexts();
    expect(cells).toEqual(['1', '—', '1', '—', '—', '—', '—']);
    expect(await row.locator('td[data-gap]').count()).toBe(5);
    await shot('05-matrix-ar');
  });

  it('shows an API error as a readable message in the current language', async () => {
    await nav('regions');
    await page.getByTestId('add-region').click();
    const dialog = page.getByTestId('region-dialog');
    await dialog.locator('input[name=nameAr]').fill('إقليم آخر');
    await dialog.locator('input[name=code]').fill('DLT');
    await dialog.getByTestId('dialog-save').click();
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.innerText()).toContain('الرمز «DLT» مستخدم بالفعل');
    await shot('06-error-ar');
    // The refused edits are still in the form: closing it asks before throwing them away.
    await dialog.getByRole('button', { name: 'إلغاء' }).click();
    await page.getByTestId('confirm-discard').click();
    await dialog.waitFor({ state: 'detached' });
    expect(s.db.prepare('SELECT count(*) AS n FROM regions').get()).toEqual({ n: 1 });
  });

  it('switches to English left to right, remembers it, and switches back', async () => {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.getByTestId('nav-matrix').innerText()).toBe('Matrix');
    const box = await page.getByTestId('nav-dashboard').boundingBox();
    expect(box!.x).toBeLessThan(100);
    await nav('matrix');
    await shot('07-matrix-en');
    await page.reload();
    await page.getByTestId('nav-matrix').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(s.db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({ value: '"en"' });
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
