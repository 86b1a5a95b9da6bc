/**
 * A stand-in for the Electron module, for the one thing that cannot run here: the Electron
 * binary. It records what the main process asks of Electron so the wiring can be checked.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Fn = (...args: never[]) => unknown;

export function makeFakeElectron(userData: string) {
  const rec = {
    windows: [] as FakeWindow[],
    ipc: new Map<string, Fn>(),
    protocols: new Map<string, Fn>(),
    schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    menus: [] as { label?: string }[][],
    permissionRequest: undefined as undefined | Fn,
    permissionCheck: undefined as undefined | Fn,
    errors: [] as string[],
    opened: [] as string[],
    /** What the next system file dialogs answer (null: cancelled), and what they were asked. */
    dialogAnswers: [] as (string | null)[],
    dialogs: [] as { kind: 'open' | 'save'; title?: string }[],
    reloads: 0,
    messages: [] as string[],
    /** Handlers of the default session's events ('will-download'). */
    sessionEvents: new Map<string, Fn>(),
  };
  const answer = (kind: 'open' | 'save', options: { title?: string }) => {
    rec.dialogs.push({ kind, title: options.title });
    const path = rec.dialogAnswers.shift() ?? null;
    return Promise.resolve(
      kind === 'open'
        ? { canceled: path === null, filePaths: path ? [path] : [] }
        : { canceled: path === null, filePath: path ?? undefined },
    );
  };
  class FakeWindow extends EventEmitter {
    url = '';
    webContents = { reload: () => void rec.reloads++ };
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      rec.windows.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    quit: () => undefined,
    exit: () => undefined,
  });
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel: string, fn: Fn) => rec.ipc.set(channel, fn) },
    Menu: {
      buildFromTemplate: (t: { label?: string }[]) => t,
      setApplicationMenu: (m: { label?: string }[]) => rec.menus.push(m),
    },
    protocol: {
      registerSchemesAsPrivileged: (s: typeof rec.schemes) => rec.schemes.push(...s),
      handle: (scheme: string, fn: Fn) => rec.protocols.set(scheme, fn),
    },
    net: { fetch: async (url: string) => new Response(readFileSync(fileURLToPath(url))) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Fn) => (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: Fn) => (rec.permissionCheck = fn),
        on: (event: string, fn: Fn) => rec.sessionEvents.set(event, fn),
      },
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => rec.errors.push(message),
      showMessageBox: (options: { message: string }) => {
        rec.messages.push(options.message);
        return Promise.resolve({ response: 0 });
      },
      showOpenDialog: (_win: unknown, options: { title?: string }) => answer('open', options),
      showSaveDialog: (_win: unknown, options: { title?: string }) => answer('save', options),
      showSaveDialogSync: (_win: unknown, options: { title?: string }) => {
        rec.dialogs.push({ kind: 'save', title: options.title });
        return rec.dialogAnswers.shift() ?? undefined;
      },
    },
    shell: { openExternal: (url: string) => rec.opened.push(url) },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => ((globalThis as Record<string, unknown>)[key] = api),
    },
    ipcRenderer: { invoke: (...args: unknown[]) => Promise.resolve({ forwarded: args }) },
  };
  return { electron, rec, app };
}

/** A web contents object as the main process sees it in 'web-contents-created'. */
export class FakeContents extends EventEmitter {
  openHandler: undefined | ((d: { url: string }) => { action: string });
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}
