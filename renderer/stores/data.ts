import type { StateCreator } from 'zustand';
import type { Axis } from '../../db/core/axes';
import type { Cluster, Initiative, Region, Sector, Settings } from '../../db/core/model';
import { SETTINGS_DEFAULTS } from '../../db/core/model';
import { AppError } from '../../db/core/errors';
import type { InputOf, OperationName, OutputOf } from '../../db/core/contract';
import { ApiFailure, call } from '../api';
import type { Store } from './index';
import { type Collection, COLLECTIONS, touched } from './touched';
import { REGISTER_DEFAULTS } from './ui';
import type { ChangeSummary, FileState, Finding, MatrixRow, PortfolioStats } from '../../db/core/results';

export interface DataSlice {
  loaded: boolean;
  /** The portfolio file in use; when it is damaged, only the recovery screen is shown. */
  file: FileState | null;
  axes: Axis[];
  regions: Region[];
  sectors: Sector[];
  clusters: Cluster[];
  initiatives: Initiative[];
  matrix: MatrixRow[];
  /** Health findings R1–R6 of the whole portfolio, as of the last refresh. */
  findings: Finding[];
  stats: PortfolioStats | null;
  settings: Settings;
  /** What an undo would take back now (null when nothing can be). */
  lastChange: ChangeSummary | null;
  /** Counts the refreshes: a view of its own (a planning preview) asks again when it moves. */
  version: number;
  /**
   * Reloads what the screens show: the collections a write touched (touched.ts), or everything
   * (the file itself too) when not told.
   */
  refresh(only?: Collection[] | null): Promise<void>;
  /** After another portfolio file was opened or restored: the views start afresh on its data. */
  switched(): Promise<void>;
  /**
   * Runs one write through the API, reloads the data, and reports a failure to the user.
   * Resolves to the result, or to undefined when the write was refused.
   */
  /** Shows a failed call's error in the user's language (any thrown value is reported). */
  fail(e: unknown): void;
  write<N extends OperationName>(name: N, input: InputOf<N>, successKey?: string): Promise<OutputOf<N> | undefined>;
}

export const createDataSlice: StateCreator<Store, [], [], DataSlice> = (set, get) => ({
  loaded: false,
  file: null,
  axes: [],
  regions: [],
  sectors: [],
  clusters: [],
  initiatives: [],
  matrix: [],
  findings: [],
  stats: null,
  settings: SETTINGS_DEFAULTS,
  lastChange: null,
  version: 0,
  async refresh(only = null) {
    try {
      const file = only ? get().file : await call('files.current');
      if (file?.state === 'damaged') {
        set({ loaded: true, file });
        return;
      }
      // The axes never change; everything else when asked, or all of it.
      const wanted = (Object.keys(COLLECTIONS) as Collection[]).filter((c) =>
        only ? only.includes(c) : c !== 'axes' || get().axes.length === 0,
      );
      const [values, history] = await Promise.all([
        Promise.all(wanted.map((c) => (call as (n: OperationName) => Promise<unknown>)(COLLECTIONS[c]))),
        call('history.last'),
      ]);
      const fetched = Object.fromEntries(wanted.map((c, i) => [c, values[i]])) as Partial<Pick<DataSlice, Collection>>;
      set((s) => ({ loaded: true, file, ...fetched, lastChange: history.change, version: s.version + 1 }));
      const settings = fetched.settings;
      if (settings && settings.language !== get().language) get().setLanguage(settings.language);
    } catch (e) {
      reportFailure(get, e);
    }
  },
  async switched() {
    set({ register: REGISTER_DEFAULTS, loaded: false });
    await get().refresh();
  },
  fail: (e) => reportFailure(get, e),
  async write(name, input, successKey = 'common.saved') {
    try {
      const value = await (call as (n: OperationName, i: unknown) => Promise<unknown>)(name, input);
      await get().refresh(touched(name));
      get().notify({ kind: 'success', key: successKey });
      return value as OutputOf<typeof name>;
    } catch (e) {
      reportFailure(get, e);
      return undefined;
    }
  },
});

function reportFailure(get: () => Store, e: unknown): void {
  // A check the page makes itself (the floor's rules) says why in both languages, as the API does.
  const error =
    e instanceof ApiFailure
      ? e.error
      : e instanceof AppError
        ? { code: e.code, message: e.bilingual }
        : { code: 'INTERNAL', message: { ar: String(e), en: String(e) } };
  get().notify({ kind: 'error', error });
}
