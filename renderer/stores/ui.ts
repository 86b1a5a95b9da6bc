import type { StateCreator } from 'zustand';
import { call } from '../api';
import i18n, { type Language, rememberLanguage, rememberedLanguage } from '../i18n';
import type { Store } from './index';
import type { ApiError } from '../../db/core/results';

export const SCREENS = ['dashboard', 'regions', 'initiatives', 'matrix', 'exchange', 'reporting', 'settings'] as const;
/** The ministry's consolidated portfolio has screens of its own, and the settings. */
export const MINISTRY_SCREENS = ['offices', 'nation', 'settings'] as const;
export type Screen = (typeof SCREENS)[number] | (typeof MINISTRY_SCREENS)[number];

/** The register's filters and columns: they stay as the user left them while the program is open. */
export interface RegisterView {
  search: string;
  regionId: string;
  clusterId: string;
  axis: number;
  status: string;
  hidden: Record<string, boolean>;
}
export const REGISTER_DEFAULTS: RegisterView = {
  search: '',
  regionId: '',
  clusterId: '',
  axis: 0,
  status: '',
  // What fits 1366 pixels beside the title: budget and spending shown, the dates and the rest a click away.
  hidden: {
    regionName: false,
    startDate: false,
    endDate: false,
    leadBody: false,
    beneficiaries: false,
    jobs: false,
    trainees: false,
  },
};

export type Notice =
  { kind: 'error'; error: ApiError } | { kind: 'success'; key: string; vars?: Record<string, string | number> };

/** The ministry report laid out for print (and PDF), for a period, a region and a language. */
export interface PrintRequest {
  lang: Language;
  period?: string;
  regionId?: string;
}

export interface UiSlice {
  language: Language;
  screen: Screen;
  /** The report's print view, shown in place of the screens while set. */
  printing: PrintRequest | null;
  print(request: PrintRequest | null): void;
  notice: Notice | null;
  register: RegisterView;
  setRegister(patch: Partial<RegisterView>): void;
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
  printing: null,
  print: (printing) => set({ printing }),
  notice: null,
  register: REGISTER_DEFAULTS,
  setRegister: (patch) => set((s) => ({ register: { ...s.register, ...patch } })),
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
