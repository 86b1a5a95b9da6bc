/**
 * The Electron main process, kept thin: it opens the portfolio file, wires the one dispatcher
 * to IPC, creates the window from the tested options, owns the menu, and applies the guards.
 * Everything it calls is tested in Node; only this wiring needs the Electron binary.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { open, type Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import { getSettings } from '../../db/repos/settings';
import { isOperationName } from '../api/contract';
import { dispatch } from '../api/dispatch';
import { clearExchangeFiles } from '../excel/exchange';
import { CONTENT_SECURITY_POLICY } from './csp';
import { decidePermission, isAllowedNavigation, isSafeExternalLink, isTrustedSender, resolveAppFile } from './guards';
import { aboutText, menuTemplate } from './menu';
import { nativeBindingPath } from './native';
import { APP_SCHEME, APP_START_URL, windowOptions } from './window';

export const INVOKE_CHANNEL = 'tajammu:invoke';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let db: Db | undefined;
let win: BrowserWindow | undefined;

function setMenu(language: 'ar' | 'en'): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(language, {
        about: () => void dialog.showMessageBox({ message: aboutText(language), type: 'info' }),
      }),
    ),
  );
}

function openPortfolio(): Db {
  const file = join(app.getPath('userData'), 'portfolio.tajammu');
  return open(file, { nativeBinding: nativeBindingPath(process.env, process.resourcesPath, app.isPackaged) });
}

function createWindow(language: 'ar' | 'en'): void {
  win = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.cjs'), language));
  win.once('ready-to-show', () => win?.show());
  void win.loadURL(APP_START_URL);
}

function wireSecurity(): void {
  const rendererRoot = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererRoot);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(decidePermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => decidePermission(permission));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // A link the user clicked may open in the system browser; no window is ever opened here.
      if (isSafeExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function wireApi(): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: { ar: 'مصدر غير موثوق.', en: 'Untrusted sender.' } } };
    }
    const result = await dispatch({ db: db!, source: 'ui' }, name, input);
    if (result.ok && isOperationName(name) && name === 'settings.update') {
      setMenu((result.value as { language: 'ar' | 'en' }).language);
    }
    return result;
  });
}

function fail(e: unknown): never {
  const message = e instanceof AppError ? `${e.bilingual.ar}\n\n${e.bilingual.en}` : String(e);
  dialog.showErrorBox('تجمّع – Tajammu', message);
  app.exit(1);
  throw e;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    clearExchangeFiles();
    db?.close();
    app.quit();
  });
  app
    .whenReady()
    .then(() => {
      try {
        db = openPortfolio();
      } catch (e) {
        fail(e);
      }
      const { language } = getSettings(db);
      wireSecurity();
      wireApi();
      setMenu(language);
      createWindow(language);
    })
    .catch(fail);
}
