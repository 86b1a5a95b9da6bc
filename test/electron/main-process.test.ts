import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { FakeContents, makeFakeElectron } from './fake-electron';

const OUT = resolve(__dirname, '../../out');
const userData = mkdtempSync(join(tmpdir(), 'tajammu-userdata-'));
const fake = makeFakeElectron(userData);
const trusted = { senderFrame: { url: 'app://tajammu/index.html', parent: null } };

/** Loads a built bundle with `electron` resolved to the fake; everything else is real. */
function loadWithFakeElectron(file: string): void {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : original.call(this, request, ...rest);
  };
  try {
    createRequire(__filename)(file);
  } finally {
    mod._load = original;
  }
}

beforeAll(async () => {
  if (!existsSync(join(OUT, 'main/index.js'))) throw new Error('Build first: npm run build');
  loadWithFakeElectron(join(OUT, 'main/index.js'));
  await new Promise((r) => setTimeout(r, 50));
});

describe('main process (built bundle, fake Electron)', () => {
  it('opens the portfolio in the user-data folder and one hardened window on app://', () => {
    expect(fake.rec.errors).toEqual([]);
    expect(existsSync(join(userData, 'portfolio.tajammu'))).toBe(true);
    expect(fake.rec.windows).toHaveLength(1);
    const win = fake.rec.windows[0]!;
    expect(win.url).toBe('app://tajammu/index.html');
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(existsSync(String(win.options.webPreferences!.preload))).toBe(true);
    expect(fake.rec.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('answers contract calls from our page over IPC, and refuses other senders', async () => {
    const invoke = fake.rec.ipc.get('tajammu:invoke')!;
    const axes = (await invoke(trusted as never, 'axes.list' as never, undefined as never)) as {
      ok: boolean;
      value: unknown[];
    };
    expect(axes.ok).toBe(true);
    expect(axes.value).toHaveLength(7);
    const foreign = await invoke(
      { senderFrame: { url: 'https://evil.example/', parent: null } } as never,
      'axes.list' as never,
      undefined as never,
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await invoke(trusted as never, 'fs.readFile' as never, '/etc/passwd' as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('prints our page to an A4 PDF on its own channel, and refuses other senders', async () => {
    const print = fake.rec.ipc.get('tajammu:print-pdf')!;
    const asked: unknown[] = [];
    const sender = { printToPDF: (o: unknown) => (asked.push(o), Promise.resolve(Buffer.from('%PDF-1.4'))) };
    const bytes = (await print({ ...trusted, sender } as never)) as Buffer;
    expect(bytes.toString('latin1')).toBe('%PDF-1.4');
    expect(asked).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null }, sender };
    expect(() => print(foreign as never)).toThrow('untrusted sender');
    expect(asked).toHaveLength(1);
  });

  it('shows the menu in Arabic first and rebuilds it when the language changes', async () => {
    expect(fake.rec.menus[0]!.map((m) => m.label)).toContain('ملف');
    const invoke = fake.rec.ipc.get('tajammu:invoke')!;
    await invoke(trusted as never, 'settings.update' as never, { language: 'en' } as never);
    expect(fake.rec.menus.at(-1)!.map((m) => m.label)).toContain('File');
  });

  it('serves the renderer over app:// with the CSP, and nothing outside it', async () => {
    const handle = fake.rec.protocols.get('app')!;
    const ok = (await handle({ url: 'app://tajammu/index.html' } as never)) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ok.text()).toContain('<div id="root">');
    const escape = (await handle({ url: 'app://tajammu/..%2f..%2fpackage.json' } as never)) as Response;
    expect(escape.status).toBe(404);
  });

  it('denies permissions, foreign navigation, new windows and webviews', () => {
    let granted: boolean | undefined;
    fake.rec.permissionRequest!(null as never, 'media' as never, ((g: boolean) => (granted = g)) as never);
    expect(granted).toBe(false);
    expect(fake.rec.permissionCheck!(null as never, 'geolocation' as never)).toBe(false);

    const contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
    const nav = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('https://evil.example/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://tajammu/index.html')).toBe(false);
    let webviewBlocked = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewBlocked = true) });
    expect(webviewBlocked).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.rec.opened).toEqual(['https://example.org/']);
  });
});

