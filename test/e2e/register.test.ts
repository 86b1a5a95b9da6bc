import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { RESULTS, type Session, startDemoSession } from './browser';

let s: Session;
beforeAll(async () => {
  s = await startDemoSession();
  await s.page.getByTestId('nav-initiatives').click();
  await s.page.locator('[role="row"][data-id]').first().waitFor();
});
afterAll(async () => {
  await s?.close();
});

const shot = (name: string) => s.page.screenshot({ path: join(RESULTS, `${name}.png`) });
const rowIds = () =>
  s.page.locator('[role="row"][data-id]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-id')));
const dbRow = (id: string) =>
  s.db.prepare('SELECT code, status, progress, end_date FROM initiatives WHERE id = ?').get(id) as {
    code: string;
    status: string;
    progress: number;
    end_date: string | null;
  };
/** Opens a row's progress cell for editing, types a value and commits it with Enter. */
async function editProgress(id: string, value: string) {
  const cell = s.page.locator(`[role="row"][data-id="${id}"] [data-field="progress"]`);
  await cell.dblclick();
  const input = cell.locator('input');
  await input.fill(value);
  await input.press('Enter');
}
/** A cell's text without the direction marks Intl puts around an Arabic percent sign. */
const plain = async (l: Locator) => (await l.innerText()).replace(/\u200e/g, '');
/** Picks a choice in one of the register's drop-down filters. */
async function choose(testId: string, option: string) {
  // The filters are a bar opened on demand.
  if (!(await s.page.getByTestId(testId).isVisible())) await s.page.getByTestId('register-filters-toggle').click();
  await s.page.getByTestId(testId).click();
  await s.page.getByRole('option', { name: option, exact: true }).click();
}

