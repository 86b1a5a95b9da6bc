import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { PortfolioSession } from '../../electron/session';
import { startWebHost, type WebHost } from '../../electron/web-host';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = resolve(__dirname, '../../test-results');

/** Flags that keep Debian's Chromium off the network it cannot reach here (TOOLCHAIN.md). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  /** The portfolio open when the session started (undefined when it started on a damaged file). */
  db: Db;
  /** The web host's portfolio session: the file in use after the page opens another. */
  portfolio: PortfolioSession;
  dbFile: string;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** Requests the page made to anything but the web host: must stay empty (offline program). */
  foreignRequests: string[];
  /** Uncaught page errors and console errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * A real portfolio file, the real web host over it, and a real Chromium page pointed at it.
 * `prepare` may make the file first (in a fresh folder of its own), as the program would find it.
 */
export async function startSession(prepare?: (dbFile: string) => void | Promise<void>): Promise<Session> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(resolve(__dirname, '../../out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm test does it).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'tajammu-e2e-'));
  const dbFile = join(dir, 'portfolio.tajammu');
  await prepare?.(dbFile);
  const portfolio = new PortfolioSession({ stateDir: join(dir, 'state') });
  await portfolio.start(dbFile);
  const db = portfolio.db as Db;
  const host = await startWebHost({ session: portfolio, staticDir: resolve(__dirname, '../../out/renderer') });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ar-EG' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(host.url) && !req.url().startsWith('data:')) foreignRequests.push(req.url());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  return {
    db,
    portfolio,
    dbFile,
    host,
    browser,
    page,
    foreignRequests,
    pageErrors,
    async close() {
      await browser.close();
      await host.close();
      portfolio.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A session on the demo portfolio, its page open at the start screen; results go to RESULTS. */
export async function startDemoSession(): Promise<Session> {
  mkdirSync(RESULTS, { recursive: true });
  const s = await startSession();
  loadDemo(s.db, { source: 'cli' });
  await s.page.goto(s.host.url);
  return s;
}

const AXE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** WCAG 2 A and AA problems axe-core finds on the page as it stands (labels, contrast, roles…). */
export async function axeViolations(page: Page): Promise<string[]> {
  // A dialog fades in: measured half-way, its text would read as too faint.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.MuiDialog-container, .MuiBackdrop-root')].every(
      (e) => getComputedStyle(e).opacity === '1',
    ),
  );
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] });
    return (result.violations as { id: string; nodes: { html: string }[] }[]).map(
      (v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]!.html.slice(0, 120)}`,
    );
  });
}
