import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type Session, startDemoSession } from './browser';

let s: Session;
beforeAll(async () => {
  s = await startDemoSession();
  await s.page.getByTestId('stat-clusters').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const SCREENS = ['dashboard', 'regions', 'initiatives', 'matrix', 'exchange', 'reporting', 'settings'];
const violations = () => axeViolations(s.page);

describe('e2e/accessibility', () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`has no WCAG A/AA violations on any screen in ${lang}`, async () => {
      const { page } = s;
      if ((await page.evaluate(() => document.documentElement.lang)) !== lang) {
        await page.getByTestId('language-switch').click();
      }
      for (const screen of SCREENS) {
        await page.getByTestId(`nav-${screen}`).click();
        await page.waitForTimeout(300);
        expect(await violations(), `${screen} (${lang})`).toEqual([]);
      }
    });
  }

  it('has none in the editors either', async () => {
    const { page } = s;
    await page.getByTestId('nav-initiatives').click();
    await page.getByTestId('add-initiative').click();
    await page.getByTestId('initiative-dialog').waitFor();
    expect(await violations(), 'initiative editor').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('nav-regions').click();
    await page
      .getByTestId('cluster-table')
      .getByRole('button', { name: /^(Edit|تعديل) / })
      .first()
      .click();
    await page.getByTestId('cluster-dialog').waitFor();
    expect(await violations(), 'cluster profile').toEqual([]);
    await page.keyboard.press('Escape');
    // A row's menu (history, delete), opened.
    await page
      .getByTestId('cluster-table')
      .getByRole('button', { name: /^(More|المزيد)/ })
      .first()
      .click();
    await page.getByRole('menu').waitFor();
    expect(await violations(), 'row menu').toEqual([]);
    await page.keyboard.press('Escape');
    // The matrix's choice of finding dots, opened.
    await page.getByTestId('nav-matrix').click();
    await page.getByTestId('matrix-marks').click();
    await page.getByRole('menu').waitFor();
    expect(await violations(), 'finding dots menu').toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('reaches the screens from the keyboard, with a visible focus', async () => {
    const { page } = s;
    await page.getByTestId('nav-dashboard').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid);
    expect(focused).toBe('nav-initiatives');
    // Focus from the keyboard is drawn (MUI's focus-visible ripple or outline), not hidden.
    const visible = await page.evaluate(() => document.activeElement!.matches(':focus-visible'));
    expect(visible).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('initiative-grid').count()).toBe(1);
  });

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
