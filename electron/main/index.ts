/**
 * The Electron main process, kept thin: it opens the portfolio file, wires the one dispatcher
 * to IPC, creates the window from the tested options, owns the menu, and applies the guards.
 * Everything it calls is tested in Node; only this wiring needs the Electron binary.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError, type Bilingual } from '../../db/core/errors';
import { getSettings } from '../../db/repos/settings';
import { INVOKE_CHANNEL, isOperationName, type OperationName, PRINT_PDF_CHANNEL } from '../../db/core/contract';
import { dispatch, sessionContext } from '../api/dispatch';
import { clearExchangeFiles } from '../excel/exchange';
import { checkOutputTarget } from '../excel/output';
import { CONTENT_SECURITY_POLICY } from './csp';
import { decidePermission, isAllowedNavigation, isSafeExternalLink, isTrustedSender, resolveAppFile } from './guards';
import { bilingual, MESSAGES, text } from '../../db/core/messages';
import { aboutText, menuTemplate } from './menu';
import { nativeBindingPath } from './native';
import { APP_SCHEME, APP_START_URL, windowOptions } from './window';
import { type FilePurpose, PortfolioSession } from '../session';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let portfolio: PortfolioSession | undefined;
let win: BrowserWindow | undefined;
let language: 'ar' | 'en' = 'ar';

/** The system's file dialogs, in the user's language, for the File menu and Settings. */
async function chooseFile(purpose: FilePurpose): Promise<string | null> {
  const m = MESSAGES[language].files;
  const filters = [{ name: m.fileType, extensions: ['tajammu'] }];
  if (purpose === 'open') {
    const r = await dialog.showOpenDialog(win!, { title: m.openTitle, filters, properties: ['openFile'] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const r = await dialog.showSaveDialog(win!, {
    title: purpose === 'create' ? m.createTitle : purpose === 'ministry' ? m.createMinistryTitle : m.copyTitle,
    filters,
    defaultPath: { create: 'portfolio.tajammu', ministry: 'ministry.tajammu', copy: 'portfolio-copy.tajammu' }[purpose],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  return r.canceled ? null : (r.filePath ?? null);
}

/** A File menu command: the same operation the Settings screen calls, then the page reloads. */
async function fileCommand(
  name: OperationName & `files.${string}`,
  purpose: FilePurpose,
  path?: string,
): Promise<void> {
  const chosen = path ?? (await chooseFile(purpose));
  if (!chosen || !portfolio) return;
  // The system's save dialog has already asked before replacing a file.
  const input =
    purpose === 'copy'
      ? { path: chosen, force: true }
      : purpose === 'ministry'
        ? { path: chosen, ministry: true }
        : { path: chosen };
  const result = await dispatch(sessionContext(portfolio, 'ui'), name, input);
  if (!result.ok) {
    showError(result.error.message);
    return;
  }
  if (purpose === 'copy') {
    // Work goes on in the open file: nothing to reload, only to confirm.
    const copied = text(language, 'files.copied', { path: (result.value as { path: string }).path });
    void dialog.showMessageBox({ message: copied, type: 'info' });
    return;
  }
  // Open, but its daily backup failed (a full USB stick): the user is told.
  const warning = (result.value as { warning?: Bilingual | null }).warning;
  if (warning) showError(warning);
  followFile();
  win?.webContents.reload();
}

/** The calls after which another file, or a restored copy, is open (not the reads: every refresh makes those). */
const SWITCHES_FILE = new Set<OperationName>(['files.open', 'files.create', 'backups.restore', 'backups.recover']);

/** Another file brings its own language; the menu follows it, and lists the recent files. */
function followFile(): void {
  if (portfolio?.db) language = getSettings(portfolio.db).language;
  setMenu();
}

function setMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        language,
        {
          about: () => void dialog.showMessageBox({ message: aboutText(language), type: 'info' }),
          openFile: (path) => void fileCommand('files.open', 'open', path),
          newFile: () => void fileCommand('files.create', 'create'),
          newMinistryFile: () => void fileCommand('files.create', 'ministry'),
          saveCopy: () => void fileCommand('files.saveCopy', 'copy'),
        },
        process.platform,
        portfolio?.recent() ?? [],
      ),
    ),
  );
}

/** The file opened last, or the default one in the user's data folder on a first start. */
async function openPortfolio(): Promise<PortfolioSession> {
  const userData = app.getPath('userData');
  // The nation's figures are cached beside the user's own data, not in a temp folder others share.
  process.env.TAJAMMU_CACHE_DIR ??= join(userData, 'national-cache');
  const s = new PortfolioSession({
    stateDir: userData,
    open: { nativeBinding: nativeBindingPath(process.env, process.resourcesPath, app.isPackaged) },
    chooser: chooseFile,
  });
  const last = s.recent()[0];
  try {
    await s.start(last ?? join(userData, 'portfolio.tajammu'));
  } catch (e) {
    if (!last) throw e;
    // The last file may sit on a USB stick that is not plugged in: fall back to the default.
    await s.start(join(userData, 'portfolio.tajammu'));
  }
  return s;
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
  // Files saved from the screens (report, template, matrix, findings, image) are asked for here,
  // so the same rule as the command line's applies: never over the portfolio or its backups,
  // never over a file of another kind. The save dialog has asked before replacing one.
  session.defaultSession.on('will-download', (_event, item) => {
    const path = dialog.showSaveDialogSync(win!, {
      defaultPath: item.getFilename(),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    if (!path) {
      item.cancel();
      return;
    }
    try {
      // The file's path even when it is damaged and not open: its backups folder is off limits too.
      item.setSavePath(checkOutputTarget(path, { force: true, portfolio: portfolio?.info().file }));
    } catch (e) {
      item.cancel();
      showError(e instanceof AppError ? e.bilingual : { ar: String(e), en: String(e) });
    }
  });
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
      return { ok: false, error: { code: 'FORBIDDEN', message: bilingual('errors.untrustedSender') } };
    }
    const result = await dispatch(sessionContext(portfolio!, 'ui'), name, input);
    if (result.ok && isOperationName(name) && name === 'settings.update') {
      language = (result.value as { language: 'ar' | 'en' }).language;
      setMenu();
    } else if (result.ok && isOperationName(name) && SWITCHES_FILE.has(name)) {
      followFile();
    }
    return result;
  });
  // The page printed as its print style sheet lays it out (A4, right to left in Arabic); the page
  // saves the bytes through the same download path and checks as every export.
  ipcMain.handle(PRINT_PDF_CHANNEL, (event) => {
    if (!isTrustedSender(event.senderFrame)) throw new Error('untrusted sender');
    return event.sender.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  });
}

/** An error box in both languages: the menu's commands and a failed start have no page to show it. */
function showError(message: Bilingual): void {
  dialog.showErrorBox(`${MESSAGES.ar.app.name} – ${MESSAGES.en.app.name}`, `${message.ar}\n\n${message.en}`);
}

function fail(e: unknown): never {
  showError(e instanceof AppError ? e.bilingual : { ar: String(e), en: String(e) });
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
    portfolio?.close();
    app.quit();
  });
  app
    .whenReady()
    .then(async () => {
      try {
        portfolio = await openPortfolio();
      } catch (e) {
        fail(e);
      }
      // A damaged file opens for recovery only, in the default language.
      if (portfolio.db) language = getSettings(portfolio.db).language;
      wireSecurity();
      wireApi();
      setMenu();
      createWindow(language);
    })
    .catch(fail);
}
