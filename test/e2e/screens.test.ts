import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, type Session, startSession } from './browser';

let s: Session;
beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  s = await startSession();
  // The common office laptop's screen: every screen is looked at as it shows there.
  await s.page.setViewportSize({ width: 1366, height: 768 });
  await s.page.goto(s.host.url);
});
afterAll(async () => {
  await s?.close();
});

const SCREENS = ['dashboard', 'regions', 'initiatives', 'matrix', 'exchange', 'reporting', 'settings'];

describe('e2e/screens', () => {
  it('loads the demo portfolio from the first-start offer', async () => {
    await s.page.getByRole('button', { name: 'تحميل المحفظة التجريبية' }).click();
    await s.page.getByTestId('stat-initiatives').waitFor();
    expect(Number(await s.page.getByTestId('stat-clusters').innerText())).toBe(24);
    expect(s.db.prepare('SELECT count(*) AS n FROM clusters').get()).toEqual({ n: 24 });
  });

  for (const lang of ['ar', 'en'] as const) {
    it(`renders every screen in ${lang}`, async () => {
      const dir = lang === 'ar' ? 'rtl' : 'ltr';
      if ((await s.page.evaluate(() => document.documentElement.lang)) !== lang) {
        await s.page.getByTestId('language-switch').click();
      }
      await expect.poll(() => s.page.evaluate(() => document.documentElement.dir)).toBe(dir);
      for (const screen of SCREENS) {
        await s.page.getByTestId(`nav-${screen}`).click();
        await s.page.waitForTimeout(150);
        await s.page.screenshot({
          path: join(RESULTS, `screen-${screen}-${lang}.png`),
          fullPage: false,
        });
      }
    });
  }

  it('made no request beyond the local web host and raised no page error', () => {
    expect(s.foreignRequests).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
