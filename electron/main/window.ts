import type { BrowserWindowConstructorOptions } from 'electron';
import { MESSAGES } from '../../db/core/messages';

/** The app's own origin: pages are served from the custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://tajammu`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * Options of the one window. Everything that keeps web content away from Node is set here and
 * checked by a test, so a later change cannot quietly loosen it.
 */
export function windowOptions(preloadPath: string, language: 'ar' | 'en'): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: MESSAGES[language].app.name,
    backgroundColor: '#f6f5f1',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