describe('e2e/register (the initiative register)', () => {
  it('finds an initiative typed with other hamza and ta marbuta forms, and keeps its filters across screens', async () => {
    const { page } = s;
    const search = page.locator('input[name="search"]');
    // The demo title is «إنشاء معمل مركزي لاختبار الجودة …»; typed without hamza, with ha for ta marbuta.
    await search.fill('انشاء معمل مركزى لاختبار الجوده');
    await expect.poll(async () => (await rowIds()).length).toBeGreaterThan(0);
    const titles = await page.locator('[role="row"][data-id] [data-field="title"]').allInnerTexts();
    for (const title of titles) expect(title).toContain('إنشاء معمل مركزي لاختبار الجودة');
    await choose('register-status', 'جارية');
    const filtered = await rowIds();
    await shot('register-search-ar');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-initiatives').click();
    expect(await page.locator('input[name="search"]').inputValue()).toBe('انشاء معمل مركزى لاختبار الجوده');
    expect(await rowIds()).toEqual(filtered);
    await page.getByRole('button', { name: 'مسح عوامل التصفية' }).click();
    await expect.poll(async () => (await rowIds()).length).toBeGreaterThan(filtered.length);
  });

  it('fits the office laptop: at 1366×768 twelve rows and more, budget and spending in view', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForTimeout(200);
    const grid = (await page.locator('.MuiDataGrid-virtualScroller').boundingBox())!;
    expect(grid.y + grid.height).toBeLessThanOrEqual(768);
    const rows = await page
      .locator('[role="row"][data-id]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
    expect(rows.filter((r) => r.top >= grid.y && r.bottom <= grid.y + grid.height).length).toBeGreaterThanOrEqual(12);
    for (const field of ['title', 'plannedBudget', 'spent']) {
      const head = (await page.locator(`[role="columnheader"][data-field="${field}"]`).boundingBox())!;
      expect(head.x).toBeGreaterThanOrEqual(0);
      expect(head.x + head.width).toBeLessThanOrEqual(1366);
    }
    await page.screenshot({ path: join(RESULTS, 'register-1366-ar.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('edits status and progress in place, and refuses a progress over 100 with nothing saved', async () => {
    const { page } = s;
    const id = (await rowIds())[3]!;
    const row = page.locator(`[role="row"][data-id="${id}"]`);
    await editProgress(id, '55');
    await expect.poll(() => dbRow(id).progress).toBe(55);

    await row.locator('[data-field="status"]').dblclick();
    await page.getByRole('option', { name: 'متوقفة' }).click();
    await expect.poll(() => dbRow(id).status).toBe('on_hold');

    const before = dbRow(id);
    await editProgress(id, '150');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('نسبة الإنجاز عدد صحيح بين 0 و100');
    expect(dbRow(id)).toEqual(before);
    // The cell shows the stored value again.
    await expect.poll(() => plain(row.locator('[data-field="progress"]'))).toBe('55%');
    await shot('register-inline-error-ar');
    const audit = s.db
      .prepare("SELECT source, action FROM audit_log WHERE entity_id = ? AND action = 'update'")
      .all(id) as { source: string }[];
    expect(audit.map((a) => a.source)).toEqual(['ui', 'ui']);

    // A date in place, typed day/month/year whatever the system's format; text that is no date
    // changes nothing.
    await page.getByRole('button', { name: 'الأعمدة' }).click();
    await page.getByRole('checkbox', { name: 'تاريخ الانتهاء' }).check();
    await page.keyboard.press('Escape');
    const end = row.locator('[data-field="endDate"]');
    await end.scrollIntoViewIfNeeded();
    await end.dblclick();
    await expect.poll(() => end.locator('input').getAttribute('placeholder')).toBe('يوم/شهر/سنة');
    await end.locator('input').fill('١٥/٣/2029');
    await end.locator('input').press('Enter');
    await expect.poll(() => dbRow(id).end_date).toBe('2029-03-15');
    await expect.poll(() => end.innerText()).toContain('2029');
    await end.dblclick();
    await end.locator('input').fill('31/02/2029');
    await expect.poll(() => end.locator('input').getAttribute('aria-invalid')).toBe('true');
    await end.locator('input').press('Enter');
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('15/01/2026');
    expect(dbRow(id).end_date).toBe('2029-03-15');
    await page.getByRole('button', { name: 'الأعمدة' }).click();
    await page.getByRole('checkbox', { name: 'تاريخ الانتهاء' }).uncheck();
    await page.keyboard.press('Escape');
  });

  it('changes the status of three selected initiatives at once, and deletes two after asking', async () => {
    const { page } = s;
    const ids = (await rowIds()).slice(0, 3) as string[];
    for (const id of ids) await page.locator(`[role="row"][data-id="${id}"] input[type="checkbox"]`).check();
    await expect.poll(() => page.getByTestId('bulk-bar').innerText()).toContain('حُدِّدت 3 مبادرات');
    await page.getByTestId('bulk-status').click();
    await page.getByRole('option', { name: 'منتهية' }).click();
    await shot('register-bulk-ar');
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => ids.map((id) => dbRow(id).status)).toEqual(['completed', 'completed', 'completed']);
    await expect.poll(() => page.getByTestId('bulk-bar').count()).toBe(0);

    const count = () => s.db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
    const total = count();
    for (const id of ids.slice(0, 2))
      await page.locator(`[role="row"][data-id="${id}"] input[type="checkbox"]`).check();
    await page.getByTestId('bulk-delete').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('المبادرتين المحددتين');
    await page.getByRole('button', { name: 'إلغاء' }).click();
    expect(count()).toBe(total);
    await page.getByTestId('bulk-delete').click();
    await page.getByTestId('confirm-delete').click();
    await expect.poll(count).toBe(total - 2);
  });

  it('shows a hidden column from the column chooser, and reads left to right in English', async () => {
    const { page } = s;
    // Columns out of view are not drawn (the grid virtualises them): count them instead.
    const columns = () => page.getByRole('grid').getAttribute('aria-colcount');
    const before = Number(await columns());
    await page.getByRole('button', { name: 'الأعمدة' }).click();
    await page.getByRole('checkbox', { name: 'الجهة المنفذة' }).check();
    await page.keyboard.press('Escape');
    await expect.poll(async () => Number(await columns())).toBe(before + 1);
    const header = page.locator('[role="columnheader"][data-field="leadBody"]');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    // The far end of the row (right in English), where the new column stands before the actions.
    await page.locator('.MuiDataGrid-virtualScroller').evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect.poll(() => header.innerText()).toContain('Lead body');
    await shot('register-en');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot('register-ar');
  });

  it('adds an initiative on two axes, then an indicator with two period values, and shows its achievement', async () => {
    const { page, db } = s;
    const d = page.getByTestId('initiative-dialog');
    const ind = page.getByTestId('indicator-dialog');
    const counts = () =>
      db.prepare("SELECT (SELECT count(*) FROM initiatives) || '/' || (SELECT count(*) FROM indicators)").pluck().get();
    const before = counts();
    /** A new initiative's form with one indicator taken in it, not saved yet. */
    const fillNew = async () => {
      await page.getByTestId('add-initiative').click();
      await d.locator('input[name=title]').fill('تدريب حرفيي فخار قرية تونس على التصدير');
      await d.getByRole('checkbox', { name: /^2\./ }).check();
      await d.getByRole('checkbox', { name: /^5\./ }).check();
      await d.getByTestId('add-indicator').click();
      await ind.locator('input[name=name]').fill('عدد المعارض الدولية');
      await ind.locator('input[name=target]').fill('4');
      await ind.getByTestId('dialog-save').click();
      await ind.waitFor({ state: 'detached' });
      await expect.poll(() => d.getByTestId('indicator-table').innerText()).toContain('عدد المعارض الدولية');
    };
    // Cancel means cancel: neither the initiative nor its indicator is saved.
    await fillNew();
    expect(counts()).toBe(before);
    await d.getByRole('button', { name: 'إلغاء' }).click();
    await page.getByTestId('confirm-discard').click();
    await d.waitFor({ state: 'detached' });
    expect(counts()).toBe(before);
    // Saved: the initiative and its indicator in one step.
    await fillNew();
    await d.getByTestId('dialog-save').click();
    await d.waitFor({ state: 'detached' });
    const created = db
      .prepare("SELECT id, code, axis2, axis5 FROM initiatives WHERE title LIKE 'تدريب حرفيي فخار%'")
      .get() as { id: string; code: string; axis2: number; axis5: number };
    expect(created).toMatchObject({ axis2: 1, axis5: 1 });
    expect(db.prepare('SELECT name, target FROM indicators WHERE initiative_id = ?').all(created.id)).toEqual([
      { name: 'عدد المعارض الدولية', target: 4 },
    ]);

    // Found again by its code, opened, and given an indicator.
    await page.locator('input[name="search"]').fill(created.code);
    // The row's actions are grid menu items (the grid moves between them with the arrow keys).
    await page.getByRole('menuitem', { name: /^تعديل تدريب حرفيي/ }).click();
    await d.getByTestId('add-indicator').click();
    await ind.locator('input[name=name]').fill('عدد الحرفيين المصدّرين');
    await ind.locator('input[name=unit]').fill('حرفي');
    await ind.locator('input[name=baseline]').fill('10');
    await ind.locator('input[name=target]').fill('٥٠');
    await ind.getByTestId('add-value').click();
    await ind.locator('input[name=period0]').fill('2026-Q2');
    await ind.locator('input[name=value0]').fill('20');
    await ind.getByTestId('add-value').click();
    // The next quarter is proposed; a value typed in Arabic-Indic digits is read.
    expect(await ind.locator('input[name=period1]').inputValue()).toBe('2026-Q3');
    await ind.locator('input[name=value1]').fill('abc');
    await expect.poll(() => ind.getByTestId('dialog-save').isDisabled()).toBe(true);
    await ind.locator('input[name=value1]').fill('٣٠');
    await expect.poll(() => ind.getByTestId('dialog-save').isDisabled()).toBe(false);
    await shot('indicator-dialog-ar');
    await ind.getByTestId('dialog-save').click();
    await ind.waitFor({ state: 'detached' });
    // (30 − 10) / (50 − 10): half way from the baseline to the target; the latest value's
    // period by its name, not as a code the page's direction would turn round («Q3-2026»).
    await expect.poll(() => plain(d.getByTestId('indicator-achievement').last())).toBe('50%');
    await expect.poll(() => d.getByTestId('indicator-table').innerText()).toContain('الربع الثالث من عام 2026');
    await d.getByTestId('indicators').scrollIntoViewIfNeeded();
    await shot('initiative-indicators-ar');
    const values = () =>
      db
        .prepare(
          `SELECT v.period, v.value FROM indicator_values v JOIN indicators n ON n.id = v.indicator_id
           WHERE n.initiative_id = ? ORDER BY v.period`,
        )
        .all(created.id);
    // The indicator is the editor's until the initiative is saved: Cancel leaves nothing of it.
    expect(values()).toEqual([]);
    await d.getByRole('button', { name: 'إلغاء' }).click();
    await page.getByTestId('confirm-discard').click();
    await d.waitFor({ state: 'detached' });
    expect(db.prepare('SELECT count(*) FROM indicators WHERE initiative_id = ?').pluck().get(created.id)).toBe(1);
    // Again, and saved with the initiative: the first indicator removed, the new one kept.
    await page.getByRole('menuitem', { name: /^تعديل تدريب حرفيي/ }).click();
    await expect.poll(() => d.getByTestId('indicator-row').count()).toBe(1);
    await d.getByTestId('add-indicator').click();
    await ind.locator('input[name=name]').fill('عدد الحرفيين المصدّرين');
    await ind.getByTestId('add-value').click();
    await ind.locator('input[name=period0]').fill('2026-Q2');
    await ind.locator('input[name=value0]').fill('20');
    await ind.getByTestId('add-value').click();
    await ind.locator('input[name=value1]').fill('30');
    await ind.getByTestId('dialog-save').click();
    await ind.waitFor({ state: 'detached' });
    await d.getByRole('button', { name: /^المزيد: عدد المعارض الدولية/ }).click();
    await page.getByRole('menuitem', { name: /^حذف عدد المعارض الدولية/ }).click();
    await expect.poll(() => d.getByTestId('indicator-row').count()).toBe(1);
    await d.getByTestId('dialog-save').click();
    await d.waitFor({ state: 'detached' });
    expect(values()).toEqual([
      { period: '2026-Q2', value: 20 },
      { period: '2026-Q3', value: 30 },
    ]);
    expect(db.prepare('SELECT name FROM indicators WHERE initiative_id = ?').pluck().all(created.id)).toEqual([
      'عدد الحرفيين المصدّرين',
    ]);
    await page.locator('input[name="search"]').fill('');
  });

  it('undoes the last change with the button and with Ctrl+Z, and shows each record its history', async () => {
    const { page } = s;
    await page.locator('input[name="search"]').fill('');
    const ids = ((await rowIds()) as string[]).slice(5, 8);
    const before = ids.map((id) => dbRow(id));
    await editProgress(ids[0]!, '77');
    await expect.poll(() => dbRow(ids[0]!).progress).toBe(77);
    const undo = page.getByTestId('undo');
    await expect.poll(() => undo.getAttribute('aria-label')).toContain('تعديل مبادرة');
    await undo.click();
    await expect.poll(() => dbRow(ids[0]!)).toEqual(before[0]);
    await expect.poll(() => page.getByTestId('notice').innerText()).toContain('تم التراجع');

    for (const id of ids) await page.locator(`[role="row"][data-id="${id}"] input[type="checkbox"]`).check();
    await page.getByTestId('bulk-status').click();
    await page.getByRole('option', { name: 'ملغاة' }).click();
    await page.getByTestId('bulk-apply').click();
    await expect.poll(() => ids.map((id) => dbRow(id).status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    await expect.poll(() => undo.getAttribute('aria-label')).toContain('تغيير حالة مبادرات');
    await page.locator('h2').click(); // away from any field, where Ctrl+Z would undo typing
    await page.keyboard.press('Control+z');
    await expect.poll(() => ids.map((id) => dbRow(id))).toEqual(before);

    // The history is in the row's menu, beside editing.
    await page.locator(`[role="row"][data-id="${ids[0]}"] [data-field="actions"] button[aria-haspopup="menu"]`).click();
    await page.getByRole('menuitem', { name: 'سجل التغييرات' }).click();
    const history = page.getByTestId('history');
    await expect.poll(() => history.getByTestId('history-entry').count()).toBeGreaterThanOrEqual(4);
    const text = await history.innerText();
    expect(text).toContain('نسبة الإنجاز %');
    expect(text).toContain('77');
    expect(text).toContain('تم التراجع عنه');
    expect(text).toContain('الشاشات');
    await page.screenshot({ path: join(RESULTS, 'history-ar.png') });
    await page.keyboard.press('Escape');
  });

  it('asks before closing a form with unsaved edits, and keeps them when the user goes back', async () => {
    const { page, db } = s;
    const count = () => db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number;
    const total = count();
    await page.getByTestId('add-initiative').click();
    const d = page.getByTestId('initiative-dialog');
    await d.locator('input[name=title]').fill('مبادرة لم تُحفظ');
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog', { name: 'تجاهل التغييرات؟' });
    await ask.getByRole('button', { name: 'متابعة التعديل' }).click();
    expect(await d.locator('input[name=title]').inputValue()).toBe('مبادرة لم تُحفظ');
    await d.getByRole('button', { name: 'إلغاء' }).click();
    await page.screenshot({ path: join(RESULTS, 'discard-ar.png') });
    await page.getByTestId('confirm-discard').click();
    await d.waitFor({ state: 'detached' });
    expect(count()).toBe(total);
    // An untouched form closes at once.
    await page.getByTestId('add-initiative').click();
    await page.keyboard.press('Escape');
    await d.waitFor({ state: 'detached' });
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
