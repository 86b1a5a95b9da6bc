import type { MenuItemConstructorOptions } from 'electron';
import { MESSAGES } from '../../db/core/messages';

export interface MenuActions {
  about(): void;
  /** The File menu's portfolio commands; the menu is rebuilt when the recent list changes. */
  openFile(path?: string): void;
  newFile(): void;
  /** A new consolidated portfolio, the ministry's. */
  newMinistryFile(): void;
  saveCopy(): void;
}

/**
 * The application menu in the user's language, from the same message files as the pages.
 * Roles give the platform's own behaviour; only the labels are ours.
 */
export function menuTemplate(
  language: 'ar' | 'en',
  actions: MenuActions,
  platform = process.platform,
  recent: string[] = [],
): MenuItemConstructorOptions[] {
  const m = MESSAGES[language].menu;
  return [
    {
      label: m.file,
      submenu: [
        { label: m.newFile, accelerator: 'CmdOrCtrl+N', click: () => actions.newFile() },
        { label: m.newMinistryFile, click: () => actions.newMinistryFile() },
        { label: m.openFile, accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
        {
          label: m.recent,
          enabled: recent.length > 0,
          submenu: recent.map((path) => ({ label: path, click: () => actions.openFile(path) })),
        },
        { label: m.saveCopy, accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
        { type: 'separator' },
        { role: platform === 'darwin' ? 'close' : 'quit', label: m.quit },
      ],
    },
    {
      label: m.edit,
      submenu: [
        { role: 'undo', label: m.undo },
        { role: 'redo', label: m.redo },
        { type: 'separator' },
        { role: 'cut', label: m.cut },
        { role: 'copy', label: m.copy },
        { role: 'paste', label: m.paste },
        { role: 'selectAll', label: m.selectAll },
      ],
    },
    {
      label: m.view,
      submenu: [
        { role: 'reload', label: m.reload },
        { type: 'separator' },
        { role: 'zoomIn', label: m.zoomIn },
        { role: 'zoomOut', label: m.zoomOut },
        { role: 'resetZoom', label: m.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: m.fullscreen },
      ],
    },
    { label: m.window, submenu: [{ role: 'minimize', label: m.minimize }] },
    { label: m.help, submenu: [{ label: m.about, click: () => actions.about() }] },
  ];
}

export function aboutText(language: 'ar' | 'en'): string {
  return MESSAGES[language].menu.aboutText;
}
