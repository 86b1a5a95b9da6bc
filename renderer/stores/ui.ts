import type { StateCreator } from 'zustand';
import type { ApiError } from '../../electron/api/contract';
import { call } from '../api';
import i18n, { type Language, rememberLanguage, rememberedLanguage } from '../i18n';
import type { Store } from './index';

export const SCREENS = ['dashboard', 'regions', 'initiatives', 'matrix', 'exchange', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export type Notice = { kind: 'error'; error: ApiError } | { kind: 'success'; key: string };

export interface UiSlice {
  language: Language;
  screen: Screen;
  notice: Notice | null;
  setLanguage(lang: Language): void;
  /** The user's switch: applied at once, remembered here and in the portfolio's settings. */
  switchLanguage(lang: Language): void;
  go(screen: Screen): void;
  notify(notice: Notice): void;
  clearNotice(): void;
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set, get) => ({
  language: rememberedLanguage(),
  screen: 'dashboard',
  notice: null,
  setLanguage(language) {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    set({ language });
  },
  switchLanguage(language) {
    get().setLanguage(language);
    call('settings.update', { language }).catch(() => {
      // Remembered on this machine already; the settings file catches up on the next change.
    });
  },
  go: (screen) => set({ screen }),
  notify: (notice) => set({ notice }),
  clearNotice: () => set({ notice: null }),
});