describe('main process Excel exchange (built bundle, worker thread)', () => {
  it('previews and commits an import through the bundled excel worker', async () => {
    const invoke = fake.rec.ipc.get('tajammu:invoke')!;
    const call = async (name: string, input?: unknown) => {
      const r = (await invoke(trusted as never, name as never, input as never)) as {
        ok: boolean;
        value: never;
        error: unknown;
      };
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as Record<string, unknown>;
    };
    const data = readFileSync(join(__dirname, '../fixtures/libreoffice-register.xlsx')).toString('base64');
    const { jobId } = await call('import.preview', { fileName: 'register.xlsx', data });
    let job: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      job = await call('jobs.get', { id: jobId });
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.state).toBe('done');
    const preview = job.result as { previewId: string; counts: { create: number; errors: number } };
    expect(preview.counts).toMatchObject({ create: 2, errors: 0 });
    expect(await call('import.commit', { previewId: preview.previewId, skipInvalid: false })).toMatchObject({
      created: 2,
    });
  });
});

describe('preload (built bundle, fake Electron)', () => {
  it('exposes invoke for contract names only', async () => {
    loadWithFakeElectron(join(OUT, 'preload/index.cjs'));
    const api = (globalThis as unknown as { api: { invoke(n: unknown, i?: unknown): Promise<unknown> } }).api;
    expect(Object.keys(api)).toEqual(['invoke', 'printPdf']);
    expect(await api.invoke('regions.list')).toEqual({ forwarded: ['tajammu:invoke', 'regions.list', undefined] });
    // The page printed to PDF goes on its own channel, with nothing from the page but the call.
    expect(await (api as unknown as { printPdf(): Promise<unknown> }).printPdf()).toEqual({
      forwarded: ['tajammu:print-pdf'],
    });
    expect(await api.invoke('shell.openExternal', 'file:///')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
  });
});

describe('main process File menu (built bundle, fake Electron)', () => {
  type Item = { label?: string; submenu?: Item[]; click?: () => void };
  const fileMenu = () => (fake.rec.menus.at(-1) as Item[])[0]!.submenu!;
  const invoke = (name: string, input?: unknown) =>
    fake.rec.ipc.get('tajammu:invoke')!(trusted as never, name as never, input as never) as Promise<{
      ok: boolean;
      value: { file: string; recent: string[] } & Record<string, unknown>;
      error: { code: string };
    }>;
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('opens the file chosen in the system dialog, remembers it, and reloads the page on it', async () => {
    const other = join(mkdtempSync(join(tmpdir(), 'tajammu-other-')), 'branch.tajammu');
    const db = open(other);
    loadDemo(db, { source: 'ui' });
    db.close();

    fake.rec.dialogAnswers.push(other);
    expect((await invoke('files.choose', { purpose: 'open' })).value).toEqual({ path: other });
    expect(fake.rec.dialogs.at(-1)).toEqual({ kind: 'open', title: expect.any(String) });

    const reloads = fake.rec.reloads;
    fake.rec.dialogAnswers.push(other);
    fileMenu()[2]!.click!(); // فتح ملف محفظة…
    await until(() => fake.rec.reloads > reloads);
    expect(fake.rec.reloads).toBe(reloads + 1);
    const current = await invoke('files.current');
    expect(current.value.file).toBe(other);
    expect(current.value.canChoose).toBe(true);
    // The menu was English for the first file; this one's settings say Arabic.
    expect((fake.rec.menus.at(-1) as Item[])[0]!.label).toBe('ملف');
    const regions = await invoke('regions.list');
    expect((regions.value as unknown as unknown[]).length).toBeGreaterThan(3);
    expect(fileMenu()[3]!.submenu!.map((i) => i.label)).toEqual([other, join(userData, 'portfolio.tajammu')]);

    // Cancelling the dialog does nothing; a newer file is refused with a message, the current stays.
    fake.rec.dialogAnswers.push(null);
    fileMenu()[0]!.click!();
    await new Promise((r) => setTimeout(r, 50));
    expect((await invoke('files.current')).value.file).toBe(other);
    const newer = join(dirname(other), 'newer.tajammu');
    open(newer).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 9999');
    raw.close();
    const errors = fake.rec.errors.length;
    fake.rec.dialogAnswers.push(newer);
    fileMenu()[2]!.click!();
    await until(() => fake.rec.errors.length > errors);
    expect(fake.rec.errors.at(-1)).toMatch(/أحدث[\s\S]*newer version/);
    expect((await invoke('files.current')).value.file).toBe(other);

    // Save a copy: the system dialog asked about replacing, so an older copy is replaced; the
    // open file stays, and the page is not reloaded.
    const copy = join(dirname(other), 'usb-copy');
    const reloadsBefore = fake.rec.reloads;
    for (const _ of [1, 2]) {
      const messages = fake.rec.messages.length;
      fake.rec.dialogAnswers.push(copy);
      fileMenu()[4]!.click!();
      await until(() => fake.rec.messages.length > messages);
      expect(fake.rec.messages.at(-1)).toContain(`${copy}.tajammu`);
    }
    expect(existsSync(`${copy}.tajammu`)).toBe(true);
    expect(fake.rec.reloads).toBe(reloadsBefore);
    expect((await invoke('files.current')).value.file).toBe(other);

    // A new consolidated portfolio from the File menu: the ministry's file, opened.
    fake.rec.dialogAnswers.push(join(dirname(other), 'ministry'));
    fileMenu()[1]!.click!();
    await until(() => fake.rec.reloads > reloadsBefore);
    expect((await invoke('files.current')).value).toMatchObject({
      file: join(dirname(other), 'ministry.tajammu'),
      ministry: true,
    });
  });
});

describe('main process downloads (built bundle, fake Electron)', () => {
  const fakeItem = () => {
    const item = { saved: '' as string, cancelled: false };
    return Object.assign(item, {
      getFilename: () => 'portfolio-report.xlsx',
      cancel: () => void (item.cancelled = true),
      setSavePath: (p: string) => void (item.saved = p),
    });
  };

  it('saves a report from the screens where the user chose, but never over the portfolio or into its backups', async () => {
    const download = fake.rec.sessionEvents.get('will-download') as unknown as (event: unknown, item: unknown) => void;
    const current = (await fake.rec.ipc.get('tajammu:invoke')!(
      trusted as never,
      'files.current' as never,
      undefined as never,
    )) as { value: { file: string } };
    const portfolio = current.value.file;
    const before = readFileSync(portfolio);

    const onPortfolio = fakeItem();
    fake.rec.dialogAnswers.push(portfolio);
    download({}, onPortfolio);
    expect(onPortfolio).toMatchObject({ cancelled: true, saved: '' });
    expect(fake.rec.errors.at(-1)).toMatch(/ملف المحفظة نفسه[\s\S]*portfolio file itself/);
    expect(readFileSync(portfolio).equals(before)).toBe(true);

    const intoBackups = fakeItem();
    fake.rec.dialogAnswers.push(join(dirname(portfolio), 'backups', 'report.xlsx'));
    download({}, intoBackups);
    expect(intoBackups.cancelled).toBe(true);

    const cancelled = fakeItem();
    fake.rec.dialogAnswers.push(null);
    download({}, cancelled);
    expect(cancelled.cancelled).toBe(true);

    const fine = fakeItem();
    const target = join(mkdtempSync(join(tmpdir(), 'tajammu-reports-')), 'report.xlsx');
    fake.rec.dialogAnswers.push(target);
    download({}, fine);
    expect(fine).toMatchObject({ cancelled: false, saved: target });
  });
});
